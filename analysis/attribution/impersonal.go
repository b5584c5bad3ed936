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
// a doubt, a clause with no "that" ("it's not clear either side is
// ready").
func (d *doc) impersonal(i int, prev *taken) *draft {
	lo, doubt := d.impersonalStart(i)
	if lo < 0 {
		return nil
	}
	l := d.sfirst[d.tsent[i]+1]
	k := i + 1
	for k < l && k <= i+2 && (d.low[k] == "exactly" || d.low[k] == "just" || d.low[k] == "yet") {
		k++ // "it was unclear just when the vote ..."
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
	return d.cutAtBut(d.noSource(lo, i, k), k, prev)
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
// opens ("It is unclear whether ..., but the letter was never sent"),
// or before the cue of a statement found already after a comma ("there
// are fears the dam will fail, according to the survey": the
// survey's; not "it is obvious that tenants want answers ...",
// whose words PolNeAR gives to the outer statement), from token k on.
func (d *doc) cutAtBut(st *draft, k int, prev *taken) *draft {
	if st == nil {
		return nil
	}
	for t := k + 1; t < d.sfirst[st.sent+1] && d.toks[t].Start < st.End; t++ {
		if (prev.cueAt(t) || d.low[t] == "but") && d.tquote[t] < 0 && d.gapHas(t-1, ",") {
			st.End = d.endPastQuote(t - 1)
			break
		}
	}
	return st
}

// thereNouns are the nouns of a view held by no one named in "there is
// ... that": "there are fears (that) ...", "there is little doubt that
// ...", "there were complaints that ...".
var thereNouns = set("doubt doubts fear fears concern concerns worry worries speculation hope hopes suspicion suspicions complaints evidence talk signs expectation expectations belief consensus sense")

// thereIs builds the statement of "there is ... that ...", "there" at
// token i: a form of "be" ("is", "were", "have been"), at most two words
// ("little", "numerous", "growing"), a noun of thereNouns and its clause,
// after "that" or with none ("there are fears the storm ..."); or nil.
func (d *doc) thereIs(i int, prev *taken) *draft {
	l := d.sfirst[d.tsent[i]+1]
	k := i + 1
	if k+1 < l && (d.low[k] == "have" || d.low[k] == "has") && d.low[k+1] == "been" {
		k++
	}
	if k >= l || !d.is(k, classBe) || d.boundaryAfter(i) {
		return nil
	}
	n := k + 1
	for n < l && n <= k+3 && !thereNouns[d.low[n]] && !d.boundaryAfter(n-1) && !d.is(n, classClauseWord|classPreposition|classBe) && d.verb(n) == 0 {
		n++
	}
	if n+1 >= l || !thereNouns[d.low[n]] || d.boundaryAfter(n-1) || d.boundaryAfter(n) || prev.cueAt(n) {
		return nil // prev: "doubt", "hope" may be a found statement's verb
	}
	c := n + 1
	switch w := d.low[c]; {
	case w == "that":
		c++
	case isClauseSubject(w) || d.is(c, classDeterminer):
	default:
		return nil
	}
	return d.cutAtBut(d.noSource(i, n, c), c, prev)
}
