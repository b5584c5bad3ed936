package attribution

import "strings"

// pluralSubject reports whether token k is a plural noun of people
// ("voters", "allies", "officials") and the cue form i after it a base
// form: then the two are subject and verb, "her advisers fear that", "the
// voters hope to", not a noun after its modifier ("the party plan", "the
// news briefing"), as singularSubject reads "the candidate claims".
func (d *doc) pluralSubject(k, i int) bool {
	w := d.low[i]
	return d.is(k, classPeople|classGroup) && strings.HasSuffix(d.low[k], "s") && !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ing")
}
