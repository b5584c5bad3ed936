package segment

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/slant-news/slant/analysis/internal/testseed"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		text string
		wild bool
		want []string // each word, then "|" and its key where that differs
	}{
		{"Russia’s war, pro-Russian forces", false, []string{"Russia", "war", "pro", "Russian", "forces"}},
		{"O'Brien and O’Brien met the U.S. and E.U. envoys.", false, []string{"O'Brien", "and", "O’Brien", "met", "the", "U.S.|U.S", "and", "E.U.|E.U", "envoys"}},
		{"The U.S.-led talks", false, []string{"The", "U.S.|U.S", "led", "talks"}},
		{"e.g. i.e. etc.", false, []string{"e.g.|e.g", "i.e.|i.e", "etc"}},
		{"Zelenskyy’s “peace” plan—again…", false, []string{"Zelenskyy", "peace", "plan", "again"}},
		{"naïve cafe\u0301, Kyiv's 2,500 troops", false, []string{"naïve", "cafe\u0301", "Kyiv", "2", "500", "troops"}},
		{"rock 'n' roll ’90s", false, []string{"rock", "n", "roll", "90s"}},
		{"Pres* ?utin", true, []string{"Pres*", "?utin"}},
		{"Pres* ?utin", false, []string{"Pres", "utin"}},
		{"a\xffb", false, []string{"a", "b"}},
		{"", false, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, tk := range Tokenize(tt.text, nil, tt.wild) {
			w := tt.text[tk.Start:tk.End]
			if k := tk.Key(tt.text); k != w {
				w += "|" + k
			}
			got = append(got, w)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("tokenize(%q, %v) = %q, want %q", tt.text, tt.wild, got, tt.want)
		}
	}
}

// TestIsWordRune checks isWordRune's shortcuts against the Unicode tables,
// rune by rune.
func TestIsWordRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
		if got := isWordRune(r); got != want {
			t.Fatalf("isWordRune(%U) = %v, want %v", r, got, want)
		}
	}
}

// TestASCIILower holds ASCIILower to lowercasing byte by byte.
func TestASCIILower(t *testing.T) {
	for _, s := range []string{"", "abc", "ABC", "Hello, World", "ÉCOLE Zürich", "a\xffZ", "Z", "zZ@[`{",
		"the quick brown fox jumps over the lazy dog, Said", "@@@@@@@@[[[[[[[[", "\xc1\xdb\xc1\xda\x80\xff@[A", "12345678Z"} {
		checkASCIILower(t, s)
	}
}

// FuzzASCIILower holds ASCIILower, which skips eight bytes at a time, to
// lowercasing byte by byte.
func FuzzASCIILower(f *testing.F) {
	f.Add("Hello, World: eight bytes at a time, then THE REST")
	f.Add("\xc1\xdb\xc1\xda\x80\xff@[`{AZaz")
	f.Fuzz(checkASCIILower)
}

// TestASCIIWordEnd holds asciiWordEnd, eight bytes at a time, to a walk
// byte by byte, from every offset.
func TestASCIIWordEnd(t *testing.T) {
	for _, s := range []string{"", "abc", "Russia's", "0123456789abcdefXYZ_", "@[`{/:\x7f", "abcdefgh\xc3\xa9t\xe9", "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz"} {
		checkASCIIWordEnd(t, s)
	}
}

// FuzzASCIIWordEnd is TestASCIIWordEnd on any text.
func FuzzASCIIWordEnd(f *testing.F) {
	f.Add("Kyiv and Moscow, 2025: the U.S. talks in Riyadh")
	f.Add("@@@@@@@@[[[[[[[[````````{{{{{{{{////////::::::::\xc1\xfa09AZaz")
	f.Fuzz(checkASCIIWordEnd)
}

func checkASCIIWordEnd(t *testing.T, s string) {
	for i := 0; i <= len(s); i++ {
		want := i
		for want < len(s) && (('a' <= s[want] && s[want] <= 'z') || ('A' <= s[want] && s[want] <= 'Z') || ('0' <= s[want] && s[want] <= '9')) {
			want++
		}
		if got := asciiWordEnd(s, i); got != want {
			t.Fatalf("asciiWordEnd(%q, %d) = %d, want %d", s, i, got, want)
		}
	}
}

func checkASCIILower(t *testing.T, s string) {
	want := []byte(s)
	for i, c := range want {
		if 'A' <= c && c <= 'Z' {
			want[i] = c + 'a' - 'A'
		}
	}
	if got := ASCIILower(s); got != string(want) {
		t.Errorf("ASCIILower(%q) = %q, want %q", s, got, want)
	}
}

// BenchmarkASCIILower lowers the seed article's text, as Analyze does its
// body's.
func BenchmarkASCIILower(b *testing.B) {
	text := testseed.Read(b).Text
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		ASCIILower(text)
	}
}

// TestLowerKeys holds AppendLowerKeysOf, which finds the non-ASCII bytes
// once for all the keys, to lowering each key as strings.ToLower does,
// with the tokens in order and out of it.
func TestLowerKeys(t *testing.T) {
	for _, s := range []string{"", "Russia’s war, pro-Russian forces", "naïve Café ЗЕЛЕНСЬКИЙ and Kyiv's U.S.", "a\xffB \xc3\xa9Té", "ÉCOLE Zürich abcdefghijklmnop ABCDEFGHIJ"} {
		checkLowerKeys(t, s)
	}
}

