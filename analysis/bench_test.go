package analysis

import (
	"math/rand/v2"
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

// BenchmarkSentences is the sentence segmentation (punkt.go).
func BenchmarkSentences(b *testing.B) {
	art := readSeed(b)
	an, err := New(Config{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(art.Text)))
	for b.Loop() {
		Sentences(an.segmenter, art.Text)
	}
}

func BenchmarkMatch(b *testing.B) {
	art := readSeed(b)
	actors := Default()
	b.SetBytes(int64(len(art.Text)))
	for b.Loop() {
		actors.Match(art.Text)
	}
}

// BenchmarkVADER scores the seed's sentences, as Analyze does.
func BenchmarkVADER(b *testing.B) {
	art := readSeed(b)
	an := newTestAnalyzer(b)
	ss := sentenceTexts(an, art.Text)
	b.SetBytes(int64(len(art.Text)))
	for b.Loop() {
		for _, s := range ss {
			an.vader.Score(s)
		}
	}
}

// BenchmarkNaiveBayes scores the seed's sentences, as Analyze does.
func BenchmarkNaiveBayes(b *testing.B) {
	art := readSeed(b)
	an := newTestAnalyzer(b)
	ss := sentenceTexts(an, art.Text)
	b.SetBytes(int64(len(art.Text)))
	for b.Loop() {
		for _, s := range ss {
			an.nb.Score(s)
		}
	}
}

// sentenceTexts is text split into sentences, as Analyze scores them.
func sentenceTexts(an *Analyzer, text string) []string {
	var ss []string
	for _, sp := range Sentences(an.segmenter, text) {
		ss = append(ss, text[sp.Start:sp.End])
	}
	return ss
}

// BenchmarkTargetSentiment rates every actor mention of the seed, as
// Analyze does: a sentence prepared once for all its mentions. Per byte of
// the article.
func BenchmarkTargetSentiment(b *testing.B) {
	art := readSeed(b)
	an := newTestAnalyzer(b)
	type sentence struct {
		text string
		ms   []Match
	}
	var ss []sentence
	for _, text := range []string{art.Title, art.Text} {
		for _, s := range sentenceTexts(an, text) {
			if ms := an.actors.Match(s); len(ms) > 0 {
				ss = append(ss, sentence{s, ms})
			}
		}
	}
	t := newTargetScratch()
	b.SetBytes(int64(len(art.Title) + len(art.Text)))
	for b.Loop() {
		for _, s := range ss {
			t.sentence.reset(s.text)
			for _, m := range s.ms {
				an.target.Rate(t, m.Start, m.End)
			}
		}
	}
}

// BenchmarkTokenize is the word split behind matching, the word count and
// attribution.
func BenchmarkTokenize(b *testing.B) {
	art := readSeed(b)
	b.SetBytes(int64(len(art.Text)))
	var buf []Token
	for b.Loop() {
		buf = Tokenize(art.Text, buf, false)
	}
}

// BenchmarkAttribution finds the seed body's statements from its words and
// sentences, as Analyze does.
func BenchmarkAttribution(b *testing.B) {
	art := readSeed(b)
	an := newTestAnalyzer(b)
	p := Split(an.segmenter, art.Text)
	b.SetBytes(int64(len(art.Text)))
	for b.Loop() {
		an.attr.Entries(p)
	}
}

// BenchmarkDifferenceInterval is the interval of one outlet pair's
// difference in each measure, done for every pair, actor and measure. Most
// outlets of a corpus have few articles, whose resamples tie a lot.
func BenchmarkDifferenceInterval(b *testing.B) {
	tests := []struct {
		name                 string
		articlesA, articlesB int
		resamples            int
	}{
		{"30 and 30 articles", 30, 30, DefaultResamples},
		{"2 and 2 articles", 2, 2, DefaultResamples},
		{"30 and 30 articles, 10000 resamples", 30, 30, 10000},
	}
	for _, tt := range tests {
		b.Run(tt.name, func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, 2))
			cfg := CompareConfig{Resamples: tt.resamples, Seed: 1}
			x := resample(simulated(rng, "A", tt.articlesA, 0.2), 2, cfg, "A")
			y := resample(simulated(rng, "B", tt.articlesB, -0.1), 2, cfg, "B")
			var scratch []float64
			for b.Loop() {
				for m := range Measures {
					differenceInterval(x, y, 0, m, &scratch)
				}
			}
		})
	}
}
