package report

import (
	"fmt"
	"testing"

	"github.com/slant-news/slant/analysis/compare"

	"github.com/slant-news/slant/analysis"
	"github.com/slant-news/slant/corpus"
)

// seedArticle analyses the seed article of the demo corpus.
func seedArticle(b *testing.B) (*analysis.Analyzer, *analysis.Article) {
	b.Helper()
	var arts []corpus.Article
	err := corpus.ReadFile("../testdata/corpus/seedwire/000_659cf921a0d61d3b.txt", func(a corpus.Article) error {
		arts = append(arts, a)
		return nil
	}, nil)
	if err != nil || len(arts) != 1 {
		b.Fatalf("reading the seed: %v (%d articles)", err, len(arts))
	}
	an, err := analysis.New(analysis.Config{})
	if err != nil {
		b.Fatal(err)
	}
	return an, an.Analyze(arts[0])
}

// BenchmarkRenderCSV renders the seed's rows of every per-article CSV file,
// per byte of the article.
func BenchmarkRenderCSV(b *testing.B) {
	_, a := seedArticle(b)
	c, err := CreateCSV(b.TempDir(), CSVConfig{})
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close(nil, &compare.Comparison{})
	b.SetBytes(int64(len(a.Title) + len(a.Text)))
	for b.Loop() {
		if _, err := c.Render(a); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderHTML renders the seed's row of report.html.
func BenchmarkRenderHTML(b *testing.B) {
	an, a := seedArticle(b)
	h, err := CreateHTML(b.TempDir(), an.Actors().Names())
	if err != nil {
		b.Fatal(err)
	}
	defer h.Close(&compare.Comparison{}, nil, nil)
	b.SetBytes(int64(len(a.Title) + len(a.Text)))
	for b.Loop() {
		if _, err := h.Render(a); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderHTMLManyActors renders the seed's row against a table of
// n more actors than it names, listed before them: ns/op stays flat as n
// grows, when an actor's colour is looked up rather than searched for at
// every mention.
func BenchmarkRenderHTMLManyActors(b *testing.B) {
	an, a := seedArticle(b)
	for _, n := range []int{1000, 10000} {
		names := make([]string, 0, n+len(an.Actors().Names()))
		for i := range n {
			names = append(names, fmt.Sprintf("Actor %d", i))
		}
		h, err := HTMLRenderer(append(names, an.Actors().Names()...))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("actors=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := h.Render(a); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
