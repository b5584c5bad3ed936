package tone

import (
	"math"
	"testing"

	"github.com/slant-news/slant/analysis/actor"
	"github.com/slant-news/slant/analysis/internal/testseed"
)

// TestWeightTable fills a small table with keys that share their first
// slot, so that lookups probe past each other and wrap around the end.
func TestWeightTable(t *testing.T) {
	tab := newWeightTable(8) // a key's first slot is its top 3 bits: a key's first slot is its top 3 bits
	const slot7 = 7 << 61
	tests := []struct {
		key    uint64
		insert bool // else only looked up
		w      float32
		found  bool
	}{
		{key: slot7 + 1, insert: true, w: 1, found: true},
		{key: slot7 + 2, insert: true, w: 2, found: true}, // wraps to slot 0
		{key: slot7 + 3, insert: true, w: 3, found: true}, // slot 1
		{key: 5, insert: true, w: 4, found: true},         // slot 0 taken: slot 2
		{key: slot7 + 4},
		{key: 6},
		{key: 1 << 62},
	}
	for _, tt := range tests {
		if tt.insert && !tab.insert(tt.key, [numClasses]float32{tt.w, -tt.w, 0}) {
			t.Fatalf("insert(%x) failed", tt.key)
		}
	}
	for _, tt := range tests {
		w, ok := tab.find(tt.key)
		switch {
		case ok != tt.found:
			t.Errorf("find(%x) = %v, want found %v", tt.key, ok, tt.found)
		case ok && w != [numClasses]float32{tt.w, -tt.w, 0}:
			t.Errorf("find(%x) = %v, want weights %v", tt.key, w, tt.w)
		}
	}
	if tab.insert(slot7+2, [numClasses]float32{}) {
		t.Errorf("insert of a key already there succeeded")
	}
}

// keyScores are classScores the plain way, which scoring used to take: every
// feature by its key, looked up in the weight table after all are made, the
// vector windows' scores first.
func keyScores(m *targetModel, text string, start, end int) [numClasses]float64 {
	s := NewSentence()
	s.Reset(text)
	f := &s.features
	start, end = clampSpan(text, start, end)
	targetFeatures(f, m.in, &s.sentence, start, end)
	var p [numClasses]float64
	m.addVectorScores(&p, &s.sentence, f)
	for j, k := range f.keys {
		if w, ok := m.weights.find(k); ok {
			for c := range p {
				p[c] += float64(w[c]) * f.vals[j]
			}
		}
	}
	return p
}

// checkScores checks that classScores, on shared, gives the bits of
// keyScores for text[start:end].
func checkScores(t *testing.T, m *targetModel, shared *Sentence, text string, start, end int) {
	t.Helper()
	s, e := clampSpan(shared.sentence.text, start, end)
	got, want := m.classScores(shared, s, e), keyScores(m, text, start, end)
	for c := range got {
		if math.Float64bits(got[c]) != math.Float64bits(want[c]) {
			t.Fatalf("[%d:%d] in %q: class scores %v, by keys %v", start, end, text, got, want)
		}
	}
}

// TestScoresByKeys holds the scores, summed as the features are found (a
// word's from its row of word weights), to the plain sum by keys, on every
// mention of the seed article and of the sample corpus (when it is there).
func TestScoresByKeys(t *testing.T) {
	m := targetScorer(t, TargetModel).(*modelTarget).model
	table := actor.Default()
	art := testseed.Read(t)
	shared := NewSentence()
	for _, text := range []string{art.Title, art.Text} {
		for _, sentence := range sentenceTexts(t, text) {
			shared.Reset(sentence)
			for _, mt := range table.Match(sentence) {
				checkScores(t, m, shared, sentence, mt.Start, mt.End)
			}
		}
	}
	ss, err := sample()
	if err != nil {
		t.Logf("no sample corpus: %v", err)
		return
	}
	for i := range ss {
		if testing.Short() && i%20 != 0 {
			continue
		}
		s := &ss[i]
		if len(s.mentions) == 0 {
			continue
		}
		shared.ResetWords(s.text, s.words, 0)
		for _, mt := range s.mentions {
			checkScores(t, m, shared, s.text, mt.Start, mt.End)
		}
	}
}

// TestScoresAfterWords holds the scores of a sentence with no words, rated
// after one with words, to the bias alone: the words of the sentence
// before once added their vectors (found by FuzzScoresByKeys).
func TestScoresAfterWords(t *testing.T) {
	m := targetScorer(t, TargetModel).(*modelTarget).model
	shared := NewSentence()
	for _, text := range []string{"Russia condemned the attack on Ukraine.", "", "attacks on Ukraine were condemned.", "", " ...", "Ukraine"} {
		shared.Reset(text)
		checkScores(t, m, shared, text, 0, len(text))
	}
}

// FuzzScoresByKeys is TestScoresByKeys on any text and span, the sentence
// shared with a target rated before.
func FuzzScoresByKeys(f *testing.F) {
	addTargetSeeds(f)
	m := targetScorer(f, TargetModel).(*modelTarget).model
	shared := NewSentence()
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		shared.Reset(text)
		checkScores(t, m, shared, text, 0, len(text)/2)
		checkScores(t, m, shared, text, start, end)
	})
}
