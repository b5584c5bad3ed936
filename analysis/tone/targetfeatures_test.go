package tone

import (
	"math"
	"slices"
	"testing"
)

// addContextByWord is addContext as it was, word by word, each word tested
// for its region, window and polarity: the simple form addContext's runs
// must equal.
func (f *features) addContextByWord(s *targetSentence, first, last, lo, hi int) (lexPos, lexNeg [regions]float64, sentence, clauseSum float64) {
	for k := range s.words {
		var d, side, next, reg int
		switch {
		case k < first:
			d, side, next, reg = first-k, colLeft, colLeft1, regLeft
			if k < lo {
				reg = regOutside
			}
		case k > last:
			d, side, next, reg = k-last, colRight, colRight1, regRight
			if k > hi {
				reg = regOutside
			}
		default:
			continue
		}
		w := &s.words[k]
		c := colSentence
		if reg != regOutside {
			c = colClause
			if w.negated {
				c = colNegated
			}
		}
		cols := []int8{int8(c)}
		if d <= featureWindow {
			cols = append(cols, int8(side))
			if d == 1 {
				cols = append(cols, int8(next))
			}
		}
		f.addWords(w, cols)
		if !w.inLex {
			continue
		}
		if x := w.valence; x > 0 {
			lexPos[reg] += x
		} else {
			lexNeg[reg] -= x
		}
		sentence += w.vader
		if reg != regOutside {
			clauseSum += w.vader
		}
	}
	return lexPos, lexNeg, sentence, clauseSum
}

// FuzzAddContext holds addContext to addContextByWord, scoring (the sums'
// bits) and training (the features' keys and values, in order), for the
// target at any span of any text.
func FuzzAddContext(f *testing.F) {
	addTargetSeeds(f)
	f.Add("Not a good day for Kyiv, said the minister, but a great one for the rest of the long, long list of them.", 19, 23)
	m := targetScorer(f, TargetModel).(*modelTarget).model
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		s := NewSentence()
		s.Reset(text)
		ts := &s.sentence
		ts.prepare(m.in)
		if len(ts.toks) == 0 {
			return
		}
		start, end = clampSpan(text, start, end)
		first, last := targetTokens(ts.toks, start, end)
		lo, hi := ts.clauseTokens(first, last)
		for _, scoring := range []bool{true, false} {
			run := func(byWord bool) (features, [2*regions + 2]float64) {
				g := newFeatures(false)
				if scoring {
					g.model, g.words, g.fixed = m, m.words, m.fixed
				}
				g.sums = [numClasses]float64{0.5, -0.25, 1e-3}
				add := g.addContext
				if byWord {
					add = g.addContextByWord
				}
				lp, ln, se, cl := add(ts, first, last, lo, hi)
				return g, [...]float64{lp[0], lp[1], lp[2], ln[0], ln[1], ln[2], se, cl}
			}
			got, gotSums := run(false)
			want, wantSums := run(true)
			for c := range got.sums {
				if math.Float64bits(got.sums[c]) != math.Float64bits(want.sums[c]) {
					t.Fatalf("%q [%d:%d]: class sums %v, word by word %v", text, start, end, got.sums, want.sums)
				}
			}
			for i := range gotSums {
				if math.Float64bits(gotSums[i]) != math.Float64bits(wantSums[i]) {
					t.Fatalf("%q [%d:%d]: lexicon sums %v, word by word %v", text, start, end, gotSums, wantSums)
				}
			}
			if !slices.Equal(got.keys, want.keys) || !slices.Equal(got.vals, want.vals) {
				t.Fatalf("%q [%d:%d]: keys %v %v, word by word %v %v", text, start, end, got.keys, got.vals, want.keys, want.vals)
			}
		}
	})
}
