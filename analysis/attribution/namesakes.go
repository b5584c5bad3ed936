package attribution

import "strings"

// Namesakes are the people of one surname in a text (a candidate and her
// husband): "Mrs. Clinton" is the Clinton of her honorific's gender, not
// whichever Clinton the text names in full first.

// maxNamesakes bounds the other full names kept per surname.
const maxNamesakes = 4

// addNamesake records name, a full name ending in the lowercase surname
// last, beside the first one r.full holds.
func (r *resolver) addNamesake(last, name string) {
	if r.full[last] == name || len(r.namesakes[last]) >= maxNamesakes {
		return
	}
	for _, n := range r.namesakes[last] {
		if n == name {
			return
		}
	}
	if r.namesakes == nil {
		r.namesakes = map[string][]string{}
	}
	r.namesakes[last] = append(r.namesakes[last], name)
}

// fullNameAs completes a last name given with an honorific (hon, lowercase,
// "" for none) from the fullest mention in the text whose first name does
// not clash with the honorific's gender; the last name alone when every
// full one clashes.
func (r *resolver) fullNameAs(name, hon string) string {
	full := r.fullName(name)
	if hon == "" || full == name {
		return full
	}
	g := r.lx.honorificGender(hon)
	if g == unknown || !r.clashes(full, g) {
		return full
	}
	for _, n := range r.namesakes[strings.ToLower(name)] {
		if !r.clashes(n, g) {
			return n
		}
	}
	return name
}

// clashes reports whether the first name of full tells a gender other
// than g.
func (r *resolver) clashes(full string, g int) bool {
	first, _, ok := firstAndLastField(full)
	if !ok {
		return false
	}
	fg := r.lx.firstNameGender(first)
	return fg != unknown && fg != g
}
