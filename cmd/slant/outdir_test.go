package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/slant-news/slant/report"
)

// TestTempPrefix checks that removeLeftovers looks for the names that
// report.NewOutput gives its temporary directories.
func TestTempPrefix(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	out, err := report.NewOutput(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Abort()
	if name := filepath.Base(out.Dir()); !strings.HasPrefix(name, tempPrefix(dir)) {
		t.Errorf("report.NewOutput made %s, which does not start with %s", name, tempPrefix(dir))
	}
}

// TestRemoveLeftovers checks which directories beside -out are removed: the
// temporary directories of runs that died, and nothing else.
func TestRemoveLeftovers(t *testing.T) {
	if !canLock {
		t.Skip("no file locks here: leftovers are judged by age")
	}
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	mkdir := func(name, marker string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Join(parent, name), 0o755); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(parent, name, report.ArticlesFile), []byte("x"), 0o644)
		if marker != "" {
			os.WriteFile(filepath.Join(parent, name, report.MarkerFile), []byte(marker), 0o644)
		}
	}
	mkdir(".out.tmp-dead", markerText)             // a run that died
	mkdir(".out.tmp-dead.old", markerText)         // its previous outputs, moved aside
	mkdir(".out.tmp-format7", "slant-output 7\n")  // a later format is still slant's
	mkdir(".out.tmp-nomarker", "")                 // not clearly slant's
	mkdir(".out.tmp-foreign", "my notes\n")        // a file of that name, not a marker
	mkdir(".other.tmp-dead", markerText)           // beside another -out
	mkdir("out", markerText)                       // -out itself
	live := filepath.Join(parent, ".out.tmp-live") // a run in progress
	mkdir(".out.tmp-live", "")
	marker, err := createMarker(live)
	if err != nil {
		t.Fatal(err)
	}
	defer marker.Close()
	mkdir(".out.tmp-live.old", markerText) // a run in progress committing

	var notices bytes.Buffer
	removeLeftovers(dir, &notices)
	var left []string
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		left = append(left, e.Name())
	}
	want := []string{".other.tmp-dead", ".out.tmp-foreign", ".out.tmp-live", ".out.tmp-live.old", ".out.tmp-nomarker", "out"}
	if strings.Join(left, " ") != strings.Join(want, " ") {
		t.Errorf("left %v, want %v", left, want)
	}

	// A run that died between moving the old outputs aside and putting its
	// own in place: the old outputs go back.
	os.RemoveAll(dir)
	mkdir(".out.tmp-half", markerText)
	mkdir(".out.tmp-half.old", "slant-output 1\nthe old outputs\n")
	removeLeftovers(dir, &notices)
	if data, _ := os.ReadFile(filepath.Join(dir, report.MarkerFile)); string(data) != "slant-output 1\nthe old outputs\n" {
		t.Errorf("-out after the put-back: marker %q, want the old outputs'", data)
	}
	if exists(filepath.Join(parent, ".out.tmp-half")) || exists(filepath.Join(parent, ".out.tmp-half.old")) {
		t.Errorf("left behind: the half-committed run's directories")
	}
	for _, name := range []string{".out.tmp-dead", ".out.tmp-dead.old", ".out.tmp-format7"} {
		if !strings.Contains(notices.String(), "slant: removed "+filepath.Join(parent, name)+", left by an earlier run") {
			t.Errorf("no notice of %s's removal in:\n%s", name, notices.String())
		}
	}
}
