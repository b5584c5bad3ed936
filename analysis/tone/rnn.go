//go:build rnn

package tone

import (
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"sync"
)

// The recurrent target model: two GRUs over the words around the target,
// one reading from the left up to the target's last word, the other from
// the right down to its first (the target-dependent design of Tang et al.,
// "Effective LSTMs for Target-Dependent Sentiment Classification", 2016).
// Each word is its GloVe vector (names and unknown words have none) and a
// few signals of where it stands to the target and what the lexicon says
// of it. The two final states and the logistic regression's class scores
// feed one linear layer: the network learns a correction to the default
// model, trained on the regression's out-of-fold scores (see TrainRNN).
//
// Tried and left out: it did not beat the regression by the 0.03 of dev
// macro-F1 the README asks of a slower scorer (see "Accuracy"), so it
// builds only with -tags rnn, to reproduce that measurement:
//
//	go run -tags rnn ./cmd/slant-train -rnn /tmp/rnn_model.txt -rnn-cv 5
//	go test -tags rnn ./analysis/tone -run RNN

// TargetRNN is the recurrent target scorer's name; it is not among
// TargetScorers.
const TargetRNN = "gru"

// rnnModelData is the trained recurrent model (see TrainRNN): go run
// ./cmd/slant-train -rnn analysis/tone/rnn_model.txt rebuilds it from
// NewsMTSC train.
//
//go:embed rnn_model.txt
var rnnModelData []byte

// rnnSide is how many words each side of the target the GRUs read: a
// bound on the cost of a target, whatever the sentence's length.
const rnnSide = 20

// The signals each word carries besides its vector.
const (
	xTarget   = iota // a word of the target
	xBefore          // before the target
	xAfter           // after it
	xDistance        // words to the target, over rnnSide (0 in it)
	xClause          // in the target's clause
	xName            // a capitalised word (capWord): a name
	xPronoun         // a personal pronoun
	xPositive        // squashed positive valence (negation applied)
	xNegative        // squashed negative valence
	xNegated         // after a negator in its clause
	xNegator         // a negator
	xSpeech          // a verb of saying
	xNoVector        // no vector: a name or an unknown word
	rnnExtras
)

// rnnInput is the width of a word's input.
const rnnInput = vectorDim + rnnExtras

// rnnVectorScale multiplies the word vectors, as vectorScale does the
// regression's.
const rnnVectorScale = 0.5

// rnnLayout places the parameters of a model with hidden size h in one
// slice: per direction the input weights W (3h×rnnInput: the update gate,
// reset gate and candidate rows), the recurrent weights U (3h×h), the
// input bias b (3h) and the candidate's recurrent bias bu (h); then the
// output layer, numClasses rows over the two states and the regression's
// class scores, and its bias.
type rnnLayout struct {
	h          int
	dir        [2]gruLayout // left to right, right to left
	out, outB  int
	outWidth   int
	numWeights int
}

type gruLayout struct{ w, u, b, bu int }

func newRNNLayout(h int) rnnLayout {
	l := rnnLayout{h: h, outWidth: 2*h + numClasses}
	at := 0
	for d := range l.dir {
		g := &l.dir[d]
		g.w = at
		at += 3 * h * rnnInput
		g.u = at
		at += 3 * h * h
		g.b = at
		at += 3 * h
		g.bu = at
		at += h
	}
	l.out = at
	at += numClasses * l.outWidth
	l.outB = at
	at += numClasses
	l.numWeights = at
	return l
}

// gru is one direction's parameters, views into a model's slice.
type gru struct {
	h     int
	w, u  []float32
	b, bu []float32
}

func (l *rnnLayout) gru(p []float32, d int) gru {
	g, h := l.dir[d], l.h
	return gru{
		h:  h,
		w:  p[g.w : g.w+3*h*rnnInput],
		u:  p[g.u : g.u+3*h*h],
		b:  p[g.b : g.b+3*h],
		bu: p[g.bu : g.bu+h],
	}
}

