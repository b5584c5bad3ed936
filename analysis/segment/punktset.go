package segment

import (
	"maps"
	"slices"

	punktmodel "gopkg.in/neurosnap/sentences.v1"

	"github.com/slant-news/slant/analysis/vocab"
)

// wordSet is one of the model's small sets (a punktmodel.SetString) looked
// up by its words' IDs in a vocab.Vocab of its own. A word ending in a
// period is looked up in the abbreviations twice and in the collocations
// once, nearly always in vain: the Vocab's filter turns it away for a
// multiplication and a bit, where the map hashed every one (whole run 15 M
// instructions fewer). The orthographic context, of 20,000 words that most
// lookups find, stays a map: a Vocab of it cost more to build than its
// lookups saved.
type wordSet struct {
	voc  *vocab.Vocab
	vals []int // by ID; vals[vocab.Unknown] is 0, as a map gives for a key it lacks
}

func newWordSet(set punktmodel.SetString) wordSet {
	var b vocab.Builder
	keys := slices.Sorted(maps.Keys(set)) // the IDs the same from run to run
	b.AddAll(keys...)
	s := wordSet{voc: b.Vocab(), vals: make([]int, len(keys)+1)}
	for _, k := range keys {
		s.vals[s.voc.ID(k)] = set[k]
	}
	return s
}

// get is set[string(w)] of the set s was made from.
func (s wordSet) get(w []byte) int { return s.vals[s.voc.IDBytes(w)] }
