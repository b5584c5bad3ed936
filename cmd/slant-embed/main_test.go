package main

import (
	"bytes"
	"encoding/binary"
	"math"
	"os"
	"path/filepath"
	"testing"
)

func TestUsable(t *testing.T) {
	tests := []struct {
		w    string
		want bool
	}{
		{"the", true}, {"don't", true}, {"u.s.", true}, {"café", true},
		{"", false}, {",", false}, {"1990", false}, {"'s", false}, {"Paris", false}, {"e-mail", false},
	}
	for _, tt := range tests {
		if got := usable(tt.w); got != tt.want {
			t.Errorf("usable(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

// TestBuild makes a table from a package file of four words, two of them
// unusable, and reads it back by hand.
func TestBuild(t *testing.T) {
	in := filepath.Join(t.TempDir(), "e.json")
	json := `{"precision":8,"dimensions":2,"words":["the",",","good","1990"],
	"vectors":{"the":[0.5,-1,1.1,0],",":[9,9,9,1],"good":[-0.25,0.5,0.6,2],"1990":[1,1,1,3]}}`
	if err := os.WriteFile(in, []byte(json), 0o644); err != nil {
		t.Fatal(err)
	}
	table, err := build(in, 2, "test")
	if err != nil {
		t.Fatal(err)
	}
	header := "slant-vectors 1 2 2 test\n"
	if !bytes.HasPrefix(table, []byte(header)) {
		t.Fatalf("header %q, want %q", table[:len(header)], header)
	}
	rest := table[len(header):]
	scale := [2]float32{
		math.Float32frombits(binary.LittleEndian.Uint32(rest)),
		math.Float32frombits(binary.LittleEndian.Uint32(rest[4:])),
	}
	if scale != [2]float32{0.5 / 127, 1.0 / 127} {
		t.Errorf("scales %v", scale)
	}
	rest = rest[8:]
	if words := "the\ngood\n"; string(rest[:len(words)]) != words {
		t.Fatalf("words %q, want %q", rest[:len(words)], words)
	}
	rest = rest[len("the\ngood\n"):]
	want := []int8{127, -127, -64, 64}
	if len(rest) != len(want) {
		t.Fatalf("%d values, want %d", len(rest), len(want))
	}
	for i, q := range want {
		if int8(rest[i]) != q {
			t.Errorf("value %d = %d, want %d", i, int8(rest[i]), q)
		}
	}
	if _, err := build(in, 3, "test"); err == nil {
		t.Error("asking for more words than usable ones succeeded")
	}
}
