// Command slant shows how news outlets cover the same event: which actors
// they mention, where, and in what tone.
//
// Usage:
//
//	slant analyze [flags] PATH...
//	slant audit [flags] PATH...
//	slant actors [-actors FILE]
//	slant version
//	slant help [COMMAND]
//
// See the README for the outputs and their columns.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/slant-news/slant/analysis"
	"github.com/slant-news/slant/corpus"
	"github.com/slant-news/slant/report"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

const usage = `slant shows how news outlets cover the same event.

Usage:

	slant analyze [flags] PATH...   analyse articles, write CSV files and a report
	slant audit [flags] PATH...     check articles against a policy
	slant actors [-actors FILE]     print the actor table in use
	slant version                   print the version
	slant help [COMMAND]            print help

Run 'slant help analyze' for the flags of a command.
`

type command struct {
	name, args, help string
	run              func(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"analyze", "[flags] PATH...", "Analyse the articles in each PATH (a file or a directory, walked recursively)\nand write CSV files and an HTML report into -out.", runAnalyze},
		{"audit", "[flags] PATH...", "Analyse the articles in each PATH and check each against the thresholds of\n-policy (YAML; the built-in policy when not given). Prints each failed check\nas path:article_id: rule: measured vs threshold, writes every check to\n-out/" + report.AuditFile + ". Exits 1 when a check fails.", runAudit},
		{"actors", "[flags]", "Print the actor table in use, in the quanteda dictionary YAML format\nthat -actors reads.", runActors},
		{"version", "", "Print slant's version.", runVersion},
	}
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	name, args := args[0], args[1:]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) == 0 {
			fmt.Fprint(stdout, usage)
			return exitOK
		}
		name, args = args[0], []string{"-h"}
	}
	for _, c := range commands() {
		if c.name != name {
			continue
		}
		fs := flag.NewFlagSet("slant "+c.name, flag.ContinueOnError)
		fs.SetOutput(stderr)
		fs.Usage = func() {
			fmt.Fprintf(fs.Output(), "Usage: slant %s %s\n\n%s\n", c.name, c.args, c.help)
			if hasFlags(fs) {
				fmt.Fprintf(fs.Output(), "\nFlags:\n")
				fs.PrintDefaults()
			}
		}
		return c.run(fs, args, stdout, stderr)
	}
	fmt.Fprintf(stderr, "slant: unknown command %q\n\n%s", name, usage)
	return exitUsage
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

// parse parses flags; ok is false when the command should stop with code.
func parse(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, false
		}
		return exitUsage, false
	}
	return 0, true
}

func fail(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "slant: %v\n", err)
	return exitFailure
}

func loadActors(path string) (*analysis.Actors, error) {
	if path == "" {
		return analysis.DefaultActors(), nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return analysis.ParseActors(path, data)
}

func runAnalyze(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) int {
	out := fs.String("out", "out", "write the CSV files and "+report.HTMLFile+" into `DIR`")
	actorsFile := fs.String("actors", "", "read the actor table from `FILE` (quanteda dictionary YAML) instead of the built-in one")
	sentiment := fs.String("sentiment", analysis.SentenceScorers[0], "sentence scorer `NAME` behind the per-actor tone: "+strings.Join(analysis.SentenceScorers, " or "))
	workers := fs.Int("workers", runtime.NumCPU(), "analyse on `N` goroutines; the output is the same for any N")
	quiet := fs.Bool("quiet", false, "print no summary line (problems are still reported)")
	resamples := fs.Int("resamples", analysis.DefaultResamples, "bootstrap `N` resamples of each outlet's articles for the confidence intervals; 0 for none")
	seed := fs.Uint64("seed", 1, "seed `N` of the bootstrap resampling")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "slant analyze: no PATH given")
		fs.Usage()
		return exitUsage
	}
	if *resamples < 0 {
		fmt.Fprintln(stderr, "slant analyze: -resamples must be 0 or more")
		fs.Usage()
		return exitUsage
	}
	actors, err := loadActors(*actorsFile)
	if err != nil {
		return fail(stderr, err)
	}
	an, err := analysis.New(analysis.Config{Actors: actors, Sentiment: *sentiment})
	if err != nil {
		return fail(stderr, err)
	}
	files, err := corpus.Files(fs.Args())
	if err != nil {
		return fail(stderr, err)
	}
	w, err := report.CreateCSV(*out)
	if err != nil {
		return fail(stderr, err)
	}
	h, err := report.CreateHTML(*out, actors.Names())
	if err != nil {
		w.Close(nil, &analysis.Comparison{})
		return fail(stderr, err)
	}
	outlets := analysis.NewOutlets(actors.Names())
	compare := analysis.NewCompare(actors.Names(), analysis.CompareConfig{Resamples: *resamples, Seed: *seed})
	var analysed, skipped, warned int
	notice := func(n corpus.Notice) {
		where := n.Path
		if n.Line > 0 {
			where = fmt.Sprintf("%s:%d", n.Path, n.Line)
		}
		if n.Skipped {
			skipped++
			w.Skipped(n)
			fmt.Fprintf(stderr, "slant: %s: skipped: %s\n", where, n.Reason)
		} else {
			warned++
			fmt.Fprintf(stderr, "slant: %s: warning: %s\n", where, n.Reason)
		}
	}
	read := func(emit func(corpus.Article) error) error {
		return corpus.Read(files, emit, notice)
	}
	err = an.Run(*workers, read, func(a *analysis.Article) error {
		analysed++
		outlets.Add(a)
		compare.Add(a)
		return errors.Join(w.Article(a), h.Article(a))
	})
	cmp := compare.Result()
	if cerr := w.Close(outlets.Stats(), &cmp); err == nil {
		err = cerr
	}
	if herr := h.Close(&cmp); err == nil {
		err = herr
	}
	if err != nil {
		return fail(stderr, err)
	}
	if !*quiet {
		fmt.Fprintf(stderr, "slant: %d articles from %d files analysed, %d skipped, %d warnings; wrote %s\n",
			analysed, len(files), skipped, warned, *out)
	}
	return exitOK
}