// gruStep is what one step computes and its backward pass needs.
type gruStep struct {
	wx         []float32 // W·x+b: the input's part of the gates, 3h
	z, r, n, q []float32 // the gates, the candidate, Un·h+bu
}

func newGRUStep(h int) gruStep {
	buf := make([]float32, 7*h)
	return gruStep{wx: buf[:3*h], z: buf[3*h : 4*h], r: buf[4*h : 5*h], n: buf[5*h : 6*h], q: buf[6*h:]}
}

// step computes the next state hNext from the input x and the state hPrev,
// keeping its intermediate values in st.
func (g *gru) step(x, hPrev, hNext []float32, st *gruStep) {
	for row := range st.wx {
		st.wx[row] = g.b[row] + dot32(g.w[row*rnnInput:(row+1)*rnnInput], x)
	}
	g.stepFrom(hPrev, hNext, st)
}

// stepFrom is step with the input's part of the gates in st.wx already.
// Products are converted to float32 so that no platform fuses them into
// multiply-adds (same bits everywhere).
func (g *gru) stepFrom(hPrev, hNext []float32, st *gruStep) {
	h := g.h
	for j := range h {
		z := sigmoid32(st.wx[j] + dot32(g.u[j*h:(j+1)*h], hPrev))
		r := sigmoid32(st.wx[h+j] + dot32(g.u[(h+j)*h:(h+j+1)*h], hPrev))
		q := g.bu[j] + dot32(g.u[(2*h+j)*h:(2*h+j+1)*h], hPrev)
		n := tanh32(st.wx[2*h+j] + float32(r*q))
		st.z[j], st.r[j], st.n[j], st.q[j] = z, r, n, q
		hNext[j] = float32((1-z)*n) + float32(z*hPrev[j])
	}
}

// dot32 is the dot product of a and b (as long as a).
func dot32(a, b []float32) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += float32(a[i] * b[i])
		s1 += float32(a[i+1] * b[i+1])
		s2 += float32(a[i+2] * b[i+2])
		s3 += float32(a[i+3] * b[i+3])
	}
	for ; i < len(a); i++ {
		s0 += float32(a[i] * b[i])
	}
	return (s0 + s1) + (s2 + s3)
}

// sigmoid32 is the logistic function, by expNeg.
func sigmoid32(x float32) float32 {
	if x >= 0 {
		return float32(1 / (1 + expNeg(-float64(x))))
	}
	e := expNeg(float64(x))
	return float32(e / (1 + e))
}

// tanh32 is tanh(x) = (1 - e^-2|x|) / (1 + e^-2|x|), signed, by expNeg.
func tanh32(x float32) float32 {
	e := expNeg(-2 * math.Abs(float64(x)))
	t := float32((1 - e) / (1 + e))
	if x < 0 {
		return -t
	}
	return t
}

// expNeg is e**x for x <= 0 to about 1e-9 relative, enough for float32
// activations: exp's method with a series of degree 8 rather than 14, and
// the power of two set in the exponent's bits. It took two thirds of the
// scorer's time as exp. Products are converted so none is fused.
func expNeg(x float64) float64 {
	if x < -700 {
		return 0
	}
	const ln2Hi, ln2Lo = 6.93147180369123816490e-01, 1.90821492927058770002e-10
	k := math.Round(x / math.Ln2)
	r := (x - float64(k*ln2Hi)) - float64(k*ln2Lo)
	p := 1 + float64(r/8)
	p = 1 + float64(float64(r/7)*p)
	p = 1 + float64(float64(r/6)*p)
	p = 1 + float64(float64(r/5)*p)
	p = 1 + float64(float64(r/4)*p)
	p = 1 + float64(float64(r/3)*p)
	p = 1 + float64(float64(r/2)*p)
	p = 1 + float64(r*p)
	return float64(p * math.Float64frombits(uint64(int64(k)+1023)<<52))
}

// rnnWindow is the span of words the GRUs read for the target [first,
// last] of a sentence of n words.
func rnnWindow(first, last, n int) (lo, hi int) {
	return max(0, first-rnnSide), min(n-1, last+rnnSide)
}

