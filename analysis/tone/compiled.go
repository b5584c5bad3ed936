package tone

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"math"
	"strconv"
)

// targetCompiledData is the built-in target model compiled by `make model`
// (CompileTarget): its features' keys and weights in the order of their
// slots in the loaded table, and the words' projection (see
// targetModel.proj), so that a run neither parses 220,000 numbers and
// hashes 73,000 names nor multiplies the 50,000 word vectors by the vector
// weights at every start. It names the model file and the vector table it
// was made from by their CRC-32: a target_model.txt that is not that one
// is read from its text, and vectors that are not those are projected, as
// before, so that replacing the model file alone still works, only slower
// to start.
//
//go:embed target_model.bin
var targetCompiledData []byte

// The compiled file: a line "slant-target-model 2 MODEL VECTORS SLOTS
// FEATURES WORDS VALUES" (MODEL and VECTORS the CRC-32s in hex, SLOTS the
// weight table's size), the vector weights as read (vectorDim×projWidth),
// the table's VALUES distinct weights, FEATURES times a key (uint64) and
// its weights packed as the table holds them (packedWeights, uint64), and
// WORDS×projWidth numbers of the projection; all little-endian, the
// weights float32.
const compiledMagic = "slant-target-model 2"

// CompileTarget returns the compiled form of a target model file (as
// TrainTarget writes it) over the built-in word vectors, which `make
// model` writes beside the model as analysis/tone/target_model.bin.
func CompileTarget(model []byte) ([]byte, error) {
	in, err := new(models).featureInputs()
	if err != nil {
		return nil, err
	}
	w, err := parseWeights(model, nil)
	if err != nil {
		return nil, err
	}
	proj := project(in.vectors, w.scaled(in.vectors))
	t := &w.m.weights
	features := 0
	for i := range t.slots {
		if t.slots[i].w != 0 {
			features++
		}
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s %08x %08x %d %d %d %d\n", compiledMagic, crc32.ChecksumIEEE(model), in.vectors.sum, len(t.slots), features, len(proj)/projWidth, len(t.values))
	var buf []byte
	for d := range w.dense {
		buf = appendFloats(buf, w.dense[d][:])
	}
	buf = appendFloats(buf, t.values)
	for i := range t.slots {
		if s := &t.slots[i]; s.w != 0 {
			buf = binary.LittleEndian.AppendUint64(buf, s.key)
			buf = binary.LittleEndian.AppendUint64(buf, uint64(s.w))
		}
	}
	buf = appendFloats(buf, proj)
	b.Write(buf)
	return b.Bytes(), nil
}

func appendFloats(b []byte, xs []float32) []byte {
	for _, x := range xs {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(x))
	}
	return b
}

// readFloats reads len(xs) little-endian float32s from b, which holds
// them (a shorter b leaves the rest of xs). The loop's test keeps each
// number's four bytes in b, so that the compiler checks fewer bounds:
// with b[4*i:] each number took a dozen instructions more, and the
// projection is 750,000 numbers at every start.
func readFloats(b []byte, xs []float32) {
	for i, j := 0, 0; i < len(xs) && j+4 <= len(b); i, j = i+1, j+4 {
		xs[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[j : j+4]))
	}
}

// compiled is a compiled model file, checked against the model file it
// is for.
type compiled struct {
	vectors  uint32 // the CRC-32 of the vector table it was projected over
	slots    int
	features []byte // as many keys and packed weights as there are
	values   []byte
	dense    []byte
	proj     []byte
}

// featureBytes is the size of a feature in a compiled file: its key and
// packed weights.
const featureBytes = 8 + 8

// compiledFor returns the compiled form in data of the model file model,
// or ok false when data is not model's.
func compiledFor(data, model []byte) (c compiled, ok bool) {
	line, rest, ok := bytes.Cut(data, []byte{'\n'})
	f := bytes.Fields(line)
	if !ok || len(f) != 8 || string(f[0])+" "+string(f[1]) != compiledMagic || string(f[2]) != fmt.Sprintf("%08x", crc32.ChecksumIEEE(model)) {
		return compiled{}, false
	}
	var n [5]int
	for i, field := range f[3:] {
		base := 10
		if i == 0 {
			base = 16
		}
		x, err := strconv.ParseUint(string(field), base, 32)
		if err != nil {
			return compiled{}, false
		}
		n[i] = int(x)
	}
	slots, features, words, values := n[1], n[2], n[3], n[4]
	denseBytes := 4 * vectorDim * projWidth
	// The table as parseWeights sizes it, at most three quarters full.
	lines := bytes.Count(model, []byte("\n")) + 1
	if lines > maxFeatures || slots != weightTableSize(lines) || 4*features > 3*slots || values > maxWeightValues {
		return compiled{}, false
	}
	if len(rest) != denseBytes+4*values+features*featureBytes+4*words*projWidth {
		return compiled{}, false
	}
	c = compiled{vectors: uint32(n[0]), slots: slots, dense: rest[:denseBytes]}
	rest = rest[denseBytes:]
	c.values, rest = rest[:4*values], rest[4*values:]
	c.features, c.proj = rest[:features*featureBytes], rest[features*featureBytes:]
	return c, true
}

// weights fills in the model's weights table and returns its vector
// weights and how many features it has, or ok false when a feature is not
// a table's.
func (c compiled) weights(m *targetModel) (dense *[vectorDim][projWidth]float32, features int, ok bool) {
	m.weights = newWeightTable(c.slots)
	m.weights.index = nil // filled already
	m.weights.values = make([]float32, len(c.values)/4)
	readFloats(c.values, m.weights.values)
	for b := c.features; len(b) > 0; b = b[featureBytes:] {
		if !m.weights.insertPacked(binary.LittleEndian.Uint64(b), packedWeights(binary.LittleEndian.Uint64(b[8:]))) {
			return nil, 0, false
		}
	}
	dense = new([vectorDim][projWidth]float32)
	for d := range dense {
		readFloats(c.dense[4*d*projWidth:], dense[d][:])
	}
	return dense, len(c.features) / featureBytes, true
}

// projection returns the compiled projection if it was made over v, else
// nil.
func (c compiled) projection(v *wordVectors) []float32 {
	if c.vectors != v.sum || len(c.proj) != 4*len(v.vals)/vectorDim*projWidth {
		return nil
	}
	proj := make([]float32, len(c.proj)/4)
	readFloats(c.proj, proj)
	return proj
}
