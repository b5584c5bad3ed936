package actor

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// globTests are patterns, words and whether they match.
var globTests = []struct {
	pat, s string
	want   bool
}{
	{"", "", true},
	{"", "a", false},
	{"abc", "abc", true},
	{"abc", "abd", false},
	{"abc", "ab", false},
	{"*", "", true},
	{"*", "anything", true},
	{"a*", "a", true},
	{"a*", "abc", true},
	{"a*", "ba", false},
	{"*c", "abc", true},
	{"*c", "abd", false},
	{"a*c", "ac", true},
	{"a*c", "abbbc", true},
	{"a*c", "abbbd", false},
	{"a?c", "abc", true},
	{"a?c", "ac", false},
	{"a?c", "aéc", true}, // ? is one rune, not one byte
	{"a??c", "aéc", false},
	{"Ukrain*", "Ukrainian", true},
	{"*ussia*", "Russian", true},
	{"*a*a*a*b", "banana", false},
	{"*a*a*a*b", "aaab", true},
	{"*a*a*a*b", "abab", false},
	{"**a**", "a", true},
	{"*?", "", false},
	{"*?", "é", true},
	{"*??", "€", true},    // a star may end inside a rune: ? then takes its bytes one by one
	{"*???", "€", false},  // € is three bytes
	{"*?*?", "€", true},   // a piece that starts inside a rune ends before one that starts at it
	{"*?*??", "€", false}, // € is three bytes
	{"?*?*??", "€€", false},
	{"*x*", "\xffx\xff", true},
	{"?x", "\xffx", true},
}

func TestGlobMatch(t *testing.T) {
	for _, tt := range globTests {
		if got := globMatch(tt.pat, tt.s); got != tt.want {
			t.Errorf("globMatch(%q, %q) = %v, want %v", tt.pat, tt.s, got, tt.want)
		}
		if got := globMatchRecursive(tt.pat, tt.s); got != tt.want {
			t.Errorf("globMatchRecursive(%q, %q) = %v, want %v (the table is wrong)", tt.pat, tt.s, got, tt.want)
		}
	}
}

// TestGlobLongWord matches patterns with several stars against a word of
// 10,000 letters, on which the backtracking matcher never returned (80
// letters took it 29 s: issue 12). It asserts that they return, with the
// right answer; BenchmarkGlobMatch shows the time grows linearly.
func TestGlobLongWord(t *testing.T) {
	word := strings.Repeat("a", 10000)
	for _, tt := range []struct {
		pat  string
		want bool
	}{
		{"*a*a*a*b", false},
		{"*a*a*a*a", true},
		{"*a?a*a??*b*", false},
		{"a*a*a*", true},
	} {
		if got := globMatch(tt.pat, word); got != tt.want {
			t.Errorf("globMatch(%q, 10,000 a's) = %v, want %v", tt.pat, got, tt.want)
		}
	}
	// And through a table, as an actor pattern meets a text.
	table, err := Parse("long.yaml", []byte("Bee: ['*a*a*a*b']\n"))
	if err != nil {
		t.Fatal(err)
	}
	if ms := table.Match("The " + word + " buzzed; " + word + "b too."); len(ms) != 1 || ms[0].Actor != "Bee" {
		t.Errorf("Match over 10,000-letter words = %v, want one mention of Bee", ms)
	}
}

// BenchmarkGlobMatch matches patterns of several stars against words of
// growing length. MB/s stays about the same where the time is linear in the
// word: "*a*ab*a" must look at every byte for its "ab"; "*a*a*a*b" (issue
// 12's) at only a few, since its last piece is anchored at the end.
func BenchmarkGlobMatch(b *testing.B) {
	for _, pat := range []string{"*a*ab*a", "*a*a*a*b"} {
		for _, n := range []int{100, 1000, 10000, 100000} {
			word := strings.Repeat("a", n)
			b.Run(fmt.Sprintf("pat=%s/n=%d", pat, n), func(b *testing.B) {
				b.SetBytes(int64(n))
				for b.Loop() {
					globMatch(pat, word)
				}
			})
		}
	}
}

// FuzzGlobMatch holds globMatch to the backtracking matcher it replaced, on
// inputs short enough for that one to finish.
func FuzzGlobMatch(f *testing.F) {
	for _, tt := range globTests {
		f.Add(tt.pat, tt.s)
	}
	for _, seed := range [][2]string{
		{"*a*a*a*b", "aaaaaaaaab"}, {"Ukrain*", "Ukrainian"}, {"*?*??", "é"}, {"?*?*???", "ééé"},
		{"a?c", "aéc"}, {"*x*", "\xffx\xff"}, {"**", ""}, {"*€?*", "x€€\xe2\x82"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, pat, s string) {
		if len(s) > 24 || strings.Count(pat, "*") > 6 || len(pat) > 24 {
			return
		}
		if got, want := globMatch(pat, s), globMatchRecursive(pat, s); got != want {
			t.Errorf("globMatch(%q, %q) = %v, the backtracking matcher says %v", pat, s, got, want)
		}
	})
}

// globMatchRecursive is the matcher globMatch replaced: exponential in the
// stars, kept as the reference for its semantics.
func globMatchRecursive(pat, s string) bool {
	for len(pat) > 0 {
		switch pat[0] {
		case '*':
			for k := len(s); k >= 0; k-- {
				if globMatchRecursive(pat[1:], s[k:]) {
					return true
				}
			}
			return false
		case '?':
			if s == "" {
				return false
			}
			_, n := utf8.DecodeRuneInString(s)
			pat, s = pat[1:], s[n:]
		default:
			if s == "" || s[0] != pat[0] {
				return false
			}
			pat, s = pat[1:], s[1:]
		}
	}
	return s == ""
}
