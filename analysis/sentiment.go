package analysis

import (
	"encoding/json"
	"fmt"
	"math"
	"unicode"
	"unicode/utf8"

	"github.com/cdipaolo/goml/text"
	"github.com/cdipaolo/sentiment"
)

// Sentence scorers. Each maps a sentence to a tone in [-1, 1].
const (
	ScorerVADER = "vader" // VADER's compound score (govader)
	ScorerNB    = "nb"    // cdipaolo/sentiment's Naive Bayes model: P(positive) - P(negative)
)

// SentenceScorers lists the sentence scorers by name, the default first.
var SentenceScorers = []string{ScorerVADER, ScorerNB}

// Polarity thresholds: a score at or above Positive counts as positive, at
// or below -Positive as negative, VADER's customary ±0.05.
const Positive = 0.05

// Polarity returns 1, 0 or -1 for a score.
func Polarity(score float64) int {
	switch {
	case score >= Positive:
		return 1
	case score <= -Positive:
		return -1
	}
	return 0
}

// naiveBayes scores with cdipaolo/sentiment's English model, trained on movie
// reviews. Its own Probability multiplies raw likelihoods and underflows on
// long sentences, so the posterior is computed here in log space with the
// same tokenization (letters only, lowercased, split on spaces).
type naiveBayes struct {
	prior [2]float64 // log P(class)
	// logLike holds each word's log-likelihood per class, computed once
	// with the expression the model's own scoring uses: the same values,
	// without a lock and two logarithms per word of every sentence.
	logLike map[string][2]float64
}

func newNaiveBayes() (*naiveBayes, error) {
	// The model as sentiment.Restore reads it, decoded once into plain
	// maps (goml's own word map is unexported and locked).
	data, err := sentiment.Asset("model.json")
	if err != nil {
		return nil, fmt.Errorf("loading the Naive Bayes model: %w", err)
	}
	var models map[sentiment.Language]struct {
		Words         map[string]text.Word `json:"words"`
		Count         []uint64             `json:"count"`
		Probabilities []float64            `json:"probabilities"`
		DictCount     uint64               `json:"vocabulary_size"`
	}
	if err := json.Unmarshal(data, &models); err != nil {
		return nil, fmt.Errorf("loading the Naive Bayes model: %w", err)
	}
	m, ok := models[sentiment.English]
	if !ok || len(m.Count) != 2 || len(m.Probabilities) != 2 {
		return nil, fmt.Errorf("loading the Naive Bayes model: no two-class English model")
	}
	words := m.Words
	nb := &naiveBayes{
		prior:   [2]float64{math.Log(m.Probabilities[0]), math.Log(m.Probabilities[1])},
		logLike: make(map[string][2]float64, len(words)),
	}
	for w, word := range words {
		if len(word.Count) != 2 {
			return nil, fmt.Errorf("loading the Naive Bayes model: word %q has %d classes", w, len(word.Count))
		}
		var ll [2]float64
		for c := range ll {
			ll[c] = math.Log(float64(word.Count[c]+1) / float64(word.Seen+m.DictCount))
		}
		nb.logLike[w] = ll
	}
	return nb, nil
}

func (nb *naiveBayes) score(s string) float64 {
	logp := nb.prior
	// The words of s with every letter lowercased, every space a
	// separator and everything else dropped, as strings.Map and
	// strings.Split on " " would give them (empty words included).
	var buf [64]byte
	word := buf[:0]
	lookup := func() {
		if ll, ok := nb.logLike[string(word)]; ok {
			logp[0] += ll[0]
			logp[1] += ll[1]
		}
		word = word[:0]
	}
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			word = utf8.AppendRune(word, unicode.ToLower(r))
		case unicode.IsSpace(r):
			lookup()
		}
	}
	lookup()
	// P(positive) - P(negative) = tanh((logp1 - logp0) / 2).
	return math.Tanh((logp[1] - logp[0]) / 2)
}
