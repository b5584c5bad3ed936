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

// TestUpperAlready checks upperAlready against strings.ToUpper.
func TestUpperAlready(t *testing.T) {
	for _, w := range []string{"", "A", "a", "NATO", "NaTO", "U.S.", "ÉTAT", "État", "ß", "ǅ", "\xff", "AB\xffC", "\uFFFD", "İ", "ı", "123", "ΣΑ", "Σα", "ﬀ"} {
		if got, want := upperAlready(w), strings.ToUpper(w) == w; got != want {
			t.Errorf("upperAlready(%q) = %v, want %v", w, got, want)
		}
	}
}

// FuzzTextHelpers checks upperAlready, lowerASCII, appendASCIILower and
// atMostOneField against the functions they stand in for.
func FuzzTextHelpers(f *testing.F) {
	for _, w := range []string{"", "NATO", "NaTO", "État", "\xff", "İ", "Mr.", "K", " a ", "a b", "\u00a0x\u2003y", " \xffz"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := upperAlready(w), strings.ToUpper(w) == w; got != want {
			t.Errorf("upperAlready(%q) = %v, want %v", w, got, want)
		}
		var buf [foldMax]byte
		if low, ok := lowerASCII(buf[:0], w); ok && string(low) != strings.ToLower(w) {
			t.Errorf("lowerASCII(%q) = %q, want %q", w, low, strings.ToLower(w))
		}
		if got, want := string(appendASCIILower(nil, w)), segment.ASCIILower(w); got != want {
			t.Errorf("appendASCIILower(%q) = %q, want %q", w, got, want)
		}
		if got, want := atMostOneField([]byte(w)), len(strings.Fields(w)) <= 1; got != want {
			t.Errorf("atMostOneField(%q) = %v, want %v", w, got, want)
		}
	})
}

// FuzzNextQuoteByte checks nextQuoteByte against a byte-by-byte scan.
func FuzzNextQuoteByte(f *testing.F) {
	for _, s := range []string{"", "plain text without marks", "he said “no” and 'yes'", "a\xc2\xabb", "12345678\"", "’’’’’’’’’"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i <= len(s); i++ {
			want := len(s)
			for k := i; k < len(s); k++ {
				if c := s[k]; c == '"' || c == '\'' || c == 0xe2 || c == 0xc2 {
					want = k
					break
				}
			}
			if got := nextQuoteByte(s, i, len(s)); got != want {
				t.Fatalf("nextQuoteByte(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	})
}
