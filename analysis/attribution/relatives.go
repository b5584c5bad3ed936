package attribution

import "strings"

// whoAntecedent returns the speaker of a cue c whose subject is the "who"
// at token k: the phrase before a comma or dash ("Graham, who criticized
// the deal"), else restrictiveAntecedent's.
func (d *doc) whoAntecedent(c cue, k, f int) (int, int) {
	if d.gapHas(k-1, ",") || isDash(d.gap(k-1)) {
		return d.npBack(k-1, f)
	}
	return d.restrictiveAntecedent(c, k, f)
}

// restrictiveAntecedent returns the speaker of a cue c in a relative
// clause that a "who" with no comma before it opens at token k: the noun
// phrase right before it, from its last determiner on ("gained ground
// among the voters who said ...": "the voters"), when it names people and stands
// after the verb of its clause. Before the verb, the phrase is the subject
// of a verb after the relative clause, which the content would run on
// over ("Senators who backed the bill warned ..."), and none is taken.
func (d *doc) restrictiveAntecedent(c cue, k, f int) (int, int) {
	if c.kind == cueThought || d.boundaryAfter(k-1) {
		return 0, 0
	}
	lo, hi := d.npBack(k-1, f)
	if hi <= lo {
		return 0, 0
	}
	for t := hi - 2; t > lo; t-- {
		w := d.low[t]
		if d.is(t, classDeterminer) && d.low[t-1] != "of" {
			lo = t
			break
		}
		if !d.capitalized(t) && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || (d.is(t, classPreposition) && w != "of")) {
			return 0, 0 // "scoured for errors by rivals": a phrase of a phrase
		}
		if w == "of" && !d.is(t-1, classPeople|classTitle) && !isNumber(d.low[t-1]) && !d.is(t-1, classNumberWord) && d.low[t-1] != "percent" && !d.is(t-1, classDeterminer) {
			return 0, 0 // "the minds of voters": not the voters
		}
	}
	if lo == f || d.boundaryAfter(lo-1) || hi-lo > maxAntecedentWords || !d.plausibleSpeaker(lo, hi) || !d.verbBefore(f, lo) {
		return 0, 0
	}
	return lo, hi
}

// maxAntecedentWords bounds the phrase restrictiveAntecedent takes.
const maxAntecedentWords = 6

// verbBefore reports whether a finite verb stands in tokens [f, lo).
func (d *doc) verbBefore(f, lo int) bool {
	for t := f; t < lo; t++ {
		if d.is(t, classFiniteAux|classIrregularPast) || d.pastVerb(t) || d.verb(t) != 0 || d.is(t, classAttitude) {
			return true
		}
	}
	return false
}
