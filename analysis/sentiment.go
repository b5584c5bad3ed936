package analysis

import (
	"fmt"
	"math"
	"strings"
	"unicode"

	"github.com/cdipaolo/goml/text"
	"github.com/cdipaolo/sentiment"
	"github.com/jonreiter/govader"
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

// vader scores with VADER. govader splits words on single spaces only, so
// white space is collapsed first.
type vader struct {
	sia *govader.SentimentIntensityAnalyzer
}

func newVader() *vader { return &vader{govader.NewSentimentIntensityAnalyzer()} }

func (v *vader) score(s string) float64 {
	return v.sia.PolarityScores(strings.Join(strings.Fields(s), " ")).Compound
}

// naiveBayes scores with cdipaolo/sentiment's English model, trained on movie
// reviews. Its own Probability multiplies raw likelihoods and underflows on
// long sentences, so the posterior is computed here in log space with the
// same tokenization (letters only, lowercased, split on spaces).
type naiveBayes struct{ m *text.NaiveBayes }

func newNaiveBayes() (*naiveBayes, error) {
	models, err := sentiment.Restore()
	if err != nil {
		return nil, fmt.Errorf("loading the Naive Bayes model: %w", err)
	}
	m := models[sentiment.English]
	if m == nil || len(m.Count) != 2 {
		return nil, fmt.Errorf("loading the Naive Bayes model: no two-class English model")
	}
	return &naiveBayes{m}, nil
}

func (nb *naiveBayes) score(s string) float64 {
	m := nb.m
	logp := [2]float64{math.Log(m.Probabilities[0]), math.Log(m.Probabilities[1])}
	clean := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) {
			return unicode.ToLower(r)
		}
		if unicode.IsSpace(r) {
			return ' '
		}
		return -1
	}, s)
	for _, w := range strings.Split(clean, " ") {
		word, ok := m.Words.Get(w)
		if !ok {
			continue
		}
		for c := range logp {
			logp[c] += math.Log(float64(word.Count[c]+1) / float64(word.Seen+m.DictCount))
		}
	}
	// P(positive) - P(negative) = tanh((logp1 - logp0) / 2).
	return math.Tanh((logp[1] - logp[0]) / 2)
}
