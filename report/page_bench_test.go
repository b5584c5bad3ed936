package report

import (
	"sync"
	"testing"

	"github.com/slant-news/slant/analysis"
	"github.com/slant-news/slant/analysis/compare"
	"github.com/slant-news/slant/analysis/timeline"
	"github.com/slant-news/slant/corpus"
)

// sampleCorpus is the real corpus the end of a run is measured on.
const sampleCorpus = "../../shared/eval/corpora/abp-sample-2000.jsonl"

// endOfRun holds what report.html's charts are built from after the last
// article of the sample, as slant analyze -workers 2 makes it: the
// comparison, the timeline and the salience chart's points.
var endOfRun struct {
	once   sync.Once
	cmp    compare.Comparison
	tl     timeline.Timeline
	points salience
	err    error
}

func sampleEnd(tb testing.TB) (*compare.Comparison, *timeline.Timeline, *salience) {
	tb.Helper()
	e := &endOfRun
	e.once.Do(func() {
		an, err := analysis.New(analysis.Config{})
		if err != nil {
			e.err = err
			return
		}
		actors := an.Actors().Names()
		index := indexOf(actors)
		c := compare.New(actors, compare.Config{Resamples: compare.DefaultResamples, Seed: 1, Workers: 2, Pairs: compare.DefaultPairs})
		tl, err := timeline.New(actors, timeline.Config{Resamples: compare.DefaultResamples, Seed: 1, Workers: 2})
		if err != nil {
			e.err = err
			return
		}
		e.err = corpus.ReadFile(sampleCorpus, func(art corpus.Article) error {
			a := an.Analyze(art)
			s := a.Summary(actors)
			c.Add(s)
			tl.Add(timeline.Article{Date: a.Date, ArticleSummary: s})
			e.points.add(points(a, index))
			return nil
		}, func(corpus.Notice) {})
		e.cmp = c.Result()
		e.tl = tl.Result()
	})
	if e.err != nil {
		tb.Skipf("%s: %v", sampleCorpus, e.err)
	}
	return &e.cmp, &e.tl, &e.points
}

// BenchmarkCharts builds report.html's charts and their data from the
// sample's comparison and timeline, as the end of a run does.
func BenchmarkCharts(b *testing.B) {
	c, tl, pts := sampleEnd(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := newPage(c, tl, nil, true, pts); err != nil {
			b.Fatal(err)
		}
	}
}
