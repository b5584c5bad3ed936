package tone

import (
	"container/heap"
	"strings"

	"github.com/slant-news/slant/analysis/vocab"
)

// VADER's rules, as the reference applies them to each word's valence:
// the but-rule, boosters and capitals, "least", negation and idioms.

// butCheck is the reference's _but_check: after the first "but", words
// before it count half, words after it one and a half times. The
// reference finds each sentiment's place with list.index, the first equal
// value, so of two equal sentiments the first can be rescaled twice and the
// second not at all; that is kept, as it moves real scores. A zero
// rescaled is zero wherever it is, so zeros are passed over.
func butCheck(words []vaderToken, but vocab.ID, sentiments []float64) {
	bi := -1
	for i, w := range words {
		if w.id == but {
			bi = i
			break
		}
	}
	if bi < 0 {
		return
	}
	if len(sentiments) > butScanMax {
		butCheckLong(bi, sentiments)
		return
	}
	for k, x := range sentiments {
		if x == 0 {
			continue
		}
		si := k
		for j := range k {
			if sentiments[j] == x {
				si = j
				break
			}
		}
		sentiments[si] = butRescale(bi, si, x)
	}
}

// butScanMax is the longest sentence whose "but" is checked by scanning for
// each sentiment's first equal, quadratic in the words; longer ones (a
// paragraph without full stops) take butCheckLong.
const butScanMax = 64

// butRescale is the sentiment x at place si after the "but" at bi.
func butRescale(bi, si int, x float64) float64 {
	switch {
	case si < bi:
		return float64(x * vaderButBefore)
	case si > bi:
		return float64(x * vaderButAfter)
	}
	return x
}

// butCheckLong is butCheck in O(n log n): for each value, a min-heap of the
// places before k that hold it, so that the first equal is its top. Places
// after k still hold their own sentiments, and a place changes value only
// when it is the top of its value's heap, so no heap holds a stale place.
func butCheckLong(bi int, sentiments []float64) {
	at := map[float64]*placeHeap{}
	push := func(x float64, i int) {
		h := at[x]
		if h == nil {
			h = &placeHeap{}
			at[x] = h
		}
		heap.Push(h, i)
	}
	for k, x := range sentiments {
		if x == 0 {
			continue
		}
		si := k
		if h := at[x]; h != nil && h.Len() > 0 {
			si = heap.Pop(h).(int)
		}
		y := butRescale(bi, si, x)
		sentiments[si] = y
		push(y, si)
		if si != k {
			push(x, k)
		}
	}
}

// placeHeap is a min-heap of places in a sentence (container/heap).
type placeHeap []int

