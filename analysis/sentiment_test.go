package analysis

import (
	"encoding/json"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/cdipaolo/goml/text"
	"github.com/cdipaolo/sentiment"
	"github.com/slant-news/slant/corpus"
)

// TestNBWords checks that the hand-read word table of the Naive Bayes model
// is what encoding/json reads, and so is the rest.
func TestNBWords(t *testing.T) {
	data, err := sentiment.Asset("model.json")
	if err != nil {
		t.Fatal(err)
	}
	type model struct {
		Words         map[string]text.Word `json:"words"`
		Count         []uint64             `json:"count"`
		Probabilities []float64            `json:"probabilities"`
		DocumentCount uint64               `json:"document_count"`
		DictCount     uint64               `json:"vocabulary_size"`
	}
	var want map[string]model
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	words, rest, ok := splitNBWords(data)
	if !ok {
		t.Fatal("splitNBWords does not read the model; newNaiveBayes falls back to encoding/json, slowly")
	}
	var got map[string]model
	if err := json.Unmarshal(rest, &got); err != nil {
		t.Fatal(err)
	}
	table := map[string]text.Word{}
	for _, w := range words {
		table[w.word] = text.Word{Count: []uint64{w.neg, w.pos}, Seen: w.seen}
	}
	if !reflect.DeepEqual(table, want["en"].Words) {
		t.Errorf("the word tables differ (%d words read, %d by encoding/json)", len(words), len(want["en"].Words))
	}
	w := want["en"]
	w.Words = map[string]text.Word{}
	want["en"] = w
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the rest differs: %+v, want %+v", got["en"], want["en"])
	}
	for _, bad := range []string{`{"en":{"words":{"a\"b":{"Count":[1,2],"Seen":3}}}}`, `{"en":{"words":{"a":{"Count":[1,2,3],"Seen":3}}}}`, `{"en":{"x":1}}`} {
		if _, _, ok := splitNBWords([]byte(bad)); ok {
			t.Errorf("splitNBWords(%s) reads a table it should leave to encoding/json", bad)
		}
	}
}

// TestNBOptIn checks that the Naive Bayes model is loaded, scores sentences
// and is listed as data only when asked for, and that asking changes
// nothing else. The wanted tones are those of sentences.csv when every run
// scored every sentence with it.
func TestNBOptIn(t *testing.T) {
	art := corpus.Article{
		ID:    "x",
		Title: "Rubio calls Riyadh meeting with Russia a first step toward peace",
		Text:  "Ukrainian President Volodymyr Zelensky, who was in Ankara, said that Ukraine would not accept any outcome of talks held without it.",
	}
	base := newAnalyzer(t, Config{}).Analyze(art)
	tests := []struct {
		name         string
		cfg          Config
		loaded       bool      // the model, and so the manifest's entry
		tones        []float64 // Sentence.NB, rounded as in sentences.csv; nil for NaN
		sameMentions bool      // mentions as without the model
	}{
		{"default", Config{}, false, nil, true},
		{"NB", Config{NB: true}, true, []float64{0.6666, -0.7336}, true},
		{"target scorer nb", Config{Sentiment: TargetNB}, true, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newAnalyzer(t, tt.cfg)
			listed := slices.ContainsFunc(a.DataFiles(), func(d DataFile) bool { return strings.HasPrefix(d.Name, "Naive Bayes") })
			if listed != tt.loaded {
				t.Errorf("model in DataFiles: %v, want %v", listed, tt.loaded)
			}
			res := a.Analyze(art)
			if len(res.Sentences) != 2 {
				t.Fatalf("%d sentences, want 2", len(res.Sentences))
			}
			for i, s := range res.Sentences {
				switch {
				case tt.tones == nil && !math.IsNaN(s.NB):
					t.Errorf("sentence %d: NB %v, want NaN", s.N, s.NB)
				case tt.tones != nil && math.Round(s.NB*1e4)/1e4 != tt.tones[i]:
					t.Errorf("sentence %d: NB %.4f, want %.4f", s.N, s.NB, tt.tones[i])
				}
				if s.VADER != base.Sentences[i].VADER {
					t.Errorf("sentence %d: VADER %v, want %v as by default", s.N, s.VADER, base.Sentences[i].VADER)
				}
			}
			if same := reflect.DeepEqual(res.Mentions, base.Mentions); same != tt.sameMentions {
				t.Errorf("mentions the same as by default: %v, want %v", same, tt.sameMentions)
			}
		})
	}
}

// TestScorerNames checks that an unknown scorer is an error when it is
// chosen, not a failure later.
func TestScorerNames(t *testing.T) {
	if _, err := NewSentenceScorer("bogus"); err == nil {
		t.Error("NewSentenceScorer(bogus): no error")
	}
	if _, err := NewTargetScorer("bogus"); err == nil {
		t.Error("NewTargetScorer(bogus): no error")
	}
	if _, err := New(Config{Sentiment: "bogus"}); err == nil {
		t.Error("New with Sentiment bogus: no error")
	}
}

func newAnalyzer(t testing.TB, cfg Config) *Analyzer {
	t.Helper()
	a, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return a
}
