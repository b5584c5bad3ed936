package compare

import (
	"hash/fnv"
	"math/bits"
	"slices"
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
	src := pcg{e.cfg.Seed, h.Sum64()}
	n := len(o.arts)
	cols := e.columns(o, ws)
	if cap(ws.drawn) < n {
		ws.drawn = make([]int64, n)
	}
	drawn := ws.drawn[:n]
	for r := range e.reps {
		clear(drawn)
		statements := src.count(drawn, ws.statements[:n])
		t := tally(reps[r*e.w : (r+1)*e.w])
		all := int64(0) // mentions
		for _, c := range cols {
			var s term
			if ws.packs {
				s = sumPacked(ws.packed[c.first:c.end], drawn)
			} else {
				s = sumTerms(ws.terms[c.first:c.end], drawn)
			}
			x := t[perActor*c.actor : perActor*(c.actor+1)]
			x[tMentions] += s.mentions
			x[tQuotes] += s.quotes
			x[tTone] += s.tone
			x[tToneN] += s.toneN
			all += s.mentions
		}
		t[len(t)-2] += statements
		t[len(t)-1] += all
	}
}

// sumTerms returns a column's counts summed over a resample, each term
// times how often its article was drawn. It is a function of its own so
// that the four sums stay in registers: inside draw's loops they were
// spilled to the stack on every term.
//
//go:noinline
func sumTerms(terms []term, drawn []int64) (s term) {
	for i := range terms {
		x := &terms[i]
		d := drawn[x.art]
		s.mentions += d * x.mentions
		s.quotes += d * x.quotes
		s.tone += d * x.tone
		s.toneN += d * x.toneN
	}
	return s
}

// laneBits is the width of each of the three counts in a packedTerm.
const laneBits = 21

// packedTerm is a term with its mentions, quotes and toneN in lanes of
// laneBits of one word, for an outlet whose sums cannot carry out of a
// lane (see packs): the products and sums of the three are then one
// multiplication and one addition a term rather than three of each.
type packedTerm struct {
	art    int
	counts uint64 // mentions | quotes<<laneBits | toneN<<2*laneBits
	tone   int64
}

// packs reports whether counts of at most most, over n articles, fit the
// lanes of a packedTerm: a resample's sum is at most n times the largest,
// since it draws n articles in all.
func packs(n int, most uint32) bool { return uint64(n)*uint64(most) < 1<<laneBits }

// sumPacked is sumTerms for packed terms.
//
//go:noinline
func sumPacked(terms []packedTerm, drawn []int64) term {
	var counts uint64
	var tone int64
	for i := range terms {
		x := &terms[i]
		d := drawn[x.art]
		counts += uint64(d) * x.counts
		tone += d * x.tone
	}
	const lane = 1<<laneBits - 1
	return term{mentions: int64(counts & lane), quotes: int64(counts >> laneBits & lane), tone: tone, toneN: int64(counts >> (2 * laneBits))}
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

// columns gathers the outlet's counts by actor into ws.terms, or packed
// into ws.packed when they fit (ws.packs), and its
// articles' statements into ws.statements, and returns the actors with any
// counts.
func (e *engine) columns(o *outlet, ws *workspace) []column {
	if cap(ws.actorN) < e.nA {
		ws.actorN = make([]int, e.nA)
	}
	at := ws.actorN[:e.nA]
	clear(at)
	ws.statements = ws.statements[:0]
	most := uint32(0)
	for i := range o.arts {
		a := &o.arts[i]
		for _, c := range e.s.counts[a.first : a.first+a.n] {
			at[c.actor]++
			most = max(most, c.mentions, c.quotes, c.toneN)
		}
		ws.statements = append(ws.statements, int64(a.statements))
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
	ws.packs = packs(len(o.arts), most)
	if ws.packs {
		ws.packed = slices.Grow(ws.packed[:0], total)[:total]
	} else {
		ws.terms = slices.Grow(ws.terms[:0], total)[:total]
	}
	for i := range o.arts {
		a := &o.arts[i]
		for _, c := range e.s.counts[a.first : a.first+a.n] {
			k := at[c.actor]
			at[c.actor]++
			if ws.packs {
				ws.packed[k] = packedTerm{art: i, counts: uint64(c.mentions) | uint64(c.quotes)<<laneBits | uint64(c.toneN)<<(2*laneBits), tone: c.tone}
			} else {
				ws.terms[k] = term{art: i, mentions: int64(c.mentions), quotes: int64(c.quotes), tone: c.tone, toneN: int64(c.toneN)}
			}
		}
	}
	return ws.cols
}

// pcg is math/rand/v2's PCG, whose state it copies and steps the same
// way, so that count can keep it in registers over all of an outlet's
// draws rather than call through rand.PCG's pointer for each.
type pcg struct{ hi, lo uint64 }

// step returns the state after hi, lo and the output of that new state:
// rand.PCG's next and its DXSM output.
func step(hi, lo uint64) (nhi, nlo, out uint64) {
	const (
		mulHi    = 2549297995355413924
		mulLo    = 4865540595714422341
		incHi    = 6364136223846793005
		incLo    = 1442695040888963407
		cheapMul = 0xda942042e4dd58b5
	)
	nhi, nlo = bits.Mul64(lo, mulLo)
	nhi += hi*mulLo + lo*mulHi
	nlo, c := bits.Add64(nlo, incLo, 0)
	nhi, _ = bits.Add64(nhi, incHi, c)
	out = nhi ^ nhi>>32
	out *= cheapMul
	out ^= out >> 48
	out *= nlo | 1
	return nhi, nlo, out
}

// count makes len(drawn) draws of rand.New(p).IntN(len(drawn)), the same
// numbers from the same stream (a mask for a power of two, else Lemire's
// multiply and reject, as math/rand/v2 makes them), adds one to drawn at
// each and returns the sum of weight at each. The weight is an article's
// statements, which are summed so at a load and an add a draw, rather than
// as the dot product of drawn and weight after.
func (p *pcg) count(drawn, weight []int64) (sum int64) {
	n := uint64(len(drawn))
	weight = weight[:n]
	hi, lo := p.hi, p.lo
	var v uint64
	if n&(n-1) == 0 {
		for range n {
			hi, lo, v = step(hi, lo)
			drawn[v&(n-1)]++
			sum += weight[v&(n-1)]
		}
	} else {
		for range n {
			hi, lo, v = step(hi, lo)
			x, frac := bits.Mul64(v, n)
			if frac < n {
				hi, lo, x = redraw(hi, lo, n, x, frac)
			}
			drawn[x]++
			sum += weight[x]
		}
	}
	p.hi, p.lo = hi, lo
	return sum
}

// redraw is count's rare case, a draw x whose fraction frac is below n:
// while the fraction is below 2⁶⁴ mod n, the draw is rejected and made
// again. It returns the state after and the draw kept.
func redraw(hi, lo, n, x, frac uint64) (nhi, nlo, nx uint64) {
	thresh := -n % n
	for frac < thresh {
		var v uint64
		hi, lo, v = step(hi, lo)
		x, frac = bits.Mul64(v, n)
	}
	return hi, lo, x
}
