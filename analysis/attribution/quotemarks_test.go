package attribution

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

var quoteMarkSeeds = []string{
	"", "plain text without marks", "he said “no” and 'yes'", "a\xc2\xabb", "12345678\"", "’’’’’’’’’",
	"Russia’s ‘plan’ and ''doubled'' «guillemets» ”archive” \xe2\x80", "\xc2", "'", "it's ''", "“open",
}

// FuzzMarkScan checks markScan, asked at every offset in turn, against a
// look at each offset after it for a rune that is a double quote mark.
func FuzzMarkScan(f *testing.F) {
	for _, s := range quoteMarkSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m := newMarkScan(s, len(s))
		for i := 0; i <= len(s); i++ {
			want := len(s)
			for k := i; k < len(s); k++ {
				if r, _ := decodeRune(s[k:]); strings.ContainsRune("\"“”«»", r) || strings.HasPrefix(s[k:], "''") {
					want = k
					break
				}
			}
			if got := m.next(i); got != want {
				t.Fatalf("next(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	})
}

// FuzzDoubleQuotes checks appendDoubleQuotes against the same rules
// applied to every rune of the paragraph.
func FuzzDoubleQuotes(f *testing.F) {
	for _, s := range quoteMarkSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := appendDoubleQuotes(nil, s, 0, len(s), 0), doubleQuotesByRune(s); !slices.Equal(got, want) {
			t.Fatalf("%q: got %v, want %v", s, got, want)
		}
	})
}

// doubleQuotesByRune is appendDoubleQuotes of the whole of s, rune by rune.
func doubleQuotesByRune(s string) []quote {
	var out []quote
	open, width := -1, 0
	for i := 0; i < len(s); {
		r, n := decodeRune(s[i:])
		straight := r == '"' || (r == '\'' && i+1 < len(s) && s[i+1] == '\'')
		if r == '\'' && straight {
			n = 2
		}
		switch {
		case r == '“' || r == '«' || (straight && open < 0) || (r == '”' && open < 0 && opensWord(s, 0, i, i+n, len(s))):
			open, width = i, n
		case (r == '”' || r == '»' || straight) && open >= 0:
			out = appendQuote(out, open, open+width, i, i+n, 0)
			open = -1
		}
		i += n
	}
	if open >= 0 {
		out = appendQuote(out, open, open+width, len(strings.TrimRightFunc(s, unicode.IsSpace)), len(s), 0)
	}
	return out
}
