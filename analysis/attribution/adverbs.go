package attribution

import "strings"

// clauseAfterAdverb returns where a clause with a subject pronoun starts
// right after an -ly adverb at token k, the cue's first word after it
// ("has insisted repeatedly she will not run", "argued privately they
// would lose"), or -1; a pronoun of the verb's object ("told her") is
// none, nor "it" and "you", which open no report as often as they end one.
func (d *doc) clauseAfterAdverb(k, l int) int {
	w := d.low[k]
	if len(w) <= 4 || !strings.HasSuffix(w, "ly") || d.capitalized(k) || k+2 >= l || d.boundaryAfter(k) {
		return -1
	}
	if p := bare(d.low[k+1]); !d.is(k+1, classSubjectPronoun) || p == "it" || p == "you" {
		return -1
	}
	return d.toks[k+1].Start
}
