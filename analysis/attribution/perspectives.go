package attribution

import "strings"

// Perspectives: "in X's view" and its kin credit the rest of the sentence
// to X, as "according to X" does: "It is a failure on every count, in
// Vasko's view", "In Ms. Okafor's mind, her habit of speaking
// bluntly is an asset". X is the possessive before the noun (a name
// or "his", "her", "their"); the content is the sentence after the phrase
// when the phrase opens it, else the sentence before the phrase.

// perspectiveNouns are the nouns of "in X's view".
var perspectiveNouns = set("view opinion estimation judgment judgement mind eyes telling words assessment reckoning")

// perspectives finds the statements of "in X's view", past the statements
// found already (prev): not in a sentence with a cue of its own, nor
// inside another statement's content.
func (d *doc) perspectives(prev *taken) []*draft {
	var out []*draft
	for _, i := range d.startsIn(2, len(d.toks)) {
		if !d.is(i, viewStarts) || d.tquote[i] >= 0 || prev.contentAt(i) || prev.cueInSentence(d.tsent[i]) {
			continue
		}
		if st := d.perspective(i); st != nil {
			out = append(out, st)
		}
	}
	return out
}

// perspective builds the statement of "in X's view" whose noun is token
// i, or nil.
func (d *doc) perspective(i int) *draft {
	s := d.tsent[i]
	f, l := d.sfirst[s], d.sfirst[s+1]
	h := i - 1 // the holder's last word
	lo := h
	switch {
	case d.is(h, classHolderPronoun) && !d.possessive(h):
	case d.possessive(h) && d.capitalized(h):
		for lo-1 > f && d.capitalized(lo-1) && !d.boundaryAfter(lo-1) {
			lo--
		}
	default:
		return nil
	}
	in := lo - 1
	if in < f || d.low[in] != "in" || d.boundaryAfter(in) || (lo < h && d.boundaryAfter(h-1)) {
		return nil
	}
	// Set off from the clause it qualifies: a comma after the noun, or the
	// sentence's end; a comma before "in" unless it opens the sentence.
	opens := in == f || d.onlyConnectives(f, in)
	closes := i+1 >= l
	if (!closes && strings.TrimSpace(d.gap(i)) != ",") || (!opens && !d.gapHas(in-1, ",")) {
		return nil // "the ball was in his view all along"
	}
	st := d.newDraft(draft{sent: s})
	d.setSpeaker(st, lo, h+1)
	st.CueStart, st.CueEnd = d.toks[in].Start, d.toks[i].End
	st.Cue = d.text[st.CueStart:st.CueEnd]
	sent := d.sents[s]
	switch {
	case opens && closes:
		return nil
	case opens:
		st.after = true
		return d.setContent(st, d.toks[i+1].Start, sent.End) // "In Bolton's view, ..."
	case closes:
		return d.setContent(st, sent.Start, d.toks[in].Start) // "..., in Bolton's view."
	}
	// "The only other action, in Knittel's view, would be ...": both sides.
	if d.setContent(st, d.toks[i+1].Start, sent.End) == nil {
		return nil
	}
	alo, ahi := trimSpan(d.text, sent.Start, d.toks[in].Start)
	if ahi <= alo {
		return nil
	}
	st.Spans = [][2]int{{alo, ahi}, {st.Start, st.End}}
	st.Start = alo
	return st
}
