package tone

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cdipaolo/goml/text"
	"github.com/cdipaolo/sentiment"
)

// Sentence scorers. Each maps a sentence to a tone in [-1, 1].
const (
	ScorerVADER = "vader" // VADER's compound score, as its authors compute it
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
	sha256 string     // of the model file, for the manifest
	prior  [2]float64 // log P(class)
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
	// The word table is nearly all of the 4 MB and took encoding/json a
	// quarter of a second, at every start; it is read by hand when laid out
	// as expected (TestNBWords checks it gives what encoding/json gives).
	words, rest, ok := splitNBWords(data)
	if !ok {
		words, rest = nil, data
	}
	var models map[sentiment.Language]struct {
		Words         map[string]text.Word `json:"words"`
		Count         []uint64             `json:"count"`
		Probabilities []float64            `json:"probabilities"`
		DictCount     uint64               `json:"vocabulary_size"`
	}
	if err := json.Unmarshal(rest, &models); err != nil {
		return nil, fmt.Errorf("loading the Naive Bayes model: %w", err)
	}
	m, ok := models[sentiment.English]
	if !ok || len(m.Count) != 2 || len(m.Probabilities) != 2 {
		return nil, fmt.Errorf("loading the Naive Bayes model: no two-class English model")
	}
	if words == nil {
		for w, word := range m.Words {
			if len(word.Count) != 2 {
				return nil, fmt.Errorf("loading the Naive Bayes model: word %q has %d classes", w, len(word.Count))
			}
			words = append(words, nbWord{w, word.Count[0], word.Count[1], word.Seen})
		}
	}
	nb := &naiveBayes{
		sha256:  digest(data),
		prior:   [2]float64{math.Log(m.Probabilities[0]), math.Log(m.Probabilities[1])},
		logLike: make(map[string][2]float64, len(words)),
	}
	for _, w := range words {
		var ll [2]float64
		for c, count := range [2]uint64{w.neg, w.pos} {
			ll[c] = math.Log(float64(count+1) / float64(w.seen+m.DictCount))
		}
		nb.logLike[w.word] = ll // a word twice: the last wins, as in encoding/json
	}
	return nb, nil
}

// nbWordsStart is how cdipaolo/sentiment's model.json begins: the English
// model, its word table first.
const nbWordsStart = `{"en":{"words":{`

// nbWord is one entry of the model's word table.
type nbWord struct {
	word           string
	neg, pos, seen uint64 // Count[0], Count[1], Seen
}

// splitNBWords reads the word table of model.json, whose entries look like
// "word":{"Count":[6,3],"Seen":9}, and returns it with the rest of the file
// (the table emptied) for encoding/json. ok is false when the file is not
// laid out so (escapes in a word, other fields): encoding/json reads it all.
func splitNBWords(data []byte) (words []nbWord, rest []byte, ok bool) {
	s := string(data)
	if !strings.HasPrefix(s, nbWordsStart) {
		return nil, nil, false
	}
	i := len(nbWordsStart)
	expect := func(lit string) bool {
		if !strings.HasPrefix(s[i:], lit) {
			return false
		}
		i += len(lit)
		return true
	}
	number := func() (uint64, bool) {
		j := i
		for j < len(s) && '0' <= s[j] && s[j] <= '9' {
			j++
		}
		n, err := strconv.ParseUint(s[i:j], 10, 64)
		i = j
		return n, err == nil
	}
	words = make([]nbWord, 0, 120_000)
	for !expect("}") {
		if len(words) > 0 && !expect(",") || !expect(`"`) {
			return nil, nil, false
		}
		end := strings.IndexByte(s[i:], '"')
		if end < 0 {
			return nil, nil, false
		}
		key := s[i : i+end]
		if strings.ContainsAny(key, "\\\x00") || !utf8.ValidString(key) {
			return nil, nil, false
		}
		i += end + 1
		if !expect(`:{"Count":[`) {
			return nil, nil, false
		}
		neg, ok1 := number()
		if !ok1 || !expect(",") {
			return nil, nil, false
		}
		pos, ok2 := number()
		if !ok2 || !expect(`],"Seen":`) {
			return nil, nil, false
		}
		n, ok3 := number()
		if !ok3 || !expect("}") {
			return nil, nil, false
		}
		words = append(words, nbWord{key, neg, pos, n})
	}
	return words, []byte(nbWordsStart + "}" + s[i:]), true
}

func (nb *naiveBayes) Score(s string) float64 {
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

func digest(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}
