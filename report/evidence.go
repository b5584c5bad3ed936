package report

// The evidence of an article, which report.html shows when the article is
// opened: its markup written straight into the JSON string the page parses,
// as json.Marshal writes the markup's string. Building the markup and then
// escaping it again for JSON was half the work of an article's part of the
// page; here literal markup is escaped once, when the package starts, and
// text is escaped for HTML and JSON in one pass (appendJSONHTML).
// TestEvidence holds the two ways to the same bytes.

import (
	"cmp"
	"encoding/json"
	"math"
	"slices"
	"unicode/utf8"

	"github.com/slant-news/slant/analysis"
	"github.com/slant-news/slant/analysis/attribution"
)

// jsonEscaped is s inside a JSON string, as json.Marshal writes it.
func jsonEscaped(s string) string {
	b, _ := json.Marshal(s) // a string always marshals
	return string(b[1 : len(b)-1])
}

// The evidence's markup, escaped for JSON.
var (
	evH4           = jsonEscaped(`<h4><span class="swatch a`)
	evH4Name       = jsonEscaped(`"></span>`)
	evH4End        = jsonEscaped(`</h4>`)
	evList         = jsonEscaped(`<ol>`)
	evListEnd      = jsonEscaped(`</ol>`)
	evStatements   = jsonEscaped(`<ul class="statements">`)
	evStatementEnd = jsonEscaped(`</ul>`)
	evItemValue    = jsonEscaped(`<li value="`)
	evItemEnd      = jsonEscaped(`</li>`)
	evValueEnd     = jsonEscaped(`">`)
	evTone         = jsonEscaped(`<span class="tone"><i class="swatch a`)
	evToneValue    = jsonEscaped(`"></i>`)
	evToneEnd      = jsonEscaped(`</span> `)
	evMark         = jsonEscaped(`<mark class="a`)
	evMarkEnd      = jsonEscaped(`</mark>`)
	evStatement    = jsonEscaped(`<li><span class="tone">`)
	evQuote        = jsonEscaped(`</span> <q>`)
	evQuoteEnd     = jsonEscaped(`</q> — `)
	evReported     = jsonEscaped(`</span> <span class="reported">`)
	evReportedEnd  = jsonEscaped(`</span> — `)
	evKind         = jsonEscaped(` <span class="kind">`)
	evKindEnd      = jsonEscaped(`</span>`)
	evSwatch       = jsonEscaped(` <i class="swatch a`)
)

// appendEvidence appends the evidence of a, whose table row is r, as a
// JSON string: each actor's figures, then the sentences that mention any
// actor, each once, with the tone toward each actor it mentions, then the
// statements that give an actor a voice. e's slices are reused.
func appendEvidence(b []byte, a *analysis.Article, r *row, index actorIndex, e *evidence) []byte {
	b = append(b, '"')
	for _, ra := range r.Actors {
		b = append(b, evH4...)
		b = appendInt(b, ra.Color)
		b = append(b, evH4Name...)
		b = appendJSONHTML(b, ra.Name)
		b = append(b, ": "...)
		b = appendInt(b, ra.Mentions)
		b = append(b, " mentions in "...)
		b = appendInt(b, ra.Sentences)
		b = append(b, " sentences, tone "...)
		b = appendJSONHTML(b, ra.Tone)
		b = append(b, "; statements: "...)
		b = appendInt(b, ra.Quotes)
		b = append(b, evH4End...)
	}
	color := func(actor string) int { return index[actor] % len(palette()) } // 0 when not in the table
	bySentence := a.Mentions
	if !slices.IsSortedFunc(bySentence, compareSentences) {
		bySentence = slices.Clone(bySentence)
		slices.SortStableFunc(bySentence, compareSentences)
	}
	b = append(b, evList...)
	for _, s := range a.Sentences {
		if len(s.Actors) == 0 {
			continue
		}
		mentions := sentenceMentions(bySentence, s.N)
		e.N, e.Spans, e.Tones = s.N, appendSpans(e.Spans[:0], s, mentions, color), e.Tones[:0]
		for _, actor := range s.Actors {
			e.Tones = append(e.Tones, actorTone{color(actor), actorScore(mentions, actor)})
		}
		b = e.append(b)
	}
	b = append(b, evListEnd...)
	open := false
	for _, q := range a.Quotes {
		if len(q.Actors) == 0 {
			continue // a voice of no actor: behind no actor's figure
		}
		if !open {
			b, open = append(b, evStatements...), true
		}
		st := statement{N: q.Sentence, Speaker: q.Speaker, Kind: q.Kind, Cue: q.Cue, Text: q.Text, Colors: e.colors[:0]}
		for _, actor := range q.Actors {
			st.Colors = append(st.Colors, color(actor))
		}
		b = st.append(b)
		e.colors = st.Colors
	}
	if open {
		b = append(b, evStatementEnd...)
	}
	return append(b, '"')
}

// compareSentences orders mentions by their sentence; an article's are in
// that order already.
func compareSentences(a, b analysis.Mention) int { return cmp.Compare(a.Sentence, b.Sentence) }

// sentenceMentions returns the mentions of sentence n, in their order, from
// mentions sorted stably by sentence.
func sentenceMentions(mentions []analysis.Mention, n int) []analysis.Mention {
	i, found := slices.BinarySearchFunc(mentions, n, func(m analysis.Mention, n int) int { return cmp.Compare(m.Sentence, n) })
	if !found {
		return nil
	}
	j := i + 1
	for j < len(mentions) && mentions[j].Sentence == n {
		j++
	}
	return mentions[i:j]
}

