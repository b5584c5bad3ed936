package attribution

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/slant-news/slant/analysis/vocab"
)

// wordTable holds the classes of every word the lexicon and the closed
// classes list, by the word's ID in a vocabulary: newDoc reads a token's
// from the ID the text's words carry (segment.Text.IDs), or else looks the
// word up once.
type wordTable struct {
	voc  *vocab.Vocab
	info []wordInfo // by ID; info[vocab.Unknown] is a word in no list
}

// newWordTable makes the table of m over a vocabulary of its own words.
func newWordTable(m map[string]wordInfo) *wordTable {
	var b vocab.Builder
	words := make([]string, 0, len(m))
	for w := range m {
		words = append(words, w)
	}
	slices.Sort(words) // IDs in a fixed order
	b.AddAll(words...)
	voc := b.Vocab()
	t := &wordTable{voc: voc, info: make([]wordInfo, voc.Len())}
	for w, wi := range m {
		t.info[voc.ID(w)] = wi
	}
	return t
}

// get returns the classes of the lowercase word w (none for a word in no
// list).
func (t *wordTable) get(w string) wordInfo { return t.info[t.voc.ID(w)] }

// of returns the classes of the word whose ID is id in t's vocabulary.
func (t *wordTable) of(id vocab.ID) wordInfo { return t.info[id] }

// foldMax bounds the words lowered on the stack by lowerASCII: longer ones
// are lowered by strings.ToLower, as are words that are not ASCII.
const foldMax = 64

// lowerASCII appends s lowercased to dst, which has room for foldMax bytes,
// when s is ASCII and fits: then it is strings.ToLower(s), without a string
// made for it. The resolver looks up the words of speaker phrases, which are
// capitalized, and the lowered copies were most of its allocations.
func lowerASCII(dst []byte, s string) ([]byte, bool) {
	if len(s) > foldMax {
		return nil, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return nil, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst, true
}

// lookupFold returns m[strings.ToLower(k)].
func lookupFold[V any](m map[string]V, k string) (V, bool) {
	var buf [foldMax]byte
	if low, ok := lowerASCII(buf[:0], k); ok {
		v, ok := m[string(low)]
		return v, ok
	}
	v, ok := m[strings.ToLower(k)]
	return v, ok
}

// hasLowerSuffix reports whether strings.ToLower(s) ends in suffix.
func hasLowerSuffix(s, suffix string) bool {
	var buf [foldMax]byte
	if low, ok := lowerASCII(buf[:0], s); ok {
		return len(low) >= len(suffix) && string(low[len(low)-len(suffix):]) == suffix
	}
	return strings.HasSuffix(strings.ToLower(s), suffix)
}

// appendASCIILower appends s to dst with its ASCII capitals lowercased,
// byte for byte, as segment.ASCIILower does.
func appendASCIILower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}
