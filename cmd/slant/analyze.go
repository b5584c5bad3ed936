package main

import (
	"flag"
	"fmt"
	"io"
	"runtime"
	"strings"

	"github.com/slant-news/slant/analysis/compare"
	"github.com/slant-news/slant/analysis/tone"

	"github.com/slant-news/slant/analysis"
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
	comparisonOptions
	inputs     inputOptions
	partial    bool      // write what a merge needs instead of the outputs
	shard      shardFlag // with partial: the share of the records
	strict     bool
	timestamp  bool
	rawCSV     bool
	quiet      bool
	cpuProfile string
	memProfile string
}

func (o *options) register(fs *flag.FlagSet) {
	fs.StringVar(&o.out, "out", "out", "write the CSV files and "+report.HTMLFile+" into `DIR` (replaced whole if slant wrote it; else it must be empty or absent)")
	fs.StringVar(&o.actorsFile, "actors", "", "read the actor table from `FILE` (quanteda dictionary YAML) instead of the built-in one")
	fs.StringVar(&o.lexiconsDir, "lexicons", "", "read the attribution word lists found in `DIR` (see slant lexicon) instead of the built-in ones")
	fs.StringVar(&o.sentiment, "sentiment", tone.TargetScorers[0], "target scorer `NAME` that rates each mention: "+strings.Join(tone.TargetScorers, ", "))
	fs.BoolVar(&o.nb, "nb", false, "also score sentences with the Naive Bayes model (sentiment_nb); slower, and near majority-class on news: see README")
	fs.IntVar(&o.workers, "workers", runtime.NumCPU(), "analyse on `N` goroutines (1 or more); the output is the same for any N")
	fs.IntVar(&o.maxArticleBytes, "max-article-bytes", corpus.DefaultMaxArticleBytes, "skip articles whose text is over `N` bytes")
	o.comparisonOptions.register(fs)
	o.inputs.register(fs)
	fs.BoolVar(&o.strict, "strict", false, "fail (exit 1) when any record is skipped or any warning given")
	fs.BoolVar(&o.timestamp, "timestamp", false, "record the time of the run in manifest.json (outputs then differ between runs)")
	fs.BoolVar(&o.rawCSV, "raw-csv", false, "write text into the CSV files as it is, without the ' before text a spreadsheet would run as a formula (=, +, -, @)")
	fs.BoolVar(&o.quiet, "quiet", false, "print no summary line and no progress (problems are still reported)")
	fs.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of the run to `FILE` (for go tool pprof)")
	fs.StringVar(&o.memProfile, "memprofile", "", "write a memory profile at the end of the run to `FILE` (for go tool pprof)")
}

func runAnalyze(fs *flag.FlagSet, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var opts options
	opts.register(fs)
	fs.BoolVar(&opts.partial, "partial", false, "write into -out what slant merge needs to make the outputs with other partial runs, rather than the outputs (see README, Shards)")
	opts.inputs.stdin = stdin
	fs.Var(&opts.shard, "shard", "with -partial, analyse only part `I/N` of the records: of all records of all PATHs in order, counting from 0, those whose number mod N is I")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if code, ok := opts.check(fs, "analyze", stderr); !ok {
		return code
	}
	if code, ok := opts.checkPartial(fs, stderr); !ok {
		return code
	}
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
	case o.checkPeriod() != "":
		fmt.Fprintf(stderr, "slant %s: %s\n", cmd, o.checkPeriod())
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

// checkPartial validates -partial and -shard: the comparison's flags go to
// merge, which runs the comparison.
func (o *options) checkPartial(fs *flag.FlagSet, stderr io.Writer) (code int, ok bool) {
	var misplaced []string
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "resamples", "seed", "pairs", "pair", "groups", "period", "timestamp":
			if o.partial {
				misplaced = append(misplaced, "-"+f.Name)
			}
		case "shard":
			if !o.partial {
				misplaced = append(misplaced, "-shard without -partial")
			}
		}
	})
	if len(misplaced) == 0 {
		return 0, true
	}
	fmt.Fprintf(stderr, "slant analyze: %s: with -partial, give the comparison's flags to slant merge\n", strings.Join(misplaced, ", "))
	fs.Usage()
	return exitUsage, false
}

// finish prints the summary line and returns the run's exit status.
func (o *options) finish(sum summary, stderr io.Writer) int {
	if !o.quiet {
		what := "analysed"
		if o.partial {
			what = "analysed for a merge"
		}
		sum.tell(stderr, what, o.out)
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

// tell prints the summary of a run: what was read and what came of it.
func (s summary) tell(stderr io.Writer, what, out string) {
	fmt.Fprintf(stderr, "slant: %s from %s %s, %d skipped, %s; wrote %s\n",
		count(s.Articles, "article"), count(s.Files, "file"), what, s.Skipped, count(s.Warnings, "warning"), out)
	if s.Undated > 0 {
		fmt.Fprintf(stderr, "slant: %d of %d articles have no date and are in no row of %s (%s: counts.undated)\n",
			s.Undated, s.Articles, report.TimelineFile, report.ManifestFile)
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// extra is what a command adds to analyze: it sees each article's summary
// as it is written, and writes more files into the output directory before
// it is put in place.
type extra interface {
	article(s *compare.ArticleSummary)
	write(dir string) error
}

// analyzer builds the analyzer the options ask for: the actor table, the
// attribution word lists, the scorers.
func (o *options) analyzer() (*analysis.Analyzer, error) {
	actors, err := loadActors(o.actorsFile)
	if err != nil {
		return nil, err
	}
	lexicons, err := loadLexicons(o.lexiconsDir)
	if err != nil {
		return nil, err
	}
	return analysis.New(analysis.Config{Actors: actors, Sentiment: o.sentiment, NB: o.nb, Lexicons: lexicons})
}
