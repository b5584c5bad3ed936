package report

import (
	"flag"
	"os"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the README's tables of columns from the definitions")

// TestREADME holds the README's table of columns of each CSV file to the
// file's definition: under the heading "### FILE: ROWS", the first table.
// go test ./report -update rewrites them.
func TestREADME(t *testing.T) {
	const path = "../README.md"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	for _, tab := range append(slices.Clone(runTables), auditTable.table) {
		heading := "### " + tab.file + ": " + tab.about + "\n"
		at := slices.Index(lines, heading)
		if at < 0 {
			t.Errorf("README: no heading %q", strings.TrimSpace(heading))
			continue
		}
		start := at + 1
		for start < len(lines) && !strings.HasPrefix(lines[start], "|") && !strings.HasPrefix(lines[start], "#") {
			start++
		}
		end := start
		for end < len(lines) && strings.HasPrefix(lines[end], "|") {
			end++
		}
		want := columnTable(tab)
		if got := strings.Join(lines[start:end], ""); got != want {
			if *update {
				lines = slices.Concat(lines[:start], []string{want}, lines[end:])
				continue
			}
			t.Errorf("README: the table of %s is\n%s\nthe definition gives\n%s(go test ./report -update rewrites it)", tab.file, got, want)
		}
	}
	if *update {
		if err := os.WriteFile(path, []byte(strings.Join(lines, "")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// columnTable renders t's columns as a Markdown table.
func columnTable(t *table) string {
	var b strings.Builder
	b.WriteString("| column | type | meaning |\n|---|---|---|\n")
	for _, c := range t.columns {
		b.WriteString("| `" + c.name + "` | " + schemaTypes[c.kind] + " | " + markdown(c.doc) + " |\n")
	}
	return b.String()
}

// TestDocs checks that every doc renders in a Markdown table cell and in
// JSON as written: code marks paired, no cell separator.
func TestDocs(t *testing.T) {
	for _, tab := range append(slices.Clone(runTables), auditTable.table) {
		for _, c := range tab.columns {
			open := strings.Count(c.doc, "{")
			if open != strings.Count(c.doc, "}") || strings.Contains(c.doc, "|") || strings.Contains(c.doc, "`") {
				t.Errorf("%s: %s: doc %q: unpaired {} or a | or `", tab.file, c.name, c.doc)
			}
		}
	}
}
