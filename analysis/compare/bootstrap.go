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

// tails collects a stream of values for the 95% percentile interval, which
// reads four order statistics of the finite ones: two near each end. They
// are selected at the end (see lowEnd) rather than kept in heaps of the
// smallest and largest as the values come, which took a heap operation
// for about one value in four of 1,000.
type tails struct {
	vals []float64 // the finite values so far; after them, room for ends
}

// newTails returns empty tails for n values, kept in scratch, which it
// grows if need be.
func newTails(n int, scratch *[]float64) tails {
	if cap(*scratch) < tailsRoom(n) {
		*scratch = make([]float64, tailsRoom(n))
	}
	return tails{vals: (*scratch)[:0:tailsRoom(n)]}
}

// tailsRoom is the room tails need for n values: the values, then as many
// again for the candidates of the ends.
func tailsRoom(n int) int { return 2 * n }

// add takes the next value; one not finite is left out.
func (t *tails) add(v float64) {
	if v-v == 0 { // false for NaN and ±Inf
		t.vals = append(t.vals, v)
	}
}

// interval returns the 2.5th and 97.5th percentiles of the finite values.
func (t *tails) interval() Interval {
	n := len(t.vals)
	if n == 0 {
		return NoInterval()
	}
	kLow, kHigh := quantileIndex(n, 0.025), quantileIndex(n, 0.975)
	if n < minSelect {
		slices.Sort(t.vals)
		return Interval{t.quantile(0.025, t.vals[kLow], t.vals[min(kLow+1, n-1)]),
			t.quantile(0.975, t.vals[kHigh], t.vals[min(kHigh+1, n-1)])}
	}
	free := t.vals[n:cap(t.vals)]
	if len(free) < n { // more values were added than room was made for
		free = make([]float64, n)
	}
	// The high end is the low end of the values negated: the k-th
	// smallest is minus the (n-1-k)-th smallest of the negated values.
	lo1, lo2, hi2, hi1 := ends(t.vals, kLow, n-2-kHigh, free)
	return Interval{t.quantile(0.025, lo1, lo2), t.quantile(0.975, -hi1, -hi2)}
}

// ends returns lowEnd(vals, 1, kLow, free) and lowEnd(vals, -1, kHigh,
// free), taking the candidates of both ends in one pass over the values:
// those of the low end from the start of free up, those of the high end
// from its end down. A value is a candidate of at most one end when the
// bounds do not overlap, so the two never write over each other's (where
// they meet, both write the same value); when they do overlap, each end
// is taken on its own.
func ends(vals []float64, kLow, kHigh int, free []float64) (lo1, lo2, hi1, hi2 float64) {
	bLow := sampleBound(vals, 1, kLow+2)
	bHigh := -sampleBound(vals, -1, kHigh+2) // the high end is at least it
	if bHigh <= bLow {
		lo1, lo2 = lowEnd(vals, 1, kLow, free)
		hi1, hi2 = lowEnd(vals, -1, kHigh, free)
		return lo1, lo2, hi1, hi2
	}
	free = free[:len(vals)]
	m, j := 0, len(free)-1 // the low end's next, the high end's next
	for _, v := range vals {
		free[m] = v
		free[j] = v
		m += b2i(v <= bLow)
		j -= b2i(v >= bHigh)
	}
	low, high := free[:m], free[j+1:]
	lowOK, highOK := len(low) >= kLow+2, len(high) >= kHigh+2
	if lowOK {
		lo1, lo2 = smallest(low, kLow)
	}
	if highOK {
		for i, v := range high {
			high[i] = -v
		}
		hi1, hi2 = smallest(high, kHigh)
	}
	// A sample unlike the rest: select from all the values, in all of
	// free, the other end's candidates done with.
	if !lowOK {
		lo1, lo2 = smallest(signed(vals, 1, free), kLow)
	}
	if !highOK {
		hi1, hi2 = smallest(signed(vals, -1, free), kHigh)
	}
	return lo1, lo2, hi1, hi2
}

// quantile interpolates the p-quantile between the order statistic at
// quantileIndex, a, and the one after, b.
func (t *tails) quantile(p, a, b float64) float64 {
	n := len(t.vals)
	k := quantileIndex(n, p)
	if k+1 >= n {
		return a
	}
	h := p * float64(n-1)
	return a + (h-float64(k))*(b-a)
}

// minSelect is the fewest values from which interval selects the ends
// rather than sorting them all.
const minSelect = 128

