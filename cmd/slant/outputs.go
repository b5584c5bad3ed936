package main

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"time"

	"github.com/slant-news/slant/analysis"
	"github.com/slant-news/slant/analysis/compare"
	"github.com/slant-news/slant/analysis/timeline"
	"github.com/slant-news/slant/analysis/tone"
	"github.com/slant-news/slant/corpus"
	"github.com/slant-news/slant/report"
)

// articleRows is one analysed article as the outputs take it: its rendered
// rows and the counts the outlet figures and the comparison add up. The
// workers make it; a partial run keeps it for a later merge.
type articleRows struct {
	ID, Outlet, Source string
	Line               int
	Date, Language     string
	Scored             bool // its tone and statements computed (see analysis.Article.Scored)
	CSV                report.CSVRows
	Balance            []byte // its row of balance.csv
	HTML               report.HTMLRow
	Summary            compare.ArticleSummary
	Actors             []analysis.ActorStats
	Statements         int
}

// rowsOf renders an analysed article's rows.
func rowsOf(a *analysis.Article, actors []string, w *report.CSV, h *report.HTML) (*articleRows, error) {
	r := &articleRows{ID: a.ID, Outlet: a.Outlet, Source: a.Source, Line: a.Line, Date: a.Date, Language: a.Language, Scored: a.Scored,
		Summary: a.Summary(actors), Actors: a.Actors, Statements: len(a.Quotes)}
	var cerr, herr error
	r.CSV, cerr = w.Render(a)
	r.Balance = w.RenderBalance(&r.Summary)
	r.HTML, herr = h.Render(a)
	return r, errors.Join(cerr, herr)
}

// rename gives the rows the id id, which the article's id plus a suffix
// (a duplicate's ~2).
func (r *articleRows) rename(id string) error {
	var err error
	if r.CSV, err = report.RenameCSV(r.CSV, id[len(r.ID):]); err != nil {
		return err
	}
	if r.Balance, err = report.AppendToField(r.Balance, 1, id[len(r.ID):]); err != nil {
		return err
	}
	r.HTML.Rename(r.Outlet, r.ID, id)
	r.ID, r.Summary.ID = id, id
	return nil
}

// outputs writes every output of a run into a directory: the CSV files,
// report.html and whatever extra adds, as analyze and merge both do.
type outputs struct {
	dir        string
	actors     []string
	w          *report.CSV
	h          *report.HTML
	outlets    *analysis.Outlets
	comparison *compare.Compare
	periods    *timeline.Builder
	langs      languageCounts
	extra      extra
	stderr     io.Writer
	printer    *noticePrinter
	sum        *summary
	werr       error          // the first error writing skipped.csv
	crashes    map[string]int // articles that hit an internal error, by input file
}

func newOutputs(dir string, actors []string, levels tone.Levels, cfg compare.Config, tl timeline.Config, csv report.CSVConfig, extra extra, stderr io.Writer, printer *noticePrinter, sum *summary) (*outputs, error) {
	periods, err := timeline.New(actors, tl)
	if err != nil {
		return nil, err
	}
	w, err := report.CreateCSV(dir, csv)
	if err != nil {
		return nil, err
	}
	h, err := report.CreateHTML(dir, actors)
	if err != nil {
		return nil, errors.Join(err, w.Close(nil, &compare.Comparison{}))
	}
	return &outputs{dir: dir, actors: actors, w: w, h: h, outlets: analysis.NewOutlets(actors, levels),
		comparison: compare.New(actors, cfg), periods: periods, langs: languageCounts{},
		extra: extra, stderr: stderr, printer: printer, sum: sum, crashes: map[string]int{}}, nil
}

// notice counts and tells a notice, and lists a skipped record.
func (o *outputs) notice(n corpus.Notice) {
	countNotice(n, o.sum)
	o.printer.print(n)
	if n.Skipped {
		o.werr = errors.Join(o.werr, o.w.Skipped(n))
	}
}

