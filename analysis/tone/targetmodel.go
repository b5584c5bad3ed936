package tone

import (
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"math/bits"
	"strconv"
)

// targetModelData is the trained target model (see TrainTarget); `make
// model` rebuilds it from NewsMTSC train.
//
//go:embed target_model.txt
var targetModelData []byte

// DefaultTargetModel returns the built-in target model file, for the record
// of a run.
func DefaultTargetModel() []byte { return targetModelData }

// targetModel is a loaded target model: numClasses weights per feature,
// found by the feature's key, and for the vector features, each word's
// vector already weighed: a window's mean vector only adds to the class
// scores, so its words' contributions can be summed instead, and a
// sentence's running sums of them give any window's in O(1).
type targetModel struct {
	config  TrainConfig
	weights weightTable
	in      *featureInputs
	// proj holds, per word of the vectors and window, the word's vector
	// times the window's weights: numVectorWindows×numClasses per word.
	proj  []float32
	words wordWeights
	// fixed are the weights of the fixed features by number (see
	// featureNames.fixed), zero for those the model has not (zero adds
	// nothing, see wordWeights).
	fixed [][numClasses]float32
}

// wordWeights are the weights of the features of the hot words (see
// wordIndex.hot), most of a text's words: per slot of the hot table, per
// word prefix (see wordPrefixes), the weights of prefix+word, zero when
// the model has no such feature. Most of a target's features are of one
// word: they are read from the word's row, one cache line or two, where
// each was a hash and a probe deep in the weight table, mostly a cache
// miss.
//
// Zero weights add nothing: a class score is never -0, as it starts +0
// and no sum but that of two -0 is -0, so adding +0 leaves it as it was.
type wordWeights [][numWordPrefixes][numClasses]float32

// newWordWeights finds the weights of the features of x's hot words in t.
func newWordWeights(t *weightTable, x *wordIndex) wordWeights {
	var prefixes [numWordPrefixes]uint64
	for c, p := range wordPrefixes {
		prefixes[c] = fnv1aString(p)
	}
	words := make(wordWeights, len(x.hotSlots))
	for i, s := range x.hotSlots {
		if s.entry == 0 {
			continue
		}
		h := fnv1a(x.word(int(s.entry - 1)))
		for c, p := range prefixes {
			if sl := t.slot(mixKey(p, h)); sl.w != 0 {
				words[i][c] = t.unpack(sl.w)
			}
		}
	}
	return words
}

// projWidth is how many numbers proj holds per word.
const projWidth = numVectorWindows * numClasses

// weightTable finds a feature's weights by its key (see nameKey): open
// addressing with linear probing, a key next to its weights, so that a
// lookup mostly reads one cache line. Keys are hashes already: the top bits
// of one give its first slot.
//
// A slot is 16 bytes: the key, and its weights as indices into the
// model's distinct weight values (3,161 in 13 KB, as the model file writes
// four digits), read from cache. The table is then 2 MB, at most three
// quarters full, where slots of the weights themselves, half full, made
// 6 MB: most of a lookup's time was the cache miss of reading its slot,
// and most lookups find a feature.
type weightTable struct {
	slots  []weightSlot // a power of two of them
	values []float32    // the distinct weights, as first inserted
	shift  uint
	index  map[uint32]uint32 // while inserting: a weight's bits to its index in values
}

type weightSlot struct {
	key uint64
	w   packedWeights
}

// packedWeights are a feature's numClasses weights as valueBits-bit
// indices into weightTable.values, the first lowest, and the top bit set:
// 0 is an empty slot.
type packedWeights uint64

const (
	valueBits = 21
	valueMask = 1<<valueBits - 1
	fullSlot  = packedWeights(1) << 63
	// maxWeightValues bounds a model's distinct weights; maxFeatures, that
	// cannot have more (and bounds the table to 16 MB).
	maxWeightValues = 1 << valueBits
	maxFeatures     = maxWeightValues / numClasses
)

// The indices and the full bit fit in packedWeights.
var _ [63 - numClasses*valueBits]struct{}

// newWeightTable makes a table of size slots (see weightTableSize).
func newWeightTable(size int) weightTable {
	slots := make([]weightSlot, size)
	clear(slots) // written before it is probed: see newWordIndex
	return weightTable{slots: slots, shift: uint(64 - bits.TrailingZeros(uint(size))),
		index: map[uint32]uint32{}}
}

// weightTableSize is the size of a table for up to n features: a power
// of two, at least 4n/3.
func weightTableSize(n int) int {
	size := 2
	for 3*size < 4*n {
		size *= 2
	}
	return size
}

