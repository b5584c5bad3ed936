package main

import "math"

// relErrorFloor is the mean relative error of a share of voice that
// recall alone would give: the expected |X/Y - n/N| / (n/N) when each of
// an outlet's N gold statements, n of them an actor's, is found
// independently with probability r and always credited right, Y of them
// found in all and X of the actor's (Y binomial, X given Y
// hypergeometric). A share of no statements found (Y = 0) is 0, as
// outlets.csv has it. Exact: O(N·n) terms; NaN when n is 0, 1 when r is 0.
func relErrorFloor(N, n int, r float64) float64 {
	if n <= 0 || N < n {
		return math.NaN()
	}
	if r >= 1 {
		return 0
	}
	if r <= 0 {
		return 1 // nothing found: every share 0 (and 0·log 0 would be NaN below)
	}
	p := float64(n) / float64(N)
	e := 0.0
	for y := 0; y <= N; y++ {
		py := math.Exp(lchoose(N, y) + float64(y)*math.Log(r) + float64(N-y)*math.Log1p(-r))
		if py < 1e-15 {
			continue
		}
		if y == 0 {
			e += py // a share of 0: the whole of p off
			continue
		}
		d := 0.0
		for x := max(0, y-(N-n)); x <= min(n, y); x++ {
			px := math.Exp(lchoose(n, x) + lchoose(N-n, y-x) - lchoose(N, y))
			d += px * math.Abs(float64(x)/float64(y)-p)
		}
		e += py * d / p
	}
	return e
}

// lchoose is the log of the binomial coefficient (n k).
func lchoose(n, k int) float64 {
	a, _ := math.Lgamma(float64(n + 1))
	b, _ := math.Lgamma(float64(k + 1))
	c, _ := math.Lgamma(float64(n - k + 1))
	return a - b - c
}

// outletCount is an outlet's gold statements, n of them an actor's.
type outletCount struct{ N, n int }

// meanFloor is relErrorFloor's mean over cells at recall r.
func meanFloor(cells []outletCount, r float64) float64 {
	sum := 0.0
	for _, c := range cells {
		sum += relErrorFloor(c.N, c.n, r)
	}
	return sum / float64(len(cells))
}

// recallForFloor returns the least recall, to within 0.001, at which the
// mean floor over cells is at most aim: how far recall alone must rise
// before an aim for the relative error can be met at all. The floor falls
// as recall rises (a larger sample of each outlet's statements), so a
// bisection finds it; 1 when even a recall of 0.999 leaves it above aim.
func recallForFloor(cells []outletCount, aim float64) float64 {
	lo, hi := 0.0, 1.0
	for hi-lo > 0.001 {
		mid := (lo + hi) / 2
		if meanFloor(cells, mid) <= aim {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}
