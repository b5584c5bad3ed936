package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/slant-news/slant/analysis/compare"
	"github.com/slant-news/slant/analysis/tone"

	"github.com/slant-news/slant/analysis"
	"github.com/slant-news/slant/analysis/timeline"
	"github.com/slant-news/slant/corpus"
	"github.com/slant-news/slant/report"
)

// options are the flags of a run over a corpus.
type options struct {
	out             string
	actorsFile      string
	lexiconsDir     string
	sentiment       string
	nb              bool
	workers         int
	maxArticleBytes int
	resamples       int
	seed            uint64
	period          string
	strict          bool
	timestamp       bool
	rawCSV          bool
	quiet           bool
	cpuProfile      string
	memProfile      string
	inputs          inputOptions
}

func (o *options) register(fs *flag.FlagSet) {
	fs.StringVar(&o.out, "out", "out", "write the CSV files and "+report.HTMLFile+" into `DIR` (replaced whole if slant wrote it; else it must be empty or absent)")
	fs.StringVar(&o.actorsFile, "actors", "", "read the actor table from `FILE` (quanteda dictionary YAML) instead of the built-in one")
	fs.StringVar(&o.lexiconsDir, "lexicons", "", "read the attribution word lists found in `DIR` (see slant lexicon) instead of the built-in ones")
	fs.StringVar(&o.sentiment, "sentiment", tone.TargetScorers[0], "target scorer `NAME` that rates each mention: "+strings.Join(tone.TargetScorers, ", "))
	fs.BoolVar(&o.nb, "nb", false, "also score sentences with the Naive Bayes model (sentiment_nb); slower, and near majority-class on news: see README")
	fs.IntVar(&o.workers, "workers", runtime.NumCPU(), "analyse on `N` goroutines (1 or more); the output is the same for any N")
	fs.IntVar(&o.maxArticleBytes, "max-article-bytes", corpus.DefaultMaxArticleBytes, "skip articles whose text is over `N` bytes")
	fs.IntVar(&o.resamples, "resamples", compare.DefaultResamples, "bootstrap `N` resamples of each outlet's articles for the confidence intervals; 0 for none")
	fs.Uint64Var(&o.seed, "seed", 1, "seed `N` of the bootstrap resampling")
	fs.StringVar(&o.period, "period", "", "sum up timeline.csv by `PERIOD`: day, week or month (ISO weeks from Monday); by default from the span of the dates")
	fs.BoolVar(&o.strict, "strict", false, "fail (exit 1) when any record is skipped or any warning given")
	fs.BoolVar(&o.timestamp, "timestamp", false, "record the time of the run in manifest.json (outputs then differ between runs)")
	fs.BoolVar(&o.rawCSV, "raw-csv", false, "write text into the CSV files as it is, without the ' before text a spreadsheet would run as a formula (=, +, -, @)")
	fs.BoolVar(&o.quiet, "quiet", false, "print no summary line and no progress (problems are still reported)")
	fs.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of the run to `FILE` (for go tool pprof)")
	fs.StringVar(&o.memProfile, "memprofile", "", "write a memory profile at the end of the run to `FILE` (for go tool pprof)")
	o.inputs.register(fs)
}

func runAnalyze(fs *flag.FlagSet, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var opts options
	opts.register(fs)
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if code, ok := opts.check(fs, "analyze", stderr); !ok {
		return code
	}
	opts.inputs.stdin = stdin
	sum, err := analyze(opts, append([]string{"slant", "analyze"}, args...), fs.Args(), stderr, nil)
	if err != nil {
		return fail(stderr, err)
	}
	return opts.finish(sum, stderr)
}

// csv is how the CSV files are written.
func (o *options) csv() report.CSVConfig {
	return report.CSVConfig{Raw: o.rawCSV, Keep: o.inputs.keepFields()}
}

// check validates the flags and arguments after parsing.
func (o *options) check(fs *flag.FlagSet, cmd string, stderr io.Writer) (code int, ok bool) {
	switch {
	case fs.NArg() == 0:
		fmt.Fprintf(stderr, "slant %s: no PATH given\n", cmd)
	case o.resamples < 0:
		fmt.Fprintf(stderr, "slant %s: -resamples must be 0 or more\n", cmd)
	case o.workers < 1:
		fmt.Fprintf(stderr, "slant %s: -workers must be 1 or more\n", cmd)
	case o.out == "":
		fmt.Fprintf(stderr, "slant %s: -out must name a directory\n", cmd)
	case !isTargetScorer(o.sentiment):
		fmt.Fprintf(stderr, "slant %s: unknown target scorer %q for -sentiment (have %s)\n", cmd, o.sentiment, strings.Join(tone.TargetScorers, ", "))
	case o.period != "" && !slices.Contains(timeline.Periods, o.period):
		fmt.Fprintf(stderr, "slant %s: -period must be day, week or month\n", cmd)
	case o.inputs.check(fs.Args()) != "":
		fmt.Fprintf(stderr, "slant %s: %s\n", cmd, o.inputs.check(fs.Args()))
	default:
		return 0, true
	}
	fs.Usage()
	return exitUsage, false
}