// find returns the weights of the feature with key, and whether there is
// one.
func (t *weightTable) find(key uint64) (w [numClasses]float32, ok bool) {
	s := t.slot(key)
	if s.w == 0 {
		return w, false
	}
	return t.unpack(s.w), true
}

// unpack returns the weights p indexes.
func (t *weightTable) unpack(p packedWeights) [numClasses]float32 {
	v := t.values
	return [numClasses]float32{v[p&valueMask], v[p>>valueBits&valueMask], v[p>>(2*valueBits)&valueMask]}
}

// insert adds the weights of the feature with key, unless the table has it
// already or has maxWeightValues values and w would add one.
func (t *weightTable) insert(key uint64, w [numClasses]float32) (ok bool) {
	s := t.slot(key)
	if s.w != 0 {
		return false
	}
	p := fullSlot
	for c, x := range w {
		i, ok := t.index[math.Float32bits(x)]
		if !ok {
			if len(t.values) == maxWeightValues {
				return false
			}
			i = uint32(len(t.values))
			t.index[math.Float32bits(x)] = i
			t.values = append(t.values, x)
		}
		p |= packedWeights(i) << (c * valueBits)
	}
	*s = weightSlot{key, p}
	return true
}

// insertPacked adds a feature with key whose weights are packed already,
// unless the table has it or p is not a full slot's of t's values.
func (t *weightTable) insertPacked(key uint64, p packedWeights) (ok bool) {
	if p&fullSlot == 0 {
		return false
	}
	for c := range numClasses {
		if int(p>>(c*valueBits)&valueMask) >= len(t.values) {
			return false
		}
	}
	s := t.slot(key)
	if s.w != 0 {
		return false
	}
	*s = weightSlot{key, p}
	return true
}

// slot returns the slot that holds key, or else the empty one where it
// would go.
func (t *weightTable) slot(key uint64) *weightSlot {
	mask := uint64(len(t.slots) - 1)
	for i := key >> t.shift; ; i = (i + 1) & mask {
		if s := &t.slots[i]; s.w == 0 || s.key == key {
			return s
		}
	}
}

// parseTargetModel reads a model file: comment lines, a config line, a
// classes line, then one line per feature: its name and its weights. The
// model reads in's data. The built-in compiled form serves when it is
// data's.
func parseTargetModel(data []byte, in *featureInputs) (*targetModel, error) {
	w, err := parseWeights(data, targetCompiledData)
	if err != nil {
		return nil, err
	}
	return w.model(in), nil
}

// modelWeights are a model file's weights as read, before the model is
// put together with its feature inputs: the features' table, and the
// vector features' weights (dense, not yet scaled to the vectors'); and
// the compiled form they came from, if they did.
type modelWeights struct {
	m        *targetModel
	dense    *[vectorDim][projWidth]float32
	compiled compiled
}

// model puts the weights together with in: the vector weights scaled to
// in's vectors and projected over them, unless the compiled form holds
// that projection already.
func (w modelWeights) model(in *featureInputs) *targetModel {
	m := w.m
	m.in = in
	if m.proj = w.compiled.projection(in.vectors); m.proj == nil {
		m.proj = project(in.vectors, w.scaled(in.vectors))
	}
	m.words = newWordWeights(&m.weights, &in.vectors.index)
	for _, l := range newFeatureNames().fixed {
		w, _ := m.weights.find(l.key)
		m.fixed = append(m.fixed, w)
	}
	return m
}

// scaled returns the vector weights times the scale of v's dimensions
// and vectorScale, the weights of a word vector's quantised values.
func (w modelWeights) scaled(v *wordVectors) *[vectorDim][projWidth]float32 {
	dense := new([vectorDim][projWidth]float32)
	for d := range dense {
		for j, x := range w.dense[d] {
			dense[d][j] = float32(float64(x) * vectorScale * v.scale[d])
		}
	}
	return dense
}

