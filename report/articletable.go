package report

// The article table of report.html: one row per article, and the evidence
// (its sentences about each actor and its statements) opened from it.

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/slant-news/slant/analysis"
	"github.com/slant-news/slant/analysis/attribution"
)

// row is one article of the table.
type row struct {
	ID, Outlet, Title, Date, URL string
	Words                        int
	Brief                        bool
	BriefWords                   int
	Quotes                       int
	Mentions                     int // of all actors: the table sorts by it
	Actors                       []rowActor
	// Sentences and Statements are the evidence behind the figures, as
	// list items, rendered here rather than by the template: they are the
	// bulk of a row, and html/template's reflection made them slower than
	// analysing the article.
	Sentences, Statements string
}

// evidence renders the evidence the page shows when the article is opened:
// each actor's figures, then the sentences that mention any actor, each
// once, with the tone toward each actor it mentions, then the statements
// that give an actor a voice.
func (r *row) evidence() string {
	var b strings.Builder
	b.Grow(len(r.Sentences) + len(r.Statements) + 128*len(r.Actors) + 64)
	for _, a := range r.Actors {
		b.WriteString(`<h4><span class="swatch a`)
		b.WriteString(strconv.Itoa(a.Color))
		b.WriteString(`"></span>`)
		escapeHTML(&b, a.Name)
		fmt.Fprintf(&b, ": %d mentions in %d sentences, tone ", a.Mentions, a.Sentences)
		escapeHTML(&b, a.Tone)
		fmt.Fprintf(&b, "; statements: %d</h4>", a.Quotes)
	}
	b.WriteString(`<ol>`)
	b.WriteString(r.Sentences)
	b.WriteString(`</ol>`)
	if r.Statements != "" {
		b.WriteString(`<ul class="statements">`)
		b.WriteString(r.Statements)
		b.WriteString(`</ul>`)
	}
	return b.String()
}

// rowActor is one actor of an article with the evidence behind its figures.
type rowActor struct {
	Name      string
	Color     int // index into palette
	Mentions  int
	Quotes    int // statements whose speakers include the actor
	Sentences int
	Tone      string
}

// statement is one attributed statement behind an actor's voice.
type statement struct {
	N                  int // the number of the sentence it starts in
	Speaker, Kind, Cue string
	Text               string
	Colors             []int // its actors' palette indices
}

// evidence is one sentence behind the actors' figures.
type evidence struct {
	N     int // the sentence's number, as in sentences.csv
	Tones []actorTone
	Spans []span
}

// actorTone is the sentiment toward one actor's mentions in a sentence.
type actorTone struct {
	Color int
	Tone  string
}

// span is a run of a sentence's text: plain or an actor mention.
type span struct {
	Kind  string // "" or "mention"
	Color int    // the mentioned actor's palette index
	Text  string
}

// actorIndex is each actor's place in the table, looked up by name: an
// article's row costs its mentions, not its mentions times the actors.
type actorIndex map[string]int

func indexOf(actors []string) actorIndex {
	index := make(actorIndex, len(actors))
	for i, a := range actors {
		if _, ok := index[a]; !ok {
			index[a] = i
		}
	}
	return index
}

func tableRow(a *analysis.Article, index actorIndex) row {
	r := row{
		ID: a.ID, Outlet: a.Outlet, Title: a.Title, Date: a.Date, URL: a.URL,
		Words: a.Words, Brief: a.Words < BriefWords, BriefWords: BriefWords,
		Quotes: len(a.Quotes),
	}
	for _, st := range a.Actors {
		r.Mentions += st.Mentions
	}
	color := func(actor string) int { return index[actor] % len(palette()) } // 0 when not in the table
	bySentence := map[int][]analysis.Mention{}
	for _, m := range a.Mentions {
		bySentence[m.Sentence] = append(bySentence[m.Sentence], m)
	}
	for _, st := range a.Actors {
		r.Actors = append(r.Actors, rowActor{
			Name: st.Actor, Color: color(st.Actor), Mentions: st.Mentions,
			Quotes: st.Quotes, Sentences: st.Sentences, Tone: tone(st.Sentiment),
		})
	}
	var b strings.Builder
	b.Grow(evidenceLen(a))
	var e evidence // its slices reused from one sentence to the next
	for _, s := range a.Sentences {
		if len(s.Actors) == 0 {
			continue
		}
		e.N, e.Spans, e.Tones = s.N, appendSpans(e.Spans[:0], s, bySentence[s.N], color), e.Tones[:0]
		for _, actor := range s.Actors {
			e.Tones = append(e.Tones, actorTone{color(actor), tone(actorScore(bySentence[s.N], actor))})
		}
		e.render(&b)
	}
	r.Sentences = b.String()
	b = strings.Builder{}
	b.Grow(statementsLen(a))
	for _, q := range a.Quotes {
		if len(q.Actors) == 0 {
			continue // a voice of no actor: behind no actor's figure
		}
		st := statement{N: q.Sentence, Speaker: q.Speaker, Kind: q.Kind, Cue: q.Cue, Text: q.Text}
		for _, actor := range q.Actors {
			st.Colors = append(st.Colors, color(actor))
		}
		st.render(&b)
	}
	r.Statements = b.String()
	return r
}

