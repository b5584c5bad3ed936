package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/slant-news/slant/report"
)

// TestGolden analyses the demo corpus as `make` does and compares every
// output file with testdata/golden; go test -update rewrites them.
func TestGolden(t *testing.T) {
	root := repoRoot(t)
	t.Chdir(root)
	out := t.TempDir()
	var stderr bytes.Buffer
	if code := run([]string{"analyze", "-quiet", "-out", out, "testdata/corpus"}, nil, io.Discard, &stderr); code != 0 {
		t.Fatalf("slant analyze: exit %d\n%s", code, stderr.String())
	}
	golden := filepath.Join(root, "testdata", "golden")
	for _, name := range report.Files {
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(golden, name)
		if *update {
			if err := os.MkdirAll(golden, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, got, 0o666); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./cmd/slant -update to create it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s (go test ./cmd/slant -update rewrites it; review the diff)", name, path)
		}
	}
}

// TestWorkers checks that the outputs, report.html included, do not depend
// on the number of workers.
func TestWorkers(t *testing.T) {
	t.Chdir(repoRoot(t))
	var outs []string
	for _, workers := range []string{"1", "3", "8"} {
		out := t.TempDir()
		if code := run([]string{"analyze", "-quiet", "-workers", workers, "-out", out, "testdata/corpus"}, nil, io.Discard, io.Discard); code != 0 {
			t.Fatalf("-workers %s: exit %d", workers, code)
		}
		outs = append(outs, out)
	}
	for _, name := range report.Outputs() {
		first, err := os.ReadFile(filepath.Join(outs[0], name))
		if err != nil {
			t.Fatal(err)
		}
		for _, out := range outs[1:] {
			other, err := os.ReadFile(filepath.Join(out, name))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first, other) {
				t.Errorf("%s differs between -workers 1 and another worker count", name)
			}
		}
	}
}

func TestExitCodes(t *testing.T) {
	t.Chdir(repoRoot(t))
	emptyPolicy := filepath.Join(t.TempDir(), "policy.yaml")
	if err := os.WriteFile(emptyPolicy, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		code int
	}{
		{nil, exitUsage},
		{[]string{"nosuch"}, exitUsage},
		{[]string{"analyze"}, exitUsage},
		{[]string{"analyze", "-nosuchflag", "testdata/corpus"}, exitUsage},
		{[]string{"analyze", "-resamples", "-1", "testdata/corpus"}, exitUsage},
		{[]string{"analyze", "-period", "year", "testdata/corpus"}, exitUsage},
		{[]string{"actors", "extra"}, exitUsage},
		{[]string{"audit"}, exitUsage},
		{[]string{"audit", "-policy", "testdata/nosuch.yaml", "testdata/corpus"}, exitUsage},
		{[]string{"audit", "-out", t.TempDir(), "testdata/corpus"}, exitFailure}, // the built-in policy fails one-sided articles
		{[]string{"audit", "-out", t.TempDir(), "testdata/corpus/lodestar-wire"}, exitOK},
		{[]string{"audit", "-out", t.TempDir(), "testdata/nosuch"}, exitFailure},
		{[]string{"help"}, exitOK},
		{[]string{"analyze", "-h"}, exitOK},
		{[]string{"version"}, exitOK},
		{[]string{"actors"}, exitOK},
		{[]string{"analyze", "-out", t.TempDir(), "testdata/nosuch"}, exitFailure},
		{[]string{"analyze", "-sentiment", "magic", "-out", t.TempDir(), "testdata/corpus"}, exitUsage},
		{[]string{"analyze", "-workers", "0", "-out", t.TempDir(), "testdata/corpus"}, exitUsage},
		{[]string{"analyze", "-workers", "-1", "-out", t.TempDir(), "testdata/corpus"}, exitUsage},
		{[]string{"analyze", "-out", "", "testdata/corpus"}, exitUsage},
		{[]string{"audit", "-policy", emptyPolicy, "-out", t.TempDir(), "testdata/corpus"}, exitUsage},
		{[]string{"actors", "-actors", "testdata/nosuch.yaml"}, exitFailure},
	}
	for _, tt := range tests {
		if code := run(tt.args, nil, io.Discard, io.Discard); code != tt.code {
			t.Errorf("slant %v: exit %d, want %d", tt.args, code, tt.code)
		}
	}
}

// TestREADMEExcerpts holds the README's excerpts of the demo corpus's
// outputs to the golden files: a code block that starts with a golden
// file's header row must show lines of that file.
func TestREADMEExcerpts(t *testing.T) {
	root := repoRoot(t)
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	headers := map[string][]byte{} // header row -> the golden file
	for _, name := range report.Files {
		data, err := os.ReadFile(filepath.Join(root, "testdata", "golden", name))
		if err != nil {
			t.Fatal(err)
		}
		header, _, _ := bytes.Cut(data, []byte("\n"))
		headers[string(header)] = data
	}
	blocks := bytes.Split(readme, []byte("```"))
	checked := 0
	for i := 1; i < len(blocks); i += 2 {
		lines := bytes.Split(bytes.TrimSpace(bytes.TrimPrefix(blocks[i], []byte("\n"))), []byte("\n"))
		data, ok := headers[string(lines[0])]
		if !ok {
			continue
		}
		for _, l := range lines[1:] {
			if !bytes.Contains(data, append(append([]byte("\n"), l...), '\n')) {
				t.Errorf("README shows %q, which is not a line of the golden file with that header", l)
			}
		}
		checked++
	}
	if checked == 0 {
		t.Error("the README shows no excerpt of a golden file")
	}
}

// TestREADMELayout holds the README's layout table to the packages'
// imports, as go list gives them: a row per package, naming the slant
// packages it imports (by their last element).
func TestREADMELayout(t *testing.T) {
	root := repoRoot(t)
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	const module = "github.com/slant-news/slant/"
	row := regexp.MustCompile("(?m)^\\| `((?:analysis|corpus|report)[a-z/]*)` \\| .* \\| ([^|]*) \\|$")
	rows := row.FindAllSubmatch(readme, -1)
	if len(rows) < 10 {
		t.Fatalf("the README's layout table has %d package rows", len(rows))
	}
	for _, r := range rows {
		pkg := string(r[1])
		cmd := exec.Command("go", "list", "-f", `{{join .Imports "\n"}}`, "./"+pkg)
		cmd.Dir = root
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list ./%s: %v", pkg, err)
		}
		var got []string
		for _, imp := range strings.Fields(string(out)) {
			if rest, ok := strings.CutPrefix(imp, module); ok {
				got = append(got, path.Base(rest))
			}
		}
		var want []string
		for _, w := range regexp.MustCompile("`([a-z]+)`").FindAllSubmatch(r[2], -1) {
			want = append(want, string(w[1]))
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("README: %s imports %v; go list says %v", pkg, want, got)
		}
	}
}
