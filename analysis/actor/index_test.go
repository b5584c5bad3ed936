package actor

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// unindexed is a copy of a with every pattern tried at every word, as
// those that start with a wildcard are: the reference for the indexes, the
// phrase tries and the affixes.
func unindexed(a *Table) *Table {
	b := *a
	b.prefixes, b.suffixes = [2]affixIndex{}, [2]affixIndex{}
	b.exact, b.folded = nil, nil
	b.globByte = [2][256][]*pattern{}
	b.globAny = append([]*pattern(nil), a.globs...)
	for _, m := range []map[string]*phrase{a.exact, a.folded} {
		for _, x := range m {
			b.globAny = append(b.globAny, x.all()...)
		}
	}
	b.globs = b.globAny // so that lowercased words are made for the folded ones
	b.lowers = len(b.folded) > 0 || b.hasFoldedGlob()
	return &b
}

// all is the patterns in the trie under x.
func (x *phrase) all() []*pattern {
	ps := append([]*pattern(nil), x.patterns...)
	for _, c := range x.next {
		ps = append(ps, c.all()...)
	}
	return ps
}

const affixActors = `
Ukraine: [Ukrain*, Kyiv*, "*kraine", "!Ukrainian Orthodox", "the Ukrainian side", "the ukrainian sid*"]
Side: [the, "the Ukrainian", "the Ukrainian side of", "the s?de", "the Ukrain* side"]
Stans: ["*stan", "*STAN", "*stani*", "Kazakh*", "kazakh* steppe"]
Short: ["a*", "*a", "ab*", "*ba", "?b*"]
`

// TestIndexes: the phrase tries and the affix index find what trying every
// pattern at every word finds, on the default table and on one of
// phrases, prefixes and suffixes.
func TestIndexes(t *testing.T) {
	seed, err := os.ReadFile("../../testdata/corpus/pocket-bulletin/2025-02-18-brief.txt")
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{string(seed), "the Ukrainian side of the ukrainian sides, the Russian side; the Ukrainian  side", "Ukrainian Orthodox Ukrainians, Kazakhstan's kazakhs steppe UZBEKISTAN Pakistani a ab ba aba bab b"}
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

// FuzzIndexes: the phrase tries and the affix index change no match.
func FuzzIndexes(f *testing.F) {
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
	benchmarkTables(b, "the talks in Kazakhstan went on as planned, said ", "Kazakhstan: [Kazakh*]\n", "A%d: ['*x%dq', 'x%dq*']\n")
}

// BenchmarkMatchPhrases matches a text of 1,000 words against a table of n
// phrases that share their first word ("the Name"): ns/op stays flat as n
// grows, when the words after "the" are looked up rather than each phrase
// tried.
func BenchmarkMatchPhrases(b *testing.B) {
	benchmarkTables(b, "the talks went on as the plan said, the officials said ", "", "A%d: ['the X%dq', 'the x%dq']\n")
}

// benchmarkTables matches 100 times sentence against tables of head and n
// actors of two patterns each, entry (formatted with the actor's number
// thrice), for n of 1,000 and 10,000.
func benchmarkTables(b *testing.B, sentence, head, entry string) {
	text := strings.Repeat(sentence, 100)
	for _, n := range []int{1000, 10000} {
		var y strings.Builder
		y.WriteString(head)
		for i := range n {
			fmt.Fprintf(&y, entry, i, i, i)
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
