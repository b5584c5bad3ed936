// Command slant-eval measures slant's accuracy against the human-labelled
// data in ../shared/eval (see its README) and prints one table per task.
// It is what `make eval` runs; the README's accuracy figures come from it.
//
// Usage:
//
//	slant-eval [-data DIR] [TASK...]
//
// With no TASK, every task runs. A task whose data is missing is skipped with
// a message, so the command works on machines without the data.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// task is one evaluation: it reads its files under dir and prints a table.
type task struct {
	name  string
	files []string // needed under dir; the task is skipped when one is missing
	run   func(dir string, w io.Writer) error
}

func tasks() []task {
	return []task{
		{"sentences", []string{"newsmtsc/dev-rw.jsonl", "newsmtsc/dev-mt.jsonl"}, evalSentences},
		{"targets", []string{"newsmtsc/dev-rw.jsonl", "newsmtsc/dev-mt.jsonl"}, evalTargets},
		{"basil-entities", []string{"basil/articles.jsonl", "basil/entity_polarity.jsonl"}, evalEntities},
		{"quotes", []string{"polnear/articles.jsonl", "polnear/attributions.jsonl", "basil/articles.jsonl", "basil/quotes.jsonl"}, evalQuotes},
		{"voices", []string{"polnear/articles.jsonl", "polnear/attributions.jsonl"}, evalVoices},
	}
}

func main() {
	data := flag.String("data", "../shared/eval", "the evaluation data `DIR`")
	flag.Parse()
	os.Exit(run(*data, flag.Args(), os.Stdout, os.Stderr))
}

func run(dir string, names []string, stdout, stderr io.Writer) int {
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	all := len(want) == 0
	code := 0
	for _, t := range tasks() {
		if !all && !want[t.name] {
			continue
		}
		delete(want, t.name)
		if missing := missingFile(dir, t.files); missing != "" {
			fmt.Fprintf(stdout, "## %s: skipped, %s not found (the evaluation data lives in ../shared/eval)\n\n", t.name, missing)
			continue
		}
		fmt.Fprintf(stdout, "## %s\n\n", t.name)
		if err := t.run(dir, stdout); err != nil {
			fmt.Fprintf(stderr, "slant-eval: %s: %v\n", t.name, err)
			code = 1
		}
		fmt.Fprintln(stdout)
	}
	for n := range want {
		fmt.Fprintf(stderr, "slant-eval: unknown task %q\n", n)
		code = 2
	}
	return code
}

func missingFile(dir string, files []string) string {
	for _, f := range files {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			return filepath.Join(dir, f)
		}
	}
	return ""
}
