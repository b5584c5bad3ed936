package attribution

import (
	"testing"
	"unicode/utf8"
)

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
