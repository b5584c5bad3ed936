package analysis

import (
	"testing"
)

// BenchmarkAnalyze measures the whole per-article analysis on the seed.
func BenchmarkAnalyze(b *testing.B) {
	art := readSeed(b)
	an, err := New(Config{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(art.Title) + len(art.Text)))
	for b.Loop() {
		an.Analyze(art)
	}
}

func BenchmarkSentences(b *testing.B) {
	art := readSeed(b)
	an, err := New(Config{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(art.Text)))
	for b.Loop() {
		sentences(an.segmenter, art.Text)
	}
}

func BenchmarkMatch(b *testing.B) {
	art := readSeed(b)
	actors := DefaultActors()
	b.SetBytes(int64(len(art.Text)))
	for b.Loop() {
		actors.Match(art.Text)
	}
}

func BenchmarkVADER(b *testing.B) {
	art := readSeed(b)
	v := newVader()
	b.SetBytes(int64(len(art.Text)))
	for b.Loop() {
		v.score(art.Text)
	}
}

func BenchmarkNaiveBayes(b *testing.B) {
	art := readSeed(b)
	nb, err := newNaiveBayes()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(art.Text)))
	for b.Loop() {
		nb.score(art.Text)
	}
}
