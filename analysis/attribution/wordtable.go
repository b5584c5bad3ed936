package attribution

import (
	"slices"

	"github.com/slant-news/slant/analysis/vocab"
)

// wordTable holds the classes of every word the lexicon and the closed
// classes list, by the word's ID in a vocabulary: newDoc reads a token's
// from the ID the text's words carry (segment.Text.IDs), or else looks the
// word up once.
type wordTable struct {
	voc  *vocab.Vocab
	info []wordInfo // by ID; info[vocab.Unknown] is a word in no list
	// kinds holds sourcelessKinds by ID, apart from info: a field of
	// wordInfo cost markTokens more, copying it for every token, than
	// sourcelessAt's lookups saved.
	kinds []cueKinds
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
	t := &wordTable{voc: voc}
	t.info = byID(t, m)
	t.kinds = byID(t, sourcelessKinds) // all of sourcelessCues, in m
	return t
}

// get returns the classes of the lowercase word w (none for a word in no
// list).
func (t *wordTable) get(w string) wordInfo { return t.info[t.voc.ID(w)] }

// byID returns the values of m, whose words are all in t, by their IDs.
func byID[V any](t *wordTable, m map[string]V) []V {
	s := make([]V, t.voc.Len())
	for w, v := range m {
		s[t.voc.ID(w)] = v
	}
	return s
}
