package actor

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// unindexed is a copy of a with its prefix and suffix globs tried at every
// word, as all globs that start with a wildcard are: the reference for the
// affix index.
func unindexed(a *Table) *Table {
	b := *a
	b.prefixes, b.suffixes = [2]affixIndex{}, [2]affixIndex{}
	b.globAny = append([]*pattern(nil), a.globAny...)
	for _, x := range append(a.prefixes[:], a.suffixes[:]...) {
		for _, ps := range x.patterns {
			b.globAny = append(b.globAny, ps...)
		}
	}
	return &b
}

const affixActors = `
Ukraine: [Ukrain*, Kyiv*, "*kraine", "!Ukrainian Orthodox"]
Stans: ["*stan", "*STAN", "*stani*", "Kazakh*", "kazakh* steppe"]
Short: ["a*", "*a", "ab*", "*ba", "?b*"]
`

// TestAffixIndex: the affix index finds what trying every glob at every
// word finds, on the default table and on one of prefixes and suffixes.
func TestAffixIndex(t *testing.T) {
	seed, err := os.ReadFile("../../testdata/corpus/pocket-bulletin/2025-02-18-brief.txt")
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{string(seed), "Ukrainian Orthodox Ukrainians, Kazakhstan's kazakhs steppe UZBEKISTAN Pakistani a ab ba aba bab b"}
	custom, err := Parse("affix.yaml", []byte(affixActors))
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []*Table{Default(), custom} {
		ref := unindexed(a)
		for _, text := range texts {
			if got, want := matched(a, text), matched(ref, text); got != want {
				t.Errorf("%s: got %s, want %s", a.Source, got, want)
			}
		}
	}
}

// FuzzAffixIndex: the affix index changes no match.
func FuzzAffixIndex(f *testing.F) {
	f.Add("Ukrainian Orthodox; Kazakhstan's kazakh steppe, ab ba", affixActors)
	f.Fuzz(func(t *testing.T, text, yaml string) {
		a, err := Parse("f.yaml", []byte(yaml))
		if err != nil {
			return
		}
		if got, want := matched(a, text), matched(unindexed(a), text); got != want {
			t.Errorf("Match(%q) = %s, want %s", text, got, want)
		}
	})
}

// BenchmarkMatchAffixes matches a text of 1,000 words against a table of n
// suffix patterns (*name) and n prefix ones (name*): ns/op stays flat as n
// grows, when a word is looked up by its affixes rather than tried against
// every such pattern.
func BenchmarkMatchAffixes(b *testing.B) {
	text := strings.Repeat("the talks in Kazakhstan went on as planned, said ", 100)
	for _, n := range []int{1000, 10000} {
		var y strings.Builder
		y.WriteString("Kazakhstan: [Kazakh*]\n")
		for i := range n {
			fmt.Fprintf(&y, "A%d: ['*x%dq', 'x%dq*']\n", i, i, i)
		}
		a, err := Parse("bench.yaml", []byte(y.String()))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("patterns=%d", 2*n), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				a.Match(text)
			}
		})
	}
}
