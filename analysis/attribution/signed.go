package attribution

import (
	"strings"
	"unicode"
)

// dashAttributions finds quotes signed with a dash and a name, as in vox
// pops and epigraphs: “We are ready.” ― Maria Lopez, a nurse.
func (d *doc) dashAttributions() []*draft {
	var out []*draft
	for k := range d.quotes {
		q := &d.quotes[k]
		if q.used || q.close >= len(d.text) {
			continue
		}
		rest := strings.TrimLeft(d.text[q.close:], " \t\u00a0") // “...”\u00a0― Name
		dash := ""
		for _, p := range []string{"―", "—", "–", "- "} {
			if strings.HasPrefix(rest, p) {
				dash = p
			}
		}
		if dash == "" {
			continue
		}
		i := d.tokenAt(len(d.text) - len(rest) + len(dash))
		if i >= len(d.toks) || !d.capitalized(i) || d.paraOf(d.toks[i].Start) != q.para {
			continue
		}
		lo, hi := d.npForward(i, d.sfirst[d.tsent[i]+1])
		if hi <= lo || !d.capitalized(hi-1) || !d.boundaryAfter(hi-1) {
			continue
		}
		st := d.newDraft(draft{sent: d.tsent[i]})
		d.setSpeaker(st, lo, hi)
		st.Kind, st.Start, st.End = Direct, q.start, q.end
		st.Start, st.End = trimSpan(d.text, st.Start, st.End)
		if st.End <= st.Start {
			continue
		}
		q.used = true
		out = append(out, st)
	}
	return out
}

// colonAttributions finds the headline and interview convention "Name:
// what they said" ("Ada Brandt: Farm Voters Uneasy ...", "Okafor:
// “By law, ...”"): a paragraph that opens with a short capitalized phrase
// and a colon. Labels ("Update:", "Photo:") name no speaker.
func (d *doc) colonAttributions() []*draft {
	var out []*draft
	for s, sp := range d.sents {
		if s > 0 && d.sents[s-1].Para == sp.Para {
			continue
		}
		f, l := d.sfirst[s], d.sfirst[s+1]
		k := f
		for k < l && k-f < 5 && (d.nameLike(k) || (k > f && d.is(k, classTitle) && !d.capitalized(k))) && !d.boundaryAfter(k) {
			k++ // "Republican pollster Lena Ortiz:"
		}
		if k >= l-1 || k-f >= 5 || !d.nameLike(k) || d.tquote[k] >= 0 || !d.colonAfter(k) || d.is(k, classLabel) || (d.is(k, classTitle) && k == f) {
			continue
		}
		if d.tableCell(k+1, l) {
			continue
		}
		st := d.newDraft(draft{sent: s})
		d.setSpeaker(st, f, k+1)
		c := d.toks[k].End + strings.IndexByte(d.gap(k), ':')
		st.Cue, st.CueStart, st.CueEnd = ":", c, c+1
		end := sp.End
		if q := d.quoteAt(d.toks[k].End); q >= 0 && d.quotes[q].close > end {
			end = d.quotes[q].close
		}
		if st = d.setContent(st, d.toks[k+1].Start, end); st != nil {
			out = append(out, st)
		}
	}
	return out
}

// colonAfter reports whether a colon follows token k, alone or before the
// opening mark of a quote ("Lee Varga: ‘Shouting Down ...’").
func (d *doc) colonAfter(k int) bool {
	g := strings.TrimSpace(d.gap(k))
	return g == ":" || (strings.HasPrefix(g, ":") && d.quoteAt(d.toks[k].End) >= 0)
}

// tableCell reports whether tokens [k, l), after a name and a colon, are
// a table's cell rather than words of the name's: no letters ("Bernie
// Sanders: 1,501", "Clinton: 45%").
func (d *doc) tableCell(k, l int) bool {
	return !hasLetters(d.text[d.toks[k].Start:d.toks[l-1].End])
}

