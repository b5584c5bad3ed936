package attribution

import (
	"strings"
	"testing"
	"unicode"

	"github.com/slant-news/slant/analysis/segment"
)

// TestUpperAlready checks upperAlready against strings.ToUpper.
func TestUpperAlready(t *testing.T) {
	for _, w := range []string{"", "A", "a", "NATO", "NaTO", "U.S.", "ÉTAT", "État", "ß", "ǅ", "\xff", "AB\xffC", "\uFFFD", "İ", "ı", "123", "ΣΑ", "Σα", "ﬀ"} {
		if got, want := upperAlready(w), strings.ToUpper(w) == w; got != want {
			t.Errorf("upperAlready(%q) = %v, want %v", w, got, want)
		}
	}
}

// FuzzTextHelpers checks upperAlready, lowerASCII,
// segment.AppendASCIILower and atMostOneField against the functions they
// stand in for.
func FuzzTextHelpers(f *testing.F) {
	for _, w := range []string{"", "NATO", "NaTO", "État", "\xff", "İ", "Mr.", "K", " a ", "a b", "\u00a0x\u2003y", " \xffz", "Anna Kova", "a\tb\u0085c", "x\x85 y", "José María Aznar"} {
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
		if got, want := string(segment.AppendASCIILower(nil, w)), segment.ASCIILower(w); got != want {
			t.Errorf("AppendASCIILower(%q) = %q, want %q", w, got, want)
		}
		if got, want := lastSpace(w), strings.LastIndexFunc(w, unicode.IsSpace); got != want {
			t.Errorf("lastSpace(%q) = %d, want %d", w, got, want)
		}
		if got, want := atMostOneField([]byte(w)), len(strings.Fields(w)) <= 1; got != want {
			t.Errorf("atMostOneField(%q) = %v, want %v", w, got, want)
		}
	})
}

// FuzzBoundaryGap holds boundaryGap to strings.ContainsAny.
func FuzzBoundaryGap(f *testing.F) {
	for _, g := range []string{"", " ", ", ", ". ", " - ", " — ", "’ ", "\xff,", "“", " -- ", ")."} {
		f.Add(g)
	}
	f.Fuzz(func(t *testing.T, g string) {
		want := strings.ContainsAny(g, boundaryMarks) || strings.Contains(g, " - ")
		if got := boundaryGap(g); got != want {
			t.Fatalf("boundaryGap(%q) = %v, want %v", g, got, want)
		}
	})
}
