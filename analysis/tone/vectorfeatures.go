package tone

import (
	"slices"
	"strconv"
)

// Word vector features: the mean GloVe vector of the words in windows
// around the target, one feature per window and dimension. They let the
// model weigh words it never saw in training by their neighbours in GloVe
// ("lambasted" near "criticised"). Names, function words and the target
// itself add nothing to a window. Measured by 5-fold cross-validation on
// NewsMTSC train: macro-F1 0.661 without them, 0.690 with them; the
// windows, their size and the scale were chosen there (eight words each
// side beat four and six; a window of the polar words only, one of the
// negated words, distance weighting, and windows of the words nearer the
// target than another actor did not help).

// The vector windows.
const (
	winClauseLeft  = iota // the target's clause, before it
	winClauseRight        // the target's clause, after it
	winBefore             // vectorWindow words before the target
	winAfter              // vectorWindow words after it
	winSentence           // the whole sentence but the target
	numVectorWindows
)

// vectorWindow is how many words each side winBefore and winAfter span.
const vectorWindow = 8

// vectorScale multiplies the mean vectors: GloVe's values, mostly within
// ±1, are larger than the other features', and AdaGrad did better with
// them halved.
const vectorScale = 0.5

// windowNames name the windows in feature names ("v:cl:07").
var windowNames = [numVectorWindows]string{"cl", "cr", "l8", "r8", "s"}

// span is a range of word indexes, from and to inclusive; empty when to <
// from.
type span struct{ from, to int }

// vectorWindows returns the windows' spans for the target's words [first,
// last] in its clause [lo, hi] of a sentence of n words. The sentence
// window is all n words; the target's are taken out when it is summed.
func vectorWindows(first, last, lo, hi, n int) [numVectorWindows]span {
	return [numVectorWindows]span{
		winClauseLeft:  {lo, first - 1},
		winClauseRight: {last + 1, hi},
		winBefore:      {max(0, first-vectorWindow), first - 1},
		winAfter:       {last + 1, min(n-1, last+vectorWindow)},
		winSentence:    {0, n - 1},
	}
}

// sumVectors fills s.vecSum and s.vecN from the words' vectors, for
// training.
func (s *targetSentence) sumVectors(v *wordVectors) {
	n := len(s.words)
	if need := (n + 1) * vectorDim; cap(s.vecSum) < need {
		s.vecSum = make([]int32, need)
	} else {
		s.vecSum = s.vecSum[:need]
		clear(s.vecSum[:vectorDim]) // the rest is copied over
	}
	s.vecN = append(s.vecN[:0], 0)
	for k, w := range s.words {
		prev, next := s.vecSum[k*vectorDim:(k+1)*vectorDim], s.vecSum[(k+1)*vectorDim:(k+2)*vectorDim]
		copy(next, prev)
		count := s.vecN[k]
		if w.vec >= 0 {
			row := v.row(w.vec)
			for d := range next {
				next[d] += int32(int8(row[d]))
			}
			count++
		}
		s.vecN = append(s.vecN, count)
	}
}

// sumProjections fills s.projSums and s.vecN from the words' projections
// (see targetModel.proj), unless done.
func (s *targetSentence) sumProjections(proj []float32) {
	if s.projReady {
		return
	}
	s.projReady = true
	// A sum per word that has a vector, each from the one before, in
	// place: a word without one, most words, only counts (see projSum).
	words := s.words
	sums := slices.Grow(s.projSums[:0], len(words)+1)[:len(words)+1]
	vecN := slices.Grow(s.vecN[:0], len(words)+1)[:len(words)+1]
	sums[0], vecN[0] = [projWidth]float64{}, 0
	m := 0 // the sums made but the first
	for k := range words {
		vecN[k+1] = int32(m)
		vec := words[k].vec
		if vec < 0 {
			continue
		}
		// Written out, the numbers as arrays: as a loop, with its
		// test and count at each number, the sums took half as long
		// again.
		prev, next := &sums[m], &sums[m+1]
		x := (*[projWidth]float32)(proj[int(vec)*projWidth:])
		next[0], next[1], next[2] = prev[0]+float64(x[0]), prev[1]+float64(x[1]), prev[2]+float64(x[2])
		next[3], next[4], next[5] = prev[3]+float64(x[3]), prev[4]+float64(x[4]), prev[5]+float64(x[5])
		next[6], next[7], next[8] = prev[6]+float64(x[6]), prev[7]+float64(x[7]), prev[8]+float64(x[8])
		next[9], next[10], next[11] = prev[9]+float64(x[9]), prev[10]+float64(x[10]), prev[11]+float64(x[11])
		next[12], next[13], next[14] = prev[12]+float64(x[12]), prev[13]+float64(x[13]), prev[14]+float64(x[14])
		m++
		vecN[k+1] = int32(m)
	}
	s.projSums, s.vecN = sums[:m+1], vecN
}

