package main

import (
	"math"
	"math/bits"
	"testing"
)

// TestRelErrorFloor holds relErrorFloor to the expectation over every
// subset of statements found, for small outlets.
func TestRelErrorFloor(t *testing.T) {
	for _, c := range []struct {
		N, n int
		r    float64
	}{{3, 1, 0.5}, {5, 2, 0.3}, {6, 6, 0.6}, {7, 3, 0.9}, {4, 1, 0.01}, {3, 1, 0}} { // recall 0: every share 0, the whole of it off
		p := float64(c.n) / float64(c.N)
		want := 0.0
		for set := uint(0); set < 1<<c.N; set++ {
			y := bits.OnesCount(set)
			x := bits.OnesCount(set & (1<<c.n - 1)) // the first n are the actor's
			pr := math.Pow(c.r, float64(y)) * math.Pow(1-c.r, float64(c.N-y))
			share := 0.0
			if y > 0 {
				share = float64(x) / float64(y)
			}
			want += pr * math.Abs(share-p) / p
		}
		if got := relErrorFloor(c.N, c.n, c.r); !(math.Abs(got-want) <= 1e-9) { // NaN fails
			t.Errorf("relErrorFloor(%d, %d, %v) = %v, want %v", c.N, c.n, c.r, got, want)
		}
	}
	if got := relErrorFloor(100, 10, 1); got != 0 {
		t.Errorf("recall 1: %v, want 0", got)
	}
	if got := relErrorFloor(100, 0, 0.5); !math.IsNaN(got) {
		t.Errorf("no statements of the actor: %v, want NaN", got)
	}
}

// TestRecallForFloor checks that the recall found meets the aim and that
// one a little lower does not.
func TestRecallForFloor(t *testing.T) {
	cells := []outletCount{{846, 15}, {1000, 24}, {548, 3}, {1656, 99}}
	for _, aim := range []float64{0.05, 0.08, 0.12} {
		r := recallForFloor(cells, aim)
		if meanFloor(cells, r) > aim || meanFloor(cells, r-0.002) <= aim {
			t.Errorf("aim %v: recall %.4f gives floor %.4f, and %.4f at %.4f", aim, r, meanFloor(cells, r), meanFloor(cells, r-0.002), r-0.002)
		}
	}
	if r := recallForFloor(cells, 0); r < 0.999 {
		t.Errorf("aim 0: recall %v, want 1", r)
	}
}
