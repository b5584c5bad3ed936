package tone

import (
	"container/heap"
	"strings"
)

// VADER's rules, as the reference applies them to each word's valence:
// the but-rule, boosters and capitals, "least", negation and idioms.

// butCheck is the reference's _but_check: after the first "but", words
// before it count half, words after it one and a half times. The
// reference finds each sentiment's place with list.index, the first equal
// value, so of two equal sentiments the first can be rescaled twice and the
// second not at all; that is kept, as it moves real scores. A zero
// rescaled is zero wherever it is, so zeros are passed over.
func butCheck(lower []string, sentiments []float64) {
	bi := -1
	for i, w := range lower {
		if w == "but" {
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

func (v *vader) isBooster(w string) bool {
	if !v.inBooster.mayHave(w) {
		return false
	}
	_, ok := v.booster[w]
	return ok
}

func (v *vader) inLexicon(w string) bool {
	_, ok := v.lookup(w)
	return ok
}

func (v *vader) lookup(w string) (float64, bool) {
	if !v.inValences.mayHave(w) {
		return 0, false
	}
	x, ok := v.valences[w]
	return x, ok
}

// valence is the reference's sentiment_valence for word i. The products
// are converted to float64 so that none is fused with a later addition:
// Python rounds each.
func (v *vader) valence(ws *vaderWords, i int, capDiff bool) float64 {
	lower := ws.lower
	itemLower := lower[i]
	val, ok := v.lookup(itemLower)
	if !ok {
		return 0
	}
	if itemLower == "no" && i != len(lower)-1 && v.inLexicon(lower[i+1]) {
		val = 0
	}
	if i > 0 && lower[i-1] == "no" || i > 1 && lower[i-2] == "no" ||
		i > 2 && lower[i-3] == "no" && (lower[i-1] == "or" || lower[i-1] == "nor") {
		val = float64(v.valences[itemLower] * vaderNScalar)
	}
	if ws.upper[i] && capDiff {
		if val > 0 {
			val += vaderCIncr
		} else {
			val -= vaderCIncr
		}
	}
	for start := range 3 {
		j := i - (start + 1)
		if i <= start || v.inLexicon(lower[j]) {
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
		val = v.negationCheck(val, lower, start, i)
		if start == 2 {
			val = v.specialIdioms(val, lower, i)
		}
	}
	return leastCheck(v, val, lower, i)
}

// leastCheck is the reference's _least_check: "least" before a word negates
// it, unless "at least" or "very least".
func leastCheck(v *vader, val float64, lower []string, i int) float64 {
	if i > 1 && !v.inLexicon(lower[i-1]) && lower[i-1] == "least" {
		if lower[i-2] != "at" && lower[i-2] != "very" {
			val = float64(val * vaderNScalar)
		}
	} else if i > 0 && !v.inLexicon(lower[i-1]) && lower[i-1] == "least" {
		val = float64(val * vaderNScalar)
	}
	return val
}

// scalarIncDec is the reference's scalar_inc_dec for word j.
func (v *vader) scalarIncDec(ws *vaderWords, j int, valence float64, capDiff bool) float64 {
	wordLower := ws.lower[j]
	if !v.inBooster.mayHave(wordLower) {
		return 0
	}
	scalar, ok := v.booster[wordLower]
	if !ok {
		return 0
	}
	if valence < 0 {
		scalar *= -1
	}
	if ws.upper[j] && capDiff {
		if valence > 0 {
			scalar += vaderCIncr
		} else {
			scalar -= vaderCIncr
		}
	}
	return scalar
}

// negated is the reference's negated for one word.
func (v *vader) negated(w string) bool { return v.negate[w] || strings.Contains(w, "n't") }

// negationCheck is the reference's _negation_check. Its three-word case
// reads, in Python, "A and (B or C) or (D or E)": "never so" and "never
// this" boost the word, but so does a bare "so" or "this" just before it
// (when three words precede it and the third is not in the lexicon). That
// is kept.
func (v *vader) negationCheck(val float64, lower []string, start, i int) float64 {
	switch start {
	case 0:
		if v.negated(lower[i-1]) {
			return float64(val * vaderNScalar)
		}
	case 1:
		switch {
		case lower[i-2] == "never" && (lower[i-1] == "so" || lower[i-1] == "this"):
			return float64(val * vaderNegationScale)
		case lower[i-2] == "without" && lower[i-1] == "doubt":
			return val
		case v.negated(lower[i-2]):
			return float64(val * vaderNScalar)
		}
	case 2:
		switch {
		case (lower[i-3] == "never" && (lower[i-2] == "so" || lower[i-2] == "this")) || (lower[i-1] == "so" || lower[i-1] == "this"):
			return float64(val * vaderNegationScale)
		case lower[i-3] == "without" && (lower[i-2] == "doubt" || lower[i-1] == "doubt"):
			return val
		case v.negated(lower[i-3]):
			return float64(val * vaderNScalar)
		}
	}
	return val
}

// specialIdioms is the reference's _special_idioms_check (i >= 3). A
// sequence of words is only looked up (and so only built) when every word
// of it occurs in some idiom.
func (v *vader) specialIdioms(val float64, lower []string, i int) float64 {
	onezero, ok10 := v.phrase(lower[i-1], lower[i])
	twoonezero, ok210 := v.phrase(lower[i-2], lower[i-1], lower[i])
	twoone, ok21 := v.phrase(lower[i-2], lower[i-1])
	threetwoone, ok321 := v.phrase(lower[i-3], lower[i-2], lower[i-1])
	threetwo, ok32 := v.phrase(lower[i-3], lower[i-2])
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
	if len(lower)-1 > i {
		if p, ok := v.phrase(lower[i], lower[i+1]); ok {
			if x, ok := v.idioms[p]; ok {
				val = x
			}
		}
	}
	if len(lower)-1 > i+1 {
		if p, ok := v.phrase(lower[i], lower[i+1], lower[i+2]); ok {
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

// phrase joins words with spaces, as the idiom keys are, when each is a
// word of some idiom or multi-word booster; otherwise no key can match.
func (v *vader) phrase(words ...string) (string, bool) {
	for _, w := range words {
		if !v.inIdiomWord.mayHave(w) || !v.idiomWord[w] {
			return "", false
		}
	}
	return strings.Join(words, " "), true
}
