package actor

import (
	"errors"
	"fmt"
	"strings"

	"github.com/slant-news/slant/analysis/segment"

	"gopkg.in/yaml.v3"
)

// An exclusion is a pattern written with a leading "!" ("!Washington
// Post" under the US): where it matches, its actor's patterns match nothing
// inside it, so that "Washington" in "Washington Post" is not the US. It
// must be quoted in YAML, which reads an unquoted ! as a tag. quanteda,
// which reads the same file, takes it as a pattern that never matches (its
// words never begin with "!"), so the file keeps working there, without
// the exclusions.

// compileEntry compiles one entry of an actor's list: a pattern, or an
// exclusion.
func compileEntry(actor int, n *yaml.Node) (*pattern, error) {
	if strings.HasPrefix(n.Tag, "!") && !strings.HasPrefix(n.Tag, "!!") {
		return nil, fmt.Errorf("pattern %q: put an exclusion in quotes (\"%s %s\"): unquoted, YAML reads %s as a tag", n.Tag+" "+n.Value, n.Tag, n.Value, n.Tag)
	}
	s, not := strings.CutPrefix(n.Value, "!")
	if not && strings.HasPrefix(s, "!") {
		return nil, errors.New("pattern " + fmt.Sprintf("%q", n.Value) + ": one ! makes an exclusion")
	}
	p, err := compilePattern(actor, s)
	if err != nil {
		return nil, err
	}
	p.not = not
	return p, nil
}

// hasInclusion reports whether an actor's patterns, as written, include
// one that is not an exclusion.
func hasInclusion(patterns []string) bool {
	for _, p := range patterns {
		if !strings.HasPrefix(p, "!") {
			return true
		}
	}
	return false
}

// Match is one actor mention: text[Start:End] names Actor.
type Match struct {
	Start, End int
	Actor      string
}

// Match finds the actor mentions in text, left to right; where patterns
// overlap, the one covering the most words (then the most bytes) wins, and
// ties go to the actor listed first. A match that lies inside a match of one
// of its actor's exclusions does not count.
func (a *Table) Match(text string) []Match {
	return a.MatchWords(text, segment.Tokenize(text, nil, false))
}

// mayBeExact is false when key is certainly not a key of a.exact.
func (a *Table) mayBeExact(key string) bool {
	return key == "" || a.exactLens[key[0]]&(1<<min(len(key), 63)) != 0
}

// candidate is a pattern that matches at the word being looked at: n words,
// to byte end.
type candidate struct {
	p      *pattern
	n, end int
}

// MatchWords is Match over text's words, toks.
//
// Exclusions are looked for where a match could start, with the patterns:
// excluded[k] is the end (a word index) of the furthest-reaching exclusion
// of actor k that started at or before the current word, so that a match
// of k is inside an exclusion exactly when it ends there or before. Each
// word costs what it did without exclusions, and a word more of memory per
// actor.
func (a *Table) MatchWords(text string, toks []segment.Token) []Match {
	return a.AppendMatches(nil, text, toks)
}

// AppendMatches appends MatchWords(text, toks) to dst: a caller that
// matches sentence after sentence reuses one slice.
func (a *Table) AppendMatches(dst []Match, text string, toks []segment.Token) []Match {
	out := dst
	var lower []string
	if a.lowers {
		lower = segment.LowerKeys(text, toks)
	}
	var excluded []int
	if a.exclusions {
		excluded = make([]int, len(a.List))
	}
	var candBuf [16]candidate // a word has a few: no allocation per sentence
	cands := candBuf[:0]
	quick := lower == nil && a.keyed()
	// byStart: a word whose key's first byte starts no pattern is passed
	// over in a loop of its own, without mayStartAt's call (most words).
	byStart := quick && len(a.suffixes[0].patterns) == 0
	for i := 0; i < len(toks); {
		if byStart {
			for i < len(toks) && toks[i].KeyEnd > toks[i].Start && !a.starts[text[toks[i].Start]] {
				i++
			}
			if i == len(toks) {
				break
			}
		}
		if quick && !a.mayStartAt(toks[i].Key(text)) {
			i++ // no pattern starts here: most words
			continue
		}
		cands = cands[:0]
		// The closure has a copy of i: i itself, taken by reference,
		// lived in the frame, and the loop that passes over words
		// stored it there at every word.
		at := i
		try := func(p *pattern) {
			n := p.match(text, toks, lower, at)
			switch {
			case n == 0:
			case p.not:
				excluded[p.actor] = max(excluded[p.actor], at+n)
			default:
				cands = append(cands, candidate{p, n, toks[at+n-1].End})
			}
		}
		a.tryAt(text, toks, lower, i, try)
		var best *candidate
		for k := range cands {
			c := &cands[k]
			if excluded != nil && excluded[c.p.actor] >= i+c.n {
				continue
			}
			if best == nil || c.n > best.n || (c.n == best.n && c.end > best.end) || (c.n == best.n && c.end == best.end && c.p.actor < best.p.actor) {
				best = c
			}
		}
		if best == nil {
			i++
			continue
		}
		out = append(out, Match{Start: toks[i].Start, End: best.end, Actor: a.List[best.p.actor].Name})
		i += best.n
	}
	return out
}

// keyed reports whether every case-sensitive pattern that may match at a
// word is found by the word's key (see mayStartAt): none starts with a
// wildcard or has an affix of one byte.
func (a *Table) keyed() bool {
	return len(a.globAny) == 0 && !a.prefixes[0].hasShort && !a.suffixes[0].hasShort
}

// mayStartAt is false when no case-sensitive pattern can match at a word
// whose key is key, in a table that is keyed: the filters of tryAt's
// lookups, asked before any of them and before the closure and the call
// that tryAt costs every word (a third of the matching's instructions).
func (a *Table) mayStartAt(key string) bool {
	if key != "" && !a.starts[key[0]] && len(a.suffixes[0].patterns) == 0 {
		return false // most words: no pattern starts with their first byte
	}
	if a.mayBeExact(key) || len(a.globByte[0][key[0]]) > 0 {
		return true // key is "" or may start an exact pattern, or a glob
	}
	n := len(key)
	return n >= 2 && (a.prefixes[0].heads.has(key[0], key[1]) || a.suffixes[0].tails.has(key[n-2], key[n-1]))
}

// tryAt calls try with each pattern that may match at word i: those whose
// words are i's and the next ones' until a wildcard (see phrase.go), or a
// glob whose first byte, prefix or suffix i has, and
// those that start with a wildcard. Patterns tried in another order find the
// same best match: ties go to the lower actor index, whatever came first.
func (a *Table) tryAt(text string, toks []segment.Token, lower []string, i int, try func(*pattern)) {
	key := toks[i].Key(text)
	if a.mayBeExact(key) {
		a.exact[key].walk(text, toks, nil, i, try)
	}
	if lower != nil {
		a.folded[lower[i]].walk(text, toks, lower, i, try)
	}
	if key != "" {
		for _, p := range a.globByte[0][key[0]] {
			try(p)
		}
	}
	if lower != nil && lower[i] != "" {
		for _, p := range a.globByte[1][lower[i][0]] {
			try(p)
		}
	}
	for _, p := range a.globAny {
		try(p)
	}
	a.prefixes[0].prefixes(key, try)
	a.suffixes[0].suffixes(key, try)
	if lower != nil {
		a.prefixes[1].prefixes(lower[i], try)
		a.suffixes[1].suffixes(lower[i], try)
	}
}

func (a *Table) hasFoldedGlob() bool {
	for _, p := range a.globs {
		if p.fold {
			return true
		}
	}
	return false
}