// summary counts what a run did.
type summary struct {
	report.ManifestCounts
	Internal int // articles skipped for an internal error (counted in Skipped too)
}

// finish prints the summary line and returns the run's exit status.
func (o *options) finish(sum summary, stderr io.Writer) int {
	if !o.quiet {
		fmt.Fprintf(stderr, "slant: %d articles from %d files analysed, %d skipped, %d warnings; wrote %s\n",
			sum.Articles, sum.Files, sum.Skipped, sum.Warnings, o.out)
		if sum.Undated > 0 {
			fmt.Fprintf(stderr, "slant: %d of %d articles have no date and are in no row of %s (%s: counts.undated)\n", sum.Undated, sum.Articles, report.TimelineFile, report.ManifestFile)
		}
	}
	return o.verdict(sum, stderr)
}

// verdict fails a run whose articles hit an internal error, and applies
// -strict.
func (o *options) verdict(sum summary, stderr io.Writer) int {
	code := exitOK
	if sum.Internal > 0 {
		fmt.Fprintf(stderr, "slant: %d %s hit an internal error (a bug in slant: please report it with the messages above); listed in %s\n",
			sum.Internal, plural(sum.Internal, "article", "articles"), report.SkippedFile)
		code = exitFailure
	}
	if o.strict && sum.Skipped+sum.Warnings > 0 {
		fmt.Fprintf(stderr, "slant: -strict: %d skipped, %d warnings\n", sum.Skipped, sum.Warnings)
		code = exitFailure
	}
	return code
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// analyze runs the analysis of the corpus in paths and writes every output
// into opts.out, all or nothing. extra, if set, writes more files into the
// output directory from the comparison before it is put in place.
func analyze(opts options, command, paths []string, stderr io.Writer, extra func(dir string, cmp *compare.Comparison) error) (sum summary, err error) {
	stopProfiles, err := startProfiles(opts.cpuProfile, opts.memProfile)
	if err != nil {
		return sum, err
	}
	defer func() { err = errors.Join(err, stopProfiles()) }()
	defer tuneGC(os.Getenv)()
	actors, err := loadActors(opts.actorsFile)
	if err != nil {
		return sum, err
	}
	lexicons, err := loadLexicons(opts.lexiconsDir)
	if err != nil {
		return sum, err
	}
	an, err := analysis.New(analysis.Config{Actors: actors, Sentiment: opts.sentiment, NB: opts.nb, Lexicons: lexicons})
	if err != nil {
		return sum, err
	}
	files, err := corpus.Files(paths)
	if err != nil {
		return sum, err // before touching the output
	}
	var prog *progress
	if !opts.quiet && isTerminal(stderr) {
		prog = startProgress(stderr, inputBytes(files))
		defer prog.finish()
		stderr = prog // notices must clear the progress line
	}
	notices := stderr
	if opts.quiet {
		notices = io.Discard
	}
	out, err := openOutput(opts.out, paths, files, notices)
	if err != nil {
		return sum, err
	}
	defer out.Close() // removes the outputs unless committed
	defer out.removeOnSignal(stderr)()
	w, err := report.CreateCSV(out.Dir(), opts.csv())
	if err != nil {
		return sum, err
	}
	h, err := report.CreateHTML(out.Dir(), actors.Names())
	if err != nil {
		return sum, errors.Join(err, w.Close(nil, &compare.Comparison{}))
	}
	var werr error // the first error writing skipped.csv
	printer := &noticePrinter{w: stderr}
	langs := languageCounts{}
	notice := func(n corpus.Notice) {
		if n.Skipped {
			sum.Skipped++
			werr = errors.Join(werr, w.Skipped(n))
		} else {
			sum.Warnings++
		}
		printer.print(n)
	}
	reader := &corpus.Reader{MaxArticleBytes: opts.maxArticleBytes, Format: opts.inputs.format, Stdin: opts.inputs.stdin, Keep: opts.inputs.keepFields(), Notice: notice}
	if prog != nil {
		reader.Progress = func(n int) { prog.bytes.Add(int64(n)) }
	}
	outlets := analysis.NewOutlets(actors.Names())
	comparison := compare.New(actors.Names(), compare.Config{Resamples: opts.resamples, Seed: opts.seed, Workers: opts.workers})
	periods, err := timeline.New(actors.Names(), timeline.Config{Period: opts.period, Resamples: opts.resamples, Seed: opts.seed, Workers: opts.workers})
	if err != nil {
		return sum, errors.Join(err, w.Close(nil, &compare.Comparison{}))
	}
	// The workers analyse and render each article's rows; the writer only
	// sums up and copies bytes, in input order.
	type result struct {
		a       *analysis.Article
		csv     report.CSVRows
		html    report.HTMLRow
		err     error
		crash   *internalError
		skipped corpus.Notice // the article's record, after a crash
	}
	crashes := map[string]int{} // articles that hit an internal error, by input file
	err = Run(opts.workers, func(emit func(corpus.Article) error) error {
		return safeRead(func() error { return reader.ReadFiles(files, emit) }) // expanded above: no second walk
	}, func(art corpus.Article) *result {
		r := &result{}
		r.crash = isolate(func() {
			if processHook != nil {
				processHook(art)
			}
			r.a = an.Analyze(art)
			var cerr, herr error
			r.csv, cerr = w.Render(r.a)
			r.html, herr = h.Render(r.a)
			r.err = errors.Join(cerr, herr)
		})
		if r.crash != nil {
			r.skipped = r.crash.notice(art)
		}
		return r
	}, func(r *result) error {
		if r.crash != nil {
			sum.Internal++
			crashes[r.skipped.Path]++
			notice(r.skipped)
			fmt.Fprint(stderr, r.crash.excerpt())
			return nil
		}
		if r.err != nil {
			return r.err
		}
		sum.Articles++
		langs.add(r.a)
		if prog != nil {
			prog.articles.Add(1)
		}
		outlets.Add(r.a)
		s := r.a.Summary(actors.Names())
		comparison.Add(s)
		periods.Add(timeline.Article{Date: r.a.Date, ArticleSummary: s})
		return errors.Join(w.WriteRows(&r.csv), h.WriteRow(&r.html))
	})
	printer.summarize(filepath.Join(opts.out, report.SkippedFile))
	langs.report(stderr)
	cmp := comparison.Result()
	tl := periods.Result()
	sum.Files = len(reader.Files)
	sum.Undated = tl.Undated
	if len(langs) > 0 {
		sum.NotScored = langs
	}
	m := manifest(opts, command, reader, an, sum, crashes, tl.Period)
	err = errors.Join(err, werr, w.Timeline(&tl), w.Close(outlets.Stats(), &cmp), h.Close(&cmp, &tl, &m))
	if err == nil && extra != nil {
		err = extra(out.Dir(), &cmp)
	}
	if err == nil {
		err = report.WriteDataPackage(out.Dir(), opts.csv())
	}
	if err != nil {
		return sum, err
	}
	if err := report.WriteManifest(out.Dir(), m); err != nil {
		return sum, err
	}
	if err := out.Commit(); err != nil {
		return sum, err
	}
	return sum, noArticles(sum.ManifestCounts, paths, opts.out)
}

// manifest describes the run; crashes counts the articles of each input
// file that hit an internal error.
func manifest(opts options, command []string, reader *corpus.Reader, an *analysis.Analyzer, sum summary, crashes map[string]int, period string) report.Manifest {
	m := report.Manifest{
		Slant:   versionString(),
		Go:      runtime.Version(),
		Command: command,
		Settings: map[string]any{
			"sentiment":         opts.sentiment,
			"nb":                opts.nb,
			"max_article_bytes": reader.MaxArticleBytes,
			"resamples":         opts.resamples,
			"seed":              opts.seed,
			"raw_csv":           opts.rawCSV,
			"period":            period,
		},
		Counts: sum.ManifestCounts,
	}
	if opts.timestamp {
		m.Timestamp = time.Now().UTC().Format(time.RFC3339)
	}
	for _, f := range reader.Files {
		n := crashes[f.Path] // the reader passed them on; the analysis skipped them
		m.Inputs = append(m.Inputs, report.ManifestInput{Path: f.Path, Bytes: f.Bytes, SHA256: f.SHA256, Articles: f.Articles - n, Skipped: f.Skipped + n})
	}
	for _, d := range an.DataFiles() {
		m.Data = append(m.Data, report.ManifestData{Name: d.Name, Source: d.Source, SHA256: d.SHA256})
	}
	return m
}
