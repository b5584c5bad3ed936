package analysis

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/slant-news/slant/corpus"

	"github.com/slant-news/slant/analysis/attribution"
	"github.com/slant-news/slant/analysis/internal/testseed"
	"github.com/slant-news/slant/analysis/segment"
	"github.com/slant-news/slant/analysis/tone"
)

// TestSentenceWords checks that a sentence's words taken from its body's
// (sentenceWords, as Analyze does) are those of the sentence split alone,
// on the seed and on the real corpora in ../shared/eval, when there.
func TestSentenceWords(t *testing.T) {
	an := newAnalyzer(t, Config{})
	texts := []string{testseed.Read(t).Text, "He said so.Then U.S.Army left; the dogs' bowls", "A.B. c", "“Yes,” he said. No."}
	paths, _ := filepath.Glob("../../shared/eval/corpora/*.jsonl")
	if len(paths) == 0 {
		t.Log("../shared/eval/corpora not found: the seed only")
	}
	for _, p := range paths {
		if err := corpus.ReadFile(p, func(a corpus.Article) error {
			texts = append(texts, a.Text)
			return nil
		}, func(corpus.Notice) {}); err != nil {
			t.Fatal(err)
		}
	}
	shared, fallback := 0, 0
	for _, text := range texts {
		words := segment.Tokenize(text, nil, false)
		next := 0
		for _, sp := range segment.Sentences(an.segmenter, text) {
			got, ok := sentenceWords(text, words, &next, sp)
			if !ok {
				fallback++
				continue
			}
			shared++
			want := segment.Tokenize(text[sp.Start:sp.End], nil, false)
			for i := range got {
				got[i].Start, got[i].End, got[i].KeyEnd = got[i].Start-sp.Start, got[i].End-sp.Start, got[i].KeyEnd-sp.Start
			}
			if !slices.Equal(got, want) {
				t.Fatalf("sentence %q: words from the body %v, alone %v", text[sp.Start:sp.End], got, want)
			}
		}
	}
	t.Logf("%d sentences took the body's words, %d were split again", shared, fallback)
	if _, err := os.Stat("../../shared/eval"); err == nil && shared == 0 {
		t.Error("no sentence took the body's words")
	}
}

// TestQuoteWords checks that the words counted from the body's
// (countWords, as Analyze does) are those of each statement's content
// split alone, on the seed and the first articles of the sample corpus in
// ../shared/eval, when there.
func TestQuoteWords(t *testing.T) {
	an := newAnalyzer(t, Config{})
	arts := []corpus.Article{testseed.Read(t)}
	n := 0
	err := corpus.ReadFile(sampleCorpus, func(a corpus.Article) error {
		if n++; n <= 400 {
			arts = append(arts, a)
		}
		return nil
	}, func(corpus.Notice) {})
	if err != nil {
		t.Logf("%s: %v: the seed only", sampleCorpus, err)
	}
	quotes := 0
	for _, art := range arts {
		for _, q := range an.Analyze(art).Quotes {
			quotes++
			if want := segment.CountWords(q.Text); q.Words != want {
				t.Fatalf("%s: %q: %d words, split alone %d", art.ID, q.Text, q.Words, want)
			}
		}
	}
	t.Logf("%d statements of %d articles", quotes, len(arts))
}

// FuzzSpanWords holds the words of a content in pieces, counted piece by
// piece from the body's words (quotes), to those of the pieces joined by
// " … " and split alone (Statement.Content).
func FuzzSpanWords(f *testing.F) {
	f.Add("“We not only listened,” he said, “but heard each other.”", 1, 22, 33, 57)
	f.Add("“It's the U.S.” she said. “Dogs' bowls—and-so ’s on”", 0, 15, 26, 50)
	f.Add("a.b.’s x", 0, 3, 3, 8)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d int) {
		bounds := []int{a, b, c, d}
		for i := range bounds {
			bounds[i] = min(max(bounds[i], 0), len(text))
		}
		slices.Sort(bounds)
		st := attribution.Statement{Spans: [][2]int{{bounds[0], bounds[1]}, {bounds[2], bounds[3]}}}
		body := segment.Text{Text: text, Words: segment.Tokenize(text, nil, false)}
		got := 0
		for _, sp := range st.Spans {
			got += countWords(body, sp[0], sp[1])
		}
		if want := segment.CountWords(st.Content(text)); got != want {
			t.Fatalf("%q, spans %v: %d words piece by piece, %d joined", text, st.Spans, got, want)
		}
	})
}

// TestMatchSentence holds matchSentence, which matches a sentence's words
// where they lie in the body, to matching the sentence split alone, and
// checks that the sentence it readies for rating has the words the
// sentence alone has: on the seed and the first articles of the sample
// corpus in ../shared/eval, when there.
func TestMatchSentence(t *testing.T) {
	an := newAnalyzer(t, Config{})
	texts := []string{testseed.Read(t).Text, "Putin met Zelensky.In Washington, Post editors met Biden's aides", "“Kyiv,” he said. Moscow"}
	n := 0
	if err := corpus.ReadFile(sampleCorpus, func(a corpus.Article) error {
		if n++; n <= 300 {
			texts = append(texts, a.Text)
		}
		return nil
	}, func(corpus.Notice) {}); err != nil {
		t.Logf("%s: %v: the seed only", sampleCorpus, err)
	}
	ts := new(tone.Sentence)
	mentions := 0
	for _, text := range texts {
		p := segment.Split(an.segmenter, text)
		next := 0
		for _, sp := range p.Sentences {
			s := text[sp.Start:sp.End]
			got := an.matchSentence(nil, ts, p, sp, &next, true)
			alone := segment.Tokenize(s, nil, false)
			if want := an.actors.MatchWords(s, alone); !slices.Equal(got, want) {
				t.Fatalf("sentence %q: matches %v, alone %v", s, got, want)
			}
			if len(got) > 0 && !slices.Equal(ts.Words(), alone) {
				t.Fatalf("sentence %q: words to rate %v, alone %v", s, ts.Words(), alone)
			}
			mentions += len(got)
		}
	}
	if mentions == 0 {
		t.Error("no sentence had a mention")
	}
}

// TestFirstWordFrom holds firstWordFrom to slices.BinarySearchFunc, at
// every offset of a few texts' words.
func TestFirstWordFrom(t *testing.T) {
	for _, text := range []string{"", "a", "“Yes,” he said. No.", testseed.Read(t).Text} {
		words := segment.Tokenize(text, nil, false)
		for off := -1; off <= len(text)+1; off++ {
			want, _ := slices.BinarySearchFunc(words, off, func(t segment.Token, off int) int { return t.Start - off })
			if got := firstWordFrom(words, off); got != want {
				t.Fatalf("firstWordFrom(%q, %d) = %d, want %d", text, off, got, want)
			}
		}
	}
}
