package actor

import (
	"slices"
	"strings"
)

// An affixIndex holds the patterns whose first word is a plain prefix
// (Ukrain*) or a plain suffix (*stan) by that affix, so that a word is tried
// against the patterns whose affix it has, found by looking up its own
// prefixes (or suffixes) of the lengths the affixes have: the cost of a word
// grows with the affixes' distinct lengths, not with how many patterns share
// a first byte or start with a wildcard. A table of 10,000 patterns *name
// cost 100 µs a word when each was tried at every word.
type affixIndex struct {
	patterns map[string][]*pattern
	lens     []int // the distinct lengths of the keys of patterns
}

func (x *affixIndex) add(affix string, p *pattern) {
	if x.patterns == nil {
		x.patterns = map[string][]*pattern{}
	}
	if _, ok := x.patterns[affix]; !ok {
		if !slices.Contains(x.lens, len(affix)) {
			x.lens = append(x.lens, len(affix))
		}
	}
	x.patterns[affix] = append(x.patterns[affix], p)
}

// prefixes calls try with each pattern whose affix is a prefix of w.
func (x *affixIndex) prefixes(w string, try func(*pattern)) {
	for _, n := range x.lens {
		if n <= len(w) {
			for _, p := range x.patterns[w[:n]] {
				try(p)
			}
		}
	}
}

// suffixes calls try with each pattern whose affix is a suffix of w.
func (x *affixIndex) suffixes(w string, try func(*pattern)) {
	for _, n := range x.lens {
		if n <= len(w) {
			for _, p := range x.patterns[w[len(w)-n:]] {
				try(p)
			}
		}
	}
}

// plainSuffix is the suffix a first word *suffix stands for, with no other
// wildcard in it, and whether it is one.
func plainSuffix(w string) (string, bool) {
	s, ok := strings.CutPrefix(w, "*")
	return s, ok && s != "" && !strings.ContainsAny(s, "*?")
}
