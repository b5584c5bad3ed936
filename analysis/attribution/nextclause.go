package attribution

import "strings"

// clauseAfterAnd reports whether a clause of its own, with a name or a
// subject pronoun for subject and a finite verb, starts at token t right
// after "and" or "but" (token t-1): "said the levy was fair, but [Ortiz
// said] it was not". What the reporting verb governs ends before it.
func (d *doc) clauseAfterAnd(t, l int) bool {
	if t >= l || d.tquote[t] >= 0 || d.boundaryAfter(t-1) || (d.capitalized(t-2) && !d.gapHas(t-2, ",")) {
		return false // not "said Kasich and Sanders are ...": names joined, a subject
	}
	k := t
	switch {
	case d.is(t, classSubjectPronoun):
		k++
	case d.capitalized(t):
		k = d.nameEnd(t, l)
	default:
		return false
	}
	return k < l && k > t && !d.boundaryAfter(k-1) && d.tquote[k] < 0 && d.finiteVerb(k)
}

// nameEnd returns the end of the name that starts at token k: a run of at
// most four capitalised words before token l, unbroken by a quote or a
// sentence's end.
func (d *doc) nameEnd(k, l int) int {
	end := min(l, k+4)
	for k < end && d.capitalized(k) && d.tquote[k] < 0 && !d.boundaryAfter(k) {
		k++
	}
	return k
}

// finiteVerb reports whether token k is a finite verb: an auxiliary, a
// past form, or the -s form of a cue.
func (d *doc) finiteVerb(k int) bool {
	w := d.low[k]
	if d.capitalized(k) {
		return false
	}
	if d.is(k, classFiniteAux) || d.is(k, classIrregularPast) || (len(w) > 4 && strings.HasSuffix(w, "ed")) {
		return true
	}
	return (d.verb(k) != 0 || d.is(k, classAttitude)) && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}

// statementAfterSubordinator reports whether a subordinate clause that
// reports someone's words or stance starts at token t: "because she
// thinks he will lose", "as he promised to protect ...", "though Mrs. Ruiz
// said ...". That clause is a statement of its own, and the content
// before it ends there.
func (d *doc) statementAfterSubordinator(t, l int) bool {
	if !d.is(t, classStatementSubordinator) || t+2 >= l || d.boundaryAfter(t) || d.tquote[t+1] >= 0 {
		return false
	}
	if (d.low[t] == "and" || d.low[t] == "but") && d.capitalized(t-1) {
		return false // "said Kasich and Sanders argued": a subject of two names
	}
	k := t + 1
	switch {
	case d.is(k, classSubjectPronoun):
		k++
	case d.capitalized(k) && !relativePronoun(d.low[t]):
		k = d.nameEnd(k, l)
	case !relativePronoun(d.low[t]) && d.low[t] != "and" && d.low[t] != "but":
		for k < l && k < t+3 && d.plainNoun(k) {
			k++ // "though skeptics consider", "while doctors warned"
		}
		if k == t+1 {
			return false
		}
	default:
		return false
	}
	if k >= l || possessive(d.word(k-1)) || d.gapHas(k-1, "'’") {
		return false // "after Mr Trump's remarks": a possessor, no subject
	}
	return !d.boundaryAfter(k-1) && d.tquote[k] < 0 && !d.capitalized(k) && (d.verb(k) != 0 || d.is(k, classAttitude))
}

// statementSubordinators open a clause that may hold a statement of its
// own; after a relative pronoun only a pronoun subject is taken ("which he
// said would ...").
var statementSubordinators = set("because as though although after while when since before until whereas which whom and but")

// relativePronoun reports whether w is a relative pronoun of
// statementSubordinators ("which", "whom"): a comparison, not a map, as it
// is asked at every subordinator of a content.
func relativePronoun(w string) bool { return w == "which" || w == "whom" }

// possessive reports whether a token ends with a possessive "'s".
func possessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// plainNoun reports whether token k may be a word of a bare lowercase
// subject ("critics", "medical experts"): no function word, time word or
// cue.
func (d *doc) plainNoun(k int) bool {
	w := d.low[k]
	return !d.capitalized(k) && d.tquote[k] < 0 && !d.boundaryAfter(k) && d.verb(k) == 0 && !d.is(k, classAttitude|classAuxiliary|classPreposition|classTime|classClauseWord) &&
		!isPronoun(w) && !strings.HasSuffix(w, "ly") && !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ing")
}
