package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/slant-news/slant/corpus"
	"github.com/slant-news/slant/report"
)

// TestMerge checks that merging partial runs gives every output of one run
// over all the inputs byte for byte (manifest.json's command aside), for 1,
// 2 and 3 parts split by file and by -shard, on the demo corpus with files
// that hold duplicate ids and bad records, and on the real sample.
func TestMerge(t *testing.T) {
	t.Chdir(repoRoot(t))
	demo, err := corpus.Files([]string{"testdata/corpus"})
	if err != nil {
		t.Fatal(err)
	}
	bad := []string{"testdata/bad/dup-a.jsonl", "testdata/bad/dup-b.jsonl", "testdata/bad/mixed.jsonl",
		"testdata/bad/invalid-utf8.jsonl", "testdata/bad/bad-date.jsonl", "testdata/bad/empty.jsonl"}
	t.Run("demo", func(t *testing.T) { testMerge(t, append(slices.Clone(demo[:8]), append(bad, demo[8:]...)...)) })
	sample := filepath.Join("..", "shared", "eval", "corpora", "abp-sample-2000.jsonl")
	if _, err := os.Stat(sample); err != nil {
		t.Logf("skipping the real sample: %v", err)
		return
	}
	t.Run("sample", func(t *testing.T) { testMerge(t, []string{sample}) })
}

func testMerge(t *testing.T, files []string) {
	dir := t.TempDir()
	analyze := func(out string, args ...string) {
		t.Helper()
		var stderr bytes.Buffer
		if args[0] != "-partial" { // a partial run does not compare
			args = append([]string{"-resamples", "200"}, args...)
		}
		args = append([]string{"analyze", "-quiet", "-out", out}, args...)
		if code := run(args, nil, io.Discard, &stderr); code != 0 {
			t.Fatalf("%v: exit %d\n%s", args, code, stderr.String())
		}
	}
	single := filepath.Join(dir, "single")
	analyze(single, files...)
	for _, n := range []int{1, 2, 3} {
		for _, byFile := range []bool{true, false} {
			if byFile && n > len(files) {
				continue
			}
			name := fmt.Sprintf("%d parts by shard", n)
			var parts []string
			for i := range n {
				part := filepath.Join(dir, fmt.Sprintf("part-%d-%v-%d", n, byFile, i))
				parts = append(parts, part)
				if byFile {
					name = fmt.Sprintf("%d parts by file", n)
					lo, hi := i*len(files)/n, (i+1)*len(files)/n
					analyze(part, append([]string{"-partial"}, files[lo:hi]...)...)
				} else {
					analyze(part, append([]string{"-partial", "-shard", fmt.Sprintf("%d/%d", i, n)}, files...)...)
				}
			}
			slices.Reverse(parts) // shards in any order; files in input order
			if byFile {
				slices.Reverse(parts)
			}
			merged := filepath.Join(dir, fmt.Sprintf("merged-%d-%v", n, byFile))
			var stderr bytes.Buffer
			args := append([]string{"merge", "-quiet", "-resamples", "200", "-out", merged}, parts...)
			if code := run(args, nil, io.Discard, &stderr); code != 0 {
				t.Fatalf("%s: %v: exit %d\n%s", name, args, code, stderr.String())
			}
			sameOutputs(t, name, single, merged)
		}
	}
}

// sameOutputs compares every file of two output directories.
func sameOutputs(t *testing.T, name, want, got string) {
	t.Helper()
	entries, err := os.ReadDir(want)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		a, err := os.ReadFile(filepath.Join(want, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(got, e.Name()))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if e.Name() == report.ManifestFile {
			a, b = withoutCommand(t, a), withoutCommand(t, b)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s: %s differs from the single run's", name, e.Name())
		}
	}
}

func withoutCommand(t *testing.T, manifest []byte) []byte {
	var m map[string]any
	if err := json.Unmarshal(manifest, &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "command")
	out, _ := json.MarshalIndent(m, "", "  ")
	return out
}
