package attribution

import "strings"

// The clauses a statement sits inside or runs past: a subject set off by
// commas, a participle set off after its subject, a relative or "as"
// clause that holds the speaker and cue of what is said around it.

// subjectSetOff returns the subject of the sentence when the cue c follows
// it and what sets it off by commas ("Ms. Lund, along with Judge
// Okafor, wrote", "Clinton and Sanders, and Gov. Vasko, tweeted"), with no
// quote before the cue that an inverted cue would report; else 0, 0.
func (d *doc) subjectSetOff(c cue, f int) (int, int) {
	for t := f; t < c.i; t++ {
		if d.tquote[t] >= 0 {
			return 0, 0
		}
	}
	lo, hi := d.subject(f, c.i)
	if hi <= lo || !d.gapHas(hi-1, ",") || !d.plausibleSpeaker(lo, hi) {
		return 0, 0
	}
	return lo, hi
}

// asideEnd ends a participle's content that starts at token k at the
// comma after which its subject's own verb comes: "Salceda, citing [data
// from the State Department], said that ...".
func (d *doc) asideEnd(k, l, end int) int {
	for t := k; t+1 < l && d.toks[t].Start < end; t++ {
		if d.tquote[t] >= 0 || !d.gapHas(t, ",") {
			continue
		}
		v := t + 1
		for v < l && !d.boundaryAfter(v-1) && (d.is(v, classTime) || d.low[v] == "last" || strings.HasSuffix(d.low[v], "ly")) {
			v++
		}
		if v < l && d.mainVerb(v) {
			return d.toks[t].End
		}
		return end // the first comma decides
	}
	return end
}

// mainVerb reports whether token v is a finite verb that may go on a
// subject before an aside: an auxiliary, a past form, a speech verb.
func (d *doc) mainVerb(v int) bool {
	w := d.low[v]
	return !d.capitalized(v) && d.tquote[v] < 0 && (d.is(v, classFiniteAux) || d.finiteSpeechVerb(v) || d.is(v, classIrregularPast) || (len(w) > 4 && strings.HasSuffix(w, "ed")))
}

// clauseContent builds the statement of a speaker and cue that stand in a
// clause of their own inside what they say: a relative clause
// (relativeContent) or an "as" clause (asClause); or nil.
func (d *doc) clauseContent(st *draft, c cue, f, l int) *draft {
	if p := d.relativeContent(st, c, l); p != nil {
		return p
	}
	return d.asClause(st, c, f, l)
}

// relativeContent builds the statement of a speaker and cue inside a
// relative clause whose pronoun is what they say: "a law which critics
// say [is unfair]", "what she said [is a rising tide]", "which he said
// [would be its lowest ever]": the pronoun and the verb phrase after the
// cue are the content, as annotators mark it; or nil.
func (d *doc) relativeContent(st *draft, c cue, l int) *draft {
	sp := d.tokenAt(st.SpeakerStart)
	if (c.kind != cueSpeech && c.kind != cueThought) || sp == 0 || c.j >= l || d.tquote[sp-1] >= 0 || d.boundaryAfter(sp-1) || d.boundaryAfter(c.j-1) {
		return nil
	}
	k := c.j
	if w := d.low[sp-1]; w != "which" && w != "that" && w != "what" {
		if !d.zeroRelative(sp, k) {
			return nil
		}
		return d.setContent(st, d.toks[k].Start, d.contentEnd(d.toks[k].Start, l, d.sents[st.sent].End))
	}
	if !d.finiteVerbAt(k) {
		return nil
	}
	end := d.contentEnd(d.toks[k].Start, l, d.sents[st.sent].End)
	if sp > 1 && d.gapHas(sp-2, ",") {
		end = d.relativeClauseEnd(k, l, end) // "Vasko's mailing list, which the club says holds 40,000 names, is ..."
	}
	if d.setContent(st, d.toks[k].Start, end) == nil {
		return nil
	}
	st.after = true
	st.Spans = [][2]int{{d.toks[sp-1].Start, d.toks[sp-1].End}, {st.Start, st.End}}
	st.Start = d.toks[sp-1].Start
	return st
}

// finiteVerbAt reports whether token k is a finite verb that opens a verb
// phrase with no subject of its own: an auxiliary ("is", "would"), or a
// lowercase past or -s form ("includes", "proved").
func (d *doc) finiteVerbAt(k int) bool {
	w := d.low[k]
	if d.tquote[k] >= 0 || d.capitalized(k) || d.is(k, classDeterminer|classPreposition|classClauseWord|classTime) || isPronoun(w) {
		return false
	}
	return d.is(k, classFiniteAux) || (len(w) > 4 && (strings.HasSuffix(w, "ed") || (strings.HasSuffix(w, "es") && !strings.HasSuffix(w, "ss"))))
}

// zeroRelative reports whether the speaker phrase at token sp and its cue
// stand in a relative clause with no pronoun, the cue followed at token k
// by an auxiliary: "a man [prosecutors said] was suspected of ...", "the
// law [critics say] is unfair".
func (d *doc) zeroRelative(sp, k int) bool {
	n := sp - 1
	if !d.is(k, classFiniteAux) || d.is(n, classDeterminer|classPreposition|classAuxiliary|classClauseWord|classTime) || d.verb(n) != 0 || isPronoun(d.low[n]) || d.pastVerb(n) {
		return false
	}
	return d.tsent[n] == d.tsent[sp] && n > d.sfirst[d.tsent[n]] && !isNumber(d.low[n])
}

// asClause builds the statement of a speaker and cue in an "as" clause
// set off before what they say: "As Trump said, the wall will be built",
// "If, as I've suggested, he benefits ...", "As one lawyer put it, “...”":
// the content is the clause after the comma or colon; or nil.
func (d *doc) asClause(st *draft, c cue, f, l int) *draft {
	sp := d.tokenAt(st.SpeakerStart)
	if sp == 0 || sp-1 < f || d.low[sp-1] != "as" || d.tquote[sp-1] >= 0 || (sp-1 > f && !d.gapHas(sp-2, ",")) {
		return nil
	}
	t := c.j - 1
	for t+1 < l && t < c.j+2 && !d.boundaryAfter(t) && d.is(t+1, classTime|classAdverbialPrep) {
		t++ // "as he said on Monday,"
	}
	if t+1 >= l || !d.gapHas(t, ",:") || d.tquote[t] >= 0 {
		return nil
	}
	cs := d.toks[t+1].Start
	if q := d.quoteAt(d.toks[t].End); q >= 0 {
		cs = d.quotes[q].open
	}
	st.after = true
	return d.setContent(st, cs, d.contentEnd(cs, l, d.sents[st.sent].End))
}
