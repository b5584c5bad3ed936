// Command slant shows how news outlets cover the same event: which actors
// they mention, where, and in what tone.
//
// Usage:
//
//	slant analyze [flags] PATH...
//	slant merge [flags] PART...
//	slant audit [flags] PATH...
//	slant actors [-actors FILE]
//	slant lexicon NAME
//	slant score [-sentiment NAME] < targets.jsonl
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
	"strings"

	"github.com/slant-news/slant/analysis/actor"
	"github.com/slant-news/slant/analysis/attribution"

	"github.com/slant-news/slant/analysis"
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
	slant merge [flags] PART...     merge partial runs (analyze -partial) into the outputs
	slant audit [flags] PATH...     check articles against a policy
	slant actors [-actors FILE]     print the actor table in use
	slant lexicon NAME              print a built-in attribution word list
	slant score [flags]             rate the sentiment toward targets (JSON lines on stdin)
	slant version                   print the version
	slant help [COMMAND]            print help

Run 'slant help analyze' for the flags of a command.
`

type command struct {
	name, args, help string
	run              func(fs *flag.FlagSet, args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"analyze", "[flags] PATH...", "Analyse the articles in each PATH (a file, a directory, walked recursively, or -\nfor standard input in the -format given) and write CSV files and an HTML report\ninto -out.", runAnalyze},
		{"merge", "[flags] PART...", "Write every output of analyze from partial runs (analyze -partial) of parts of a\ncorpus, as one analyze over all of it would, comparing the outlets afresh. Give\nthe parts in the order of their inputs (shards of the same inputs in any order).", runMerge},
		{"audit", "[flags] PATH...", "Analyse the articles in each PATH like analyze and check each against the\nthresholds of -policy (YAML; the built-in policy when not given). Prints each\nfailed check as path:article_id: rule: measured vs threshold, and writes\nevery check to -out/" + report.AuditFile + " beside analyze's outputs (and to -junit FILE\nas JUnit XML). Exits 1 when a check fails.", runAudit},
		{"actors", "[flags]", "Print the actor table in use, in the quanteda dictionary YAML format\nthat -actors reads.", runActors},
		{"lexicon", "NAME", "Print a built-in attribution word list (" + strings.Join(attribution.LexiconNames(), ", ") + "),\nto edit and pass back with -lexicons DIR.", runLexicon},
		{"score", "[flags]", "Rate the sentiment toward targets: read JSON lines {\"id\": ..., \"text\": ..., \"start\": N, \"end\": N}\n(UTF-8 byte offsets of the target in the sentence text) on stdin, write\n{\"id\": ..., \"label\": -1|0|1, \"score\": S} lines in the same order.", runScore},
		{"version", "", "Print slant's version.", runVersion},
	}
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer recoverRun(stderr, &code)
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
		return c.run(fs, args, stdin, stdout, stderr)
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

func loadActors(path string) (*actor.Table, error) {
	if path == "" {
		return actor.Default(), nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return actor.Parse(path, data)
}

// loadLexicons reads the word lists in dir that replace the built-in ones;
// "" means none.
func loadLexicons(dir string) (map[string]analysis.Data, error) {
	if dir == "" {
		return nil, nil
	}
	out := map[string]analysis.Data{}
	for _, name := range attribution.LexiconNames() {
		path := filepath.Join(dir, name)
		data, err := os.ReadFile(path)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out[name] = analysis.Data{Source: path, Bytes: data}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("-lexicons %s: holds none of %s", dir, strings.Join(attribution.LexiconNames(), ", "))
	}
	return out, nil
}

func runLexicon(fs *flag.FlagSet, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if code, ok := parse(fs, args); !ok {
		return code
	}
	data, ok := attribution.DefaultLexicon(fs.Arg(0))
	if fs.NArg() != 1 || !ok {
		fs.Usage()
		return exitUsage
	}
	stdout.Write(data)
	return exitOK
}

func runActors(fs *flag.FlagSet, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
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

func runVersion(fs *flag.FlagSet, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if code, ok := parse(fs, args); !ok {
		return code
	}
	fmt.Fprintf(stdout, "slant %s %s\n", versionString(), runtime.Version())
	return exitOK
}

func versionString() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}
