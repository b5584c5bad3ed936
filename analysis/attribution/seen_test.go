package attribution

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestSuffixesFirst holds suffixes.first to a scan of the list: the first
// string by index that ends in the suffix, for lists of namesakes and of
// names that share only their last letters.
func TestSuffixesFirst(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	first := []string{"hillary", "bill", "chelsea", "ted", "heidi", "rafael"}
	last := []string{"clinton", "cruz", "linton", "ton", "n", "cruz jr."}
	for _, n := range []int{0, 1, 2, 3, 7, 64, 300} {
		list := make([]string, n)
		for i := range list {
			list[i] = first[r.IntN(len(first))] + " " + last[r.IntN(len(last))]
		}
		s := newSuffixes(list)
		queries := append([]string{"", "x", "on", "clinton", " clinton", "hillary clinton", "z hillary clinton"}, last...)
		for _, q := range queries {
			want, wantOK := 0, false
			for i, name := range list {
				if strings.HasSuffix(name, q) {
					want, wantOK = i, true
					break
				}
			}
			if got, ok := s.first(q); ok != wantOK || got != want {
				t.Errorf("n=%d: first(%q) = %d, %v; want %d, %v", n, q, got, ok, want, wantOK)
			}
		}
	}
}

// BenchmarkSuffixesFirst asks for the first of n namesakes n times: linear
// in n per the whole (flat per query), where a scan of the run was
// quadratic.
func BenchmarkSuffixesFirst(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		list := make([]string, n)
		for i := range list {
			list[i] = fmt.Sprintf("person%d clinton", i)
		}
		s := newSuffixes(list)
		b.Run(fmt.Sprint("n=", n), func(b *testing.B) {
			for b.Loop() {
				s.first("clinton")
			}
		})
	}
}

// FuzzFirstAndLastASCII holds firstAndLastASCII to firstAndLastField for
// every ASCII string. The seeds hold each of the six spaces, runs of
// them, at the ends and alone.
func FuzzFirstAndLastASCII(f *testing.F) {
	for _, s := range []string{"the senior official", " a spokesman ", "he", "", " ", "\t\n\v\f\r ", "one\vtwo\fthree", "a  b", "x\r"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i < len(s); i++ {
			if s[i] >= utf8.RuneSelf {
				return
			}
		}
		first, last := firstAndLastASCII(s)
		wantFirst, wantLast, _ := firstAndLastField(s)
		if first != wantFirst || last != wantLast {
			t.Errorf("firstAndLastASCII(%q) = %q, %q, want %q, %q", s, first, last, wantFirst, wantLast)
		}
	})
}
