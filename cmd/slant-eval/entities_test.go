package main

import (
	"bytes"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/slant-news/slant/analysis/tone"
)

func TestLastName(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Joe Sestak", "Sestak"},
		{"Hillary Rodham Clinton", "Clinton"},
		{"Obama administration", ""},
		{"Congress", ""},
		{"Democratic National Committee Chair Person", ""},
	}
	for _, tt := range tests {
		if got := lastName(tt.name); got != tt.want {
			t.Errorf("lastName(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestEntityActors(t *testing.T) {
	a, err := entityActors("test", []string{"Bill Clinton", "Hillary Clinton", "Joe Sestak", "Obama administration", "Joe Sestak"})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"Bill Clinton"}, {"Hillary Clinton"}, {"Joe Sestak", "Sestak"}, {"Obama administration"}}
	if len(a.List) != len(want) {
		t.Fatalf("got %d actors, want %d: %+v", len(a.List), len(want), a.List)
	}
	for i, x := range a.List {
		if !slices.Equal(x.Patterns, want[i]) {
			t.Errorf("%s: patterns %q, want %q", x.Name, x.Patterns, want[i])
		}
	}
	text := "Mr. Sestak said Bill Clinton called him; Clinton denied it."
	var got []string
	for _, m := range a.Match(text) {
		got = append(got, m.Actor+"="+text[m.Start:m.End])
	}
	if w := []string{"Joe Sestak=Sestak", "Bill Clinton=Bill Clinton"}; !slices.Equal(got, w) {
		t.Errorf("matches %q, want %q", got, w)
	}
}

func TestPearson(t *testing.T) {
	tests := []struct {
		xs, ys []float64
		want   float64
	}{
		{[]float64{1, 2, 3}, []float64{2, 4, 6}, 1},
		{[]float64{1, 2, 3}, []float64{3, 2, 1}, -1},
		{[]float64{1, 2, 3, 4}, []float64{1, 3, 2, 4}, 0.8},
	}
	for _, tt := range tests {
		if got := pearson(tt.xs, tt.ys); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("pearson(%v, %v) = %v, want %v", tt.xs, tt.ys, got, tt.want)
		}
	}
	if !math.IsNaN(pearson([]float64{1}, []float64{1})) {
		t.Error("pearson of one pair is not NaN")
	}
}

// TestCalibrate checks the level and thresholds on judgements whose tones
// separate the classes: the level is the neutral ones' mean, and the
// thresholds put every judgement in its class.
func TestCalibrate(t *testing.T) {
	one := func(gold int, title, other float64) entityTone {
		return entityTone{gold: gold, found: true, sum: [places]float64{title, 0, other}, n: [places]int{1, 0, 1}}
	}
	its := []entityTone{
		one(0, -0.1, -0.1), one(0, -0.2, -0.2), one(0, 0, 0),
		one(-1, -0.6, -0.6), one(-1, -0.5, -0.8),
		one(1, 0.4, 0.4),
		{gold: 0}, // never found: neutral
	}
	l, f1 := calibrate(its)
	if math.Abs(l.Level - -0.1) > 1e-9 || l.Title != 2 || l.Lead != 2 {
		t.Errorf("levels %+v, want level -0.1 and weights 2", l)
	}
	if f1 != 1 {
		t.Errorf("macro-F1 %v with %+v, want 1", f1, l)
	}
	for _, it := range its {
		if got := it.labelBy(l); got != it.gold {
			t.Errorf("%+v: label %d, want %d", it, got, it.gold)
		}
	}
}

// TestEmbeddedLevels checks that analysis/tone/levels.txt is what `make
// calibrate` makes from BASIL dev.
func TestEmbeddedLevels(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "eval")
	if missing := missingFile(dir, []string{"basil/articles.jsonl", "basil/entity_polarity.jsonl"}); missing != "" {
		t.Skipf("%s not found; the evaluation data lives in ../shared/eval", missing)
	}
	out := filepath.Join(t.TempDir(), "levels.txt")
	if err := evalEntities(dir, io.Discard, out); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, tone.DefaultLevels()) {
		t.Errorf("calibrating on BASIL dev gives\n%s\nnot the built-in levels; run make calibrate", got)
	}
}
