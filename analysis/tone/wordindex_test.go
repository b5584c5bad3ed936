package tone

import (
	"slices"
	"testing"

	"github.com/slant-news/slant/analysis/vocab"
)

// TestHotFunctionWords holds the hot table to every function word, which
// caseInfo looks for there alone when capitalised, and checks that a
// capitalised word stands as a name exactly when it is not one; and that
// the hot table gives a word's hash, by hot or, for a short word, by
// hotShort ("government" is in it, "zzzqx" and "abcdefghijkl" are not).
func TestHotFunctionWords(t *testing.T) {
	x := &featureInputsT(t).vectors.index
	for _, w := range slices.Concat(functionWords, []string{"government", "zzzqx", "abcdefghijkl"}) {
		h, head := fnv1a([]byte(w)), vocab.Head([]byte(w))
		i, ok := x.hot([]byte(w), head)
		var hotHash uint64 // the hash its slot keeps
		if ok {
			hotHash = x.hotSlots[i.hot-1].hash
		}
		want := x.info([]byte(w), h)
		if isFunction := want.flags&functionWord != 0; isFunction && (!ok || i != want) {
			t.Errorf("function word %q: hot %v %v, want %v", w, i, ok, want)
		}
		if ok && (i != want || hotHash != h) || !ok && w == "government" {
			t.Errorf("%q: hot %v %x %v, want %v %x", w, i, hotHash, ok, want, h)
		}
		if len(w) <= 8 {
			s, k := x.hotShort(head, len(w))
			if (s != nil) != ok || ok && (s.hash != h || k+1 != i.hot || s.vec != i.vec || s.lex != i.lex || s.flags != i.flags) {
				t.Errorf("%q: hotShort %v %d, want %v", w, s, k, i)
			}
		}
		got, isName := x.caseInfo([]byte(w), h, head, true)
		if isName != (want.flags&functionWord == 0) || !isName && got != want {
			t.Errorf("capitalised %q: %v, name %v; want %v", w, got, isName, want)
		}
		if got, isName := x.caseInfo([]byte(w), h, head, false); isName || got != want {
			t.Errorf("%q: %v, name %v; want %v", w, got, isName, want)
		}
	}
}

// TestLexiconFlag holds the index's lexiconWord flag, which prepare finds
// the polar words by, to VADER's lexicon, for every entry and hot slot.
func TestLexiconFlag(t *testing.T) {
	in := featureInputsT(t)
	x := &in.vectors.index
	polar := 0
	for k := range x.entries {
		info := x.entries[k].info
		if got, want := info.flags&lexiconWord != 0, in.lex.words[info.lex].flags&inLexicon != 0; got != want {
			t.Fatalf("%q: lexiconWord %v, in VADER's lexicon %v", x.word(k), got, want)
		}
		if info.flags&lexiconWord != 0 {
			polar++
		}
	}
	for i, s := range x.hotSlots {
		if s.entry != 0 && s.flags != x.entries[s.entry-1].info.flags {
			t.Fatalf("hot slot %d: flags %b, its entry's %b", i, s.flags, x.entries[s.entry-1].info.flags)
		}
	}
	if polar < 7000 || in.lex.words[vocab.Unknown].flags&inLexicon != 0 {
		t.Errorf("%d entries in VADER's lexicon; Unknown in it: %v", polar, in.lex.words[vocab.Unknown].flags&inLexicon != 0)
	}
}
