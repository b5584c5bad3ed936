package tone

import (
	"slices"
	"testing"

	"github.com/slant-news/slant/analysis/vocab"
)

// TestHotFunctionWords holds the hot table to every function word, which
// caseInfo looks for there alone when capitalised, and checks that a
// capitalised word stands as a name exactly when it is not one, and that
// caseInfo gives a word's hash whenever it is not a name, from the hot
// table ("government") or not ("zzzqx", "abcdefghijkl").
func TestHotFunctionWords(t *testing.T) {
	x := &featureInputsT(t).vectors.index
	for _, w := range slices.Concat(functionWords, []string{"government", "zzzqx", "abcdefghijkl"}) {
		h := fnv1a([]byte(w))
		i, hotHash, ok := x.hot([]byte(w), vocab.Head([]byte(w)))
		want := x.info([]byte(w), h)
		if isFunction := want.flags&functionWord != 0; isFunction && (!ok || i != want || hotHash != h) {
			t.Errorf("function word %q: hot %v %x %v, want %v %x", w, i, hotHash, ok, want, h)
		}
		got, gotHash, isName := x.caseInfo([]byte(w), vocab.Head([]byte(w)), true)
		if isName != (want.flags&functionWord == 0) || !isName && (got != want || gotHash != h) {
			t.Errorf("capitalised %q: %v %x, name %v; want %v %x", w, got, gotHash, isName, want, h)
		}
		if got, gotHash, isName := x.caseInfo([]byte(w), vocab.Head([]byte(w)), false); isName || got != want || gotHash != h {
			t.Errorf("%q: %v %x, name %v; want %v %x", w, got, gotHash, isName, want, h)
		}
	}
}
