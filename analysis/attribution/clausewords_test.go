package attribution

import (
	"strings"
	"testing"
)

// TestIsClauseSubject holds the switch of isClauseSubject to the sets it
// stands for: a personal pronoun that is not an object pronoun, or "it"
// or "there".
func TestIsClauseSubject(t *testing.T) {
	words := []string{"", "him", "hers", "one", "It", "He"}
	for _, m := range []map[string]bool{personalPronouns, objectPronouns, subjectPronouns, determiners} {
		for w := range m {
			words = append(words, w)
		}
	}
	for _, w := range words {
		want := (personalPronouns[w] && !objectPronouns[w]) || w == "it" || w == "there"
		if got := isClauseSubject(w); got != want {
			t.Errorf("isClauseSubject(%q) = %v, want %v", w, got, want)
		}
	}
}

// bareSeeds are words with and without the apostrophes bare cuts at.
var bareSeeds = []string{"", "he", "he'd", "she’d", "'tis", "’tis", "o'brien's", "rock’n’roll", "x\xe2\x80", "\xe2\x80\x99", "a\xe2\x80\x98b", "don't’", "\xf0'x"}

// bareByIndexAny is bare as strings.IndexAny finds the apostrophes.
func bareByIndexAny(w string) string {
	if i := strings.IndexAny(w, "'’"); i > 0 {
		return w[:i]
	}
	return w
}

// FuzzBare checks bare's byte scan against strings.IndexAny.
func FuzzBare(f *testing.F) {
	for _, s := range bareSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := bare(w), bareByIndexAny(w); got != want {
			t.Fatalf("bare(%q) = %q, want %q", w, got, want)
		}
	})
}

// TestOpensReportedClause holds the clauses a speech verb's next word
// opens, or not, by the word's classes and those of its part before an
// apostrophe.
func TestOpensReportedClause(t *testing.T) {
	a := newTest(t)
	for _, c := range []struct {
		text string
		want want
	}{
		{`Ms. Ortega said surveys showed a lead.`,
			want{content: "surveys showed a lead", speaker: "Ms. Ortega", cue: "said"}},
		{`Ms. Ortega said the surveys showed a lead.`,
			want{content: "the surveys showed a lead", speaker: "Ms. Ortega", cue: "said"}},
		{`Ms. Ortega said she’d cut the levy by spring.`,
			want{content: "she’d cut the levy by spring", speaker: "Ms. Ortega", cue: "said"}},
	} {
		c.want.check(t, c.text, a.Statements(c.text))
	}
}

// TestPluralNoun holds pluralNoun to the plurals it reads: the nouns of
// people without an s, and -s words but those of singular endings.
func TestPluralNoun(t *testing.T) {
	for w, want := range map[string]bool{
		"people": true, "police": true, "women": true, "men": true, "children": true, "staff": true,
		"voters": true, "aides": true, "officials": true,
		"person": false, "woman": false, "bus": false, "news": false, "boss": false, "analysis": false,
		"famous": false, "politics": false, "cities": false, "his": false, "party's": false, "party’s": false, "": false,
	} {
		if got := pluralNoun(w); got != want {
			t.Errorf("pluralNoun(%q) = %v, want %v", w, got, want)
		}
	}
}
