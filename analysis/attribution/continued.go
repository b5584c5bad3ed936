package attribution

import (
	"slices"
	"sort"
	"strings"
	"unicode"
)

// cutAtNextSpeaker ends a content that runs into a second statement of the
// same sentence ("..., while Mr Waltz said he thought...").
func (d *doc) cutAtNextSpeaker(ds []*draft) {
	next := nextInSentence(ds)
	for i, st := range ds {
		if !st.after || len(st.Spans) > 0 {
			continue // a content in pieces is cut already
		}
		for j := next[i]; j >= 0; j = next[j] {
			nx := ds[j]
			at := min(nx.SpeakerStart, nx.CueStart)
			if nx.shared {
				at = nx.CueStart
			}
			if at <= st.Start || at >= st.End {
				continue
			}
			before := strings.TrimRightFunc(d.text[st.Start:at], unicode.IsSpace)
			for _, w := range []string{"while", "and", "but", "whereas", "as"} {
				if hasSuffixFold(before, " "+w) {
					before = strings.TrimRightFunc(before[:len(before)-len(w)], unicode.IsSpace)
				}
			}
			if !strings.HasSuffix(before, ",") && !strings.HasSuffix(before, ";") && !(nx.shared && len(before) < len(d.text[st.Start:at])-4) {
				continue
			}
			if nx.shared && nx.from == st && st.weak {
				st.drop = true // "echoed his remarks and told reporters that": the object of a verb, not a clause
				break
			}
			if lo, hi := d.tokenAt(st.Start), d.tokenAt(st.Start+len(before)); d.openingAdverbial(lo, hi) || d.adverbialWords(lo, hi) {
				break // "noted that in March 2019, Vasko could not explain ...": an adverbial, then the clause reported
			}
			st.Start, st.End = trimSpan(d.text, st.Start, st.Start+len(before))
			d.classify(st)
			break
		}
	}
}

// hasSuffixFold reports whether s ends with suffix, ignoring case: only
// the tail is compared, as a content may be long.
func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

// nextInSentence returns, for each statement of ds, the index of the next
// one of its sentence in ds, or -1: a sentence's statements are few, the
// text's may be many.
func nextInSentence(ds []*draft) []int {
	order := make([]int, len(ds))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return ds[i].sent - ds[j].sent })
	next := make([]int, len(ds))
	for k, i := range order {
		next[i] = -1
		if k+1 < len(order) && ds[order[k+1]].sent == ds[i].sent {
			next[i] = order[k+1]
		}
	}
	return next
}

// continuedQuotes attaches the quotes no cue claimed: a quote right after a
// cue that follows a quote ("“We not only listened,” he said, “but heard
// each other.”", or "“...,” he said. “...”") joins its statement, as
// annotators count it; a quote that opens a sentence in the same paragraph as a
// statement, or opens the next paragraph, continues it with the same
// speaker. Other quotes (scare quotes, titles) are no statements.
//
// The quotes are in text order and do not overlap, so the statement before
// each is found in one sweep: the last of ds, in text order, that starts
// before it and has a speaker, or the continuation added last, which
// starts inside the quote before.
func (d *doc) continuedQuotes(ds []*draft) []*draft {
	byStart := func(x, y *draft) int { return x.Start - y.Start }
	slices.SortStableFunc(ds, byStart)
	n, j := len(ds), 0
	var before, beforePrev, added *draft
	for k := range d.quotes {
		q := &d.quotes[k]
		for ; j < n && ds[j].Start < q.open; j++ {
			if ds[j].Speaker != "" {
				before, beforePrev = ds[j], before
			}
		}
		if q.used {
			continue
		}
		p := before
		if added != nil && (p == nil || added.Start >= p.Start) {
			p = added // after the drafts of its start, as a stable sort puts it
		}
		if p == nil {
			continue
		}
		pPara := d.paraOf(p.Start)
		// Split by the cue: the quote goes on right after the cue's clause
		// ("“A,” he said, “B.”", "“A,” he told reporters in Ankara. “B.”").
		tail := max(p.CueEnd, p.SpeakerEnd)
		if p != added && d.clauseOfCue(p, beforePrev) {
			p, tail = beforePrev, d.endPastQuote(d.tokenAt(p.End)-1) // "“A,” said X, referring to Y. “C.”": C goes on with A
		}
		if p.Kind != Indirect && !p.after && ((q.para == pPara && tail < q.open && d.resumesAfterCue(tail, q)) || d.nextParagraphGoesOn(p, q, tail)) {
			p.Spans = append(p.pieces(), [2]int{q.start, q.end})
			p.Spans[len(p.Spans)-1][0], p.Spans[len(p.Spans)-1][1] = trimSpan(d.text, q.start, q.end)
			p.End = p.Spans[len(p.Spans)-1][1]
			q.used = true
			continue
		}
		if !d.opensSentence(q) || (q.para != pPara && q.para != d.paraOf(p.End)+1) {
			continue
		}
		if q.para == pPara+1 && !d.opensParagraph(q) {
			continue
		}
		nx := d.newDraft(draft{cont: true, from: p, sent: -1})
		nx.Kind, nx.Start, nx.End = Direct, q.start, q.end
		nx.Start, nx.End = trimSpan(d.text, nx.Start, nx.End)
		if nx.End <= nx.Start {
			continue
		}
		nx.Speaker, nx.SpeakerStart, nx.SpeakerEnd = p.Speaker, p.SpeakerStart, p.SpeakerEnd
		q.used = true
		ds = append(ds, nx)
		added = nx
	}
	slices.SortStableFunc(ds, byStart)
	return ds
}