func (h placeHeap) Len() int           { return len(h) }
func (h placeHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h placeHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *placeHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *placeHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// word is what the rules know of word i of ws.
func (v *vader) word(ws *vaderWords, i int) *vaderWord { return &v.words[ws.words[i].id] }

// inLexicon reports whether word i of ws is in the lexicon, by its
// token's flags: no read of v.words.
func (v *vader) inLexicon(ws *vaderWords, i int) bool { return ws.words[i].flags&inLexicon != 0 }

// valence is the reference's sentiment_valence for word i. The products
// are converted to float64 so that none is fused with a later addition:
// Python rounds each.
func (v *vader) valence(ws *vaderWords, i int, capDiff bool) float64 {
	words, r := ws.words, &v.rule
	w := v.word(ws, i)
	if w.flags&inLexicon == 0 {
		return 0
	}
	val := w.valence
	if words[i].id == r.no && i != len(words)-1 && v.inLexicon(ws, i+1) {
		val = 0
	}
	if (i > 0 && words[i-1].id == r.no) || (i > 1 && words[i-2].id == r.no) ||
		(i > 2 && words[i-3].id == r.no && (words[i-1].id == r.or || words[i-1].id == r.nor)) {
		val = float64(w.valence * vaderNScalar)
	}
	if words[i].upper() && capDiff {
		if val > 0 {
			val += vaderCIncr
		} else {
			val -= vaderCIncr
		}
	}
	for start := range 3 {
		j := i - (start + 1)
		if i <= start || v.inLexicon(ws, j) {
			continue
		}
		s := v.scalarIncDec(ws, j, val, capDiff)
		if start == 1 && s != 0 {
			s = float64(s * vaderScale1)
		}
		if start == 2 && s != 0 {
			s = float64(s * vaderScale2)
		}
		val = val + s
		val = v.negationCheck(val, ws, start, i)
		if start == 2 {
			val = v.specialIdioms(val, ws, i)
		}
	}
	return leastCheck(v, val, ws, i)
}

// leastCheck is the reference's _least_check: "least" before a word negates
// it, unless "at least" or "very least".
func leastCheck(v *vader, val float64, ws *vaderWords, i int) float64 {
	words, r := ws.words, &v.rule
	if i > 1 && !v.inLexicon(ws, i-1) && words[i-1].id == r.least {
		if words[i-2].id != r.at && words[i-2].id != r.very {
			val = float64(val * vaderNScalar)
		}
	} else if i > 0 && !v.inLexicon(ws, i-1) && words[i-1].id == r.least {
		val = float64(val * vaderNScalar)
	}
	return val
}

// scalarIncDec is the reference's scalar_inc_dec for word j.
func (v *vader) scalarIncDec(ws *vaderWords, j int, valence float64, capDiff bool) float64 {
	w := v.word(ws, j)
	if w.flags&isBooster == 0 {
		return 0
	}
	scalar := w.boost
	if valence < 0 {
		scalar *= -1
	}
	if ws.words[j].upper() && capDiff {
		if valence > 0 {
			scalar += vaderCIncr
		} else {
			scalar -= vaderCIncr
		}
	}
	return scalar
}

// negated is the reference's negated for word j of ws: a word of the
// vocabulary knows it, any other holds "n't" or not.
func (v *vader) negated(ws *vaderWords, j int) bool {
	if w := ws.words[j]; w.id == vocab.Unknown {
		return hasNT(ws.text[w.lo:w.hi])
	}
	return ws.words[j].flags&negates != 0
}

// hasNT reports whether pyLower(w) holds "n't": whether w does, its ASCII
// letters in either case, since no rune but 'N' and 'T' lowercases to 'n'
// and 't' and none to an apostrophe.
func hasNT(w string) bool {
	for {
		i := strings.IndexByte(w, '\'')
		if i < 0 {
			return false
		}
		if i > 0 && i+1 < len(w) && w[i-1]|0x20 == 'n' && w[i+1]|0x20 == 't' {
			return true
		}
		w = w[i+1:] // an apostrophe at its start follows one, not an 'n'
	}
}

// negationCheck is the reference's _negation_check. Its three-word case
// reads, in Python, "A and (B or C) or (D or E)": "never so" and "never
// this" boost the word, but so does a bare "so" or "this" just before it
// (when three words precede it and the third is not in the lexicon). That
// is kept.
func (v *vader) negationCheck(val float64, ws *vaderWords, start, i int) float64 {
	words, r := ws.words, &v.rule
	switch start {
	case 0:
		if v.negated(ws, i-1) {
			return float64(val * vaderNScalar)
		}
	case 1:
		switch {
		case words[i-2].id == r.never && (words[i-1].id == r.so || words[i-1].id == r.this):
			return float64(val * vaderNegationScale)
		case words[i-2].id == r.without && words[i-1].id == r.doubt:
			return val
		case v.negated(ws, i-2):
			return float64(val * vaderNScalar)
		}
	case 2:
		switch {
		case (words[i-3].id == r.never && (words[i-2].id == r.so || words[i-2].id == r.this)) || (words[i-1].id == r.so || words[i-1].id == r.this):
			return float64(val * vaderNegationScale)
		case words[i-3].id == r.without && (words[i-2].id == r.doubt || words[i-1].id == r.doubt):
			return val
		case v.negated(ws, i-3):
			return float64(val * vaderNScalar)
		}
	}
	return val
}

// specialIdioms is the reference's _special_idioms_check (i >= 3). A
// sequence of words is only looked up (and so only built) when every word
// of it occurs in some idiom.
func (v *vader) specialIdioms(val float64, ws *vaderWords, i int) float64 {
	if !idiomPair(ws.words, i) {
		return val // no phrase of idiom words to look up: most words
	}
	return v.idiomsAt(val, ws, i)
}

// idiomPair reports whether two words side by side from i-3 to i+2, the
// span of every phrase specialIdioms looks up, are both words of some
// idiom: a phrase of two words or more can match only then.
func idiomPair(words []vaderToken, i int) bool {
	prev := false
	for j := i - 3; j <= min(i+2, len(words)-1); j++ {
		in := words[j].flags&inIdiom != 0
		if in && prev {
			return true
		}
		prev = in
	}
	return false
}

// idiomsAt is specialIdioms without idiomPair's test.
func (v *vader) idiomsAt(val float64, ws *vaderWords, i int) float64 {
	n := len(ws.words)
	onezero, ok10 := v.phrase(ws, i-1, i)
	twoonezero, ok210 := v.phrase(ws, i-2, i)
	twoone, ok21 := v.phrase(ws, i-2, i-1)
	threetwoone, ok321 := v.phrase(ws, i-3, i-1)
	threetwo, ok32 := v.phrase(ws, i-3, i-2)
	for _, seq := range [...]struct {
		s  string
		ok bool
	}{{onezero, ok10}, {twoonezero, ok210}, {twoone, ok21}, {threetwoone, ok321}, {threetwo, ok32}} {
		if !seq.ok {
			continue
		}
		if x, ok := v.idioms[seq.s]; ok {
			val = x
			break
		}
	}
	if n-1 > i {
		if p, ok := v.phrase(ws, i, i+1); ok {
			if x, ok := v.idioms[p]; ok {
				val = x
			}
		}
	}
	if n-1 > i+1 {
		if p, ok := v.phrase(ws, i, i+2); ok {
			if x, ok := v.idioms[p]; ok {
				val = x
			}
		}
	}
	for _, g := range [...]struct {
		s  string
		ok bool
	}{{threetwoone, ok321}, {threetwo, ok32}, {twoone, ok21}} {
		if !g.ok {
			continue
		}
		if x, ok := v.booster[g.s]; ok {
			val = val + x
		}
	}
	return val
}

// phrase joins the words lo to hi of ws with spaces, as the idiom keys
// are, when each is a word of some idiom or multi-word booster; otherwise
// no key can match.
func (v *vader) phrase(ws *vaderWords, lo, hi int) (string, bool) {
	for j := lo; j <= hi; j++ {
		if ws.words[j].flags&inIdiom == 0 {
			return "", false
		}
	}
	// Each word is in the vocabulary: its lowercase form is its ID's.
	n := hi - lo
	for j := lo; j <= hi; j++ {
		n += len(v.voc.Word(ws.words[j].id))
	}
	var b strings.Builder
	b.Grow(n)
	for j := lo; j <= hi; j++ {
		if j > lo {
			b.WriteByte(' ')
		}
		b.WriteString(v.voc.Word(ws.words[j].id))
	}
	return b.String(), true
}
