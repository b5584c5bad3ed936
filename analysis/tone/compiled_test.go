package tone

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"math"
	"slices"
	"testing"
)

// TestEmbeddedCompiled holds the built-in compiled model to the built-in
// model and vectors: `make model` writes both.
func TestEmbeddedCompiled(t *testing.T) {
	got, err := CompileTarget(targetModelData)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, targetCompiledData) {
		t.Errorf("target_model.bin is not the compiled target_model.txt over word_vectors.bin; run make model")
	}
}

// TestCompiledModel checks that the model loaded from its compiled form
// is the one read from its text, and that a model file that is not the
// compiled one's is read from its text.
func TestCompiledModel(t *testing.T) {
	in := featureInputsT(t)
	text, err := parseWeights(targetModelData, nil)
	if err != nil {
		t.Fatal(err)
	}
	fromText := text.model(in)
	c, err := parseWeights(targetModelData, targetCompiledData)
	if err != nil {
		t.Fatal(err)
	}
	if c.compiled.proj == nil {
		t.Fatal("the compiled model was not used")
	}
	sameModel(t, c.model(in), fromText)
	if *c.dense != *text.dense {
		t.Errorf("the compiled vector weights differ from the text's")
	}
	other := bytes.Replace(targetModelData, []byte("\nv:cl:00 -0."), []byte("\nv:cl:00 -1."), 1)
	if bytes.Equal(other, targetModelData) {
		t.Fatal("no v:cl:00 feature to change")
	}
	m, err := parseTargetModel(other, in)
	if err != nil {
		t.Fatal(err)
	}
	w, _ := parseWeights(other, nil)
	if !slices.Equal(m.proj, project(in.vectors, w.scaled(in.vectors))) {
		t.Errorf("a changed model's projection is not its own")
	}
	if _, ok := compiledFor(targetCompiledData, other); ok {
		t.Errorf("the compiled model was taken for another model file")
	}
}

// sameModel checks that two loaded models have the same configuration,
// projection and weights.
func sameModel(t *testing.T, got, want *targetModel) {
	t.Helper()
	if got.config != want.config {
		t.Errorf("config %v, want %v", got.config, want.config)
	}
	if !slices.Equal(got.proj, want.proj) {
		t.Errorf("the projections differ")
	}
	n := 0
	for _, s := range want.weights.slots {
		if s.w == 0 {
			continue
		}
		n++
		w, _ := want.weights.find(s.key)
		if got, ok := got.weights.find(s.key); !ok || got != w {
			t.Fatalf("feature %x: weights %v (found %v), want %v", s.key, got, ok, w)
		}
	}
	for _, s := range got.weights.slots {
		if s.w != 0 {
			n--
		}
	}
	if n != 0 || len(got.weights.slots) != len(want.weights.slots) {
		t.Errorf("%d features more in the text's table; %d slots, want %d", n, len(got.weights.slots), len(want.weights.slots))
	}
}

// FuzzCompiled feeds compiledFor any compiled file for a small model:
// whatever it accepts must load without a panic, and with each feature
// found in the table it fills.
func FuzzCompiled(f *testing.F) {
	model := []byte("config lambda=0.0001 epochs=10 rate=0.02 mincount=1 balance=true average=true seed=1\nclasses -1 0 1\nbias 0.1 0.2 0.3\n")
	header := func(slots, features, words, values int) []byte {
		return fmt.Appendf(nil, "%s %08x %08x %d %d %d %d\n", compiledMagic, crc32.ChecksumIEEE(model), 0, slots, features, words, values)
	}
	dense := make([]byte, 4*vectorDim*projWidth)
	feature := binary.LittleEndian.AppendUint64(binary.LittleEndian.AppendUint64(nil, 1), uint64(fullSlot))
	value := make([]byte, 4)
	body := append(append(slices.Clone(dense), value...), feature...)
	f.Add(append(header(8, 1, 0, 1), body...)) // 3 lines and the end: 8 slots
	f.Add(append(header(4, 1, 0, 1), body...))
	f.Add(append(header(8, 1, 0, 0), append(slices.Clone(dense), feature...)...))
	f.Add(append(header(8, 1, 1, 1), append(body, make([]byte, 4*projWidth)...)...))
	f.Add(header(1<<31, 0, 0, 0))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, ok := compiledFor(data, model)
		if !ok {
			return
		}
		m := &targetModel{}
		_, n, ok := c.weights(m)
		if !ok {
			return
		}
		for b := c.features; len(b) > 0; b = b[featureBytes:] {
			if _, ok := m.weights.find(binary.LittleEndian.Uint64(b)); !ok {
				t.Fatalf("feature %x not in the table", b[:8])
			}
		}
		if n != len(c.features)/featureBytes {
			t.Errorf("%d features, the file has %d", n, len(c.features)/featureBytes)
		}
		c.projection(&wordVectors{})
	})
}

// TestReadFloats reads back what appendFloats wrote, numbers of every
// kind, and a short b leaves the rest of xs as it was.
func TestReadFloats(t *testing.T) {
	want := []float32{0, float32(math.Copysign(0, -1)), 1, -1.5, math.MaxFloat32, math.SmallestNonzeroFloat32, float32(math.Inf(-1)), 3.14159}
	b := appendFloats(nil, want)
	got := make([]float32, len(want))
	readFloats(b, got)
	for i := range want {
		if math.Float32bits(got[i]) != math.Float32bits(want[i]) {
			t.Fatalf("readFloats = %v, want %v", got, want)
		}
	}
	short := []float32{7, 7, 7}
	readFloats(b[:6], short)
	if short[0] != want[0] || short[1] != 7 || short[2] != 7 {
		t.Errorf("readFloats of 6 bytes = %v, want [0 7 7]", short)
	}
}
