package report

import (
	"math"
	"strings"
	"testing"

	"github.com/slant-news/slant/analysis/compare"
	"github.com/slant-news/slant/analysis/timeline"
)

// TestTimelineRows renders a row with figures and one without: undefined
// figures and missing intervals are empty.
func TestTimelineRows(t *testing.T) {
	nan := math.NaN()
	none := compare.NoInterval()
	tl := timeline.Timeline{Rows: []timeline.Row{
		{Period: "2025-02-17", Outlet: timeline.AllOutlets, Actor: "Russia", Articles: 3, Mentions: 2, MentionShare: 0.5, MentionShareCI: compare.Interval{Low: 0.25, High: 0.75},
			Sentiment: -0.125, SentimentCI: none, Quotes: 1, Statements: 4, VoiceShare: 0.25, VoiceShareCI: none},
		{Period: "2025-02-17", Outlet: "Wire", Actor: "Russia", Articles: 1, MentionShare: nan, MentionShareCI: none, Sentiment: nan, SentimentCI: none, VoiceShare: nan, VoiceShareCI: none},
	}}
	var r rowRenderer
	got := string(timelineTable.render(&r, timelineRows(&tl), CSVConfig{}))
	want := strings.Join([]string{
		"2025-02-17,(all),Russia,3,2,0.5000,0.2500,0.7500,-0.1250,,,1,4,0.2500,,",
		"2025-02-17,Wire,Russia,1,0,,,,,,,0,0,,,",
	}, lineEnd) + lineEnd
	if got != want {
		t.Errorf("timeline rows:\n%s\nwant\n%s", got, want)
	}
}
