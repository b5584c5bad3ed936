package report

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"

	"github.com/slant-news/slant/analysis/audit"
)

// JUnit XML, as CI systems (GitLab, Jenkins, GitHub actions that report
// tests) read it: a test suite per article, a test case per check.
type (
	junitSuites struct {
		XMLName  xml.Name     `xml:"testsuites"`
		Name     string       `xml:"name,attr"`
		Tests    int          `xml:"tests,attr"`
		Failures int          `xml:"failures,attr"`
		Skipped  int          `xml:"skipped,attr"`
		Suites   []junitSuite `xml:"testsuite"`
	}
	junitSuite struct {
		Name     string      `xml:"name,attr"`
		Tests    int         `xml:"tests,attr"`
		Failures int         `xml:"failures,attr"`
		Skipped  int         `xml:"skipped,attr"`
		Cases    []junitCase `xml:"testcase"`
	}
	junitCase struct {
		Name      string        `xml:"name,attr"`
		ClassName string        `xml:"classname,attr"`
		Failure   *junitMessage `xml:"failure"`
		Skipped   *junitMessage `xml:"skipped"`
	}
	junitMessage struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr,omitempty"`
		Text    string `xml:",chardata"`
	}
)

// WriteJUnit writes the checks to path as JUnit XML: a test suite per
// article (named path:article_id, as slant audit prints it), a test case per
// check (named for the rule, and its actor in parentheses), a failure for a
// failed check and a skipped test for one with nothing to measure.
func WriteJUnit(path string, checks []audit.Check) error {
	all := junitSuites{Name: "slant audit"}
	for _, c := range checks {
		suite := c.Source + ":" + c.ArticleID
		if n := len(all.Suites); n == 0 || all.Suites[n-1].Name != suite {
			all.Suites = append(all.Suites, junitSuite{Name: suite})
		}
		s := &all.Suites[len(all.Suites)-1]
		tc := junitCase{Name: c.Rule, ClassName: suite}
		if c.Actor != "" {
			tc.Name += " (" + c.Actor + ")"
		}
		measured := fmt.Sprintf("%s vs %s", fixed(c.Measured, 4), fixed(c.Threshold, 4))
		switch c.Result {
		case audit.Fail:
			tc.Failure = &junitMessage{Message: measured, Type: c.Rule,
				Text: fmt.Sprintf("%s of %s (%s): %s, threshold %s", c.Rule, c.ArticleID, c.Outlet, fixed(c.Measured, 4), fixed(c.Threshold, 4))}
			s.Failures++
		case audit.NotMeasured:
			tc.Skipped = &junitMessage{Message: "not measured: nothing to measure (no statements, or fewer than two actors with a tone)"}
			s.Skipped++
		}
		s.Tests++
		s.Cases = append(s.Cases, tc)
	}
	for _, s := range all.Suites {
		all.Tests += s.Tests
		all.Failures += s.Failures
		all.Skipped += s.Skipped
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(all); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	b.WriteByte('\n')
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing the JUnit report: %w", err)
	}
	return nil
}
