package report

import (
	"errors"
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
	arts, actors := sampleAnalysed(tb)
	e.once.Do(func() {
		index := indexOf(actors)
		c := compare.New(actors, compare.Config{Resamples: compare.DefaultResamples, Seed: 1, Workers: 2, Pairs: compare.DefaultPairs})
		tl, err := timeline.New(actors, timeline.Config{Resamples: compare.DefaultResamples, Seed: 1, Workers: 2})
		if err != nil {
			e.err = err
			return
		}
		for _, a := range arts {
			s := a.Summary(actors)
			c.Add(s)
			tl.Add(timeline.Article{Date: a.Date, ArticleSummary: s})
			e.points.add(points(a, index))
		}
		e.cmp = c.Result()
		e.tl = tl.Result()
	})
	if e.err != nil {
		tb.Fatal(e.err)
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

// sampleArticles holds the sample's articles, analysed once.
var sampleArticles struct {
	once   sync.Once
	arts   []*analysis.Article
	actors []string
	err    error
}

func sampleAnalysed(tb testing.TB) ([]*analysis.Article, []string) {
	tb.Helper()
	s := &sampleArticles
	s.once.Do(func() {
		an, err := analysis.New(analysis.Config{})
		if err != nil {
			s.err = err
			return
		}
		s.actors = an.Actors().Names()
		s.err = corpus.ReadFile(sampleCorpus, func(art corpus.Article) error {
			s.arts = append(s.arts, an.Analyze(art))
			return nil
		}, func(corpus.Notice) {})
	})
	if s.err != nil {
		tb.Skipf("%s: %v", sampleCorpus, s.err)
	}
	return s.arts, s.actors
}

// BenchmarkSampleRows renders and writes the rows of every article of the
// sample, the CSV files' and report.html's (its gzip included), as the
// workers and the writer of slant analyze do, and closes the files: the
// output side of a run, but for the comparison and the charts.
func BenchmarkSampleRows(b *testing.B) {
	arts, actors := sampleAnalysed(b)
	n := 0
	for _, a := range arts {
		n += len(a.Title) + len(a.Text)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		dir := b.TempDir()
		c, err := CreateCSV(dir, CSVConfig{})
		if err != nil {
			b.Fatal(err)
		}
		h, err := CreateHTML(dir, actors)
		if err != nil {
			b.Fatal(err)
		}
		for _, a := range arts {
			rows, err := c.Render(a)
			if err != nil {
				b.Fatal(err)
			}
			s := a.Summary(actors)
			balance := c.RenderBalance(&s)
			hr, err := h.Render(a)
			if err != nil {
				b.Fatal(err)
			}
			if err := errors.Join(c.WriteRows(&rows), c.WriteBalance(balance), h.WriteRow(&hr)); err != nil {
				b.Fatal(err)
			}
		}
		cmp := &compare.Comparison{Actors: actors}
		if err := errors.Join(c.Close(nil, cmp), h.Close(cmp, nil, nil)); err != nil {
			b.Fatal(err)
		}
	}
}
