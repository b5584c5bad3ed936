package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"strings"
	"time"

	"github.com/slant-news/slant/analysis"
	"github.com/slant-news/slant/corpus"
	"github.com/slant-news/slant/report"
)

// options are the flags of a run over a corpus.
type options struct {
	out             string
	actorsFile      string
	sentiment       string
	workers         int
	maxArticleBytes int
	strict          bool
	timestamp       bool
	quiet           bool
}

func (o *options) register(fs *flag.FlagSet) {
	fs.StringVar(&o.out, "out", "out", "write the outputs into `DIR`")
	fs.StringVar(&o.actorsFile, "actors", "", "read the actor table from `FILE` (quanteda dictionary YAML) instead of the built-in one")
	fs.StringVar(&o.sentiment, "sentiment", analysis.TargetScorers[0], "target scorer `NAME` that rates each mention: "+strings.Join(analysis.TargetScorers, ", "))
	fs.IntVar(&o.workers, "workers", runtime.NumCPU(), "analyse on `N` goroutines; the output is the same for any N")
	fs.IntVar(&o.maxArticleBytes, "max-article-bytes", corpus.DefaultMaxArticleBytes, "skip articles whose text is over `N` bytes")
	fs.BoolVar(&o.strict, "strict", false, "fail (exit 1) when any record is skipped or any warning given")
	fs.BoolVar(&o.timestamp, "timestamp", false, "record the time of the run in manifest.json (outputs then differ between runs)")
	fs.BoolVar(&o.quiet, "quiet", false, "print no summary line (problems are still reported)")
}

func runAnalyze(fs *flag.FlagSet, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var opts options
	opts.register(fs)
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "slant analyze: no PATH given")
		fs.Usage()
		return exitUsage
	}
	sum, err := analyze(opts, append([]string{"slant", "analyze"}, args...), fs.Args(), stderr)
	if err != nil {
		return fail(stderr, err)
	}
	if !opts.quiet {
		fmt.Fprintf(stderr, "slant: %d articles from %d files analysed, %d skipped, %d warnings; wrote %s\n",
			sum.Articles, sum.Files, sum.Skipped, sum.Warnings, opts.out)
	}
	if opts.strict && sum.Skipped+sum.Warnings > 0 {
		fmt.Fprintf(stderr, "slant: -strict: %d skipped, %d warnings\n", sum.Skipped, sum.Warnings)
		return exitFailure
	}
	return exitOK
}

// analyze runs the analysis of the corpus in paths and writes every output
// into opts.out, all or nothing.
func analyze(opts options, command, paths []string, stderr io.Writer) (report.ManifestCounts, error) {
	var sum report.ManifestCounts
	actors, err := loadActors(opts.actorsFile)
	if err != nil {
		return sum, err
	}
	an, err := analysis.New(analysis.Config{Actors: actors, Sentiment: opts.sentiment})
	if err != nil {
		return sum, err
	}
	if _, err := corpus.Files(paths); err != nil {
		return sum, err // before touching the output
	}
	out, err := report.NewOutput(opts.out)
	if err != nil {
		return sum, err
	}
	defer out.Abort() // a no-op after Commit
	w, err := report.CreateCSV(out.Dir())
	if err != nil {
		return sum, err
	}
	var werr error // the first error writing skipped.csv
	reader := &corpus.Reader{MaxArticleBytes: opts.maxArticleBytes, Notice: func(n corpus.Notice) {
		where := n.Path
		if n.Line > 0 {
			where = fmt.Sprintf("%s:%d", n.Path, n.Line)
		}
		if n.Skipped {
			sum.Skipped++
			werr = errors.Join(werr, w.Skipped(n))
			fmt.Fprintf(stderr, "slant: %s: skipped: %s\n", where, n.Reason)
		} else {
			sum.Warnings++
			fmt.Fprintf(stderr, "slant: %s: warning: %s\n", where, n.Reason)
		}
	}}
	outlets := analysis.NewOutlets(actors.Names())
	err = an.Run(opts.workers, func(emit func(corpus.Article) error) error {
		return reader.Read(paths, emit)
	}, func(a *analysis.Article) error {
		sum.Articles++
		outlets.Add(a)
		return w.Article(a)
	})
	err = errors.Join(err, werr, w.Close(outlets.Stats()))
	if err != nil {
		return sum, err
	}
	sum.Files = len(reader.Files)
	m := report.Manifest{
		Slant:   versionString(),
		Go:      runtime.Version(),
		Command: command,
		Settings: map[string]any{
			"sentiment":         opts.sentiment,
			"max_article_bytes": reader.MaxArticleBytes,
		},
		Counts: sum,
	}
	if opts.timestamp {
		m.Timestamp = time.Now().UTC().Format(time.RFC3339)
	}
	for _, f := range reader.Files {
		m.Inputs = append(m.Inputs, report.ManifestInput{Path: f.Path, Bytes: f.Bytes, SHA256: f.SHA256, Articles: f.Articles, Skipped: f.Skipped})
	}
	for _, d := range an.DataFiles() {
		m.Data = append(m.Data, report.ManifestData{Name: d.Name, Source: d.Source, SHA256: d.SHA256})
	}
	if err := report.WriteManifest(out.Dir(), m); err != nil {
		return sum, err
	}
	return sum, out.Commit()
}
