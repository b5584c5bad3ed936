package segment

import (
	"testing"

	punktmodel "gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/data"

	"github.com/slant-news/slant/analysis/vocab"
)

// words are the words of s, in the order of their IDs.
func (s wordSet) words() []string {
	var w []string
	for id := 1; id < s.voc.Len(); id++ {
		w = append(w, s.voc.Word(vocab.ID(id)))
	}
	return w
}

// TestWordSet holds a wordSet to its map: every key, each with a byte
// more or fewer, the key alone and keys no set has.
func TestWordSet(t *testing.T) {
	b, err := data.Asset("data/english.json")
	if err != nil {
		t.Fatal(err)
	}
	st, err := loadTraining(b)
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range []punktmodel.SetString{st.AbbrevTypes, st.Collocations, st.SentStarters, st.OrthoContext, {"": 3, "a": 0}} {
		s := newWordSet(set)
		probes := []string{"", "x", "##number##", "the,", "abcdefghijklmnop"}
		for k := range set {
			probes = append(probes, k, k+".", k+"s", "-"+k)
			if k != "" {
				probes = append(probes, k[:len(k)-1], k[1:])
			}
		}
		for _, w := range probes {
			if got, want := s.get([]byte(w)), set[w]; got != want {
				t.Errorf("get(%q) = %d, want %d", w, got, want)
			}
		}
	}
}
