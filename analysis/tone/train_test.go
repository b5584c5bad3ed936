package tone

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// syntheticExamples makes a small labelled set from templates.
func syntheticExamples() []TargetExample {
	templates := []struct {
		text  string
		label int
	}{
		{"%s praised the brave and generous volunteers.", 1},
		{"%s was accused of a brutal attack on civilians.", -1},
		{"%s met the delegation on Tuesday.", 0},
		{"Critics condemned %s for the terrible crimes.", -1},
		{"Thousands thanked %s for the wonderful help.", 1},
		{"The talks with %s will take place in March.", 0},
	}
	var out []TargetExample
	for _, name := range []string{"Russia", "Ukraine", "the minister", "Zélensky", "Brussels"} {
		for _, tp := range templates {
			text := fmt.Sprintf(tp.text, name)
			start := bytes.Index([]byte(text), []byte(name))
			out = append(out, TargetExample{Text: text, Start: start, End: start + len(name), Label: tp.label})
		}
	}
	return out
}

func TestTrainTargetDeterministic(t *testing.T) {
	ex := syntheticExamples()
	cfg := DefaultTrainConfig()
	a, err := TrainTarget(ex, cfg)
	if err != nil {
		t.Fatal(err)
	}
	b, err := TrainTarget(ex, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two trainings on the same data differ")
	}
	cfg.Seed++
	if c, _ := TrainTarget(ex, cfg); bytes.Equal(a, c) {
		t.Error("another seed gave the same model; is the seed used?")
	}
	// The model it makes loads, learns the templates, and remembers its config.
	m, err := parseTargetModel(a, featureInputsT(t))
	if err != nil {
		t.Fatal(err)
	}
	if m.config != DefaultTrainConfig() {
		t.Errorf("config %v, want %v", m.config, DefaultTrainConfig())
	}
	s := NewSentence()
	for _, e := range ex {
		s.sentence.reset(e.Text)
		if label, _ := m.predict(s, e.Start, e.End); label != e.Label {
			t.Errorf("%q: label %d, want %d", e.Text, label, e.Label)
		}
	}
}

func TestTrainTargetErrors(t *testing.T) {
	tests := []struct {
		name string
		ex   []TargetExample
		cfg  TrainConfig
	}{
		{"no examples", nil, DefaultTrainConfig()},
		{"bad label", []TargetExample{{Text: "Kyiv", Start: 0, End: 4, Label: 2}}, DefaultTrainConfig()},
		{"no epochs", syntheticExamples(), TrainConfig{Rate: 0.1}},
	}
	for _, tt := range tests {
		if _, err := TrainTarget(tt.ex, tt.cfg); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
}

func TestParseTargetModelErrors(t *testing.T) {
	tests := []string{
		"",
		"# only a comment\n",
		"bias 1 2\n",
		"bias 1 2 3 4\n",
		"bias 1 x 3\n",
		"bias 1 2 3\nbias 1 2 3\n",
		"config lambda=x\n",
	}
	for _, data := range tests {
		if _, err := parseTargetModel([]byte(data), featureInputsT(t)); err == nil {
			t.Errorf("parseTargetModel(%q): no error", data)
		}
	}
}

func TestExpPortable(t *testing.T) {
	for _, x := range []float64{0, -1e-9, -0.5, -1, -2.5, -10, -50, -300, -699, -800} {
		got, want := exp(x), math.Exp(x)
		if d := math.Abs(got - want); d > 1e-14*want {
			t.Errorf("exp(%v) = %v, want %v", x, got, want)
		}
	}
}

// TestEmbeddedModel checks that target_model.txt is what `make model` makes
// from NewsMTSC train, so the file in the repository can be trusted.
func TestEmbeddedModel(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "eval", "newsmtsc", "train.jsonl")
	ex := readNewsMTSC(t, path)
	m, err := parseTargetModel(targetModelData, featureInputsT(t))
	if err != nil {
		t.Fatal(err)
	}
	got, err := TrainTarget(ex, m.config)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, targetModelData) {
		t.Errorf("training on %s with %v does not give the embedded model; run make model", path, m.config)
	}
	if m.config != DefaultTrainConfig() {
		t.Errorf("the embedded model was trained with %v, DefaultTrainConfig is %v; run make model", m.config, DefaultTrainConfig())
	}
}

// readNewsMTSC reads a NewsMTSC JSONL file, or skips t when it is missing.
func readNewsMTSC(t testing.TB, path string) []TargetExample {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("NewsMTSC not found (%v); the evaluation data lives in ../shared/eval", err)
	}
	defer f.Close()
	var ex []TargetExample
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var r struct {
			Sentence   string `json:"sentence"`
			Start, End int
			Label      int `json:"label"`
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		ex = append(ex, TargetExample{Text: r.Sentence, Start: r.Start, End: r.End, Label: r.Label})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return ex
}

// featureInputsT loads the built-in feature inputs or fails t.
func featureInputsT(t testing.TB) *featureInputs {
	t.Helper()
	in, err := new(models).featureInputs()
	if err != nil {
		t.Fatal(err)
	}
	return in
}