// countNotice counts a notice in sum.
func countNotice(n corpus.Notice, sum *summary) {
	if n.Skipped {
		sum.Skipped++
	} else {
		sum.Warnings++
	}
}

// crash lists an article whose analysis hit an internal error.
func (o *outputs) crash(n corpus.Notice, excerpt string) {
	o.sum.Internal++
	o.crashes[n.Path]++
	o.notice(n)
	fmt.Fprint(o.stderr, excerpt)
}

// article writes an article's rows and adds it up.
func (o *outputs) article(r *articleRows) error {
	o.sum.Articles++
	o.langs.add(&analysis.Article{Article: corpus.Article{Language: r.Language}, Scored: r.Scored})
	o.outlets.AddCounts(r.Outlet, r.Actors, r.Statements)
	o.comparison.Add(r.Summary)
	o.periods.Add(timeline.Article{Date: r.Date, ArticleSummary: r.Summary})
	if o.extra != nil {
		o.extra.article(&r.Summary)
	}
	return errors.Join(o.w.WriteRows(&r.CSV), o.w.WriteBalance(r.Balance), o.h.WriteRow(&r.HTML))
}

// close compares the outlets, writes the files that need every article and
// manifest.json, which records the run's command, settings, input files
// and data files.
func (o *outputs) close(csv report.CSVConfig, command []string, settings map[string]any, files []corpus.File, data []report.ManifestData, timestamp bool) error {
	o.langs.report(o.stderr)
	if len(o.langs) > 0 {
		o.sum.NotScored = o.langs
	}
	// The timeline beside the comparison, report.html beside the CSV
	// files: each has steps on one core.
	waitTimeline := background(o.periods.Result)
	cmp := o.comparison.Result()
	o.sum.Warnings += tell(&cmp, o.stderr)
	tl := waitTimeline()
	o.sum.Files = len(files)
	o.sum.Undated = tl.Undated
	settings["period"] = tl.Period
	m := o.manifest(command, settings, files, data, &cmp, timestamp)
	waitHTML := background(func() error { return o.h.Close(&cmp, &tl, &m) })
	err := errors.Join(o.werr, o.w.Timeline(&tl), o.w.Close(o.outlets.Stats(), &cmp), waitHTML())
	if err == nil && o.extra != nil {
		err = o.extra.write(o.dir)
	}
	if err == nil {
		err = report.WriteDataPackage(o.dir, csv)
	}
	if err == nil {
		err = report.WriteManifest(o.dir, m)
	}
	return err
}

// background starts f on a goroutine of its own and returns a function
// that waits for its result; a panic in f is raised again in the goroutine
// that waits, where the command recovers it.
func background[T any](f func() T) (wait func() T) {
	var res T
	var failed any
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer func() { failed = recover() }()
		res = f()
	}()
	return func() T {
		<-done
		if failed != nil {
			panic(failed)
		}
		return res
	}
}

// manifest describes a run that read files, with the given settings.
func (o *outputs) manifest(command []string, settings map[string]any, files []corpus.File, data []report.ManifestData, cmp *compare.Comparison, timestamp bool) report.Manifest {
	m := report.Manifest{
		Slant: versionString(), Go: runtime.Version(), Command: command, Settings: settings,
		Counts: o.sum.ManifestCounts, Ungrouped: cmp.Ungrouped, Data: data,
	}
	if timestamp {
		m.Timestamp = time.Now().UTC().Format(time.RFC3339)
	}
	for _, f := range files {
		n := o.crashes[f.Path] // the reader passed them on; the analysis skipped them
		m.Inputs = append(m.Inputs, report.ManifestInput{Path: f.Path, Bytes: f.Bytes, SHA256: f.SHA256, Articles: f.Articles - n, Skipped: f.Skipped + n})
	}
	return m
}

// renderers returns the writers that render the rows; nil for none.
func (o *outputs) renderers() (*report.CSV, *report.HTML) {
	if o == nil {
		return nil, nil
	}
	return o.w, o.h
}
