//go:build rnn

package tone

import (
	"bytes"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// rnnLoss is the weighted loss of one example under p.
func rnnLoss(l *rnnLayout, p []float32, ex *rnnExample) float64 {
	m := &rnnModel{l: *l, p: p}
	sc := m.newScratch()
	sc.x = ex.x
	s := m.output(sc, ex.first, ex.last, ex.n, ex.lr)
	softmax(&s)
	return -math.Log(s[ex.class])
}

// TestRNNGradient checks backpropagation against finite differences.
func TestRNNGradient(t *testing.T) {
	tests := []struct {
		name              string
		h, n, first, last int
		class             int
	}{
		{"target in the middle", 3, 5, 2, 2, 0},
		{"target first", 2, 4, 0, 1, 2},
		{"target last", 4, 3, 2, 2, 1},
	}
	for _, tt := range tests {
		l := newRNNLayout(tt.h)
		p := initRNN(&l, 7)
		rng := splitmix(3)
		ex := rnnExample{first: tt.first, last: tt.last, n: tt.n, class: tt.class, lr: [numClasses]float64{0.3, -0.2, 0.1}}
		for range tt.n * rnnInput {
			ex.x = append(ex.x, float32(float64(rng.next()>>11)/(1<<53)-0.5))
		}
		for i := range p {
			p[i] += float32(float64(rng.next()>>11)/(1<<53)-0.5) * 0.5
		}
		tr := newRNNTrainer(&l, p, DefaultRNNConfig())
		tr.example(&ex, 1)
		checked := 0
		for i := 0; i < len(p); i += 1 + len(p)/200 {
			const eps = 1e-2
			old := p[i]
			p[i] = old + eps
			up := rnnLoss(&l, p, &ex)
			p[i] = old - eps
			down := rnnLoss(&l, p, &ex)
			p[i] = old
			num := (up - down) / (2 * eps)
			if got := float64(tr.grad[i]); math.Abs(got-num) > 2e-3+0.05*math.Abs(num) {
				t.Errorf("%s: weight %d: gradient %g, finite difference %g", tt.name, i, got, num)
			}
			checked++
		}
		if checked < 50 {
			t.Errorf("%s: only %d weights checked", tt.name, checked)
		}
	}
}

func TestTrainRNNDeterministic(t *testing.T) {
	ex := syntheticExamples()
	cfg := RNNConfig{Hidden: 4, Epochs: 3, Rate: 0.01, Batch: 4, Stack: true, Seed: 1}
	a, err := TrainRNN(ex, cfg)
	if err != nil {
		t.Fatal(err)
	}
	b, err := TrainRNN(ex, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two trainings on the same data differ")
	}
	cfg.Seed++
	if c, _ := TrainRNN(ex, cfg); bytes.Equal(a, c) {
		t.Error("another seed gave the same model; is the seed used?")
	}
	m, err := parseRNN(a, targetModelT(t))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Seed--; m.config != cfg {
		t.Errorf("config %v, want %v", m.config, cfg)
	}
}

func TestTrainRNNErrors(t *testing.T) {
	good := RNNConfig{Hidden: 2, Epochs: 1, Rate: 0.01, Batch: 1}
	tests := []struct {
		name string
		ex   []TargetExample
		cfg  RNNConfig
	}{
		{"no examples", nil, good},
		{"bad label", []TargetExample{{Text: "Kyiv", Start: 0, End: 4, Label: 2}}, good},
		{"no epochs", syntheticExamples(), RNNConfig{Hidden: 2, Rate: 0.1, Batch: 1}},
		{"no hidden units", syntheticExamples(), RNNConfig{Epochs: 1, Rate: 0.1, Batch: 1}},
	}
	for _, tt := range tests {
		if _, err := TrainRNN(tt.ex, tt.cfg); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
}

func TestParseRNNErrors(t *testing.T) {
	cfg := "rnn hidden=1 epochs=1 rate=0.1 batch=1 decay=0 stack=true seed=1\n"
	n := newRNNLayout(1).numWeights
	tests := []struct {
		name, data string
	}{
		{"empty", ""},
		{"no weights", cfg},
		{"weights first", "weights 3\n1\n2\n3\n"},
		{"bad config", "rnn hidden=x\n"},
		{"hidden size 0", "rnn hidden=0 epochs=1 rate=0.1 batch=1 decay=0 stack=true seed=1\n"},
		{"wrong count", cfg + "weights 3\n1\n2\n3\n"},
		{"too few", cfg + fmt.Sprintf("weights %d\n1\n", n)},
		{"too many", cfg + fmt.Sprintf("weights %d\n", n) + strings.Repeat("1\n", n+1)},
		{"not a number", cfg + fmt.Sprintf("weights %d\n", n) + strings.Repeat("x\n", n)},
		{"stray line", "hello\n"},
	}
	for _, tt := range tests {
		if _, err := parseRNN([]byte(tt.data), nil); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
}

// TestRNNModelRoundTrip checks that a written model reads back with the
// same weights.
func TestRNNModelRoundTrip(t *testing.T) {
	cfg := RNNConfig{Hidden: 3, Epochs: 1, Rate: 0.01, Batch: 1, Seed: 2}
	l := newRNNLayout(cfg.Hidden)
	p := initRNN(&l, cfg.Seed)
	m, err := parseRNN(formatRNN(cfg, p, 0), nil)
	if err != nil {
		t.Fatal(err)
	}
	if m.config != cfg || !slices.Equal(m.p, p) {
		t.Errorf("read back %v and other weights, want %v", m.config, cfg)
	}
}

// TestRNNScorer checks the built-in recurrent scorer on clear cases and
// that Rate answers whatever the offsets.
func TestRNNScorer(t *testing.T) {
	s, err := new(models).rnnTarget()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, target string
		label        int
	}{
		{"Critics condemned Russia for the brutal and illegal invasion.", "Russia", -1},
		{"The minister praised the volunteers for their wonderful, generous help.", "the volunteers", 1},
		{"Ukraine will hold the talks in Geneva on Tuesday.", "Ukraine", 0},
	}
	sent := NewSentence()
	for _, tt := range tests {
		sent.Reset(tt.text)
		start := strings.Index(tt.text, tt.target)
		if label, score := s.Rate(sent, start, start+len(tt.target)); label != tt.label || score < -1 || score > 1 {
			t.Errorf("%q toward %q: %d (%.3f), want %d", tt.text, tt.target, label, score, tt.label)
		}
	}
	for _, span := range [][2]int{{-5, 3}, {40, 2}, {0, 1000}, {3, 3}} {
		sent.Reset("Kyiv said the strikes were a crime.")
		if _, score := s.Rate(sent, span[0], span[1]); score < -1 || score > 1 || math.IsNaN(score) {
			t.Errorf("offsets %v: score %v", span, score)
		}
	}
	sent.Reset("")
	s.Rate(sent, 0, 0)
}

// targetModelT loads the built-in regression or fails t.
func targetModelT(t testing.TB) *targetModel {
	t.Helper()
	m, err := parseTargetModel(targetModelData, featureInputsT(t))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func FuzzRNNRate(f *testing.F) {
	f.Add("Critics condemned Russia for the brutal invasion.", 18, 24)
	f.Add("“We will not back down,” Zelensky said.", 0, 3)
	f.Add("", 0, 0)
	s, err := new(models).rnnTarget()
	if err != nil {
		f.Fatal(err)
	}
	sent := NewSentence()
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		sent.Reset(text)
		label, score := s.Rate(sent, start, end)
		if label < -1 || label > 1 || !(score >= -1 && score <= 1) {
			t.Errorf("Rate(%q, %d, %d) = %d, %v", text, start, end, label, score)
		}
	})
}

func BenchmarkRNNRate(b *testing.B) {
	s, err := new(models).rnnTarget()
	if err != nil {
		b.Fatal(err)
	}
	const text = "Russian President Vladimir Putin on Tuesday accused Ukraine of sabotaging the grain deal, while Kyiv said Moscow's strikes on Odesa were a crime."
	sent := NewSentence()
	for b.Loop() {
		sent.Reset(text)
		s.Rate(sent, 18, 32)
		s.Rate(sent, 109, 113)
	}
}

func TestExpNeg(t *testing.T) {
	for _, x := range []float64{0, -1e-9, -0.3, -0.5, -1, -2.5, -10, -50, -300, -699, -800} {
		got, want := expNeg(x), math.Exp(x)
		if d := math.Abs(got - want); d > 1e-9*want {
			t.Errorf("expNeg(%v) = %v, want %v", x, got, want)
		}
	}
}

// TestRNNProjected checks that scoring by the projected vectors gives the
// class scores of the plain forward pass that training uses.
func TestRNNProjected(t *testing.T) {
	in := featureInputsT(t)
	lr := targetModelT(t)
	m, err := parseRNN(rnnModelData, lr)
	if err != nil {
		t.Fatal(err)
	}
	m.project(in.vectors)
	data, err := rnnExamples(syntheticExamples(), in)
	if err != nil {
		t.Fatal(err)
	}
	sent := NewSentence()
	sc := m.newScratch()
	for i, ex := range syntheticExamples() {
		sent.Reset(ex.Text)
		got := m.classScores(sent, ex.Start, ex.End, sc)
		d := data[i]
		sc.x = d.x
		want := m.output(sc, d.first, d.last, d.n, lr.classScores(sent, ex.Start, ex.End))
		for c := range got {
			if math.Abs(got[c]-want[c]) > 1e-4 {
				t.Errorf("%q: class scores %v, want %v", ex.Text, got, want)
				break
			}
		}
	}
}

// newsMTSCPath is a NewsMTSC file in ../shared/eval.
func newsMTSCPath(name string) string {
	return filepath.Join("..", "..", "..", "shared", "eval", "newsmtsc", name)
}

// TestEmbeddedRNN checks that rnn_model.txt is what training on NewsMTSC
// train with DefaultRNNConfig makes.
func TestEmbeddedRNN(t *testing.T) {
	if testing.Short() {
		t.Skip("trains for about ten seconds")
	}
	ex := readNewsMTSC(t, newsMTSCPath("train.jsonl"))
	got, err := TrainRNN(ex, DefaultRNNConfig())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, rnnModelData) {
		t.Error("training on NewsMTSC train with DefaultRNNConfig does not give rnn_model.txt; see the README")
	}
}

// TestRNNDevFigures checks the README's development-set figures of the
// recurrent model ("Tried and left out").
func TestRNNDevFigures(t *testing.T) {
	s, err := new(models).rnnTarget()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		set     string
		macroF1 float64
	}{
		{"dev-rw.jsonl", 0.716},
		{"dev-mt.jsonl", 0.651},
	}
	for _, tt := range tests {
		var conf [numClasses][numClasses]int
		sent := NewSentence()
		for _, ex := range readNewsMTSC(t, newsMTSCPath(tt.set)) {
			sent.Reset(ex.Text)
			label, _ := s.Rate(sent, ex.Start, ex.End)
			conf[ex.Label+1][label+1]++
		}
		if got := math.Round(confusionMacroF1(conf)*1000) / 1000; got != tt.macroF1 {
			t.Errorf("%s: macro-F1 %.3f, the README says %.3f", tt.set, got, tt.macroF1)
		}
	}
}