// rnnInputs writes the inputs of the words [lo, hi] of s, prepared, for
// the target [first, last] in its clause [clo, chi], into x (rnnInput per
// word) and their rows in the vectors (or -1) into rows, and returns both
// grown as needed.
func rnnInputs(x []float32, rows []int32, s *targetSentence, v *wordVectors, first, last, clo, chi, lo, hi int) ([]float32, []int32) {
	x, rows = x[:0], rows[:0]
	for k := lo; k <= hi; k++ {
		at := len(x)
		x = append(x, make([]float32, rnnInput)...)
		row := x[at : at+rnnInput]
		w := &s.words[k]
		vec := v.lookup(w.text, w.hash)
		rows = append(rows, vec)
		if vec >= 0 {
			wordVector(row[:vectorDim], v, vec)
		} else {
			row[vectorDim+xNoVector] = 1
		}
		e := row[vectorDim:]
		switch {
		case k < first:
			e[xBefore], e[xDistance] = 1, float32(first-k)/rnnSide
		case k > last:
			e[xAfter], e[xDistance] = 1, float32(k-last)/rnnSide
		default:
			e[xTarget] = 1
		}
		e[xClause] = flag32(k >= clo && k <= chi)
		e[xName] = flag32(string(w.text) == capWord)
		e[xPronoun] = flag32(w.entity && string(w.text) != capWord)
		if w.inLex {
			if w.valence > 0 {
				e[xPositive] = float32(squash(w.valence))
			} else {
				e[xNegative] = float32(squash(-w.valence))
			}
		}
		e[xNegated], e[xNegator], e[xSpeech] = flag32(w.negated), flag32(w.negator), flag32(w.speech)
	}
	return x, rows
}

// wordVector writes the input vector of row k of v into dst.
func wordVector(dst []float32, v *wordVectors, k int32) {
	for d, q := range v.row(k) {
		dst[d] = float32(float64(int8(q)) * v.scale[d] * rnnVectorScale)
	}
}

func flag32(b bool) float32 {
	if b {
		return 1
	}
	return 0
}

// rnnModel is a loaded recurrent model over a logistic regression.
type rnnModel struct {
	config RNNConfig
	l      rnnLayout
	p      []float32
	logreg *targetModel
	// proj holds, per direction and row of the word vectors, the input
	// weights times the word's vector (3h numbers): scoring then only
	// weighs the few other inputs of each word.
	proj [2][]float32
}

// project fills m.proj from v.
func (m *rnnModel) project(v *wordVectors) {
	n, rows := len(v.vals)/vectorDim, 3*m.l.h
	vec := make([]float32, vectorDim)
	for d := range m.proj {
		g := m.l.gru(m.p, d)
		m.proj[d] = make([]float32, n*rows)
		for k := range n {
			wordVector(vec, v, int32(k))
			out := m.proj[d][k*rows : (k+1)*rows]
			for r := range out {
				out[r] = dot32(g.w[r*rnnInput:r*rnnInput+vectorDim], vec)
			}
		}
	}
}

// rnnScratch is one scoring's buffers.
type rnnScratch struct {
	x          []float32
	rows       []int32
	hf, hb, hn []float32
	st         gruStep
	feat       []float32
}

func (m *rnnModel) newScratch() *rnnScratch {
	h := m.l.h
	return &rnnScratch{
		hf: make([]float32, h), hb: make([]float32, h), hn: make([]float32, h),
		st: newGRUStep(h), feat: make([]float32, m.l.outWidth),
	}
}

// classScores returns the model's class scores for t's sentence[start:end]
// (valid offsets).
func (m *rnnModel) classScores(t *Sentence, start, end int, sc *rnnScratch) [numClasses]float64 {
	lr := m.logreg.classScores(t, start, end)
	s := &t.sentence
	if len(s.words) == 0 {
		return lr
	}
	if !m.config.Stack {
		lr = [numClasses]float64{}
	}
	first, last := t.features.first, t.features.last
	clo, chi := s.clauseTokens(first, last)
	lo, hi := rnnWindow(first, last, len(s.words))
	sc.x, sc.rows = rnnInputs(sc.x, sc.rows, s, m.logreg.in.vectors, first, last, clo, chi, lo, hi)
	return m.projectedOutput(sc, first-lo, last-lo, hi-lo+1, lr)
}

