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
	write(first, articlesFile, "first")
	write(first, sentencesFile, "first")
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	if read(articlesFile) != "first" {
		t.Fatalf("after the first commit: %q", read(articlesFile))
	}

	failed, err := NewOutput(dir)
	if err != nil {
		t.Fatal(err)
	}
	write(failed, articlesFile, "half-written")
	if read(articlesFile) != "first" {
		t.Errorf("before commit, the old file reads %q", read(articlesFile))
	}
	failed.Abort()
	if read(articlesFile) != "first" || read(sentencesFile) != "first" {
		t.Errorf("after abort: %q %q, want the old files", read(articlesFile), read(sentencesFile))
	}

	second, err := NewOutput(dir)
	if err != nil {
		t.Fatal(err)
	}
	write(second, articlesFile, "second")
	if err := second.Commit(); err != nil {
		t.Fatal(err)
	}
	if read(articlesFile) != "second" || read(sentencesFile) != "" {
		t.Errorf("after the second commit: %q %q, want only the new run's files", read(articlesFile), read(sentencesFile))
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
