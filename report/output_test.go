package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutput checks that outputs are all or nothing: until Commit the old
// files stay, Abort leaves them as they were, Commit replaces them whole,
// and no temporary directory is left behind either way.
func TestOutput(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	write := func(o *Output, name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(o.Dir(), name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	read := func(name string) string {
		data, _ := os.ReadFile(filepath.Join(dir, name))
		return string(data)
	}
	leftovers := func() []string {
		entries, _ := os.ReadDir(parent)
		var names []string
		for _, e := range entries {
			if e.Name() != "out" {
				names = append(names, e.Name())
			}
		}
		return names
	}

	first, err := NewOutput(dir) // dir does not exist yet
	if err != nil {
		t.Fatal(err)
	}
	write(first, ArticlesFile, "first")
	write(first, SentencesFile, "first")
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	if read(ArticlesFile) != "first" {
		t.Fatalf("after the first commit: %q", read(ArticlesFile))
	}

	failed, err := NewOutput(dir)
	if err != nil {
		t.Fatal(err)
	}
	write(failed, ArticlesFile, "half-written")
	if read(ArticlesFile) != "first" {
		t.Errorf("before commit, the old file reads %q", read(ArticlesFile))
	}
	failed.Abort()
	if read(ArticlesFile) != "first" || read(SentencesFile) != "first" {
		t.Errorf("after abort: %q %q, want the old files", read(ArticlesFile), read(SentencesFile))
	}

	second, err := NewOutput(dir)
	if err != nil {
		t.Fatal(err)
	}
	write(second, ArticlesFile, "second")
	if err := second.Commit(); err != nil {
		t.Fatal(err)
	}
	if read(ArticlesFile) != "second" || read(SentencesFile) != "" {
		t.Errorf("after the second commit: %q %q, want only the new run's files", read(ArticlesFile), read(SentencesFile))
	}
	if l := leftovers(); len(l) > 0 {
		t.Errorf("left behind: %v", l)
	}

	// A directory holding someone else's files is refused, untouched.
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := NewOutput(dir); err == nil || !strings.Contains(err.Error(), "notes.txt") {
		t.Errorf("NewOutput over a foreign file: %v, want a refusal naming it", err)
	}
}
