package tone

import (
	"math"
	"os"
	"strings"
	"testing"

	"github.com/slant-news/slant/analysis/segment"

	"github.com/jonreiter/govader"

	"github.com/slant-news/slant/corpus"
)

// vaderCases exercise every rule of VADER: boosters, ALL CAPS, negation,
// "no", "least", "but", "kind of", idioms, punctuation, emoji, odd spacing
// and bytes.
var vaderCases = []string{
	"",
	"   ",
	"The deal is good.",
	"The deal is VERY GOOD!!!",
	"The deal is not good, but the talks were extremely productive.",
	"It was not the least bit helpful; at least it was cheap.",
	"He is kind of happy?? Really???",
	"No problem, no good, no or bad, never so good, without doubt great.",
	"That was the bomb, yeah right, a kiss of death, to die for.",
	"She isn't sad; they don't hate it; nor do we love it.",
	"Absolutely horrible, barely acceptable, sort of nice.",
	"GREAT news from the U.S. and e.g. ABC's \"terrible\" war.",
	"I love it 😀 and 😡hate that👍.",
	"tabs\tand\nnew lines  and\u00a0non-breaking\u2003spaces",
	"invalid \xff\xfe bytes and a lone \xe2\x80 sequence",
	"least good; very least good; at least good; LEAST good",
	"The most fantastic, the more hopeful, the less bad.",
	"Can't stand it. Won't. Never this good. Rarely seen, seldom nice, despite the fun.",
	"but but but good bad",
	"!!!!!! ????",
	"'great'",
	"WAR WAR WAR",
	"kind of kind of good",
}

func govaderScore(sia *govader.SentimentIntensityAnalyzer, s string) float64 {
	return sia.PolarityScores(strings.Join(strings.Fields(s), " ")).Compound
}

func checkVADER(t *testing.T, v *vader, sia *govader.SentimentIntensityAnalyzer, s string) {
	t.Helper()
	got, want := v.Score(s), govaderScore(sia, s)
	if math.Float64bits(got) != math.Float64bits(want) {
		t.Errorf("score(%q) = %v, govader gives %v", s, got, want)
	}
}

// TestVADER checks that the own VADER gives govader's scores bit for bit, on
// the rules' cases and on every sentence and paragraph of the demo corpus.
func TestVADER(t *testing.T) {
	v, sia := newVader(), govader.NewSentimentIntensityAnalyzer()
	for _, s := range vaderCases {
		checkVADER(t, v, sia, s)
	}
	seg, err := segment.NewPunkt()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	reader := &corpus.Reader{}
	err = reader.Read([]string{"../../testdata/corpus"}, func(art corpus.Article) error {
		for _, text := range []string{art.Title, art.Text} {
			for _, sp := range segment.Sentences(seg, text) {
				checkVADER(t, v, sia, text[sp.Start:sp.End])
				n++
			}
			for _, para := range strings.Split(text, "\n") {
				checkVADER(t, v, sia, para)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 100 {
		t.Fatalf("only %d sentences in the demo corpus", n)
	}
	// A larger corpus, when given: SLANT_VADER_CORPUS=path go test -run TestVADER
	if path := os.Getenv("SLANT_VADER_CORPUS"); path != "" {
		err := reader.Read([]string{path}, func(art corpus.Article) error {
			for _, text := range []string{art.Title, art.Text} {
				for _, sp := range segment.Sentences(seg, text) {
					checkVADER(t, v, sia, text[sp.Start:sp.End])
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

func FuzzVADER(f *testing.F) {
	for _, s := range vaderCases {
		f.Add(s)
	}
	v, sia := newVader(), govader.NewSentimentIntensityAnalyzer()
	f.Fuzz(func(t *testing.T, s string) {
		checkVADER(t, v, sia, s)
	})
}
