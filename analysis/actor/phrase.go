package actor

import "github.com/slant-news/slant/analysis/segment"

// A phrase is a node of a trie over the words of the patterns that begin
// with one literal word: the patterns whose words so far are the path to it,
// and which end here or go on with a wildcard, and the next literal words.
// Matching at a word walks the trie along the words that follow it, so a
// word is tried against the patterns that can match there, not against all
// those that share its first word: 10,000 patterns "the Name" cost every
// "the" of a text 10,000 tries when they were a list.
type phrase struct {
	patterns []*pattern
	next     map[string]*phrase
}

// insert adds p, whose first word is the path to x.
func (x *phrase) insert(p *pattern) {
	for j := 1; j < len(p.words) && p.glob[j] == literal; j++ {
		if x.next == nil {
			x.next = map[string]*phrase{}
		}
		child := x.next[p.words[j]]
		if child == nil {
			child = &phrase{}
			x.next[p.words[j]] = child
		}
		x = child
	}
	x.patterns = append(x.patterns, p)
}

// walk calls try with the patterns along the path of the words after toks[i]
// (as written, or lowercased when lower is not nil).
func (x *phrase) walk(text string, toks []segment.Token, lower []string, i int, try func(*pattern)) {
	for k := i + 1; x != nil; k++ {
		for _, p := range x.patterns {
			try(p)
		}
		if x.next == nil || k >= len(toks) {
			return
		}
		w := toks[k].Key(text)
		if lower != nil {
			w = lower[k]
		}
		x = x.next[w]
	}
}

// addPhrase adds p to the trie under its first word in m.
func addPhrase(m map[string]*phrase, p *pattern) {
	x := m[p.words[0]]
	if x == nil {
		x = &phrase{}
		m[p.words[0]] = x
	}
	x.insert(p)
}