// FuzzLowerKeys is TestLowerKeys on any text.
func FuzzLowerKeys(f *testing.F) {
	f.Add("Zelenskyy’s “peace” plan—again… naïve cafe\u0301, Kyiv's 2,500 troops")
	f.Add("ÀÉÎ abc DÉF \xff\xfeGhI Ωmega U.S.")
	f.Fuzz(checkLowerKeys)
}

func checkLowerKeys(t *testing.T, s string) {
	toks := Tokenize(s, nil, false)
	rev := slices.Clone(toks)
	slices.Reverse(rev)
	// Tokens out of order and overlapping, too: a key's non-ASCII byte may
	// lie before the last one found.
	odd := append(slices.Clone(rev), toks...)
	for _, tk := range toks {
		odd = append(odd, Token{Start: 0, End: tk.End, KeyEnd: tk.KeyEnd}, tk)
	}
	for _, ts := range [][]Token{toks, rev, odd} {
		want := make([]string, len(ts))
		for i, tk := range ts {
			want[i] = strings.ToLower(tk.Key(s))
		}
		if got := LowerKeys(s, ts); !slices.Equal(got, want) {
			t.Fatalf("LowerKeys(%q, %v) = %q, want %q", s, ts, got, want)
		}
		if got := AppendLowerKeys([]string{"x"}, s, ts); got[0] != "x" || !slices.Equal(got[1:], want) {
			t.Fatalf("AppendLowerKeys(x, %q, %v) = %q, want x then %q", s, ts, got, want)
		}
	}
	for i := 0; i <= len(s); i++ {
		want := i
		for want < len(s) && s[want] < 0x80 {
			want++
		}
		if got := indexNonASCII(s, i); got != want {
			t.Fatalf("indexNonASCII(%q, %d) = %d, want %d", s, i, got, want)
		}
	}
}

// FuzzTokenize holds Tokenize, which takes runs of ASCII letters and digits
// whole and ends a word at a space in place, to tokenizeByRune, the walk
// rune by rune it stands for.
func FuzzTokenize(f *testing.F) {
	f.Add("O'Brien and O’Brien met the U.S. and E.U. envoys.  Russia’s pro-Russian  forces")
	f.Add("naïve cafe\u0301, Kyiv's 2,500 troops; e.g. i.e. etc. a.b.c.d Pres* ?utin\xff ’90s")
	f.Add("Mr. Ab.Cd abc.de U.S,NATO's x*y a?b (ok)-end: it's.")
	f.Add("Kyiv and Moscow talk in Riyadh today, then stop: a b c d e f g h i j k l m n o p")
	f.Add("covid19 and G20 abcdefg1 abcdefgh12345678x 2025abcdefghij9, 1 22 333 4444 55555 F-16s")
	f.Fuzz(func(t *testing.T, s string) {
		for _, wild := range []bool{false, true} {
			want := tokenizeByRune(s, wild)
			if got := Tokenize(s, nil, wild); !slices.Equal(got, want) {
				t.Fatalf("Tokenize(%q, %v) = %v, want %v", s, wild, got, want)
			}
			// A buffer that fills up before the text's words are
			// done: plainWords stops where it is full.
			if got := Tokenize(s, make([]Token, 0, 1), wild); !slices.Equal(got, want) {
				t.Fatalf("Tokenize(%q, %v) into a buffer of one = %v, want %v", s, wild, got, want)
			}
		}
	})
}

// tokenizeByRune is Tokenize without its shortcuts: every rune through
// the one switch.
func tokenizeByRune(s string, wild bool) []Token {
	var out []Token
	start, seg, dotted := -1, 0, false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRune(r) || (wild && (r == '*' || r == '?')):
			if start < 0 {
				start = i
			}
			seg++
		case start >= 0 && isApostrophe(r) && i+n < len(s) && IsLetterAt(s, i+n) && IsLetterBefore(s, i):
		case start >= 0 && r == '.' && seg <= 2 && IsLetterBefore(s, i) && (IsLetterAt(s, i+n) || dotted):
			seg = 0
			if !IsLetterAt(s, i+n) {
				i += n
				out = append(out, wordToken(s, start, i, true))
				start, dotted = -1, false
				continue
			}
			dotted = true
		default:
			if start >= 0 {
				out = append(out, wordToken(s, start, i, dotted))
				start, seg, dotted = -1, 0, false
			}
		}
		i += n
	}
	if start >= 0 {
		out = append(out, wordToken(s, start, len(s), dotted))
	}
	return out
}

// FuzzNotLetterBytes holds notLetterBytes to a test of each byte.
func FuzzNotLetterBytes(f *testing.F) {
	f.Add(uint64(0x4061625a5b607a7b))
	f.Add(uint64(0xc1e1fadb30393a2f))
	f.Fuzz(func(t *testing.T, x uint64) {
		var want uint64
		for i := range 8 {
			if c := byte(x >> (8 * i)); !('a' <= c && c <= 'z') && !('A' <= c && c <= 'Z') {
				want |= 0x80 << (8 * i)
			}
		}
		if got := notLetterBytes(x); got != want {
			t.Fatalf("notLetterBytes(%#x) = %#x, want %#x", x, got, want)
		}
	})
}
