package compare

import (
	"math"
	"slices"
)

// percentile95 returns the 2.5th and 97.5th percentiles of the finite
// values (linear interpolation between order statistics, R's type 7).
// Resamples in which the figure was undefined (an actor without any
// sentence, say) are left out; with none left there is no interval.
func percentile95(values []float64) Interval {
	var scratch []float64
	t := newTails(len(values), &scratch)
	for _, v := range values {
		t.add(v)
	}
	return t.interval()
}

// tails keeps what a 95% percentile interval reads of a stream of values:
// how many are finite, and the few smallest and largest of those (26 each
// of 1000). Most values fall between the two ends and take two comparisons
// to turn away, which beats selecting from all the values for every one of
// thousands of outlet pairs. The ends are heaps rather than sorted, as a
// value that gets in then costs log rather than linear time in their
// length, which grows with the resamples.
type tails struct {
	n    int       // the values to be added, less those not finite
	low  []float64 // max-heap of the smallest values, at most cap(low)
	high []float64 // the same of the largest values, negated
	// A value gets into low if less than lowMax, into high if greater
	// than highMin: ±Inf until the heaps are full.
	lowMax, highMin float64
}

// newTails returns empty tails for the n values to be added, kept in
// scratch, which it grows if need be.
func newTails(n int, scratch *[]float64) tails {
	nLow, nHigh := tailLengths(n)
	if cap(*scratch) < nLow+nHigh {
		*scratch = make([]float64, nLow+nHigh)
	}
	s := (*scratch)[:nLow+nHigh]
	return tails{n: n, low: s[:0:nLow], high: s[nLow:nLow:len(s)], lowMax: math.Inf(1), highMin: math.Inf(-1)}
}

// tailLengths returns how many of the smallest and of the largest of n
// values the interval reads: up to the order statistic after the one at
// quantileIndex, at 2.5% and at 97.5%. Neither shrinks as n grows, so that
// tails long enough for n values do for any number of them that are finite.
func tailLengths(n int) (low, high int) {
	return quantileIndex(n, 0.025) + 2, n - quantileIndex(n, 0.975)
}

// add takes the next value. Most fall between the ends and need no more
// than this first test, which NaN and ±Inf fail as well.
func (t *tails) add(v float64) {
	if t.lowMax <= v && v <= t.highMin {
		return
	}
	t.keep(v)
}

// keep counts v out if it is not finite, and else keeps it if it is
// among the smallest or the largest so far.
func (t *tails) keep(v float64) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		t.n--
		return
	}
	if v < t.lowMax {
		t.low, t.lowMax = keepSmallest(t.low, v)
	}
	if v > t.highMin {
		var negMin float64
		t.high, negMin = keepSmallest(t.high, -v)
		t.highMin = -negMin
	}
}

// keepSmallest adds v to h, a max-heap of the smallest values so far; if
// h is at its capacity, v must be less than the greatest, which it
// replaces. It returns h and the bound below which the next value gets in.
func keepSmallest(h []float64, v float64) ([]float64, float64) {
	if len(h) < cap(h) {
		// Push: v rises from the bottom past the parents less than it.
		h = append(h, v)
		i := len(h) - 1
		for i > 0 && h[(i-1)/2] < v {
			h[i] = h[(i-1)/2]
			i = (i - 1) / 2
		}
		h[i] = v
		if len(h) < cap(h) {
			return h, math.Inf(1)
		}
		return h, h[0]
	}
	// Replace the top: v sinks past the children greater than it.
	i := 0
	for {
		c := 2*i + 1
		if c >= len(h) {
			break
		}
		if c+1 < len(h) && h[c+1] > h[c] {
			c++
		}
		if h[c] <= v {
			break
		}
		h[i] = h[c]
		i = c
	}
	h[i] = v
	return h, h[0]
}

// interval returns the 2.5th and 97.5th percentiles of the finite values;
// it sorts the ends.
func (t *tails) interval() Interval {
	if t.n == 0 {
		return NoInterval()
	}
	slices.Sort(t.low)
	slices.Sort(t.high)
	return Interval{t.quantile(0.025), t.quantile(0.975)}
}

// quantile interpolates the p-quantile between the order statistic at
// quantileIndex and the one after.
func (t *tails) quantile(p float64) float64 {
	k := quantileIndex(t.n, p)
	if k+1 >= t.n {
		return t.nth(t.n - 1)
	}
	h := p * float64(t.n-1)
	return t.nth(k) + (h-float64(k))*(t.nth(k+1)-t.nth(k))
}

// nth returns the k-th smallest (0-based) finite value, once the ends are
// sorted; it must be among those kept.
func (t *tails) nth(k int) float64 {
	if k < len(t.low) {
		return t.low[k]
	}
	return -t.high[t.n-1-k]
}

// quantileIndex is the lower order statistic (0-based) that the p-quantile
// of n sorted values interpolates from.
func quantileIndex(n int, p float64) int {
	return int(math.Floor(p * float64(n-1)))
}
