package attribution

import (
	"reflect"
	"testing"

	"github.com/slant-news/slant/analysis/internal/testseed"
	"github.com/slant-news/slant/analysis/segment"
)

func defaultLexicon(t testing.TB) *lexicon {
	files := map[string][]byte{}
	for _, name := range LexiconNames() {
		files[name], _ = DefaultLexicon(name)
	}
	return newLexicon(files)
}

// TestWordTable holds the table to the map it is built from, for every
// listed word and for the seed's words.
func TestWordTable(t *testing.T) {
	lx := defaultLexicon(t)
	m := lx.wordInfos()
	words := []string{"", "x", "said", "the", "mr", "according"}
	for w := range m {
		words = append(words, w)
	}
	art := testseed.Read(t)
	toks := segment.Tokenize(art.Text, nil, false)
	words = append(words, segment.LowerKeys(art.Text, toks)...)
	for _, w := range words {
		if got, want := lx.words.get(w), m[w]; got != want {
			t.Errorf("%q: table %+v, map %+v", w, got, want)
		}
	}
}

// TestWordTableSets holds the classes and rule kinds the rules read from
// a token, where they looked the word up in a set, to those sets: every
// word of the table and of the sets, and no other, has them.
func TestWordTableSets(t *testing.T) {
	lx := defaultLexicon(t)
	words := []string{"", "x", "minute", "later", "dozen", "known", "there"}
	for w := range lx.wordInfos() {
		words = append(words, w)
	}
	for _, w := range words {
		wi := lx.words.get(w)
		for c, set := range map[wordClass]map[string]bool{classNumberWord: numberWords, classTimeUnit: timeUnits, classTimeRelation: timeRelation, classOpeningSubordinator: openingSubordinators, classQuantifier: quantifiers, classQuestionWord: questionWords, classInfinitive: lx.infinitive} {
			if got := wi.class&c != 0; got != set[w] {
				t.Errorf("%q: class %b %v, set %v", w, c, got, set[w])
			}
		}
		id := lx.words.voc.ID(w)
		if !reflect.DeepEqual(lx.multiByID[id], lx.multi[w]) || !reflect.DeepEqual(lx.att.multiByID[id], lx.att.multi[w]) {
			t.Errorf("%q: multi-word forms by ID %v %v, by word %v %v", w, lx.multiByID[id], lx.att.multiByID[id], lx.multi[w], lx.att.multi[w])
		}
		if k := lx.words.kinds[id]; k != sourcelessKinds[w] {
			t.Errorf("%q: kinds %b, sourcelessKinds %b", w, k, sourcelessKinds[w])
		}
	}
}

// BenchmarkWordTable looks up the classes of the seed's words, as newDoc
// does once per token.
func BenchmarkWordTable(b *testing.B) {
	benchLookup(b, defaultLexicon(b).words.get)
}

// BenchmarkWordMap is BenchmarkWordTable with a Go map, for comparison.
func BenchmarkWordMap(b *testing.B) {
	m := defaultLexicon(b).wordInfos()
	benchLookup(b, func(w string) wordInfo { return m[w] })
}

func benchLookup(b *testing.B, get func(string) wordInfo) {
	art := testseed.Read(b)
	low := segment.LowerKeys(art.Text, segment.Tokenize(art.Text, nil, false))
	b.SetBytes(int64(len(art.Text)))
	var c wordClass
	for b.Loop() {
		for _, w := range low {
			c |= get(w).class
		}
	}
	_ = c
}
