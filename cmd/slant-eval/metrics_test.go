package main

import (
	"math"
	"testing"
)

func TestConfusion(t *testing.T) {
	var c confusion
	// gold, predicted
	for _, p := range [][2]int{{1, 1}, {1, 1}, {1, 0}, {0, 0}, {-1, -1}, {-1, 1}} {
		c.add(p[0], p[1])
	}
	if got := c.accuracy(); math.Abs(got-4.0/6) > 1e-9 {
		t.Errorf("accuracy = %v, want 4/6", got)
	}
	// F1: pos 2/3·2/3 -> 2/3; neu p=1/2 r=1 -> 2/3; neg p=1 r=1/2 -> 2/3.
	if got := c.macroF1(); math.Abs(got-2.0/3) > 1e-9 {
		t.Errorf("macroF1 = %v, want 2/3", got)
	}
	if p, r, f := prf(3, 4, 6); p != 0.75 || r != 0.5 || math.Abs(f-0.6) > 1e-9 {
		t.Errorf("prf(3, 4, 6) = %v %v %v", p, r, f)
	}
}
