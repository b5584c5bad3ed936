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
}

var (
	expectFile  = regexp.MustCompile("^`([^`]+)`(?: line (\\d+))?")
	expectCount = regexp.MustCompile(`^\| (Title|Body) \|((?: \d+ \|){4})$`)
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
		var art *corpus.Article
		err := corpus.ReadFile(filepath.Join(dir, exp.file), func(a corpus.Article) error {
			if exp.line == 0 || a.Line == exp.line {
				art = &a
			}
			return nil
		}, nil)
		if err != nil || art == nil {
			t.Errorf("%s: reading %s: %v", exp.section, exp.file, err)
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
