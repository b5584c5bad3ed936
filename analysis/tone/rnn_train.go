//go:build rnn

package tone

import (
	"errors"
	"fmt"
	"math"
	"strconv"
)

// RNNConfig holds the recurrent model's hyperparameters.
type RNNConfig struct {
	Hidden int     // each GRU's state size
	Epochs int     // passes of Adam over the data
	Rate   float64 // Adam's learning rate
	Batch  int     // examples per update
	Decay  float64 // decoupled weight decay per update, times Rate
	Stack  bool    // read the logistic regression's class scores
	Seed   uint64  // the initial weights and the order examples are visited in
}

// DefaultRNNConfig is the best of the grid searched by 5-fold
// cross-validation on NewsMTSC train (slant-train -rnn-cv).
func DefaultRNNConfig() RNNConfig {
	return RNNConfig{Hidden: 16, Epochs: 4, Rate: 0.003, Batch: 16, Decay: 0, Stack: true, Seed: 1}
}

func (c RNNConfig) String() string {
	return fmt.Sprintf("hidden=%d epochs=%d rate=%s batch=%d decay=%s stack=%t seed=%d",
		c.Hidden, c.Epochs, strconv.FormatFloat(c.Rate, 'g', -1, 64), c.Batch,
		strconv.FormatFloat(c.Decay, 'g', -1, 64), c.Stack, c.Seed)
}

// parseRNNConfig reads what String writes.
func parseRNNConfig(s string) (RNNConfig, error) {
	var c RNNConfig
	var rate, decay string
	_, err := fmt.Sscanf(s, "hidden=%d epochs=%d rate=%s batch=%d decay=%s stack=%t seed=%d",
		&c.Hidden, &c.Epochs, &rate, &c.Batch, &decay, &c.Stack, &c.Seed)
	if err != nil {
		return c, fmt.Errorf("reading the recurrent configuration %q: %w", s, err)
	}
	if c.Rate, err = strconv.ParseFloat(rate, 64); err != nil {
		return c, fmt.Errorf("reading rate: %w", err)
	}
	if c.Decay, err = strconv.ParseFloat(decay, 64); err != nil {
		return c, fmt.Errorf("reading decay: %w", err)
	}
	if c.Hidden < 1 || c.Hidden > 256 {
		return c, fmt.Errorf("hidden size %d out of range [1, 256]", c.Hidden)
	}
	return c, nil
}

func (c RNNConfig) valid() bool {
	return c.Hidden >= 1 && c.Hidden <= 256 && c.Epochs > 0 && c.Rate > 0 && c.Batch > 0 && c.Decay >= 0
}

// rnnExample is a TargetExample as the GRUs' inputs.
type rnnExample struct {
	x           []float32 // rnnInput per word of the window
	first, last int       // the target in the window
	n           int       // words in the window
	class       int
	lr          [numClasses]float64 // the regression's class scores, out of fold
}

// rnnExamples turns examples into the GRUs' inputs (the regression's
// scores not yet set).
func rnnExamples(examples []TargetExample, in *featureInputs) ([]rnnExample, error) {
	out := make([]rnnExample, len(examples))
	var s targetSentence
	for i, ex := range examples {
		if ex.Label < -1 || ex.Label > 1 {
			return nil, fmt.Errorf("example %d: label %d is not -1, 0 or 1", i+1, ex.Label)
		}
		out[i].class = ex.Label + 1
		start, end := clampSpan(ex.Text, ex.Start, ex.End)
		s.reset(ex.Text)
		if len(s.toks) == 0 {
			continue
		}
		s.prepare(in)
		first, last := targetTokens(s.toks, start, end)
		clo, chi := s.clauseTokens(first, last)
		lo, hi := rnnWindow(first, last, len(s.words))
		out[i].x, _ = rnnInputs(nil, nil, &s, in.vectors, first, last, clo, chi, lo, hi)
		out[i].first, out[i].last, out[i].n = first-lo, last-lo, hi-lo+1
	}
	return out, nil
}

// regressionScores trains the logistic regression with cfg on train and
// returns its class scores of each of test.
func regressionScores(train, test []TargetExample, cfg TrainConfig, in *featureInputs) ([][numClasses]float64, error) {
	data, err := TrainTarget(train, cfg)
	if err != nil {
		return nil, err
	}
	m, err := parseTargetModel(data, in)
	if err != nil {
		return nil, err
	}
	return modelScores(m, test), nil
}