// clauseOfCue reports whether statement st is a clause inside the cue's
// clause of the statement p before it, whose quote comes first: a
// participle sharing p's speaker ("“A,” said X, referring to B.") or a
// relative clause on it ("“A,” said X, who said he would B."). Not
// "adding", whose words a quote after goes on.
func (d *doc) clauseOfCue(st, p *draft) bool {
	if p == nil || st.Kind != Indirect || !st.after || st.sent < 0 || st.sent != p.sent || p.Kind == Indirect || p.after || st.CueStart < max(p.CueEnd, p.SpeakerEnd) {
		return false
	}
	i := d.tokenAt(st.CueStart)
	if d.low[i] == "adding" {
		return false
	}
	if (st.shared && st.from == p) || d.low[d.tokenAt(st.SpeakerStart)] == "who" {
		return true
	}
	if strings.HasSuffix(d.low[i], "ing") && i > 0 && (d.gapHas(i-1, ",") || d.hyphenated(i-1)) { // or "the Sanders-supporting party"
		return true // ", describing how ...", whoever the participle's speaker was taken to be
	}
	j := i - 1
	for j > 0 && strings.HasSuffix(d.low[j], "ly") && !d.boundaryAfter(j-1) {
		j--
	}
	return j > 0 && d.low[j] == "who" // "said Mr. Halvorsen, who added that ..."
}

// nextParagraphGoesOn reports whether quote q, which opens the paragraph
// after statement p's last one, goes on with p's quotation: p's last
// paragraph ends with its cue's clause ("“A,” she told reporters.") or
// with a quote of p's own, and q has no cue of its own (it is left to
// continuedQuotes). Annotators count a quotation that runs over
// paragraphs as one statement, as they do one split by its cue.
func (d *doc) nextParagraphGoesOn(p *draft, q *quote, tail int) bool {
	if d.entries || (p.Cue == "" && !p.cont) {
		return false // one entry per sentence (Entries); a signed quote ("“...” ― A reader"): the next is another's
	}
	ps := p.pieces()
	end := ps[len(ps)-1][1]
	if k := d.tokenAt(end) - 1; k >= 0 && d.tquote[k] >= 0 {
		end = d.quotes[d.tquote[k]].close
	}
	if q.open <= end || q.para != d.paraOf(max(end-1, 0))+1 || !d.opensParagraph(q) {
		return false
	}
	if end >= tail { // the paragraph ends with p's quote
		return strings.TrimSpace(d.text[end:q.open]) == ""
	}
	if tail > q.open {
		return false // the cue's clause in the quote's paragraph: not found so far, but the slice below needs it
	}
	return strings.HasSuffix(strings.TrimSpace(d.text[tail:q.open]), ".") && d.resumesAfterCue(tail, q)
}

// opensParagraph reports whether quote q opens its paragraph (line): only
// white space before its mark. It looks back over that white space, not
// the paragraph, as it is asked of every quote after a statement: reading
// the paragraph each time was quadratic in a long one of many quotes.
func (d *doc) opensParagraph(q *quote) bool {
	before := strings.TrimRightFunc(d.text[:q.open], func(r rune) bool { return r != '\n' && unicode.IsSpace(r) })
	return before == "" || before[len(before)-1] == '\n'
}

// resumesAfterCue reports whether quote q goes on with the statement whose
// cue clause ends at offset tail: only a comma, colon or an adverbial
// sentence end ("in Ankara after meeting Mr Erdogan.") stand between, with
// no cue of another speaker or new sentence in it. An apposition or a
// relative clause on the speaker (", a pollster who advised ..."), a
// noun ("in her remarks"), a participle (", addressing the crowd") and a
// short title in quotes ("on WKBN's “Morning Desk” Sunday.") leave
// the floor to the speaker.
func (d *doc) resumesAfterCue(tail int, q *quote) bool {
	between := strings.TrimSpace(d.text[tail:q.open])
	switch {
	case between == "," || between == "." || between == ":":
		return true
	case len(between) > 200 || !strings.HasSuffix(strings.TrimRight(between, "”\"'"), ".") || strings.Contains(between, ";"):
		return false // the length first: a statement's quotes after it are many, the text to each long
	}
	first := d.tokenAt(tail)
	if first >= len(d.toks) || first == 0 {
		return false
	}
	tellsWhom := d.verb(first-1) == cueTell // "told reporters in Ankara."
	if !tellsWhom && !d.adjunctOnly(first, first+1) && !strings.HasPrefix(between, ",") {
		return false
	}
	return d.cueClauseOnly(first, q)
}

