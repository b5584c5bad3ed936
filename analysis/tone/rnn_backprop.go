//go:build rnn

package tone

import "math"

// rnnTrainer holds the gradient, Adam's moments and one example's forward
// pass for backpropagation through time.
type rnnTrainer struct {
	l        *rnnLayout
	cfg      RNNConfig
	p, grad  []float32
	m, v     []float32 // Adam's moments
	pow1     float64   // beta1 and beta2 to the power of the steps taken
	pow2     float64
	states   [2][][]float32 // per direction, the state before each step and after the last
	caches   [2][]gruStep
	feat     []float32
	dh, dh2  []float32
	da, dq   []float32
	dfeat    []float32
	examples int // in the gradient
}

func newRNNTrainer(l *rnnLayout, p []float32, cfg RNNConfig) *rnnTrainer {
	h := l.h
	return &rnnTrainer{
		l: l, cfg: cfg, p: p, pow1: 1, pow2: 1,
		grad: make([]float32, len(p)), m: make([]float32, len(p)), v: make([]float32, len(p)),
		feat: make([]float32, l.outWidth), dfeat: make([]float32, l.outWidth),
		dh: make([]float32, h), dh2: make([]float32, h),
		da: make([]float32, 3*h), dq: make([]float32, h),
	}
}

// grow makes room for n steps in direction d.
func (t *rnnTrainer) grow(d, n int) {
	for len(t.states[d]) < n+1 {
		t.states[d] = append(t.states[d], make([]float32, t.l.h))
	}
	for len(t.caches[d]) < n {
		t.caches[d] = append(t.caches[d], newGRUStep(t.l.h))
	}
}

// example adds the gradient of one example's loss, weighted by w.
func (t *rnnTrainer) example(ex *rnnExample, w float32) {
	l, h := t.l, t.l.h
	fwd, bwd := l.gru(t.p, 0), l.gru(t.p, 1)
	// Forward: left to right over words 0..last, right to left over
	// n-1..first; states[d][i] is the state before step i.
	nf, nb := ex.last+1, ex.n-ex.first
	t.grow(0, nf)
	t.grow(1, nb)
	clear(t.states[0][0])
	for i := range nf {
		fwd.step(ex.x[i*rnnInput:(i+1)*rnnInput], t.states[0][i], t.states[0][i+1], &t.caches[0][i])
	}
	clear(t.states[1][0])
	for i := range nb {
		k := ex.n - 1 - i
		bwd.step(ex.x[k*rnnInput:(k+1)*rnnInput], t.states[1][i], t.states[1][i+1], &t.caches[1][i])
	}
	l.features(t.feat, t.states[0][nf], t.states[1][nb], ex.lr)
	wOut := t.p[l.out:l.outB]
	var p [numClasses]float64
	for c := range numClasses {
		p[c] = float64(t.p[l.outB+c] + dot32(wOut[c*l.outWidth:(c+1)*l.outWidth], t.feat))
	}
	softmax(&p)
	// The output layer.
	clear(t.dfeat)
	gOut := t.grad[l.out:l.outB]
	for c := range numClasses {
		y := 0.0
		if c == ex.class {
			y = 1
		}
		dc := float32(p[c]-y) * w
		axpy32(gOut[c*l.outWidth:(c+1)*l.outWidth], dc, t.feat)
		t.grad[l.outB+c] += dc
		axpy32(t.dfeat, dc, wOut[c*l.outWidth:(c+1)*l.outWidth])
	}
	// Through time, each direction from its last step back.
	for d, n := range [2]int{nf, nb} {
		g := l.gru(t.p, d)
		gg := l.gru(t.grad, d)
		copy(t.dh, t.dfeat[d*h:(d+1)*h])
		for i := n - 1; i >= 0; i-- {
			k := i
			if d == 1 {
				k = ex.n - 1 - i
			}
			t.backStep(&g, &gg, ex.x[k*rnnInput:(k+1)*rnnInput], t.states[d][i], &t.caches[d][i])
		}
	}
	t.examples++
}

// backStep takes the gradient t.dh of a step's output back to its input
// state (into t.dh again), adding the parameters' gradient to gg.
func (t *rnnTrainer) backStep(g, gg *gru, x, hPrev []float32, st *gruStep) {
	h := g.h
	dhPrev := t.dh2
	for j := range h {
		dh := t.dh[j]
		z, r, n, q := st.z[j], st.r[j], st.n[j], st.q[j]
		dhPrev[j] = float32(dh * z)
		dan := float32(float32(dh*(1-z)) * float32(1-float32(n*n)))
		t.dq[j] = float32(dan * r)
		t.da[h+j] = float32(float32(dan*q) * float32(r*(1-r)))
		t.da[j] = float32(float32(dh*(hPrev[j]-n)) * float32(z*(1-z)))
		t.da[2*h+j] = dan
	}
	for row := range 3 * h {
		a := t.da[row]
		axpy32(gg.w[row*rnnInput:(row+1)*rnnInput], a, x)
		gg.b[row] += a
		if row < 2*h {
			axpy32(gg.u[row*h:(row+1)*h], a, hPrev)
			axpy32(dhPrev, a, g.u[row*h:(row+1)*h])
		}
	}
	for j := range h {
		row, a := 2*h+j, t.dq[j]
		axpy32(gg.u[row*h:(row+1)*h], a, hPrev)
		gg.bu[j] += a
		axpy32(dhPrev, a, g.u[row*h:(row+1)*h])
	}
	t.dh, t.dh2 = dhPrev, t.dh
}

// axpy32 adds a·x to dst.
func axpy32(dst []float32, a float32, x []float32) {
	dst = dst[:len(x)]
	for i, v := range x {
		dst[i] += float32(a * v)
	}
}

// rnnClip bounds the norm of a batch's mean gradient.
const rnnClip = 5

// update takes one Adam step with the batch's mean gradient, clipped, and
// the decoupled weight decay.
func (t *rnnTrainer) update() {
	if t.examples == 0 {
		return
	}
	scale := 1 / float64(t.examples)
	var norm float64
	for _, g := range t.grad {
		norm += float64(float64(g) * float64(g))
	}
	if norm = math.Sqrt(norm) * scale; norm > rnnClip {
		scale *= rnnClip / norm
	}
	const beta1, beta2, eps = 0.9, 0.999, 1e-8
	t.pow1, t.pow2 = t.pow1*beta1, t.pow2*beta2
	c1, c2 := 1-t.pow1, 1-t.pow2
	rate := t.cfg.Rate
	decay := float32(rate * t.cfg.Decay)
	for i, g := range t.grad {
		gs := float32(float64(g) * scale)
		t.m[i] = float32(beta1*t.m[i]) + float32((1-beta1)*gs)
		t.v[i] = float32(beta2*t.v[i]) + float32((1-beta2)*float32(gs*gs))
		mh := float64(t.m[i]) / c1
		vh := float64(t.v[i]) / c2
		t.p[i] -= float32(rate*mh/(math.Sqrt(vh)+eps)) + float32(decay*t.p[i])
	}
	t.examples = 0
}