// statement is one attributed statement behind an actor's voice.
type statement struct {
	N                  int // the number of the sentence it starts in
	Speaker, Kind, Cue string
	Text               string
	Colors             []int // its actors' palette indices
}

// append appends the statement's list item: a direct quote in quotation
// marks, mixed and indirect speech without (their content is reported, not
// quoted word for word).
func (st *statement) append(b []byte) []byte {
	b = append(b, evStatement...)
	b = appendInt(b, st.N)
	if st.Kind == attribution.Direct {
		b = append(b, evQuote...)
		b = appendJSONHTML(b, st.Text)
		b = append(b, evQuoteEnd...)
	} else {
		b = append(b, evReported...)
		b = appendJSONHTML(b, st.Text)
		b = append(b, evReportedEnd...)
	}
	b = appendJSONHTML(b, st.Speaker)
	if st.Cue != "" {
		b = append(b, ", "...)
		b = appendJSONHTML(b, st.Cue)
	}
	b = append(b, evKind...)
	b = appendJSONHTML(b, st.Kind)
	b = append(b, evKindEnd...)
	for _, c := range st.Colors {
		b = append(b, evSwatch...)
		b = appendInt(b, c)
		b = append(b, evToneValue...)
	}
	return append(b, evItemEnd...)
}

// evidence is one sentence behind the actors' figures, and the buffers of
// an article's evidence, reused from one sentence and article to the next.
type evidence struct {
	N      int // the sentence's number, as in sentences.csv
	Tones  []actorTone
	Spans  []span
	colors []int // a statement's
}

// append appends the sentence's list item: the tone toward each actor it
// mentions, then the sentence with the mentions highlighted.
func (e *evidence) append(b []byte) []byte {
	b = append(b, evItemValue...)
	b = appendInt(b, e.N)
	b = append(b, evValueEnd...)
	for _, t := range e.Tones {
		b = append(b, evTone...)
		b = appendInt(b, t.Color)
		b = append(b, evToneValue...)
		b = appendTone(b, t.Tone) // digits, '-', '.' or –: none escaped
		b = append(b, evToneEnd...)
	}
	for _, sp := range e.Spans {
		if sp.Kind == "mention" {
			b = append(b, evMark...)
			b = appendInt(b, sp.Color)
			b = append(b, evValueEnd...)
			b = appendJSONHTML(b, sp.Text)
			b = append(b, evMarkEnd...)
		} else {
			b = appendJSONHTML(b, sp.Text)
		}
	}
	return append(b, evItemEnd...)
}

// actorTone is the sentiment toward one actor's mentions in a sentence.
type actorTone struct {
	Color int
	Tone  float64 // NaN for none
}

// span is a run of a sentence's text: plain or an actor mention.
type span struct {
	Kind  string // "" or "mention"
	Color int    // the mentioned actor's palette index
	Text  string
}

// actorScore is the mean sentiment toward the actor's mentions among ms.
func actorScore(ms []analysis.Mention, actor string) float64 {
	sum, n := 0.0, 0
	for _, m := range ms {
		if m.Actor == actor {
			sum += m.Score
			n++
		}
	}
	if n == 0 {
		return math.NaN()
	}
	return sum / float64(n)
}

// appendSpans appends to out a sentence cut at its mentions. Mentions are
// byte offsets into the sentence's part; one that falls outside the
// sentence or overlaps the one before is left plain rather than trusted.
func appendSpans(out []span, s analysis.Sentence, mentions []analysis.Mention, color func(string) int) []span {
	at := 0
	for _, m := range mentions {
		start, end := m.Start-s.Start, m.End-s.Start
		if start < at || end <= start || end > len(s.Text) {
			continue
		}
		if start > at {
			out = append(out, span{Text: s.Text[at:start]})
		}
		out = append(out, span{Kind: "mention", Color: color(m.Actor), Text: s.Text[start:end]})
		at = end
	}
	if at < len(s.Text) {
		out = append(out, span{Text: s.Text[at:]})
	}
	return out
}

// jsonHTMLEscapes is what appendHTML and then json.Marshal make of each
// ASCII byte, for the bytes either changes; jsonHTMLPlain marks the bytes
// both keep.
var jsonHTMLEscapes, jsonHTMLPlain = func() (esc [utf8.RuneSelf]string, plain [256]bool) {
	for c := range utf8.RuneSelf {
		s := jsonEscaped(string(appendHTML(nil, string(rune(c)))))
		if s == string(rune(c)) {
			plain[c] = true
		} else {
			esc[c] = s
		}
	}
	return esc, plain
}()

// appendJSONHTML appends s escaped as appendHTML escapes it and then as
// json.Marshal escapes that inside a JSON string. The one pass is the same:
// appendHTML changes only ASCII bytes, into ASCII or a whole rune, so the
// runes json.Marshal checks (invalid UTF-8, U+2028, U+2029) are s's
// (FuzzJSONHTML).
func appendJSONHTML(b []byte, s string) []byte {
	written := 0
	for i := 0; i < len(s); {
		// The run of plain bytes in a loop of its own, which keeps s and
		// i in registers: most bytes are plain.
		for i < len(s) && jsonHTMLPlain[s[i]] {
			i++
		}
		if i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			b = append(b, s[written:i]...)
			b = append(b, jsonHTMLEscapes[c]...)
			i++
			written = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b = append(b, s[written:i]...)
			b = append(b, `\ufffd`...)
			written = i + n
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[written:i]...)
			b = append(b, `\u202`...)
			b = append(b, "0123456789abcdef"[r&0xF])
			written = i + n
		}
		i += n
	}
	return append(b, s[written:]...)
}