// modelScores is m's class scores of each example.
func modelScores(m *targetModel, examples []TargetExample) [][numClasses]float64 {
	out := make([][numClasses]float64, len(examples))
	t := NewSentence()
	for i, ex := range examples {
		start, end := clampSpan(ex.Text, ex.Start, ex.End)
		t.sentence.reset(ex.Text)
		out[i] = m.classScores(t, start, end)
	}
	return out
}

// foldOf is the fold of a sentence: targets of one sentence share it.
// Salt 0 gives CrossValidate's folds; others, independent ones.
func foldOf(text string, folds int, salt uint64) int {
	h := fnv1aString(text)
	if salt != 0 {
		h = mixKey(h, salt)
	}
	return int(h % uint64(folds))
}

// outOfFold returns the regression's class scores of each example from a
// regression trained on the other folds (salt picks the folds), so the
// network learns to correct the errors it makes on unseen sentences.
func outOfFold(examples []TargetExample, cfg TrainConfig, folds int, salt uint64, in *featureInputs) ([][numClasses]float64, error) {
	out := make([][numClasses]float64, len(examples))
	for fold := range folds {
		var train, test []TargetExample
		var at []int
		for i, ex := range examples {
			if foldOf(ex.Text, folds, salt) == fold {
				test, at = append(test, ex), append(at, i)
			} else {
				train = append(train, ex)
			}
		}
		if len(test) == 0 {
			continue
		}
		sc, err := regressionScores(train, test, cfg, in)
		if err != nil {
			return nil, fmt.Errorf("regression fold %d: %w", fold+1, err)
		}
		for j, i := range at {
			out[i] = sc[j]
		}
	}
	return out, nil
}

// stackFolds is how many folds give the regression's out-of-fold scores.
const stackFolds = 5

// TrainRNN trains the recurrent model on examples, over the built-in
// logistic regression (which must be trained on the same examples with
// DefaultTrainConfig), and returns it in the format the scorer reads. Like
// TrainTarget it is deterministic.
func TrainRNN(examples []TargetExample, cfg RNNConfig) ([]byte, error) {
	if len(examples) == 0 {
		return nil, errors.New("no training examples")
	}
	if !cfg.valid() {
		return nil, fmt.Errorf("invalid recurrent configuration %v", cfg)
	}
	in, err := new(models).featureInputs()
	if err != nil {
		return nil, err
	}
	data, err := rnnExamples(examples, in)
	if err != nil {
		return nil, err
	}
	if cfg.Stack {
		lr, err := outOfFold(examples, DefaultTrainConfig(), stackFolds, 1, in)
		if err != nil {
			return nil, err
		}
		for i := range data {
			data[i].lr = lr[i]
		}
	}
	return formatRNN(cfg, trainRNN(data, cfg), len(examples)), nil
}

// CrossValidateRNN estimates the macro-F1 that TrainRNN with each of cfgs
// reaches, by k-fold cross-validation with CrossValidate's folds, and also
// returns the regression's on the same folds. The regression's scores,
// out of fold within each training part, are made once for all cfgs.
func CrossValidateRNN(examples []TargetExample, cfgs []RNNConfig, folds int) (rnn []float64, regression float64, err error) {
	if folds < 2 {
		return nil, 0, fmt.Errorf("cross-validation needs 2 or more folds, not %d", folds)
	}
	in, err := new(models).featureInputs()
	if err != nil {
		return nil, 0, err
	}
	all, err := rnnExamples(examples, in)
	if err != nil {
		return nil, 0, err
	}
	conf := make([][numClasses][numClasses]int, len(cfgs))
	var lrConf [numClasses][numClasses]int
	for fold := range folds {
		var train, test []TargetExample
		var trainData, testData []rnnExample
		for i, ex := range examples {
			if foldOf(ex.Text, folds, 0) == fold {
				test, testData = append(test, ex), append(testData, all[i])
			} else {
				train, trainData = append(train, ex), append(trainData, all[i])
			}
		}
		if err := stackScores(train, test, trainData, testData, in); err != nil {
			return nil, 0, fmt.Errorf("fold %d: %w", fold+1, err)
		}
		for _, ex := range testData {
			lrConf[ex.class][argmax(ex.lr)]++
		}
		for c, cfg := range cfgs {
			if !cfg.valid() {
				return nil, 0, fmt.Errorf("invalid recurrent configuration %v", cfg)
			}
			m := &rnnModel{config: cfg, l: newRNNLayout(cfg.Hidden)}
			train := trainData
			if !cfg.Stack {
				train = withoutScores(trainData)
			}
			m.p = trainRNN(train, cfg)
			sc := m.newScratch()
			for _, ex := range testData {
				if !cfg.Stack {
					ex.lr = [numClasses]float64{}
				}
				sc.x = ex.x
				p := m.output(sc, ex.first, ex.last, ex.n, ex.lr)
				conf[c][ex.class][argmax(p)]++
			}
		}
	}
	rnn = make([]float64, len(cfgs))
	for c := range cfgs {
		rnn[c] = confusionMacroF1(conf[c])
	}
	return rnn, confusionMacroF1(lrConf), nil
}

