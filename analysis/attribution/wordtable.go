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
	m    map[string]wordInfo
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
	return newWordTableIn(m, b.Vocab())
}

// newWordTableIn makes the table of m over voc, which holds every word of
// m.
func newWordTableIn(m map[string]wordInfo, voc *vocab.Vocab) *wordTable {
	t := &wordTable{voc: voc, info: make([]wordInfo, voc.Len()), m: m}
	for w, wi := range m {
		if id := voc.ID(w); id != vocab.Unknown {
			t.info[id] = wi
		}
	}
	return t
}

// get returns the classes of the lowercase word w (none for a word in no
// list).
func (t *wordTable) get(w string) wordInfo { return t.info[t.voc.ID(w)] }

// of returns the classes of the word whose ID is id in t's vocabulary.
func (t *wordTable) of(id vocab.ID) wordInfo { return t.info[id] }
