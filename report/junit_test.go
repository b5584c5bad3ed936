package report

import (
	"encoding/xml"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/slant-news/slant/analysis/audit"
)

// TestJUnit writes checks of two articles, one with an id built to break
// XML, and reads the file back as XML.
func TestJUnit(t *testing.T) {
	const bad = "x</testcase><testcase name=\"forged\">&\n\x01"
	checks := []audit.Check{
		{Source: "a.jsonl", ArticleID: "a", Outlet: "Wire", Rule: audit.RuleMinVoiceBalance, Measured: 0.25, Threshold: 0.5, Result: audit.Fail},
		{Source: "a.jsonl", ArticleID: "a", Outlet: "Wire", Rule: audit.RuleAllQuoted, Actor: "Ukraine", Measured: 2, Threshold: 1, Result: audit.Pass},
		{Source: "a.jsonl", ArticleID: "a", Outlet: "Wire", Rule: audit.RuleAllQuoted, Actor: "Russia", Measured: 0, Threshold: 1, Result: audit.Fail},
		{Source: "b.jsonl", ArticleID: bad, Outlet: "Wire", Rule: audit.RuleMaxVoiceShare, Measured: math.NaN(), Threshold: 0.6, Result: audit.NotMeasured},
	}
	path := filepath.Join(t.TempDir(), "junit.xml")
	if err := WriteJUnit(path, checks); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var got junitSuites
	if err := xml.Unmarshal(data, &got); err != nil {
		t.Fatalf("not XML: %v\n%s", err, data)
	}
	if got.Tests != 4 || got.Failures != 2 || got.Skipped != 1 || len(got.Suites) != 2 {
		t.Fatalf("%d tests, %d failures, %d skipped in %d suites; want 4, 2, 1 in 2\n%s", got.Tests, got.Failures, got.Skipped, len(got.Suites), data)
	}
	a, b := got.Suites[0], got.Suites[1]
	if a.Name != "a.jsonl:a" || a.Tests != 3 || a.Failures != 2 || len(a.Cases) != 3 {
		t.Errorf("first suite: %+v", a)
	}
	want := []struct {
		name    string
		failure string
	}{
		{"min_voice_balance", "0.2500 vs 0.5000"},
		{"every_mentioned_actor_quoted (Ukraine)", ""},
		{"every_mentioned_actor_quoted (Russia)", "0.0000 vs 1.0000"},
	}
	for i, w := range want {
		c := a.Cases[i]
		failure := ""
		if c.Failure != nil {
			failure = c.Failure.Message
		}
		if c.Name != w.name || failure != w.failure || c.Skipped != nil {
			t.Errorf("case %d: %q, failure %q; want %q, failure %q", i, c.Name, failure, w.name, w.failure)
		}
	}
	// The id reads back as written, but for the control character XML
	// cannot hold.
	if wantName := "b.jsonl:x</testcase><testcase name=\"forged\">&\n\ufffd"; b.Name != wantName || len(b.Cases) != 1 || b.Cases[0].Skipped == nil || b.Cases[0].Failure != nil {
		t.Errorf("second suite: %q %+v, want %q with one skipped case", b.Name, b.Cases, wantName)
	}
}
