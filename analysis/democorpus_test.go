package analysis

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/slant-news/slant/corpus"
)

// expectation is what testdata/corpus/README.md says a correct analysis of
// one demo article must find.
type expectation struct {
	section  string
	file     string
	line     int            // the record's line in file; 0 for single-article files
	mentions map[string]int // "Title/Ukraine" -> count
	credits  map[string]int // statements credited per actor ("other" for none); nil when the README gives none
	nCredits int            // the N of "Credits (N): ..."
}

var (
	expectFile  = regexp.MustCompile("^`([^`]+)`(?: line (\\d+))?")
	expectCount = regexp.MustCompile(`^\| (Title|Body) \|((?: \d+ \|){4})$`)
	// "Credits (14): **US 5 (35.7%)**, Russia 1, Ukraine 1 (7.1% each)": the
	// list may run on to the next line and prose may follow it.
	expectCredits = regexp.MustCompile(`Credits \((\d+)\):(.*)$`)
	creditItem    = regexp.MustCompile(`\b(Ukraine|Russia|US|Europe|other) (\d+)\b`)
)

// readExpectations parses the per-article sections of the demo corpus
// README, so that the README stays the one statement of what is expected.
func readExpectations(t *testing.T, dir string) []expectation {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []expectation
	var cur *expectation
	actors := []string{"Ukraine", "Russia", "US", "Europe"} // the README's column order
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "### ("):
			out = append(out, expectation{section: line, mentions: map[string]int{}})
			cur = &out[len(out)-1]
		case cur == nil:
		case cur.file == "" && expectFile.MatchString(line):
			m := expectFile.FindStringSubmatch(line)
			cur.file = m[1]
			cur.line, _ = strconv.Atoi(m[2])
		case expectCredits.MatchString(line):
			m := expectCredits.FindStringSubmatch(line)
			cur.nCredits, _ = strconv.Atoi(m[1])
			rest := m[2]
			if !creditsComplete(rest, cur.nCredits) && sc.Scan() {
				rest += " " + sc.Text()
			}
			cur.credits = parseCredits(rest, cur.nCredits)
		case expectCount.MatchString(line):
			m := expectCount.FindStringSubmatch(line)
			for i, n := range strings.Fields(strings.ReplaceAll(m[2], "|", " ")) {
				cur.mentions[m[1]+"/"+actors[i]], _ = strconv.Atoi(n)
			}
		}
	}
	if len(out) < 9 {
		t.Fatalf("found %d expectation sections in the corpus README, want at least 9", len(out))
	}
	return out
}

// parseCredits reads "US 5 (35.7%), Russia 1, ..." up to the items that add
// up to n (prose after the list may name actors too); nil when they never do.
func parseCredits(s string, n int) map[string]int {
	out, sum := map[string]int{}, 0
	for _, m := range creditItem.FindAllStringSubmatch(s, -1) {
		if sum == n {
			break
		}
		k, _ := strconv.Atoi(m[2])
		out[m[1]] += k
		sum += k
	}
	if sum != n {
		return nil
	}
	return out
}

func creditsComplete(s string, n int) bool { return parseCredits(s, n) != nil }

// TestDemoCorpusMentions checks the actor mentions of every demo article
// against the counts a careful reader made in the corpus README.
func TestDemoCorpusMentions(t *testing.T) {
	dir := filepath.Join("..", "testdata", "corpus")
	an, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, exp := range readExpectations(t, dir) {
		if exp.file == "" || len(exp.mentions) != 8 {
			t.Errorf("%s: no file or no mention table", exp.section)
			continue
		}
		art := readExpected(t, dir, exp)
		if art == nil {
			continue
		}
		got := map[string]int{}
		res := an.Analyze(*art)
		for _, m := range res.Mentions {
			part := "Body"
			if m.Part == Title {
				part = "Title"
			}
			got[part+"/"+m.Actor]++
		}
		for key, want := range exp.mentions {
			if got[key] != want {
				t.Errorf("%s (%s): %s mentions = %d, want %d", exp.section, exp.file, key, got[key], want)
			}
		}
	}
}

// TestDemoCorpusCredits checks the attributed statements of every demo
// article against the README's "Credits (N): ..." line: a statement is one
// credit for each of its speaker's actors, or one for "other". Tolerance,
// because attribution has genuinely hard cases: each actor's count may be
// off by one, but the README's top actor (or one of the tied top actors)
// must come out on top.
func TestDemoCorpusCredits(t *testing.T) {
	dir := filepath.Join("..", "testdata", "corpus")
	an, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, exp := range readExpectations(t, dir) {
		if exp.credits == nil {
			t.Errorf("%s: no credits line that adds up", exp.section)
			continue
		}
		art := readExpected(t, dir, exp)
		if art == nil {
			continue
		}
		got := map[string]int{}
		for _, q := range an.Analyze(*art).Quotes {
			if len(q.Actors) == 0 {
				got["other"]++
			}
			for _, x := range q.Actors {
				got[x]++
			}
		}
		top, gotTop := 0, 0
		for _, k := range []string{"Ukraine", "Russia", "US", "Europe", "other"} {
			top, gotTop = max(top, exp.credits[k]), max(gotTop, got[k])
			if d := got[k] - exp.credits[k]; d < -1 || d > 1 {
				t.Errorf("%s: %s credits = %d, want %d (±1)", exp.section, k, got[k], exp.credits[k])
			} else if d != 0 {
				t.Logf("%s: %s credits = %d, want %d", exp.section, k, got[k], exp.credits[k])
			}
		}
		for k, n := range exp.credits {
			if n == top && got[k] != gotTop {
				t.Errorf("%s: top voice %s has %d credits, but another actor has %d", exp.section, k, got[k], gotTop)
			}
		}
	}
}

// readExpected reads the article an expectation is about; nil (and an
// error reported) when it cannot.
func readExpected(t *testing.T, dir string, exp expectation) *corpus.Article {
	t.Helper()
	var art *corpus.Article
	err := corpus.ReadFile(filepath.Join(dir, exp.file), func(a corpus.Article) error {
		if exp.line == 0 || a.Line == exp.line {
			art = &a
		}
		return nil
	}, nil)
	if err != nil || art == nil {
		t.Errorf("%s: reading %s: %v", exp.section, exp.file, err)
		return nil
	}
	return art
}
