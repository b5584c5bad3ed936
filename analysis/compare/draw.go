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
// summed an actor at a time over the articles with counts for it (see
// columns), in registers: adding each drawn article's counts in turn cost
// a mispredicted branch for most articles (how many actors it has) and a
// chain of additions through memory. The sums are of integers, so they are
// the same in any order.
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
		all := int64(0) // mentions
		for _, c := range cols {
			var mentions, quotes, tone, toneN int64
			for _, x := range ws.terms[c.first:c.end] {
				d := drawn[x.art]
				mentions += d * x.mentions
				quotes += d * x.quotes
				tone += d * x.tone
				toneN += d * x.toneN
			}
			x := t[perActor*c.actor : perActor*(c.actor+1)]
			x[tMentions] += mentions
			x[tQuotes] += quotes
			x[tTone] += tone
			x[tToneN] += toneN
			all += mentions
		}
		statements := int64(0)
		for _, x := range ws.statements {
			statements += drawn[x.art] * x.n
		}
		t[len(t)-2] += statements
		t[len(t)-1] += all
	}
}

// column is the articles with counts for one actor: the terms
// ws.terms[first:end].
type column struct {
	actor      int
	first, end int
}

// term is one article's counts for the actor of a column.
type term struct {
	art                           int // index into the outlet's articles
	mentions, quotes, tone, toneN int64
}

// statementsTerm is an article's statements, if it has any.
type statementsTerm struct {
	art int
	n   int64
}

// columns gathers the outlet's counts by actor into ws.terms and its
// statements into ws.statements, and returns the actors with any counts.
func (e *engine) columns(o *outlet, ws *workspace) []column {
	if cap(ws.actorN) < e.nA {
		ws.actorN = make([]int, e.nA)
	}
	at := ws.actorN[:e.nA]
	clear(at)
	ws.statements = ws.statements[:0]
	for i := range o.arts {
		a := &o.arts[i]
		for _, c := range e.s.counts[a.first : a.first+a.n] {
			at[c.actor]++
		}
		if a.statements > 0 {
			ws.statements = append(ws.statements, statementsTerm{i, int64(a.statements)})
		}
	}
	ws.cols = ws.cols[:0]
	total := 0
	for j, k := range at {
		if k > 0 {
			ws.cols = append(ws.cols, column{actor: j, first: total, end: total + k})
		}
		at[j] = total
		total += k
	}
	if cap(ws.terms) < total {
		ws.terms = make([]term, total)
	}
	ws.terms = ws.terms[:total]
	for i := range o.arts {
		a := &o.arts[i]
		for _, c := range e.s.counts[a.first : a.first+a.n] {
			ws.terms[at[c.actor]] = term{art: i, mentions: int64(c.mentions), quotes: int64(c.quotes), tone: c.tone, toneN: int64(c.toneN)}
			at[c.actor]++
		}
	}
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