func loadPolicy(path string) (analysis.Policy, error) {
	if path == "" {
		return analysis.ParsePolicy(analysis.DefaultPolicyFile, analysis.DefaultPolicyYAML())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return analysis.Policy{}, err
	}
	return analysis.ParsePolicy(path, data)
}

func runAudit(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) int {
	out := fs.String("out", "out", "write "+report.AuditFile+" into `DIR`")
	policyFile := fs.String("policy", "", "read the thresholds from `FILE` (YAML) instead of the built-in policy")
	actorsFile := fs.String("actors", "", "read the actor table from `FILE` (quanteda dictionary YAML) instead of the built-in one")
	sentiment := fs.String("sentiment", analysis.SentenceScorers[0], "sentence scorer `NAME` behind the per-actor tone: "+strings.Join(analysis.SentenceScorers, " or "))
	workers := fs.Int("workers", runtime.NumCPU(), "analyse on `N` goroutines; the output is the same for any N")
	quiet := fs.Bool("quiet", false, "print no summary line (problems and failed checks are still reported)")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "slant audit: no PATH given")
		fs.Usage()
		return exitUsage
	}
	policy, err := loadPolicy(*policyFile)
	if err != nil {
		fmt.Fprintf(stderr, "slant: %v\n", err)
		return exitUsage
	}
	actors, err := loadActors(*actorsFile)
	if err != nil {
		return fail(stderr, err)
	}
	an, err := analysis.New(analysis.Config{Actors: actors, Sentiment: *sentiment})
	if err != nil {
		return fail(stderr, err)
	}
	files, err := corpus.Files(fs.Args())
	if err != nil {
		return fail(stderr, err)
	}
	names := actors.Names()
	var checks []analysis.Check
	var skipped int
	notice := func(n corpus.Notice) {
		where := n.Path
		if n.Line > 0 {
			where = fmt.Sprintf("%s:%d", n.Path, n.Line)
		}
		kind := "warning"
		if n.Skipped {
			skipped++
			kind = "skipped"
		}
		fmt.Fprintf(stderr, "slant: %s: %s: %s\n", where, kind, n.Reason)
	}
	read := func(emit func(corpus.Article) error) error {
		return corpus.Read(files, emit, notice)
	}
	articles := 0
	err = an.Run(*workers, read, func(a *analysis.Article) error {
		articles++
		s := analysis.Summarize(a, names)
		checks = append(checks, analysis.Audit(&s, names, policy)...)
		return nil
	})
	if err == nil {
		err = report.WriteAudit(*out, checks)
	}
	if err != nil {
		return fail(stderr, err)
	}
	failed := 0
	for _, c := range checks {
		if c.Result != analysis.Fail {
			continue
		}
		failed++
		rule := c.Rule
		if c.Actor != "" {
			rule += " (" + c.Actor + ")"
		}
		fmt.Fprintf(stdout, "%s:%s: %s: %s vs %s\n", c.Source, c.ArticleID, rule,
			strconv.FormatFloat(c.Measured, 'f', 4, 64), strconv.FormatFloat(c.Threshold, 'f', 4, 64))
	}
	if !*quiet {
		fmt.Fprintf(stderr, "slant: %d articles audited, %d checks, %d failed, %d skipped records; wrote %s\n",
			articles, len(checks), failed, skipped, filepath.Join(*out, report.AuditFile))
	}
	if failed > 0 {
		return exitFailure
	}
	return exitOK
}

func runActors(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) int {
	actorsFile := fs.String("actors", "", "read the actor table from `FILE` instead of the built-in one")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return exitUsage
	}
	actors, err := loadActors(*actorsFile)
	if err != nil {
		return fail(stderr, err)
	}
	for _, a := range actors.List {
		fmt.Fprintf(stdout, "%s:\n", yamlString(a.Name))
		for _, p := range a.Patterns {
			fmt.Fprintf(stdout, "  - %s\n", yamlString(p))
		}
	}
	return exitOK
}

// yamlString quotes s when YAML would not read it back as the same plain
// string.
func yamlString(s string) string {
	if s == "" || strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`") ||
		strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.TrimSpace(s) != s {
		return fmt.Sprintf("%q", s)
	}
	return s
}

// version is set at build time with -ldflags "-X main.version=..."; otherwise
// the module version is used.
var version = ""

func runVersion(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) int {
	if code, ok := parse(fs, args); !ok {
		return code
	}
	v := version
	if v == "" {
		v = "(devel)"
		if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
			v = info.Main.Version
		}
	}
	fmt.Fprintf(stdout, "slant %s %s\n", v, runtime.Version())
	return exitOK
}