// stackScores sets the regression's scores of one cross-validation fold:
// out of fold within train for trainData, from a regression trained on
// all of train for testData, as TrainRNN and the scorer do.
func stackScores(train, test []TargetExample, trainData, testData []rnnExample, in *featureInputs) error {
	lr, err := outOfFold(train, DefaultTrainConfig(), stackFolds, 1, in)
	if err != nil {
		return err
	}
	for i := range trainData {
		trainData[i].lr = lr[i]
	}
	if lr, err = regressionScores(train, test, DefaultTrainConfig(), in); err != nil {
		return err
	}
	for i := range testData {
		testData[i].lr = lr[i]
	}
	return nil
}

func withoutScores(data []rnnExample) []rnnExample {
	out := make([]rnnExample, len(data))
	for i, ex := range data {
		ex.lr = [numClasses]float64{}
		out[i] = ex
	}
	return out
}

func argmax(p [numClasses]float64) int {
	best := 0
	for c := 1; c < numClasses; c++ {
		if p[c] > p[best] {
			best = c
		}
	}
	return best
}

// trainRNN fits the parameters by Adam on the class-balanced softmax loss,
// visiting the examples in a seeded order, one thread: deterministic.
func trainRNN(data []rnnExample, cfg RNNConfig) []float32 {
	l := newRNNLayout(cfg.Hidden)
	p := initRNN(&l, cfg.Seed)
	t := newRNNTrainer(&l, p, cfg)
	classWeight := balancedWeights(data)
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	rng := splitmix(cfg.Seed ^ 0x5eed)
	for range cfg.Epochs {
		for i := len(order) - 1; i > 0; i-- {
			j := int(rng.next() % uint64(i+1))
			order[i], order[j] = order[j], order[i]
		}
		for b := 0; b < len(order); b += cfg.Batch {
			clear(t.grad)
			for _, i := range order[b:min(b+cfg.Batch, len(order))] {
				ex := &data[i]
				if ex.n == 0 {
					continue
				}
				t.example(ex, classWeight[ex.class])
			}
			t.update()
		}
	}
	return p
}

// balancedWeights weighs the classes inversely to their frequency.
func balancedWeights(data []rnnExample) [numClasses]float32 {
	var n [numClasses]int
	for _, ex := range data {
		n[ex.class]++
	}
	var w [numClasses]float32
	for c := range n {
		w[c] = 1
		if n[c] > 0 {
			w[c] = float32(float64(len(data)) / float64(numClasses*n[c]))
		}
	}
	return w
}

// initRNN draws the initial weights: the GRUs' uniform in ±1/√h, biases
// 0, the output layer small over the states and the identity over the
// regression's scores, so that training starts from the regression.
func initRNN(l *rnnLayout, seed uint64) []float32 {
	p := make([]float32, l.numWeights)
	rng := splitmix(seed)
	uniform := func(a float64) float32 {
		return float32((float64(rng.next()>>11)/(1<<53)*2 - 1) * a)
	}
	a := 1 / math.Sqrt(float64(l.h))
	for _, g := range l.dir {
		for i := g.w; i < g.b; i++ { // W and U
			p[i] = uniform(a)
		}
	}
	for c := range numClasses {
		row := p[l.out+c*l.outWidth : l.out+(c+1)*l.outWidth]
		for i := range 2 * l.h {
			row[i] = uniform(0.1)
		}
		row[2*l.h+c] = 1
	}
	return p
}