// sumProjections writes out a word's projWidth numbers: fifteen of them.
var _ [projWidth - 15]struct{}
var _ [15 - projWidth]struct{}

// projSum returns window win's summed projections, for the window's
// span w and the target [first, last], and how many words they are. The
// sums of the words before word k are s.projSums[s.vecN[k]].
func (s *targetSentence) projSum(w span, first, last, win int) (sum [numClasses]float64, n int32) {
	if w.to < w.from {
		return sum, 0
	}
	j := win * numClasses
	hi, lo := &s.projSums[s.vecN[w.to+1]], &s.projSums[s.vecN[w.from]]
	n = s.vecN[w.to+1] - s.vecN[w.from]
	for c := range sum {
		sum[c] = hi[j+c] - lo[j+c]
	}
	if w.from <= first && last <= w.to { // the sentence window: the target out
		thi, tlo := &s.projSums[s.vecN[last+1]], &s.projSums[s.vecN[first]]
		for c := range sum {
			sum[c] -= thi[j+c] - tlo[j+c]
		}
		n -= s.vecN[last+1] - s.vecN[first]
	}
	return sum, n
}

// windowSum sets sum to the summed quantised vectors of the words in w but
// those of the target [first, last], and returns how many there are.
func (s *targetSentence) windowSum(w span, first, last int, sum *[vectorDim]int32) int32 {
	if w.to < w.from {
		return 0
	}
	hi, lo := s.vecSum[(w.to+1)*vectorDim:][:vectorDim], s.vecSum[w.from*vectorDim:][:vectorDim]
	n := s.vecN[w.to+1] - s.vecN[w.from]
	for d := range sum {
		sum[d] = hi[d] - lo[d]
	}
	if w.from <= first && last <= w.to { // the sentence window: the target out
		thi, tlo := s.vecSum[(last+1)*vectorDim:][:vectorDim], s.vecSum[first*vectorDim:][:vectorDim]
		for d := range sum {
			sum[d] -= thi[d] - tlo[d]
		}
		n -= s.vecN[last+1] - s.vecN[first]
	}
	return n
}

// addVectors adds the windows' named features (training): the mean
// vector, dimension by dimension, times vectorScale.
func (f *features) addVectors(s *targetSentence, v *wordVectors, first, last int) {
	s.sumVectors(v)
	s.projReady = false // sumVectors's counts replace sumProjections's
	var sum [vectorDim]int32
	for win, w := range f.windows {
		n := s.windowSum(w, first, last, &sum)
		if n == 0 {
			continue
		}
		for d, x := range sum {
			f.add(f.known.vectors[win][d], vectorScale*float64(x)*v.scale[d]/float64(n))
		}
	}
}

// vectorFeatureNames names each window's features.
func vectorFeatureNames() (names [numVectorWindows][vectorDim]featureName) {
	for win := range names {
		for d := range names[win] {
			name := vectorFeatureName(win, d)
			names[win][d] = featureName{name: name, key: nameKey([]byte(name))}
		}
	}
	return names
}

func vectorFeatureName(win, d int) string {
	return "v:" + windowNames[win] + ":" + leftPad2(d)
}

func leftPad2(d int) string {
	if d < 10 {
		return "0" + strconv.Itoa(d)
	}
	return strconv.Itoa(d)
}

// parseVectorFeature returns the window and dimension of a vector
// feature's name ("v:cl:07"); ok is false for any other name.
func parseVectorFeature(name string) (win, d int, ok bool) {
	if len(name) < 5 || name[:2] != "v:" {
		return 0, 0, false
	}
	for win := range windowNames {
		prefix := "v:" + windowNames[win] + ":"
		if len(name) == len(prefix)+2 && name[:len(prefix)] == prefix {
			d, err := strconv.Atoi(name[len(prefix):])
			if err != nil || d < 0 || d >= vectorDim {
				return 0, 0, false
			}
			return win, d, true
		}
	}
	return 0, 0, false
}