// cueClauseOnly reports whether the tokens from first to quote q hold
// only the rest of a cue's clause, in its sentence: no verb of another
// speaker, no quote but a title.
func (d *doc) cueClauseOnly(first int, q *quote) bool {
	relative := false // past "who", "when" or a participle: the verbs are the clause's, not a new speaker's
	for i := first; i < len(d.toks) && d.toks[i].Start < q.open; i++ {
		if d.tsent[i] != d.tsent[first] || (d.tquote[i] >= 0 && !d.titleQuote(d.tquote[i])) {
			return false
		}
		w := d.low[i]
		ing := strings.HasSuffix(w, "ing")
		if subordinator(w) || (ing && d.gapHas(i-1, ",")) {
			relative = true // ", pointing out that 61 members voted": the participle's clause
		}
		if d.verb(i) != 0 && !d.capitalized(i) && !relative && !ing && !d.nounAt(i) {
			return false
		}
	}
	return true
}

// subordinator reports whether w opens a relative or adverbial clause on
// a cue's speaker or verb ("who advised", "when asked").
func subordinator(w string) bool {
	switch w {
	case "who", "which", "whose", "when", "after", "before", "as":
		return true
	}
	return false
}

// titleQuote reports whether quote k is a title or a name in quotes (a
// show, a slogan), no statement: short and claimed by none.
func (d *doc) titleQuote(k int) bool {
	q := d.quotes[k]
	return !q.used && q.end-q.start <= 40 && q.close > q.end
}

// nounAt reports whether the word at token i is a noun by the word before
// it: a determiner or a possessive ("her remarks", "his reply", "CNN's
// report").
func (d *doc) nounAt(i int) bool {
	return i > 0 && !d.boundaryAfter(i-1) && (d.is(i-1, classDeterminer|classPreposition) || strings.HasSuffix(d.low[i-1], "'s") || strings.HasSuffix(d.low[i-1], "’s"))
}

// pieces returns a statement's content as spans: its Spans, or its one span.
func (st *draft) pieces() [][2]int {
	if len(st.Spans) > 0 {
		return st.Spans
	}
	return [][2]int{{st.Start, st.End}}
}

// quoteAfterCueSentence gives the statement of a cue whose sentence holds
// no content ("Ines Korda, the party's spokesman, said in a statement.") the
// quote that opens the next sentence of its paragraph, or returns nil.
func (d *doc) quoteAfterCueSentence(st *draft, c cue, hi, l int) *draft {
	if c.kind != cueSpeech || c.ing || st.shared || !d.finiteSpeechVerb(c.i) || d.capitalized(c.i) || !d.adjunctOnly(max(c.j, hi), l) {
		return nil
	}
	sent := d.sents[st.sent]
	if d.toks[l-1].End > sent.End {
		return nil // a sentence cut inside its last word (segment.MaxSentenceBytes)
	}
	if !strings.HasSuffix(strings.TrimSpace(d.text[d.toks[l-1].End:sent.End]), ".") && d.gap(l-1) != "." && !strings.HasPrefix(d.gap(l-1), ". ") {
		return nil
	}
	q := sort.Search(len(d.quotes), func(k int) bool { return d.quotes[k].open >= d.toks[l-1].End })
	if q >= len(d.quotes) || d.quotes[q].used || d.quotes[q].para != d.sents[st.sent].Para {
		return nil
	}
	if between := strings.TrimSpace(d.text[d.toks[l-1].End:d.quotes[q].open]); between != "." {
		return nil
	}
	st.after = true
	return d.setContent(st, d.quotes[q].open, d.quotes[q].close)
}

// quoteBelowCue returns the quote below the colon that ends the clause of
// cue c, within a few words ("released the following statement:"), or -1.
func (d *doc) quoteBelowCue(c cue, l int) int {
	for t := c.j - 1; t < l && t < c.j+5; t++ {
		if q := d.quoteBelowColon(t); q >= 0 {
			return q
		}
		if d.boundaryAfter(t) || d.tquote[t] >= 0 {
			return -1
		}
	}
	return -1
}

// quoteBelowColon returns the quote that opens the paragraph after a
// cue's clause ending in a colon after token t ("Vasko continued:",
// "In a 1987 lecture, she declared:", then the quote), or -1: only
// white space between the colon and the quote's mark, one paragraph
// break among it.
func (d *doc) quoteBelowColon(t int) int {
	g := d.gap(t)
	i := strings.IndexByte(g, ':')
	if i < 0 || strings.TrimSpace(g[:i]) != "" || !strings.Contains(g[i:], "\n") {
		return -1
	}
	q := sort.Search(len(d.quotes), func(k int) bool { return d.quotes[k].open >= d.toks[t].End })
	if q >= len(d.quotes) || strings.TrimSpace(d.text[d.toks[t].End+i+1:d.quotes[q].open]) != "" || d.quotes[q].used {
		return -1
	}
	if qq := d.quotes[q]; qq.para != d.paraOf(d.toks[t].Start)+1 {
		return -1
	}
	return q
}
