package tone

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
)

// TargetExample is one labelled target: the sentiment Label (-1, 0 or 1)
// toward Text[Start:End] within the sentence Text.
type TargetExample struct {
	Text       string
	Start, End int
	Label      int
}

// TrainConfig holds the target model's hyperparameters.
type TrainConfig struct {
	Lambda   float64 // L2 penalty per example
	Epochs   int     // passes of AdaGrad over the data
	Rate     float64 // AdaGrad's base learning rate
	MinCount int     // keep features seen in at least this many examples
	Balance  bool    // weight the classes inversely to their frequency, for macro-F1
	Average  bool    // return the weights averaged over all steps
	Seed     uint64  // the order examples are visited in
}

// DefaultTrainConfig is what `make model` trains with: the best of a grid
// searched by 5-fold cross-validation on NewsMTSC train (see slant-train -cv).
func DefaultTrainConfig() TrainConfig {
	return TrainConfig{Lambda: 1e-4, Epochs: 10, Rate: 0.02, MinCount: 1, Balance: true, Average: true, Seed: 1}
}

func (c TrainConfig) String() string {
	return fmt.Sprintf("lambda=%s epochs=%d rate=%s mincount=%d balance=%t average=%t seed=%d",
		strconv.FormatFloat(c.Lambda, 'g', -1, 64), c.Epochs, strconv.FormatFloat(c.Rate, 'g', -1, 64),
		c.MinCount, c.Balance, c.Average, c.Seed)
}

// parseTrainConfig reads what String writes.
func parseTrainConfig(s string) (TrainConfig, error) {
	var c TrainConfig
	var lambda, rate string
	_, err := fmt.Sscanf(s, "lambda=%s epochs=%d rate=%s mincount=%d balance=%t average=%t seed=%d",
		&lambda, &c.Epochs, &rate, &c.MinCount, &c.Balance, &c.Average, &c.Seed)
	if err != nil {
		return c, fmt.Errorf("reading the training configuration %q: %w", s, err)
	}
	if c.Lambda, err = strconv.ParseFloat(lambda, 64); err != nil {
		return c, fmt.Errorf("reading lambda: %w", err)
	}
	if c.Rate, err = strconv.ParseFloat(rate, 64); err != nil {
		return c, fmt.Errorf("reading rate: %w", err)
	}
	return c, nil
}

// numClasses are the labels -1, 0 and 1, at indexes 0, 1 and 2.
const numClasses = 3

// example is a TargetExample as feature indexes and values.
type example struct {
	idx   []int32
	vals  []float64
	class int
}

// TrainTarget trains the target model, a multinomial logistic regression
// with an L2 penalty fitted by AdaGrad, and returns it in the format that
// New embeds (target_model.txt). It is deterministic: the same examples and
// config give the same bytes on every platform (no map order, no threads,
// fixed seeds, no fused multiply-adds, a portable exp and fixed float
// formatting).
func TrainTarget(examples []TargetExample, cfg TrainConfig) ([]byte, error) {
	if len(examples) == 0 {
		return nil, errors.New("no training examples")
	}
	if cfg.Epochs <= 0 || cfg.Rate <= 0 || cfg.Lambda < 0 {
		return nil, fmt.Errorf("invalid training configuration %v", cfg)
	}
	names, data, err := featurize(examples, cfg.MinCount)
	if err != nil {
		return nil, err
	}
	w := fit(data, len(names), cfg)
	var b bytes.Buffer
	fmt.Fprintf(&b, "# slant target model: multinomial logistic regression over target-relative features.\n")
	fmt.Fprintf(&b, "# Made by `make model` (go run ./cmd/slant-train) from %d NewsMTSC train examples; do not edit.\n", len(examples))
	fmt.Fprintf(&b, "# It reads (SHA-256): word_vectors.bin %.16s, speech_verbs.txt %.16s, vader_lexicon.txt %.16s.\n",
		sha256Hex(wordVectorData), sha256Hex(speechVerbData), sha256Hex(defaultVADERLexicon))
	fmt.Fprintf(&b, "config %s\n", cfg)
	fmt.Fprintf(&b, "classes -1 0 1\n")
	for i, name := range names {
		ws := w[i*numClasses : (i+1)*numClasses]
		if slices.IndexFunc(ws, func(x float64) bool { return roundWeight(x) != 0 }) < 0 {
			continue // too small to matter; keeps the file small
		}
		b.WriteString(name)
		for _, x := range ws {
			b.WriteByte(' ')
			b.WriteString(strconv.FormatFloat(roundWeight(x), 'g', -1, 64))
		}
		b.WriteByte('\n')
	}
	return b.Bytes(), nil
}

