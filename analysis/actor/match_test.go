package actor

import (
	"errors"
	"strings"
	"testing"

	"github.com/slant-news/slant/corpus"
)

const exclusionActors = `
US:
  - Washington
  - Biden
  - Washington Post Office
  - "!Washington Post"
  - "!Washington Times"
  - "!Washington state"
  - "!Hunter Biden"
  - "!biden family"
Press: [Post]
Russia: [Moscow, Russia*, "!Moscow Times"]
`

func TestMatchExclusions(t *testing.T) {
	actors, err := Parse("test.yaml", []byte(exclusionActors))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want string // "text=Actor" joined by "|"
	}{
		{"Washington said", "Washington=US"},
		{"The Washington Post reported", "Post=Press"}, // only the US's match is excluded
		{"the Washington Times and the Moscow Times", ""},
		{"Washington state’s governor and Washington", "Washington=US"},
		{"Hunter Biden and Joe Biden", "Biden=US"},
		{"Hunter Biden's laptop", ""},
		{"In Washington, Post editors", "Washington=US|Post=Press"}, // not across punctuation
		{"Washington Post Office", "Washington Post Office=US"},     // a match reaching past the exclusion
		{"the Biden Family foundation and Biden", "Biden=US"},       // a lowercase exclusion matches any case
		{"Moscow and the Moscow Times, Russians", "Moscow=Russia|Russians=Russia"},
	}
	for _, tt := range tests {
		if g := matched(actors, tt.text); g != tt.want {
			t.Errorf("Match(%q) = %q, want %q", tt.text, g, tt.want)
		}
	}
	if got := strings.Join(actors.List[0].Patterns, ","); !strings.Contains(got, "!Washington Post,") {
		t.Errorf("US patterns %s: want the exclusions as written", got)
	}
}

func TestParseExclusionErrors(t *testing.T) {
	tests := []struct {
		yaml string
		line int
		msg  string
	}{
		{"US:\n  - Washington\n  - !Washington Post\n", 3, `put an exclusion in quotes ("!Washington Post")`},
		{"US:\n  - Washington\n  - '!!Washington'\n", 3, "one ! makes an exclusion"},
		{"US:\n  - '!Washington Post'\n", 1, "only exclusions"},
		{"US:\n  - Washington\n  - '!'\n", 3, "no words"},
	}
	for _, tt := range tests {
		e := parseError(tt.yaml)
		if e == nil {
			t.Errorf("Parse(%q): no *corpus.Error", tt.yaml)
		} else if e.Line != tt.line || !strings.Contains(e.Error(), tt.msg) {
			t.Errorf("Parse(%q) = %q (line %d), want line %d and %q", tt.yaml, e, e.Line, tt.line, tt.msg)
		}
	}
}

// matched is the mentions of text as "text=Actor" joined by "|".
func matched(a *Table, text string) string {
	var out []string
	for _, m := range a.Match(text) {
		out = append(out, text[m.Start:m.End]+"="+m.Actor)
	}
	return strings.Join(out, "|")
}

// parseError is the *corpus.Error of parsing data, or nil.
func parseError(data string) *corpus.Error {
	var e *corpus.Error
	if _, err := Parse("a.yaml", []byte(data)); errors.As(err, &e) {
		return e
	}
	return nil
}

func FuzzMatchExclusions(f *testing.F) {
	f.Add("The Washington Post and Hunter Biden; Washington said", exclusionActors)
	f.Add("Moscow Times, Moscow", exclusionActors)
	f.Fuzz(func(t *testing.T, text, yaml string) {
		actors, err := Parse("f.yaml", []byte(yaml))
		if err != nil {
			return
		}
		last := 0
		for _, m := range actors.Match(text) {
			if m.Start < last || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("Match(%q): bad span %+v after %d", text, m, last)
			}
			last = m.End
		}
	})
}

// TestPassedOver holds AppendMatches' loop over words no pattern starts
// with (a key whose first byte is not in starts, when no case-sensitive
// suffix pattern is) to mayStartAt: every key it passes over is one
// mayStartAt turns away.
func TestPassedOver(t *testing.T) {
	for _, a := range []*Table{Default(), mustParse(t, exclusionActors)} {
		if !a.keyed() || len(a.suffixes[0].patterns) > 0 {
			t.Fatal("the table does not take the loop")
		}
		for c := range 256 {
			for _, rest := range []string{"", "a", "ashington", "oscow", "S.", "ussian"} {
				key := string([]byte{byte(c)}) + rest
				if !a.starts[key[0]] && a.mayStartAt(key) {
					t.Errorf("%q is passed over, but mayStartAt takes it", key)
				}
			}
		}
	}
}

func mustParse(t *testing.T, yaml string) *Table {
	t.Helper()
	a, err := Parse("test.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	return a
}
