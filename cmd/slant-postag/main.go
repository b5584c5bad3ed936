// Command slant-postag converts prose's part-of-speech model (the flat file
// embedded in github.com/jdkato/prose/v3/tag/aptagmodel, at the version in
// go.mod) into the model file that analysis/postag embeds. It is what
// `go generate ./analysis/postag` runs:
//
//	go run ./cmd/slant-postag -out analysis/postag/model.bin
//
// The same prose gives the same bytes.
package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"

	"github.com/jdkato/prose/v3/tag/aptagmodel"

	"github.com/slant-news/slant/analysis/postag"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("slant-postag", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "analysis/postag/model.bin", "write the model to `FILE`")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	b, src, err := convert(aptagmodel.English)
	if err != nil {
		fmt.Fprintf(stderr, "slant-postag: prose's model: %v\n", err)
		return 1
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		fmt.Fprintf(stderr, "slant-postag: %v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "slant-postag: %d classes, %d words, %d features; wrote %s (%d bytes)\n",
		len(src.Classes), len(src.Words), len(src.Features), *out, len(b))
	return 0
}

// convert reads prose's flat model and encodes it as postag's.
func convert(flat []byte) ([]byte, postag.Source, error) {
	src, err := readFlat(flat)
	if err != nil {
		return nil, src, err
	}
	var buf bytes.Buffer
	if err := postag.Encode(&buf, src); err != nil {
		return nil, src, err
	}
	return buf.Bytes(), src, nil
}

// readFlat reads prose's flat format (prose's internal/flat/format.go):
// "PROSETAG", version 1, the classes, the features' strings and their
// weights in compressed sparse rows, then the unambiguous words.
func readFlat(b []byte) (postag.Source, error) {
	var src postag.Source
	r := flatReader{b: b}
	if string(r.bytes(8)) != "PROSETAG" {
		return src, errors.New("not a prose flat tagger model")
	}
	if v := r.u32(); v != 1 {
		return src, fmt.Errorf("flat format version %d, want 1", v)
	}
	nc := r.u32()
	for range nc {
		src.Classes = append(src.Classes, string(r.bytes(int(r.u16()))))
	}
	nf, np, blobLen := int(r.u32()), int(r.u32()), int(r.u32())
	blob := r.bytes(blobLen)
	featOff, pairOff := r.u32s(nf+1), r.u32s(nf+1)
	ids := r.bytes(np)
	weights := r.bytes(4 * np)
	if r.err != nil {
		return src, r.err
	}
	src.Features = make(map[string][]postag.Weight, nf)
	for i := range nf {
		if featOff[i] > featOff[i+1] || int(featOff[i+1]) > len(blob) || pairOff[i] > pairOff[i+1] || int(pairOff[i+1]) > np {
			return src, fmt.Errorf("feature %d: offsets out of range", i)
		}
		var ws []postag.Weight
		for j := pairOff[i]; j < pairOff[i+1]; j++ {
			ws = append(ws, postag.Weight{Class: ids[j], Value: math.Float32frombits(binary.LittleEndian.Uint32(weights[4*j:]))})
		}
		src.Features[string(blob[featOff[i]:featOff[i+1]])] = ws
	}
	nw := r.u32()
	src.Words = make(map[string]string, nw)
	for range nw {
		w := string(r.bytes(int(r.u16())))
		c := r.bytes(1)
		if r.err != nil {
			return src, r.err
		}
		if int(c[0]) >= len(src.Classes) {
			return src, fmt.Errorf("word %q: class %d of %d", w, c[0], len(src.Classes))
		}
		src.Words[w] = src.Classes[c[0]]
	}
	if r.err == nil && len(r.b) != 0 {
		return src, fmt.Errorf("%d bytes after the words", len(r.b))
	}
	return src, r.err
}

type flatReader struct {
	b   []byte
	err error
}

func (r *flatReader) bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.b) {
		r.err = errors.New("truncated model")
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *flatReader) u32() uint32 {
	if b := r.bytes(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (r *flatReader) u16() uint16 {
	if b := r.bytes(2); b != nil {
		return binary.LittleEndian.Uint16(b)
	}
	return 0
}

func (r *flatReader) u32s(n int) []uint32 {
	b := r.bytes(4 * n)
	if b == nil {
		return nil
	}
	out := make([]uint32, n)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return out
}
