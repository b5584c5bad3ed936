package corpus

import (
	"strings"
	"testing"
	"unicode/utf8"
)

var outletTests = []struct {
	in, want string
	stripped bool
}{
	{"BBC", "BBC", false},
	{"  The \t Guardian\n", "The Guardian", false},
	{"The\u00a0Times", "The Times", false},
	{"BBC\u200b", "BBC", true},
	{"\u202eCBB", "CBB", true},
	{"B\u200cB\u200dC\u200e\u200f", "BBC", true},
	{"\u202a\u202b\u202c\u202dFox", "Fox", true},
	{"\u2066Le\u2069 \u2060Monde\ufeff", "Le Monde", true},
	{"\u061cAl Jazeera", "Al Jazeera", true},
	{"\u200b \u200b", "", true},
	{"Caf\xe9 \uFFFD", "Caf\xe9 \uFFFD", false}, // invalid UTF-8 is left for Reader.check
	{"Café", "Café", false},
	// Stripping must not join invalid bytes into a character (found by FuzzCleanOutlet).
	{"\xe2\u202b\xac\xad", "\ufffd\xac\xad", true},
	{"\xe2\x82\u202b\u202c\xac", "\xe2\ufffd\xac", true},
}

func TestCleanOutlet(t *testing.T) {
	for _, tt := range outletTests {
		got, stripped := cleanOutlet(tt.in)
		if got != tt.want || stripped != tt.stripped {
			t.Errorf("cleanOutlet(%q) = %q, %v; want %q, %v", tt.in, got, stripped, tt.want, tt.stripped)
		}
	}
}

func FuzzCleanOutlet(f *testing.F) {
	for _, tt := range outletTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, stripped := cleanOutlet(s)
		if again, _ := cleanOutlet(got); again != got {
			t.Fatalf("cleanOutlet(%q) = %q, but cleanOutlet(%q) = %q", s, got, got, again)
		}
		if hasInvisible(got) || strings.Contains(got, "  ") || got != strings.TrimSpace(got) {
			t.Errorf("cleanOutlet(%q) = %q", s, got)
		}
		if stripped != hasInvisible(s) || utf8.ValidString(got) != utf8.ValidString(s) {
			t.Errorf("cleanOutlet(%q) = %q, %v", s, got, stripped)
		}
	})
}
