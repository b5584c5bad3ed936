package compare

import (
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// FuzzDraw holds draw, which counts the draws and sums a field at a time,
// to the simple loop it replaced: each drawn article's counts added to the
// resample's tally in turn. Big counts are too large for packed terms over
// most outlets, and near the lanes' bound over the smallest.
func FuzzDraw(f *testing.F) {
	f.Add(uint64(1), uint64(2), uint8(3), uint8(1), uint16(10), false)
	f.Add(uint64(7), uint64(9), uint8(40), uint8(4), uint16(5), false)
	f.Add(uint64(0), uint64(0), uint8(1), uint8(2), uint16(1), false)
	f.Add(uint64(1), uint64(2), uint8(3), uint8(1), uint16(10), true)
	f.Add(uint64(7), uint64(9), uint8(40), uint8(4), uint16(5), true)
	f.Fuzz(func(t *testing.T, seed, data uint64, articles, actors uint8, reps uint16, big bool) {
		nA := 1 + int(actors%6)
		rng := rand.New(rand.NewPCG(data, seed))
		names := make([]string, nA)
		for j := range names {
			names[j] = fmt.Sprint("actor ", j)
		}
		scale := 1
		if big {
			scale = 1 << 17
		}
		c := New(names, Config{Resamples: 1 + int(reps%64), Seed: seed, Workers: 1})
		for i := range 1 + int(articles%64) {
			a := ArticleSummary{ID: fmt.Sprint(i), Outlet: "o", Statements: rng.IntN(3), Actors: make([]ArticleActor, nA)}
			for j := range a.Actors {
				if rng.IntN(3) == 0 {
					a.Actors[j] = ArticleActor{Mentions: rng.IntN(4) * scale, Quotes: rng.IntN(3) * scale, SentimentSum: rng.NormFloat64(), SentimentN: rng.IntN(3) * scale}
				}
			}
			c.Add(a)
		}
		outs := c.store.outlets()
		e := newEngine(c, outs)
		o := &outs[0]
		got := make([]int64, e.reps*e.w)
		e.draw(o, got, e.newWorkspace())

		want := make([]int64, e.reps*e.w)
		h := fnv.New64a()
		h.Write([]byte(o.name))
		draws := rand.New(rand.NewPCG(e.cfg.Seed, h.Sum64()))
		n := len(o.arts)
		for r := range e.reps {
			tl := tally(want[r*e.w : (r+1)*e.w])
			for range n {
				e.s.addTo(tl, &o.arts[draws.IntN(n)])
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("draw:\n%v\nwant\n%v", got, want)
		}
	})
}

// FuzzFigure holds a figure read from the resamples to the tally's
// estimate, bit for bit.
func FuzzFigure(f *testing.F) {
	f.Add(uint64(1), uint8(2))
	f.Add(uint64(5), uint8(7))
	f.Fuzz(func(t *testing.T, seed uint64, actors uint8) {
		nA := 1 + int(actors%8)
		rng := rand.New(rand.NewPCG(seed, 3))
		tl := newTally(nA)
		for i := range tl {
			tl[i] = rng.Int64N(1<<40) - 1<<39
			if rng.IntN(4) == 0 {
				tl[i] = 0
			}
		}
		reps := append(make([]int64, 5), tl...)
		for jm := range 3 * nA {
			got, want := figureOf(len(tl), jm).at(reps, 5), tl.estimate(jm/3, jm%3)
			if math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
				t.Fatalf("figure %d: %v, estimate %v", jm, got, want)
			}
		}
	})
}
