package attribution

import (
	"strings"
	"testing"
)

// FuzzIsNumber holds isNumber to the strings.Trim it replaced.
func FuzzIsNumber(f *testing.F) {
	for _, s := range []string{"", "312", "1,200", "3.5", ",", "12a", "a12", "١٢", "1 2", "\xff1", "12\xe2\x80\x99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := isNumber(w), w != "" && strings.Trim(w, "0123456789,.") == ""; got != want {
			t.Fatalf("isNumber(%q) = %v, want %v", w, got, want)
		}
	})
}
