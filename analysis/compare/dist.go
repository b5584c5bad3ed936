package compare

import "math"

// dist keeps what the interval and the p-value of a difference read of its
// resampled values: the tails, and how many values are at most and at
// least zero.
type dist struct {
	tails
	le, ge int
}

// newDist returns an empty dist for n values, its tails kept in scratch.
func newDist(n int, scratch *[]float64) dist {
	return dist{tails: newTails(n, scratch)}
}

// newDists returns k empty dists for n values each, their tails kept in
// one slab in scratch.
func newDists(k, n int, scratch *[]float64) []dist {
	size := tailsRoom(n)
	if cap(*scratch) < k*size {
		*scratch = make([]float64, k*size)
	}
	slab := (*scratch)[:k*size]
	out := make([]dist, k)
	for i := range out {
		s := slab[i*size : (i+1)*size : (i+1)*size]
		out[i] = dist{tails: newTails(n, &s)}
	}
	return out
}

// add takes the next value. The sides of zero are counted without a
// branch: a difference near zero falls on either side at random, and the
// branches were mispredicted as often.
func (d *dist) add(v float64) {
	d.le += b2i(v <= 0)
	d.ge += b2i(v >= 0)
	d.tails.add(v)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// result returns the 95% percentile interval and the two-sided bootstrap
// p-value of no difference: twice the smaller share of resampled
// differences on either side of zero (zero counting on both), each with
// the +1 that counts the observed sample among the resamples (Davison and
// Hinkley 1997, eq. 4.11), at most 1. Without an interval both are NaN.
func (d *dist) result() (Interval, float64) {
	iv := d.interval()
	if !iv.OK() {
		return iv, math.NaN()
	}
	p := 2 * float64(min(d.le, d.ge)+1) / float64(len(d.vals)+1)
	return iv, min(p, 1)
}
