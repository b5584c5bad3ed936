package tone

import (
	"slices"
	"testing"

	"github.com/slant-news/slant/analysis/vocab"
)

// TestHotFunctionWords holds the hot table to every function word, which
// caseInfo looks for there alone when capitalised, and checks that a
// capitalised word stands as a name exactly when it is not one.
func TestHotFunctionWords(t *testing.T) {
	x := &featureInputsT(t).vectors.index
	for _, w := range slices.Concat(functionWords, []string{"government", "zzzqx"}) {
		h := fnv1a([]byte(w))
		i, ok := x.hot([]byte(w), h, vocab.Head([]byte(w)))
		want := x.info([]byte(w), h)
		if isFunction := want.flags&functionWord != 0; isFunction && (!ok || i != want) {
			t.Errorf("function word %q: hot %v %v, want %v", w, i, ok, want)
		}
		got, isName := x.caseInfo([]byte(w), h, vocab.Head([]byte(w)), true)
		if isName != (want.flags&functionWord == 0) || !isName && got != want {
			t.Errorf("capitalised %q: %v, name %v; want %v", w, got, isName, want)
		}
		if got, isName := x.caseInfo([]byte(w), h, vocab.Head([]byte(w)), false); isName || got != want {
			t.Errorf("%q: %v, name %v; want %v", w, got, isName, want)
		}
	}
}
