package analysis

import (
	"sync"
	"testing"

	"github.com/slant-news/slant/analysis/compare"
	"github.com/slant-news/slant/analysis/timeline"
	"github.com/slant-news/slant/corpus"
)

// sampleCorpus is the real corpus the end of a run is measured on.
const sampleCorpus = "../../shared/eval/corpora/abp-sample-2000.jsonl"

// sample holds the summaries of the sample's articles, analysed once for
// the benchmarks of what a run does after the last article.
var sample struct {
	once     sync.Once
	actors   []string
	articles []timeline.Article
	err      error
}

func sampleSummaries(b *testing.B) ([]string, []timeline.Article) {
	sample.once.Do(func() {
		an, err := New(Config{})
		if err != nil {
			sample.err = err
			return
		}
		sample.actors = an.Actors().Names()
		sample.err = corpus.ReadFile(sampleCorpus, func(art corpus.Article) error {
			a := an.Analyze(art)
			sample.articles = append(sample.articles, timeline.Article{Date: a.Date, ArticleSummary: a.Summary(sample.actors)})
			return nil
		}, func(corpus.Notice) {})
	})
	if sample.err != nil {
		b.Skipf("%s: %v", sampleCorpus, sample.err)
	}
	return sample.actors, sample.articles
}

// BenchmarkComparison is the outlet comparison of the sample, as slant
// analyze -workers 2 makes it, per article.
func BenchmarkComparison(b *testing.B) {
	actors, arts := sampleSummaries(b)
	b.ReportAllocs()
	for b.Loop() {
		c := compare.New(actors, compare.Config{Resamples: compare.DefaultResamples, Workers: 2, Pairs: compare.DefaultPairs})
		for i := range arts {
			c.Add(arts[i].ArticleSummary)
		}
		c.Result()
	}
}

// BenchmarkTimeline is the timeline of the sample, as slant analyze
// -workers 2 makes it.
func BenchmarkTimeline(b *testing.B) {
	actors, arts := sampleSummaries(b)
	b.ReportAllocs()
	for b.Loop() {
		tl, err := timeline.New(actors, timeline.Config{Resamples: compare.DefaultResamples, Workers: 2})
		if err != nil {
			b.Fatal(err)
		}
		for i := range arts {
			tl.Add(arts[i])
		}
		tl.Result()
	}
}