// lowEnd returns the k-th and (k+1)-th smallest (0-based) of vals times
// sign (1 or -1, which is exact), k+1 < len(vals); it leaves vals as they
// are and needs free for as many values. It takes the values at most a
// bound from a sample, which in all likelihood hold the two with a margin,
// and selects from those; if they are too few (the sample was not like the
// rest), it selects from all the values.
func lowEnd(vals []float64, sign float64, k int, free []float64) (float64, float64) {
	bound := sampleBound(vals, sign, k+2)
	// Every value is written and only those at most bound are counted:
	// no branch to mispredict.
	free = free[:len(vals)]
	m := 0
	for _, v := range vals {
		free[m] = sign * v
		if sign*v <= bound {
			m++
		}
	}
	c := free[:m]
	if len(c) < k+2 {
		c = signed(vals, sign, free)
	}
	return smallest(c, k)
}

// signed returns vals times sign, in free.
func signed(vals []float64, sign float64, free []float64) []float64 {
	c := free[:len(vals)]
	for i, v := range vals {
		c[i] = sign * v
	}
	return c
}

// smallest returns the k-th and (k+1)-th smallest (0-based) of c, k+1 <
// len(c), reordering c. The (k+1)-th is selected, the k-th is the
// greatest of the k+1 before it, fewer to look at than those after.
func smallest(c []float64, k int) (float64, float64) {
	b := selectNth(c, k+1)
	return slices.Max(c[:k+1]), b
}

// sampleSize is how many values sampleBound looks at: 32 took fewer
// instructions than 64 or 128, whose tighter bounds saved less in the
// selection than the larger sample cost.
const sampleSize = 32

// sampleBound returns a value of vals times sign with, in all likelihood,
// a few times m values at most it: the r-th smallest of an even sample, r
// the sample's share of m and three standard deviations to spare.
func sampleBound(vals []float64, sign float64, m int) float64 {
	e := float64(m) * sampleSize / float64(len(vals))
	r := min(int(e+3*math.Sqrt(e))+2, sampleSize)
	var least [sampleSize]float64 // the r smallest of the sample so far, ascending
	kept := 0
	step := len(vals) / sampleSize
	for i := range sampleSize {
		v := sign * vals[i*step]
		if kept == r && v >= least[r-1] {
			continue
		}
		j := min(kept, r-1)
		for j > 0 && least[j-1] > v {
			least[j] = least[j-1]
			j--
		}
		least[j] = v
		kept = min(kept+1, r)
	}
	return least[r-1]
}

// selectNth reorders a so that a[k] is its k-th smallest (0-based), those
// before at most it, those after at least it, and returns a[k]
// (quickselect, the pivot the median of three). It partitions without a
// branch on the values (see partition): those it selects from lie at
// random about the pivot, and a branch on each was mispredicted as often.
func selectNth(a []float64, k int) float64 {
	lo, hi := 0, len(a)-1
	for hi-lo > 2 {
		mid := lo + (hi-lo)/2
		// Order a[lo], a[mid], a[hi]; the median, at mid, is the pivot.
		if a[mid] < a[lo] {
			a[mid], a[lo] = a[lo], a[mid]
		}
		if a[hi] < a[mid] {
			a[hi], a[mid] = a[mid], a[hi]
			if a[mid] < a[lo] {
				a[mid], a[lo] = a[lo], a[mid]
			}
		}
		pivot := a[mid]
		// a[lo..p-1] < pivot <= a[p..hi]; if k is not among the less,
		// the values equal to the pivot are put first of the rest, so
		// that ties cannot make the range shrink by only one a round.
		p := partition(a[lo:hi+1], func(v float64) bool { return v < pivot }) + lo
		if k < p {
			hi = p - 1
			continue
		}
		q := partition(a[p:hi+1], func(v float64) bool { return v <= pivot }) + p
		if k < q {
			return a[k] // == pivot
		}
		lo = q
	}
	slices.Sort(a[lo : hi+1])
	return a[k]
}

// partition puts the values for which less is true first, in a
// (Lomuto's scheme without a branch: every value is swapped with the first
// of those not less, which moves on only past a value less), and returns
// how many there are.
func partition(a []float64, less func(float64) bool) int {
	p := 0
	for i, v := range a {
		a[i] = a[p]
		a[p] = v
		p += b2i(less(v))
	}
	return p
}

// quantileIndex is the lower order statistic (0-based) that the p-quantile
// of n sorted values interpolates from.
func quantileIndex(n int, p float64) int {
	return int(math.Floor(p * float64(n-1)))
}
