package compare

import (
	"hash/fnv"
	"math/bits"
	"math/rand/v2"
)

// draw fills reps with the resamples of outlet o: as many articles as it
// has, with replacement, from its own PCG stream seeded by cfg.Seed and its
// name. The article is the unit, since an article's sentences are not
// independent of each other.
//
// A resample is first counted, how often it drew each article, and then
// summed a field of the tally at a time over the articles with a value for
// it (see columns), in a register: adding each drawn article's counts in
// turn cost a mispredicted branch for most articles (how many actors it
// has) and a chain of additions through memory. The sums are of integers,
// so they are the same in any order.
func (e *engine) draw(o *outlet, reps []int64, ws *workspace) {
	h := fnv.New64a()
	h.Write([]byte(o.name))
	src := rand.NewPCG(e.cfg.Seed, h.Sum64())
	n := uint64(len(o.arts))
	cols := e.columns(o, ws)
	if cap(ws.drawn) < int(n) {
		ws.drawn = make([]int64, n)
	}
	drawn := ws.drawn[:n]
	for r := range e.reps {
		clear(drawn)
		for range n {
			drawn[intN(src, n)]++
		}
		t := tally(reps[r*e.w : (r+1)*e.w])
		mentions := int64(0)
		for _, c := range cols {
			var sum int64
			for _, x := range ws.terms[c.first:c.end] {
				sum += drawn[x.art] * x.v
			}
			t[c.field] += sum
			if c.mentions {
				mentions += sum
			}
		}
		t[len(t)-1] += mentions
	}
}

// column is the articles with a value for one field of the tally: the
// terms ws.terms[first:end].
type column struct {
	field      int
	first, end int
	mentions   bool // an actor's mentions, which the sum of all mentions adds up
}

// term is one article's value for the field of a column.
type term struct {
	art int   // index into the outlet's articles
	v   int64 // its value
}

// columns gathers the outlet's nonzero counts by field into ws.terms and
// returns the fields that have any, but for the tally's sum of all
// mentions, which is the sum of the actors' mentions.
func (e *engine) columns(o *outlet, ws *workspace) []column {
	if cap(ws.fieldN) < e.w {
		ws.fieldN = make([]int, e.w)
	}
	at := ws.fieldN[:e.w]
	clear(at)
	// Count the terms of each field, then place them.
	each := func(f func(field, art int, v int64)) {
		for i := range o.arts {
			a := &o.arts[i]
			for _, c := range e.s.counts[a.first : a.first+a.n] {
				x := perActor * int(c.actor)
				f(x+tMentions, i, int64(c.mentions))
				f(x+tQuotes, i, int64(c.quotes))
				f(x+tTone, i, c.tone)
				f(x+tToneN, i, int64(c.toneN))
			}
			f(e.w-2, i, int64(a.statements))
		}
	}
	each(func(field, _ int, v int64) { at[field] += b2i(v != 0) })
	ws.cols = ws.cols[:0]
	total := 0
	for f, k := range at {
		if k > 0 {
			ws.cols = append(ws.cols, column{field: f, first: total, end: total + k, mentions: f < e.w-2 && f%perActor == tMentions})
		}
		at[f] = total
		total += k
	}
	if cap(ws.terms) < total {
		ws.terms = make([]term, total)
	}
	ws.terms = ws.terms[:total]
	each(func(field, art int, v int64) {
		if v != 0 {
			ws.terms[at[field]] = term{art, v}
			at[field]++
		}
	})
	return ws.cols
}

// intN returns rand.New(src).IntN(n), the same draw from the same stream
// (Lemire's multiply and reject, as math/rand/v2 makes it), without the
// call through the Source interface for each of the millions of articles
// drawn.
func intN(src *rand.PCG, n uint64) uint64 {
	if n&(n-1) == 0 {
		return src.Uint64() & (n - 1)
	}
	hi, lo := bits.Mul64(src.Uint64(), n)
	if lo < n {
		thresh := -n % n
		for lo < thresh {
			hi, lo = bits.Mul64(src.Uint64(), n)
		}
	}
	return hi
}
