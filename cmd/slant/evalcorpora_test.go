package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// knownCrashes are the corpora of ../shared/eval on which the analysis is
// known to hit an internal error, with the bug; TestEvalCorpora skips them
// while they still do, and fails once they no longer do, so that the entry
// is removed with the fix. None is known: every corpus must run clean. An
// entry reads
//
//	"corpora/name.jsonl": "analysis/attribution/statement.go: what goes wrong (issue N)",
var knownCrashes = map[string]string{}

// TestEvalCorpora runs slant analyze over every real corpus in
// ../shared/eval (corpora/*.jsonl and each data set's articles.jsonl) and
// fails on any internal error or failed run. Real text finds what
// hand-picked fuzz seeds miss. It runs in this process, without the
// bootstrap, to stay quick.
func TestEvalCorpora(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the real corpora are not run")
	}
	eval := filepath.Join(repoRoot(t), "..", "shared", "eval")
	if _, err := os.Stat(eval); err != nil {
		t.Skipf("no shared evaluation data (%v): the real corpora are not run", err)
	}
	var corpora []string
	for _, pattern := range []string{"corpora/*.jsonl", "*/articles.jsonl"} {
		matches, err := filepath.Glob(filepath.Join(eval, filepath.FromSlash(pattern)))
		if err != nil {
			t.Fatal(err)
		}
		corpora = append(corpora, matches...)
	}
	if len(corpora) == 0 {
		t.Fatalf("%s holds no corpora", eval)
	}
	for _, path := range corpora {
		name, _ := filepath.Rel(eval, path)
		name = filepath.ToSlash(name)
		t.Run(name, func(t *testing.T) {
			var stderr bytes.Buffer
			code := run([]string{"analyze", "-quiet", "-workers", "2", "-resamples", "0", "-out", t.TempDir(), path}, nil, io.Discard, &stderr)
			var crashes []string
			for line := range strings.Lines(stderr.String()) {
				if strings.Contains(line, "internal error") {
					crashes = append(crashes, strings.TrimSuffix(line, "\n"))
				}
			}
			bug, known := knownCrashes[name]
			switch {
			case known && len(crashes) > 0:
				t.Skipf("TODO: known crash, %s:\n%s", bug, strings.Join(crashes, "\n"))
			case known:
				t.Errorf("no longer hits an internal error (%s): remove it from knownCrashes", bug)
			case len(crashes) > 0:
				t.Errorf("internal errors:\n%s", strings.Join(crashes, "\n"))
			case code != exitOK:
				t.Errorf("exit %d:\n%s", code, stderr.String())
			}
		})
	}
}
