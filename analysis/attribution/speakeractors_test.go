package attribution

import (
	"strings"
	"testing"
)

// countsOfPlain is countsOf as it was before holdsNumberWord spared most
// phrases the lowering: every phrase lowered and searched.
func countsOfPlain(phrase string) int {
	p := strings.ToLower(phrase)
	for _, c := range partyCounts {
		if strings.Contains(p, string(c.phrase)) {
			return c.n
		}
	}
	return 0
}

func TestCountsOf(t *testing.T) {
	tests := []struct {
		phrase string
		want   int
	}{
		{"the two countries’ top diplomats", 2},
		{"Both sides", 2},
		{"officials of the THREE NATIONS", 3},
		{"the two governments", 2},
		{"the countries", 0},
		{"two of the countries", 0},
		{"twothree countries", 3},     // a number word ends at the space, wherever it starts
		{"the tWo\u00a0countries", 0}, // a no-break space is no space
		{"Mr Lavrov", 0},
		{"", 0},
	}
	for _, tt := range tests {
		if got := countsOf(tt.phrase); got != tt.want {
			t.Errorf("countsOf(%q) = %d, want %d", tt.phrase, got, tt.want)
		}
	}
}

// FuzzCountsOf holds countsOf, which looks for a number word in either
// case before it lowers the phrase, to countsOfPlain. The seeds hold the
// number words in both cases, with letters that lower outside ASCII or
// into it (İ, the Kelvin sign) and an invalid byte.
func FuzzCountsOf(f *testing.F) {
	for _, s := range []string{"the two countries", "BOTH SIDES", "ThReE nations’ leaders", "two  sides", "tİwo sides", "the \u212aboth sides", "both\xffsides", "both sides", "thre three governments", "two"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := countsOf(s), countsOfPlain(s); got != want {
			t.Errorf("countsOf(%q) = %d, want %d", s, got, want)
		}
	})
}