// colonQuotes finds a quote that a colon introduces after a speaker and a
// verb no word list holds: "Mr. Okafor gloated: “I told you she wouldn't
// last.”", "He added warily: “...”". The subject must be a plausible
// speaker and the verb follow it at once.
func (d *doc) colonQuotes() []*draft {
	var out []*draft
	for k := range d.quotes {
		q := &d.quotes[k]
		before := strings.TrimRightFunc(d.text[:q.open], unicode.IsSpace) // "He added warily:\n\n“...”" too
		if q.used || !strings.HasSuffix(before, ":") {
			continue
		}
		// The last word before the colon, with nothing but spaces between.
		colon := len(before) - 1
		i := d.tokenAt(colon) - 1
		if i < 0 || d.tquote[i] >= 0 || d.toks[i].End != len(strings.TrimRight(before[:colon], " \t")) {
			continue
		}
		if p := d.paraOf(d.toks[i].Start); p != q.para && (p+1 != q.para || !strings.Contains(d.text[colon:q.open], "\n")) {
			continue
		}
		f := d.sfirst[d.tsent[i]]
		st := d.newDraft(draft{sent: d.tsent[i], after: true})
		if lo, hi := d.subject(f, i); hi > lo && hi <= i && i-hi <= 6 && !d.capitalized(hi) && d.plausibleSpeaker(lo, hi) && !d.nonVerbAfterSubject(hi, i) {
			d.setSpeaker(st, lo, hi)
			st.CueStart, st.CueEnd = d.toks[hi].Start, len(before)
		} else if lo := d.nameBeforeColon(i, f); lo >= 0 {
			d.setSpeaker(st, lo, i+1) // "... - Pew Research: “...”"
			st.CueStart, st.CueEnd = colon, colon+1
		} else {
			continue
		}
		st.Cue = d.text[st.CueStart:st.CueEnd]
		if st = d.setContent(st, q.open, q.close); st != nil && st.Kind == Direct {
			out = append(out, st)
		}
	}
	return out
}

// nameBeforeColon returns the first token of a name that ends at token i
// before a colon and a quote, set off from what comes before by a dash or
// the sentence start ("- Pew Research: “...”", "Republican pollster Lena
// Shaw: “...”"), or -1.
func (d *doc) nameBeforeColon(i, f int) int {
	lo := i
	for lo > f && i-lo < 5 && !d.boundaryAfter(lo-1) && (d.nameLike(lo-1) || d.low[lo-1] == "and" || (d.is(lo-1, classTitle) && !d.capitalized(lo-1))) {
		lo--
	}
	for lo < i && !d.nameLike(lo) {
		lo++
	}
	if !d.nameLike(i) || d.is(i, classLabel) || !d.plausibleSpeaker(lo, i+1) {
		return -1
	}
	if lo > f && !isDash(d.gap(lo-1)) {
		return -1
	}
	return lo
}

// nonVerbAfterSubject reports whether tokens [hi, i] cannot be a verb and
// its adverbs or object before a colon: punctuation inside, or a word
// that no verb starts with (a preposition, a determiner, a clause word).
func (d *doc) nonVerbAfterSubject(hi, i int) bool {
	if d.is(hi, classPreposition|classDeterminer|classClauseWord|classTime) {
		return true
	}
	for t := hi; t < i; t++ {
		if d.boundaryAfter(t) {
			return true
		}
	}
	return false
}

// nameLike reports whether token i may be a word of a name before a colon:
// capitalized, outside quotes, not a shouted all-caps word ("BOOM:",
// "HUFFPOST READERS:") and no participle ("Contributing:").
func (d *doc) nameLike(i int) bool {
	w := d.word(i)
	return d.capitalized(i) && d.tquote[i] < 0 && !(len(w) > 2 && upperAlready(w)) && !strings.HasSuffix(d.low[i], "ing")
}
