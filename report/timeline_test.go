package report

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/slant-news/slant/analysis/timeline"
)

// TestWriteTimeline writes a row with figures and one without, and holds
// the header to the README's table of timeline.csv.
func TestWriteTimeline(t *testing.T) {
	nan := math.NaN()
	none := timeline.Interval{Low: nan, High: nan}
	tl := timeline.Timeline{Rows: []timeline.Row{
		{Period: "2025-02-17", Actor: "Russia", Articles: 3, Mentions: 2, MentionShare: 0.5, MentionShareCI: timeline.Interval{Low: 0.25, High: 0.75},
			Sentiment: -0.125, SentimentCI: none, Quotes: 1, Statements: 4, VoiceShare: 0.25, VoiceShareCI: none},
		{Outlet: "Wire", Actor: "Russia", Articles: 1, MentionShare: nan, MentionShareCI: none, Sentiment: nan, SentimentCI: none, VoiceShare: nan, VoiceShareCI: none},
	}}
	dir := t.TempDir()
	if err := WriteTimeline(dir, &tl); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(dir, TimelineFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	records, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"2025-02-17", "", "Russia", "3", "2", "0.5000", "0.2500", "0.7500", "-0.1250", "", "", "1", "4", "0.2500", "", ""},
		{"", "Wire", "Russia", "1", "0", "", "", "", "", "", "", "0", "0", "", "", ""},
	}
	if len(records) != 3 || !slices.Equal(records[1], want[0]) || !slices.Equal(records[2], want[1]) {
		t.Errorf("timeline.csv:\n%q\nwant rows\n%q", records, want)
	}

	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, _ := strings.Cut(string(readme), "### timeline.csv")
	section, _, _ = strings.Cut(section, "\n### ")
	var documented []string
	for _, m := range regexp.MustCompile("(?m)^\\| (`[^|]+`) \\|").FindAllStringSubmatch(section, -1) {
		for _, col := range strings.Split(m[1], ", ") {
			documented = append(documented, strings.Trim(col, "`"))
		}
	}
	if !slices.Equal(records[0], documented) {
		t.Errorf("timeline.csv's columns %v, the README documents %v", records[0], documented)
	}
}
