package segment

import (
	"reflect"
	"strings"
	"testing"

	punktmodel "gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/data"
)

var trainingCases = []string{
	`{}`,
	` {"AbbrevTypes": {"dr": 1, "mr": 1}, "OrthoContext": {"the": 96, "ü": -3}} `,
	`{"Collocations": {}, "SentStarters": {"but": 1, "but": 0}}`,
	`{"abbrevtypes": {"dr": 1}}`,
	`{"AbbrevTypes": {"dr": 1}, "AbbrevTypes": {"mr": 1}}`,
	`{"AbbrevTypes": {"d\u0072": 1}}`,
	`{"AbbrevTypes": {"dr": 1.0}}`,
	`{"AbbrevTypes": {"dr": 1e0}}`,
	`{"AbbrevTypes": {"dr": 01}}`,
	`{"AbbrevTypes": {"dr": -0}}`,
	`{"AbbrevTypes": {"dr": 9223372036854775808}}`,
	`{"AbbrevTypes": {"dr": 1,}}`,
	`{"AbbrevTypes": {"dr": 1}, }`,
	`{"AbbrevTypes": null}`,
	`{"Other": {"dr": 1}}`,
	"{\"AbbrevTypes\": {\"d\xffr\": 1}}",
	`{"AbbrevTypes": {"dr": 1}} x`,
	`{"AbbrevTypes": {"dr" 1}}`,
	`[]`,
	``,
}

// checkTraining holds loadTraining to punktmodel.LoadTraining on b.
func checkTraining(t *testing.T, b []byte) (scanned bool) {
	t.Helper()
	want, wantErr := punktmodel.LoadTraining(b)
	got, err := loadTraining(b)
	if (err != nil) != (wantErr != nil) || !reflect.DeepEqual(got, want) {
		t.Fatalf("loadTraining(%.80q) = %v, %v; LoadTraining: %v, %v", b, got, err, want, wantErr)
	}
	_, scanned = scanTraining(b)
	return scanned
}

// TestLoadTraining holds the hand-read shape to LoadTraining on the models
// the sentences package holds (the English one), each of which it must read
// itself, and on the cases.
func TestLoadTraining(t *testing.T) {
	for _, name := range data.AssetNames() {
		if !strings.HasSuffix(name, ".json") {
			continue
		}
		b, err := data.Asset(name)
		if err != nil {
			t.Fatal(err)
		}
		if !checkTraining(t, b) {
			t.Errorf("%s: not read by hand, but by encoding/json", name)
		}
	}
	for _, c := range trainingCases {
		checkTraining(t, []byte(c))
	}
}

func FuzzLoadTraining(f *testing.F) {
	for _, c := range trainingCases {
		f.Add([]byte(c))
	}
	b, err := data.Asset("data/english.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b[:2000])
	f.Fuzz(func(t *testing.T, b []byte) { checkTraining(t, b) })
}