// projectedOutput is output by way of m.proj: the same up to rounding,
// about ten times as fast.
func (m *rnnModel) projectedOutput(sc *rnnScratch, first, last, n int, lr [numClasses]float64) (p [numClasses]float64) {
	fwd, bwd := m.l.gru(m.p, 0), m.l.gru(m.p, 1)
	clear(sc.hf)
	for k := 0; k <= last; k++ {
		m.gateInputs(&fwd, 0, sc, k)
		fwd.stepFrom(sc.hf, sc.hn, &sc.st)
		sc.hf, sc.hn = sc.hn, sc.hf
	}
	clear(sc.hb)
	for k := n - 1; k >= first; k-- {
		m.gateInputs(&bwd, 1, sc, k)
		bwd.stepFrom(sc.hb, sc.hn, &sc.st)
		sc.hb, sc.hn = sc.hn, sc.hb
	}
	return m.outputLayer(sc, lr)
}

// gateInputs sets sc.st.wx for word k of the window in direction d.
func (m *rnnModel) gateInputs(g *gru, d int, sc *rnnScratch, k int) {
	extras := sc.x[k*rnnInput+vectorDim : (k+1)*rnnInput]
	for r := range sc.st.wx {
		sc.st.wx[r] = g.b[r] + dot32(g.w[r*rnnInput+vectorDim:(r+1)*rnnInput], extras)
	}
	if row := sc.rows[k]; row >= 0 {
		for r, x := range m.proj[d][int(row)*len(sc.st.wx):][:len(sc.st.wx)] {
			sc.st.wx[r] += x
		}
	}
}

// output runs both GRUs over sc.x, n words with the target at [first,
// last], and the output layer over their states and the regression's class
// scores lr.
func (m *rnnModel) output(sc *rnnScratch, first, last, n int, lr [numClasses]float64) (p [numClasses]float64) {
	fwd, bwd := m.l.gru(m.p, 0), m.l.gru(m.p, 1)
	clear(sc.hf)
	for k := 0; k <= last; k++ {
		fwd.step(sc.x[k*rnnInput:(k+1)*rnnInput], sc.hf, sc.hn, &sc.st)
		sc.hf, sc.hn = sc.hn, sc.hf
	}
	clear(sc.hb)
	for k := n - 1; k >= first; k-- {
		bwd.step(sc.x[k*rnnInput:(k+1)*rnnInput], sc.hb, sc.hn, &sc.st)
		sc.hb, sc.hn = sc.hn, sc.hb
	}
	return m.outputLayer(sc, lr)
}

// outputLayer is the class scores from the final states in sc and the
// regression's lr.
func (m *rnnModel) outputLayer(sc *rnnScratch, lr [numClasses]float64) (p [numClasses]float64) {
	m.l.features(sc.feat, sc.hf, sc.hb, lr)
	w, b := m.p[m.l.out:m.l.outB], m.p[m.l.outB:]
	for c := range numClasses {
		p[c] = float64(b[c] + dot32(w[c*m.l.outWidth:(c+1)*m.l.outWidth], sc.feat))
	}
	return p
}

// features lays out the output layer's input: the two states, then the
// regression's class scores.
func (l *rnnLayout) features(feat, hf, hb []float32, lr [numClasses]float64) {
	copy(feat, hf)
	copy(feat[l.h:], hb)
	for c := range numClasses {
		feat[2*l.h+c] = float32(lr[c])
	}
}

