package main

import (
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestDemoComparison checks what the demo corpus is built to show (its
// README, "What the comparison must show"): outlets built to differ come out
// significantly different, outlets built alike do not.
func TestDemoComparison(t *testing.T) {
	t.Chdir(repoRoot(t))
	out := t.TempDir()
	if code := run([]string{"analyze", "-quiet", "-out", out, "testdata/corpus"}, nil, io.Discard, io.Discard); code != 0 {
		t.Fatalf("slant analyze: exit %d", code)
	}
	f, err := os.Open(filepath.Join(out, "differences.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// significant[actor/measure/a/b] = "true", "false" or "" (no interval)
	significant := map[string]string{}
	for _, r := range rows[1:] {
		actor, measure, a, b, sig := r[0], r[1], r[2], r[3], r[7]
		significant[actor+"/"+measure+"/"+a+"/"+b] = sig
	}
	for _, actor := range []string{"Ukraine", "Russia", "Europe"} {
		key := actor + "/voice_share/Chestnut Ledger/Volga Courier"
		if got := significant[key]; got != "true" {
			t.Errorf("%s: significant = %q, want true (outlets built to differ)", key, got)
		}
	}
	for _, actor := range []string{"Ukraine", "Russia", "US", "Europe"} {
		for _, measure := range []string{"voice_share", "mention_share", "sentiment"} {
			key := actor + "/" + measure + "/Beltway Dispatch/Potomac Sentinel"
			if got := significant[key]; got != "false" {
				t.Errorf("%s: significant = %q, want false (outlets built alike)", key, got)
			}
		}
	}
}
