package attribution

import (
	"bytes"
	"slices"
	"strings"

	"github.com/slant-news/slant/analysis/actor"
	"github.com/slant-news/slant/analysis/segment"
)

// The actors a resolved speaker is credited with (resolve1): a person's
// are those the table finds in the name, a description's those that
// qualify the office.

// addActors adds to acts each of the table indices is that it does not
// hold yet, while it holds fewer than limit (no limit when limit < 0).
func addActors(acts, is []int, limit int) []int {
	for _, i := range is {
		if limit >= 0 && len(acts) >= limit {
			break
		}
		if !slices.Contains(acts, i) {
			acts = append(acts, i)
		}
	}
	return acts
}

// actorsOf returns the table indices of the actors of a name: those the
// table finds in it for a person, officeMatch's for a description. They
// are worked out once per text and name (and kept in r.indices), as a
// text gives most of its speakers again and again.
func (r *resolver) actorsOf(name string, person bool) []int {
	known := r.officeActs
	if person {
		known = r.personActs
	}
	if at, ok := known[name]; ok {
		return r.indices[at[0]:at[1]]
	}
	var ms []actor.Match
	if person {
		ms = r.d.matchActors(name)
	} else {
		ms = r.officeMatch(name)
	}
	lo := len(r.indices)
	r.indices = r.appendIndices(r.indices, ms)
	known[name] = [2]int{lo, len(r.indices)}
	return r.indices[lo:]
}

// appendIndices appends to is the table index of each actor of ms, in
// their order, for the actors the table lists.
func (r *resolver) appendIndices(is []int, ms []actor.Match) []int {
	for _, m := range ms {
		if i := r.d.a.actors.Index(m.Actor); i >= 0 {
			is = append(is, i)
		}
	}
	return is
}

// officeMatch returns the actors of a speaker phrase that say whose
// office it is: before an object of "for", "to", "on" and the like ("US
// envoy for Ukraine": the US; "of" stays: "President of Russia"), and
// after the last possessive when the words after it name one ("NATO's
// American commander": the US).
func (r *resolver) officeMatch(phrase string) []actor.Match {
	// ASCII lowering keeps every byte where it was (strings.ToLower makes
	// an invalid byte three), so an index into low cuts phrase; into a
	// buffer of the resolver's, as a copy per call was a tenth of its
	// allocations.
	r.low = segment.AppendASCIILower(r.low[:0], phrase)
	low := r.low
	// Each preposition is a word between spaces, and each possessive an
	// apostrophe: most speakers ("the Kremlin", "Mr Peskov") have one space
	// and no apostrophe, and need not be searched for them.
	if bytes.Count(low, []byte(" ")) >= 2 {
		for _, p := range officePrepositions {
			if i := bytes.Index(low, p); i > 0 {
				phrase, low = phrase[:i], low[:i]
			}
		}
	}
	if strings.IndexByte(phrase, '\'') >= 0 || strings.Contains(phrase, "’") {
		for _, pos := range []string{"'s ", "’s "} {
			if i := strings.LastIndex(phrase, pos); i > 0 {
				if ms := r.d.matchActors(phrase[i+len(pos):]); len(ms) > 0 {
					return ms
				}
			}
		}
	}
	return r.d.matchActors(phrase)
}

// officePrepositions start the objects that follow a title without
// saying whose office it is.
var officePrepositions = [][]byte{[]byte(" for "), []byte(" to "), []byte(" on "), []byte(" with "), []byte(" against "), []byte(" over ")}

// countsOf returns how many parties "the two countries", "both sides" name.
func countsOf(phrase string) int {
	if !holdsNumberWord(phrase) {
		return 0 // most speakers: not lowered, nor searched for all twelve
	}
	var buf [foldMax]byte
	p, ok := lowerASCII(buf[:0], phrase)
	if !ok {
		p = []byte(strings.ToLower(phrase))
	}
	// Every phrase starts with a number word and a space: most speakers
	// hold none, and need not be searched for all twelve.
	if !bytes.Contains(p, []byte("two ")) && !bytes.Contains(p, []byte("both ")) && !bytes.Contains(p, []byte("three ")) {
		return 0
	}
	for _, c := range partyCounts {
		if bytes.Contains(p, c.phrase) {
			return c.n
		}
	}
	return 0
}

// holdsNumberWord reports whether strings.ToLower(phrase) holds "two ",
// "both " or "three ", every phrase of partyCounts starting with one: as
// phrase holds it in letters of either case, for ToLower lowers no rune
// outside ASCII to an ASCII letter but İ to i and K (Kelvin) to k, none
// of theirs. Each ends in the space of a word's end, which it looks
// back from.
func holdsNumberWord(phrase string) bool {
	for i := strings.IndexByte(phrase, ' '); i >= 0; {
		if hasSuffixFold(phrase[:i], "two") || hasSuffixFold(phrase[:i], "both") || hasSuffixFold(phrase[:i], "three") {
			return true
		}
		k := strings.IndexByte(phrase[i+1:], ' ')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return false
}

// partyCounts are the phrases countsOf looks for, in the order it tries
// them, with the count each names: joined once rather than at every call.
var partyCounts = func() []partyCount {
	var out []partyCount
	for _, noun := range []string{"countries", "sides", "nations", "governments"} {
		for n, num := range []string{"both", "two", "three"} {
			out = append(out, partyCount{[]byte(num + " " + noun), max(n+1, 2)})
		}
	}
	return out
}()

type partyCount struct {
	phrase []byte
	n      int
}