// evidenceLen is about the length of the list items of a's sentences
// that mention an actor, so that their builder grows once: the text and
// the markup around it, its mentions' and its tones'.
func evidenceLen(a *analysis.Article) int {
	n := 0
	for _, s := range a.Sentences {
		if len(s.Actors) > 0 {
			n += len(s.Text) + 32 + 64*len(s.Actors)
		}
	}
	return n + 32*len(a.Mentions)
}

// statementsLen is the same for the list items of a's statements.
func statementsLen(a *analysis.Article) int {
	n := 0
	for _, q := range a.Quotes {
		if len(q.Actors) > 0 {
			n += len(q.Text) + len(q.Speaker) + len(q.Cue) + 128 + 32*len(q.Actors)
		}
	}
	return n
}

// render writes the statement's list item: a direct quote in quotation
// marks, mixed and indirect speech without (their content is reported, not
// quoted word for word).
func (st statement) render(b *strings.Builder) {
	b.WriteString(`<li><span class="tone">`)
	b.WriteString(strconv.Itoa(st.N))
	if st.Kind == attribution.Direct {
		b.WriteString(`</span> <q>`)
		escapeHTML(b, st.Text)
		b.WriteString(`</q> — `)
	} else {
		b.WriteString(`</span> <span class="reported">`)
		escapeHTML(b, st.Text)
		b.WriteString(`</span> — `)
	}
	escapeHTML(b, st.Speaker)
	if st.Cue != "" {
		b.WriteString(", ")
		escapeHTML(b, st.Cue)
	}
	b.WriteString(` <span class="kind">`)
	escapeHTML(b, st.Kind)
	b.WriteString(`</span>`)
	for _, c := range st.Colors {
		b.WriteString(` <i class="swatch a`)
		b.WriteString(strconv.Itoa(c))
		b.WriteString(`"></i>`)
	}
	b.WriteString(`</li>`)
}

// render writes the sentence's list item: the tone toward each actor it
// mentions, then the sentence with the mentions highlighted.
func (e evidence) render(b *strings.Builder) {
	b.WriteString(`<li value="`)
	b.WriteString(strconv.Itoa(e.N))
	b.WriteString(`">`)
	for _, t := range e.Tones {
		b.WriteString(`<span class="tone"><i class="swatch a`)
		b.WriteString(strconv.Itoa(t.Color))
		b.WriteString(`"></i>`)
		escapeHTML(b, t.Tone)
		b.WriteString(`</span> `)
	}
	for _, sp := range e.Spans {
		if sp.Kind == "mention" {
			b.WriteString(`<mark class="a`)
			b.WriteString(strconv.Itoa(sp.Color))
			b.WriteString(`">`)
			escapeHTML(b, sp.Text)
			b.WriteString(`</mark>`)
		} else {
			escapeHTML(b, sp.Text)
		}
	}
	b.WriteString(`</li>`)
}

// escapeHTML writes s escaped as html/template escapes text in element
// content and quoted attributes (its htmlEscaper): NUL becomes U+FFFD, and
// " & ' + < > character references; all else, invalid UTF-8 included, is
// copied. TestEscapeHTML holds it to html/template.
func escapeHTML(b *strings.Builder, s string) {
	written := 0
	for i := 0; i < len(s); i++ {
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		default:
			continue
		}
		b.WriteString(s[written:i])
		b.WriteString(repl)
		written = i + 1
	}
	b.WriteString(s[written:])
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

// tone formats a tone for the page; – when there is none.
func tone(f float64) string {
	if math.IsNaN(f) {
		return "–"
	}
	return fixed(f, 2)
}