// formatRNN writes a model: comment lines, its config, then all
// parameters, one per line, as the shortest text that reads back as the
// same float32.
func formatRNN(cfg RNNConfig, p []float32, examples int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# slant recurrent target model: two GRUs over the target's context and the logistic regression's scores.\n")
	fmt.Fprintf(&b, "# Made by go run ./cmd/slant-train -rnn from %d NewsMTSC train examples; do not edit.\n", examples)
	fmt.Fprintf(&b, "# It reads (SHA-256): target_model.txt %.16s, word_vectors.bin %.16s.\n",
		sha256Hex(targetModelData), sha256Hex(wordVectorData))
	fmt.Fprintf(&b, "rnn %s\n", cfg)
	fmt.Fprintf(&b, "weights %d\n", len(p))
	for _, x := range p {
		b.WriteString(strconv.FormatFloat(float64(x), 'g', -1, 32))
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// parseRNN reads what formatRNN writes, over the regression lr.
func parseRNN(data []byte, lr *targetModel) (*rnnModel, error) {
	m := &rnnModel{logreg: lr}
	line := 0
	for len(data) > 0 {
		var l []byte
		l, data, _ = bytes.Cut(data, []byte{'\n'})
		line++
		switch {
		case len(l) == 0 || l[0] == '#':
		case bytes.HasPrefix(l, []byte("rnn ")):
			c, err := parseRNNConfig(string(l[len("rnn "):]))
			if err != nil {
				return nil, fmt.Errorf("recurrent model line %d: %w", line, err)
			}
			m.config, m.l = c, newRNNLayout(c.Hidden)
		case bytes.HasPrefix(l, []byte("weights ")):
			if m.l.h == 0 {
				return nil, fmt.Errorf("recurrent model line %d: weights before the rnn line", line)
			}
			return m, m.readWeights(string(l[len("weights "):]), data, line)
		default:
			return nil, fmt.Errorf("recurrent model line %d: unexpected %.20q", line, l)
		}
	}
	return nil, fmt.Errorf("recurrent model: no weights")
}

// readWeights reads the weights' count and then the weights, one a line.
func (m *rnnModel) readWeights(count string, data []byte, line int) error {
	n, err := strconv.Atoi(count)
	if err != nil || n != m.l.numWeights {
		return fmt.Errorf("recurrent model line %d: %q weights, want %d for hidden size %d", line, count, m.l.numWeights, m.l.h)
	}
	m.p = make([]float32, 0, n)
	for len(data) > 0 {
		var l []byte
		l, data, _ = bytes.Cut(data, []byte{'\n'})
		line++
		x, err := strconv.ParseFloat(string(l), 32)
		if err != nil || len(m.p) == n {
			return fmt.Errorf("recurrent model line %d: want %d weights, one a line", line, n)
		}
		m.p = append(m.p, float32(x))
	}
	if len(m.p) != n {
		return fmt.Errorf("recurrent model: %d weights, want %d", len(m.p), n)
	}
	return nil
}

// rnnTarget is the recurrent target scorer, TargetRNN. Its scratch buffers come from
// a pool: the scorer is shared by an analysis's goroutines.
type rnnTarget struct {
	model   *rnnModel
	scratch sync.Pool // *rnnScratch
}

func newRNNTarget(m *rnnModel) *rnnTarget {
	r := &rnnTarget{model: m}
	r.scratch.New = func() any { return m.newScratch() }
	return r
}

func (r *rnnTarget) Rate(t *Sentence, start, end int) (label int, score float64) {
	start, end = clampSpan(t.sentence.text, start, end)
	sc := r.scratch.Get().(*rnnScratch)
	p := r.model.classScores(t, start, end, sc)
	r.scratch.Put(sc)
	return labelScore(&p)
}

// rnnTarget loads the recurrent scorer over the built-in regression.
func (m *models) rnnTarget() (*rnnTarget, error) {
	in, err := m.featureInputs()
	if err != nil {
		return nil, err
	}
	lr, err := parseTargetModel(targetModelData, in)
	if err != nil {
		return nil, fmt.Errorf("loading the target model: %w", err)
	}
	r, err := parseRNN(rnnModelData, lr)
	if err != nil {
		return nil, fmt.Errorf("loading the recurrent model: %w", err)
	}
	r.project(in.vectors)
	return newRNNTarget(r), nil
}
