package attribution

import "strings"

// pastTimeOpening returns the token after a time phrase that opens a
// sentence before its comma ("Hours later, Ms. Ortega returned the compliment,
// telling reporters ...", "Two days earlier, ...", "Moments ago, ..."), so
// that the phrase is not taken for the subject; without one it returns k.
func (d *doc) pastTimeOpening(k, i int) int {
	t := k
	if t+1 < i && (d.is(t, classNumberWord) || isNumber(d.low[t]) || d.low[t] == "a" || d.low[t] == "several" || d.low[t] == "few") {
		t++
	}
	if t+1 >= i || !d.is(t, classTimeUnit) || !d.is(t+1, classTimeRelation) {
		return k
	}
	if !d.gapHas(t+1, ",") {
		return k
	}
	return t + 2
}

// timeRelation is how the time of pastTimeOpening's phrase, its unit one
// of timeUnits, stands to the time before.
var timeRelation = set("later earlier ago before after afterward afterwards")

// pastHeadNoun returns the token after the plural noun that a capitalised
// run before hi qualifies ("GOP clubs at Harvard declined ...", "Clinton
// aides argued ..."): the noun is the subject's head, not a word after it.
// Without one it returns hi.
func (d *doc) pastHeadNoun(hi, i int) int {
	if hi >= i || d.boundaryAfter(hi-1) || d.capitalized(hi) || !d.pluralNoun(hi) {
		return hi
	}
	return hi + 1
}

// pluralNoun reports whether token k reads as a plural common noun: an
// -s word that is no verb of the lists, auxiliary, preposition, adverb or
// other closed word.
func (d *doc) pluralNoun(k int) bool {
	w := d.low[k]
	if len(w) < 4 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "ly") {
		return false
	}
	return d.verb(k) == 0 && d.tquote[k] < 0 && !d.is(k, classAuxiliary|classPassiveAux|classPreposition|classClauseWord|classTime|classDeterminer|classConnective|classSentenceAdverb|classAttitude) && !isPronoun(w)
}

// pastPlace returns the token after the second part of a place that ends
// an opening clause ("Speaking in Salem, New Hampshire, Mr. Brandt went
// after ..."): at k, after the clause's comma and a capitalised word, a
// capitalised run of at most three words, a comma and then a capitalised
// word or a pronoun. Without one it returns k.
func (d *doc) pastPlace(k, i int) int {
	if k < 1 || k >= i || !d.capitalized(k-1) {
		return k
	}
	t := k
	for t < i && t-k < 3 && d.capitalized(t) && (t == k || !d.boundaryAfter(t-1)) {
		t++
	}
	if t == k || t >= i || !d.gapHas(t-1, ",") {
		return k
	}
	if !d.capitalized(t) && !isPronoun(d.low[t]) {
		return k
	}
	return t
}