// parseWeights reads a model file's weights: from its compiled form if
// compiledData is that (see CompileTarget), else from the text. It needs
// no feature inputs, so that it can run while they load.
func parseWeights(data, compiledData []byte) (modelWeights, error) {
	m := &targetModel{}
	var dense *[vectorDim][projWidth]float32
	line, features := 0, 0
	c, isCompiled := compiledFor(compiledData, data)
	if isCompiled {
		dense, features, isCompiled = c.weights(m)
	}
	if !isCompiled { // read from the text, the compiled form's projection unused
		c = compiled{}
		lines := bytes.Count(data, []byte("\n")) + 1
		if lines > maxFeatures {
			return modelWeights{}, fmt.Errorf("target model: %d lines, more than the %d features a model can have", lines, maxFeatures)
		}
		m.weights = newWeightTable(weightTableSize(lines))
		dense = new([vectorDim][projWidth]float32)
	}
	for len(data) > 0 {
		line++
		var l []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			l, data = data[:i], data[i+1:]
		} else {
			l, data = data, nil
		}
		fail := func(format string, args ...any) error {
			return fmt.Errorf("target model line %d: %s", line, fmt.Sprintf(format, args...))
		}
		switch {
		case len(l) == 0 || l[0] == '#':
			continue
		case bytes.HasPrefix(l, []byte("config ")):
			c, err := parseTrainConfig(string(l[len("config "):]))
			if err != nil {
				return modelWeights{}, fmt.Errorf("target model line %d: %w", line, err)
			}
			m.config = c
			continue
		case string(l) == "classes -1 0 1":
			continue
		case isCompiled: // the features are the compiled ones
			data = nil
			continue
		}
		name, rest, ok := bytes.Cut(l, []byte{' '})
		if !ok {
			return modelWeights{}, fail("want a feature name and %d weights", numClasses)
		}
		var w [numClasses]float32
		for c := range numClasses {
			var field []byte
			field, rest, _ = bytes.Cut(rest, []byte{' '})
			x, err := strconv.ParseFloat(string(field), 32)
			if err != nil || c == numClasses-1 && len(rest) > 0 {
				return modelWeights{}, fail("want %d weights after %q", numClasses, name)
			}
			w[c] = float32(x)
		}
		if win, d, ok := parseVectorFeature(string(name)); ok {
			for c := range numClasses {
				dense[d][win*numClasses+c] = w[c]
			}
			features++
			continue
		}
		if !m.weights.insert(nameKey(name), w) {
			return modelWeights{}, fail("feature %q twice (or a hash collision), or more than %d distinct weights", name, maxWeightValues)
		}
		features++
	}
	if features == 0 {
		return modelWeights{}, fmt.Errorf("target model: no features")
	}
	m.weights.index = nil // only for inserting
	return modelWeights{m, dense, c}, nil
}

// project returns each word's quantised vector times the dense weights.
func project(v *wordVectors, dense *[vectorDim][projWidth]float32) []float32 {
	n := len(v.vals) / vectorDim
	proj := make([]float32, n*projWidth)
	for k := range n {
		var acc [projWidth]float32
		for d, q := range v.row(int32(k)) {
			x := float32(int8(q))
			w := &dense[d]
			for j := range acc {
				acc[j] += x * w[j]
			}
		}
		copy(proj[k*projWidth:], acc[:])
	}
	return proj
}

// predict rates the sentiment toward t's sentence[start:end] (valid
// offsets): the most probable label and P(positive) - P(negative) as the
// score.
func (m *targetModel) predict(t *Sentence, start, end int) (label int, score float64) {
	p := m.classScores(t, start, end)
	return labelScore(&p)
}

// classScores returns the class scores (logits) of t's
// sentence[start:end] (valid offsets).
func (m *targetModel) classScores(t *Sentence, start, end int) (p [numClasses]float64) {
	f := &t.features
	f.model, f.words, f.fixed = m, m.words, m.fixed
	targetFeatures(f, m.in, &t.sentence, start, end)
	return f.sums
}

// labelScore reads class scores p: the most probable label and
// P(positive) - P(negative) as the score.
func labelScore(p *[numClasses]float64) (label int, score float64) {
	best := 0
	for c := 1; c < numClasses; c++ {
		if p[c] > p[best] {
			best = c
		}
	}
	mx, sum := p[best], 0.0
	for c := range p {
		p[c] = math.Exp(p[c] - mx)
		sum += p[c]
	}
	label = best - 1
	score = (p[2] - p[0]) / sum
	return label, score
}

// addVectorScores adds the scores of the vector windows (see addVectors)
// of f's target in s to p.
func (m *targetModel) addVectorScores(p *[numClasses]float64, s *targetSentence, f *features) {
	if len(s.words) == 0 {
		return
	}
	s.sumProjections(m.proj)
	first, last := f.first, f.last
	for win, w := range f.windows {
		sum, n := s.projSum(w, first, last, win)
		if n == 0 {
			continue
		}
		for c := range numClasses {
			p[c] += sum[c] / float64(n)
		}
	}
}
