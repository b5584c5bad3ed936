package analysis

import (
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"sync"
)

// targetModelData is the trained target model (see TrainTarget); `make
// model` rebuilds it from NewsMTSC train.
//
//go:embed target_model.txt
var targetModelData []byte

// targetModel is a loaded target model: numClasses weights per feature,
// found by the hash of the feature's name.
type targetModel struct {
	config TrainConfig
	index  map[uint64]int32 // feature name hash to its first weight in w
	w      []float32
	// scratch holds *features for reuse: a sentence's features, built for
	// every mention, cost an allocation of some kilobytes each otherwise.
	scratch sync.Pool
}

// parseTargetModel reads a model file: comment lines, a config line, a
// classes line, then one line per feature: its name and its weights.
func parseTargetModel(data []byte) (*targetModel, error) {
	m := &targetModel{index: make(map[uint64]int32, bytes.Count(data, []byte("\n")))}
	m.w = make([]float32, 0, numClasses*len(m.index))
	line := 0
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
				return nil, fmt.Errorf("target model line %d: %w", line, err)
			}
			m.config = c
			continue
		case string(l) == "classes -1 0 1":
			continue
		}
		name, rest, ok := bytes.Cut(l, []byte{' '})
		if !ok {
			return nil, fail("want a feature name and %d weights", numClasses)
		}
		h := fnv1a(name)
		if _, dup := m.index[h]; dup {
			return nil, fail("feature %q twice (or a hash collision)", name)
		}
		m.index[h] = int32(len(m.w))
		for c := range numClasses {
			var field []byte
			field, rest, _ = bytes.Cut(rest, []byte{' '})
			x, err := strconv.ParseFloat(string(field), 32)
			if err != nil || c == numClasses-1 && len(rest) > 0 {
				return nil, fail("want %d weights after %q", numClasses, name)
			}
			m.w = append(m.w, float32(x))
		}
	}
	if len(m.index) == 0 {
		return nil, fmt.Errorf("target model: no features")
	}
	return m, nil
}

// predict rates the sentiment toward text[start:end] (valid offsets): the
// most probable label and P(positive) - P(negative) as the score.
func (m *targetModel) predict(v *vader, text string, start, end int) (label int, score float64) {
	f, _ := m.scratch.Get().(*features)
	if f == nil {
		f = &features{keys: make([]uint64, 0, 256), vals: make([]float64, 0, 256), buf: make([]byte, 0, 64)}
	}
	defer m.scratch.Put(f)
	targetFeatures(f, v, text, start, end)
	var p [numClasses]float64
	for j, k := range f.keys {
		i, ok := m.index[k]
		if !ok {
			continue
		}
		for c := range numClasses {
			p[c] += float64(m.w[int(i)+c]) * f.vals[j]
		}
	}
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
