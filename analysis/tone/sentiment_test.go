package tone

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/cdipaolo/goml/text"
	"github.com/cdipaolo/sentiment"
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

// TestScorerNames checks that an unknown scorer is an error when it is
// chosen, not a failure later.
func TestScorerNames(t *testing.T) {
	if _, err := NewSentenceScorer("bogus"); err == nil {
		t.Error("NewSentenceScorer(bogus): no error")
	}
	if _, err := NewTargetScorer("bogus"); err == nil {
		t.Error("NewTargetScorer(bogus): no error")
	}
}
