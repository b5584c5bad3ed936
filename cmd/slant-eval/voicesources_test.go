package main

import (
	"slices"
	"testing"
)

// TestVoiceCount holds the tally of where shares of voice err to a
// hand-counted article: three gold statements (actor 0; actors 0 and 1;
// no actor) and four of slant's (actor 0 matching the first; actor 1
// matching the second; actor 1 matching the third; actor 0 matching none).
func TestVoiceCount(t *testing.T) {
	c := newVoiceCount(2)
	golds := [][]int{{0}, {0, 1}, nil}
	pred := [][]int{{0}, {1}, {1}, {0}}
	c.add(golds, pred, []int{0, 1, 2, -1})
	for _, x := range []struct {
		name      string
		got, want []int
	}{
		{"gold", c.gold, []int{2, 1}},
		{"goldFound", c.goldFound, []int{2, 1}},
		{"foundRight", c.foundRight, []int{1, 1}},
		{"slant", c.slant, []int{2, 2}},
		{"matched", c.matched, []int{1, 2}},
		{"right", c.right, []int{1, 1}},
	} {
		if !slices.Equal(x.got, x.want) {
			t.Errorf("%s = %v, want %v", x.name, x.got, x.want)
		}
	}
	if c.found != 3 {
		t.Errorf("found = %d, want 3", c.found)
	}
}