// roundWeight keeps four decimals: finer differences do not change a label
// and would only bloat the file.
func roundWeight(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// featurize extracts the examples' features and keeps those seen in at
// least minCount examples, sorted by name.
func featurize(examples []TargetExample, minCount int) ([]string, []example, error) {
	in, err := new(models).featureInputs()
	if err != nil {
		return nil, nil, err
	}
	f := newFeatures(true)
	var s targetSentence
	type raw struct {
		names []string
		vals  []float64
	}
	raws := make([]raw, len(examples))
	count := map[string]int{}
	for i, ex := range examples {
		class := ex.Label + 1
		if class < 0 || class >= numClasses {
			return nil, nil, fmt.Errorf("example %d: label %d is not -1, 0 or 1", i+1, ex.Label)
		}
		start, end := clampSpan(ex.Text, ex.Start, ex.End)
		s.reset(ex.Text)
		targetFeatures(&f, in, &s, start, end)
		r := raw{names: slices.Clone(f.names), vals: slices.Clone(f.vals)}
		seen := map[string]bool{}
		for _, n := range r.names {
			if !seen[n] {
				seen[n] = true
				count[n]++
			}
		}
		raws[i] = r
	}
	var names []string
	for n, c := range count {
		if c >= minCount {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	index := make(map[string]int32, len(names))
	for i, n := range names {
		index[n] = int32(i)
	}
	data := make([]example, len(examples))
	for i, r := range raws {
		ex := example{class: examples[i].Label + 1}
		for j, n := range r.names {
			if k, ok := index[n]; ok {
				ex.idx = append(ex.idx, k)
				ex.vals = append(ex.vals, r.vals[j])
			}
		}
		data[i] = ex
	}
	return names, data, nil
}

// fit runs AdaGrad on the softmax loss with an L2 penalty applied to the
// weights each example touches, and returns the weights, numClasses per
// feature. Products are wrapped in float64() so the compiler cannot fuse
// them into FMA instructions, which would change the bits on some
// platforms.
func fit(data []example, nfeat int, cfg TrainConfig) []float64 {
	w := make([]float64, nfeat*numClasses)
	g2 := make([]float64, nfeat*numClasses) // AdaGrad's sums of squared gradients
	var classWeight [numClasses]float64
	for c := range classWeight {
		classWeight[c] = 1
	}
	if cfg.Balance {
		var n [numClasses]int
		for _, ex := range data {
			n[ex.class]++
		}
		for c := range n {
			if n[c] > 0 {
				classWeight[c] = float64(len(data)) / float64(numClasses*n[c])
			}
		}
	}
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	// Averaging: the returned weights are the mean of w over all steps,
	// kept cheaply as w - u/t where u sums each update times its step t.
	u := make([]float64, nfeat*numClasses)
	t := 1.0
	rng := splitmix(cfg.Seed)
	var p [numClasses]float64
	for range cfg.Epochs {
		// Fisher–Yates with our own generator, so the order never depends on
		// the standard library's choices.
		for i := len(order) - 1; i > 0; i-- {
			j := int(rng.next() % uint64(i+1))
			order[i], order[j] = order[j], order[i]
		}
		for _, i := range order {
			ex := &data[i]
			scores(w, ex, &p)
			softmax(&p)
			for c := range numClasses {
				y := 0.0
				if c == ex.class {
					y = 1
				}
				d := float64((p[c] - y) * classWeight[ex.class])
				for j, k := range ex.idx {
					at := int(k)*numClasses + c
					g := float64(d*ex.vals[j]) + float64(cfg.Lambda*w[at])
					g2[at] += float64(g * g)
					step := float64(cfg.Rate*g) / (math.Sqrt(g2[at]) + 1e-8)
					w[at] -= step
					u[at] -= float64(t * step)
				}
			}
			t++
		}
	}
	if cfg.Average {
		for i := range w {
			w[i] -= u[i] / t
		}
	}
	return w
}

// scores sets p to the examples' class scores under w.
func scores(w []float64, ex *example, p *[numClasses]float64) {
	*p = [numClasses]float64{}
	for j, k := range ex.idx {
		for c := range numClasses {
			p[c] += float64(w[int(k)*numClasses+c] * ex.vals[j])
		}
	}
}

// softmax turns scores into probabilities in place.
func softmax(p *[numClasses]float64) {
	m := max(p[0], p[1], p[2])
	var sum float64
	for c := range p {
		p[c] = exp(p[c] - m)
		sum += p[c]
	}
	for c := range p {
		p[c] /= sum
	}
}

// exp is e**x for x <= 0, in portable arithmetic: math.Exp uses FMA
// instructions on some CPUs and not others, which would make training
// differ between machines in the last bits.
func exp(x float64) float64 {
	if x < -700 {
		return 0
	}
	// x = k ln 2 + r, |r| <= ln2/2, with ln 2 split in two for precision
	// (Cody and Waite); then e**r by its Taylor series.
	const ln2Hi, ln2Lo = 6.93147180369123816490e-01, 1.90821492927058770002e-10
	k := math.Round(x / math.Ln2)
	r := (x - float64(k*ln2Hi)) - float64(k*ln2Lo)
	sum, term := 1.0, 1.0
	for n := 1; n <= 14; n++ {
		term = float64(term*r) / float64(n)
		sum += term
	}
	return math.Ldexp(sum, int(k))
}

// splitmix is the SplitMix64 generator: tiny, fast and fixed forever.
type splitmixState struct{ s uint64 }

func splitmix(seed uint64) *splitmixState { return &splitmixState{seed} }

func (g *splitmixState) next() uint64 {
	g.s += 0x9e3779b97f4a7c15
	z := g.s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// CrossValidate estimates the macro-F1 over {neg, neu, pos} that TrainTarget
// with cfg reaches, by k-fold cross-validation. Targets of the same sentence
// stay in the same fold, so that no fold is scored on a sentence it trained
// on.
func CrossValidate(examples []TargetExample, cfg TrainConfig, folds int) (macroF1 float64, err error) {
	if folds < 2 {
		return 0, fmt.Errorf("cross-validation needs 2 or more folds, not %d", folds)
	}
	preds, err := crossValidatePredictions(examples, cfg, folds)
	if err != nil {
		return 0, err
	}
	var conf [numClasses][numClasses]int
	for i, p := range preds {
		conf[examples[i].Label+1][p.label+1]++
	}
	return confusionMacroF1(conf), nil
}

// cvPrediction is an example's out-of-fold label and score.
type cvPrediction struct {
	label int
	score float64
}

// crossValidatePredictions is CrossValidate's folds: each example's
// prediction by the model trained on the other folds.
func crossValidatePredictions(examples []TargetExample, cfg TrainConfig, folds int) ([]cvPrediction, error) {
	in, err := new(models).featureInputs()
	if err != nil {
		return nil, err
	}
	preds := make([]cvPrediction, len(examples))
	t := NewSentence()
	for fold := range folds {
		var train []TargetExample
		var test []int
		for i, ex := range examples {
			if int(fnv1aString(ex.Text)%uint64(folds)) == fold {
				test = append(test, i)
			} else {
				train = append(train, ex)
			}
		}
		data, err := TrainTarget(train, cfg)
		if err != nil {
			return nil, fmt.Errorf("fold %d: %w", fold+1, err)
		}
		m, err := parseTargetModel(data, in)
		if err != nil {
			return nil, fmt.Errorf("fold %d: %w", fold+1, err)
		}
		for _, i := range test {
			ex := examples[i]
			start, end := clampSpan(ex.Text, ex.Start, ex.End)
			t.sentence.reset(ex.Text)
			preds[i].label, preds[i].score = m.predict(t, start, end)
		}
	}
	return preds, nil
}

// confusionMacroF1 is the unweighted mean F1 of the classes of a confusion
// matrix indexed [gold][predicted].
func confusionMacroF1(conf [numClasses][numClasses]int) float64 {
	var sum float64
	for k := range numClasses {
		var gold, pred int
		for j := range numClasses {
			gold += conf[k][j]
			pred += conf[j][k]
		}
		if tp := conf[k][k]; tp > 0 {
			p, r := float64(tp)/float64(pred), float64(tp)/float64(gold)
			sum += 2 * p * r / (p + r)
		}
	}
	return sum / numClasses
}

// sha256Hex is the hex SHA-256 of data, to name a model's inputs.
func sha256Hex(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}
