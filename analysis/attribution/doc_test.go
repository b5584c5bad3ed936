package attribution

import (
	"slices"
	"strings"
	"testing"

	"github.com/slant-news/slant/analysis/segment"
)

// TestTokenAt checks the indexed search against a binary search, at every
// offset of texts of 0 to 40 tokens and past them.
func TestTokenAt(t *testing.T) {
	for n := 0; n <= 40; n++ {
		d := &doc{text: strings.Repeat("x", 3*n+3)}
		for k := range n {
			d.toks = append(d.toks, segment.Token{Start: 3*k + k%2, End: 3*k + 2})
		}
		d.tokIndex = d.indexTokens(nil)
		for off := -1; off <= 3*n+70; off++ {
			want, _ := slices.BinarySearchFunc(d.toks, off, func(t segment.Token, off int) int { return t.Start - off })
			if got := d.tokenAt(off); got != want {
				t.Fatalf("%d tokens, offset %d: tokenAt = %d, want %d", n, off, got, want)
			}
		}
	}
}

// TestSentenceAt checks the branch-free search against the plain one, at
// every offset of texts of 0 to 20 sentences with gaps between them.
func TestSentenceAt(t *testing.T) {
	for n := 0; n <= 20; n++ {
		d := &doc{}
		for k := range n {
			d.sents = append(d.sents, segment.Span{Start: 5*k + k%3, End: 5*k + 4})
		}
		for off := -1; off <= 5*n+2; off++ {
			want, _ := slices.BinarySearchFunc(d.sents, off, func(sp segment.Span, off int) int { return sp.End - 1 - off })
			if want >= len(d.sents) || d.sents[want].Start > off {
				want = -1
			}
			if got := d.sentenceAt(off); got != want {
				t.Fatalf("%d sentences, offset %d: sentenceAt = %d, want %d", n, off, got, want)
			}
		}
	}
}
