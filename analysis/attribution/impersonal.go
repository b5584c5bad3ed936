package attribution

import "strings"

// Impersonal judgments: "It is unclear whether the talks will resume",
// "It's not clear either side is ready", "Nor is it clear that ...", "It
// should be obvious that ...": someone doubts or is sure of the clause
// after the adjective, and no one is named. A statement of no source, the
// clause its content.

// impersonalAdjectives are the adjectives of a doubt or a certainty that
// take a clause after "it is".
var impersonalAdjectives = set("unclear clear obvious unknown uncertain")

// impersonalLinks are the verbs that link "it" to the adjective besides
// "be": "it remains unclear", "it seems clear".
var impersonalLinks = set("remains remained seems seemed")

// impersonalAdverbs may stand between the verb and the adjective: "it is
// not clear", "it is still unknown".
var impersonalAdverbs = set("not n't still also now")

// impersonal builds the statement of the impersonal judgment whose
// adjective is token i, or nil: "it" and a form of "be" before it (past
// "not", "still", "also"), and after it a question word or "that", or, for
// a doubt, a clause with no "that" ("it's not clear either company has
// ...").
func (d *doc) impersonal(i int) *draft {
	lo, doubt := d.impersonalStart(i)
	if lo < 0 {
		return nil
	}
	l := d.sfirst[d.tsent[i]+1]
	k := i + 1
	for k < l && k <= i+2 && (d.low[k] == "exactly" || d.low[k] == "just" || d.low[k] == "yet") {
		k++ // "it was unclear exactly when ..."
	}
	switch {
	case k >= l || d.boundaryAfter(k-1):
		return nil
	case d.low[k] == "that" && k+1 < l:
		k++
	case questionWords[d.low[k]] && d.low[k] != "about":
	case doubt && k == i+1 && (isClauseSubject(d.low[k]) || d.is(k, classDeterminer) || d.low[k] == "either" || d.low[k] == "neither"):
	default:
		return nil
	}
	return d.cutAtBut(d.noSource(lo, i, k), k)
}

// impersonalStart returns the first token of the cue of the impersonal
// adjective at token i ("it" of "it is not clear", "nor" of "nor is it
// clear") and whether it is a doubt ("unclear", "not clear"), or -1.
func (d *doc) impersonalStart(i int) (int, bool) {
	f := d.sfirst[d.tsent[i]]
	doubt := d.low[i] != "clear" && d.low[i] != "obvious"
	k := i - 1
	for k > f && !d.boundaryAfter(k) && impersonalAdverbs[d.low[k]] {
		doubt = doubt || d.low[k] == "not" || d.low[k] == "n't"
		k--
	}
	if k < f || d.boundaryAfter(k) {
		return -1, false
	}
	switch {
	case d.low[k] == "it" && d.itIs(k):
		return k, doubt // "It's unclear"
	case d.low[k] == "it" && k-2 >= f && d.is(k-1, classBe) && (d.low[k-2] == "nor" || d.low[k-2] == "neither"):
		return k - 2, true // "Nor is it clear"
	case !(d.is(k, classBe) || impersonalLinks[d.low[k]]) || k == f || d.boundaryAfter(k-1):
		return -1, false
	}
	k--
	if d.is(k, classModal) && k > f && !d.boundaryAfter(k-1) {
		k-- // "it should be obvious"
	}
	if d.low[k] != "it" || d.itIs(k) {
		return -1, false
	}
	return k, doubt
}

// itIs reports whether token k is "it" of "it's" (the tokens leave the
// "'s" in the gap after the word).
func (d *doc) itIs(k int) bool {
	g := d.gap(k)
	return strings.HasPrefix(g, "'s ") || strings.HasPrefix(g, "’s ")
}

// cutAtBut ends st's content before a clause of its own that ", but"
// opens ("It is unclear whether ..., but the exchange appears to ..."),
// from token k on.
func (d *doc) cutAtBut(st *draft, k int) *draft {
	if st == nil {
		return nil
	}
	for t := k + 1; t < d.sfirst[st.sent+1] && d.toks[t].Start < st.End; t++ {
		if d.low[t] == "but" && d.tquote[t] < 0 && strings.Contains(d.gap(t-1), ",") {
			st.End = d.toks[t-1].End
			break
		}
	}
	return st
}
