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
//
// In front of the lookups, the first two bytes of every affix (for
// prefixes) and the last two (for suffixes) are in a bitset: a word that
// starts (ends) with none of those pairs, most words, costs no lookup.
type affixIndex struct {
	patterns map[string][]*pattern
	lens     []int // the distinct lengths of the keys of patterns
	heads    pairSet
	tails    pairSet
	hasShort bool // an affix of one byte, which the pairs cannot hold
}

// pairSet is a set of two-byte strings.
type pairSet [1 << 16 / 64]uint64

func pairOf(a, b byte) uint { return uint(a)<<8 | uint(b) }

func (s *pairSet) add(a, b byte) { h := pairOf(a, b); s[h/64] |= 1 << (h % 64) }

func (s *pairSet) has(a, b byte) bool { h := pairOf(a, b); return s[h/64]&(1<<(h%64)) != 0 }

func (x *affixIndex) add(affix string, p *pattern) {
	if x.patterns == nil {
		x.patterns = map[string][]*pattern{}
	}
	if len(affix) < 2 {
		x.hasShort = true
	} else {
		x.heads.add(affix[0], affix[1])
		x.tails.add(affix[len(affix)-2], affix[len(affix)-1])
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
	if !x.hasShort && (len(w) < 2 || !x.heads.has(w[0], w[1])) {
		return // no affix is a prefix of w
	}
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
	if !x.hasShort && (len(w) < 2 || !x.tails.has(w[len(w)-2], w[len(w)-1])) {
		return // no affix is a suffix of w
	}
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
