package segment

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/slant-news/slant/analysis/vocab"
)

// Token is a word in a text: text[start:end] is the word as a mention would
// show it, text[start:keyEnd] the form patterns are matched against (no
// possessive ’s, no final abbreviation dot).
type Token struct {
	Start, End, KeyEnd int
}

func (t Token) Key(text string) string { return text[t.Start:t.KeyEnd] }

// Tokenize splits s into words: runs of letters, digits and marks (and, when
// wild is set, the pattern wildcards * and ?). An apostrophe
// between letters stays in the word (O’Brien, Russia’s); a dot stays after a
// one- or two-letter segment followed by a letter, to keep U.S. and E.U.
// whole. Hyphens and all other punctuation split words, so pro-Russian holds
// Russian.
func Tokenize(s string, buf []Token, wild bool) []Token {
	out := buf[:0]
	if out == nil {
		out = make([]Token, 0, len(s)/4+1) // English has a word per 5 or 6 bytes: no regrowing
	}
	start := -1
	seg := 0        // letters since the word's start or its last dot
	dotted := false // the word holds an abbreviation dot
	for i := 0; i < len(s); {
		if start < 0 && !wild {
			if i, out = plainWords(s, i, out); i == len(s) {
				break
			}
		}
		// Most of a text is runs of ASCII letters and digits: take them
		// whole.
		if isASCIIWordByte(s[i]) {
			// The word's end among the eight bytes from i, the most
			// words, here without asciiWordEnd's call. (The plain
			// words are plainWords', but for the text's last few.)
			j := i + 8
			if j > len(s) {
				j = asciiWordEnd(s, i+1)
			} else if stop := notWordBytes(vocab.Load8(s[i:j])); stop != 0 {
				j = i + bits.TrailingZeros64(stop)/8
			} else {
				j = asciiWordEnd(s, j)
			}
			if start < 0 {
				start = i
			}
			seg += j - i
			i = j
			// Most words end at a space: the token is made here, not
			// through the cases below (the default's).
			if i < len(s) && s[i] == ' ' {
				out = append(out, wordToken(s, start, i, dotted))
				start, seg, dotted = -1, 0, false
				i++
			}
			continue
		}
		r, n := rune(s[i]), 1
		word := false // ASCII letters and digits are taken above
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
			word = isWordRune(r)
		}
		switch {
		case word || (wild && isWildcard(r)):
			if start < 0 {
				start = i
			}
			seg++
		case start >= 0 && isApostrophe(r) && betweenLetters(s, i, n):
			// inside the word
		case start >= 0 && r == '.' && seg <= 2 && IsLetterBefore(s, i) && (IsLetterAt(s, i+n) || dotted):
			seg = 0
			if !IsLetterAt(s, i+n) { // final dot of U.S.
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

// plainWords is Tokenize's loop from s[i] on, outside a word and without
// wildcards, for as long as it meets only the most common words, of ASCII
// letters and digits that an ASCII byte ends which can continue no word (not
// an apostrophe, a wildcard, or the dot after a short segment): it appends
// their tokens to out, within its capacity, passing the ASCII bytes between
// them, which start no word and end none, and returns where it stopped
// (before a word it does not take, a rune, or the last eight bytes). Eight
// bytes at a time, with no call in its loop, it keeps what it needs in
// registers, where Tokenize's loop, with calls on paths rarely taken,
// stored them in its frame at every word.
func plainWords(s string, i int, out []Token) (int, []Token) {
	const high = 0x8080808080808080
	for i+8 <= len(s) {
		x := vocab.Load8(s[i : i+8])
		stop := notLetterBytes(x)
		if stop&0x80 != 0 && x&0xff-'0' >= 10 {
			// Pass the bytes before the next word's, unless a rune
			// is among them.
			first := bits.TrailingZeros64(^notWordBytes(x) & high) // 64 if none
			if runes := x & high & (1<<first - 1); runes != 0 {
				return i + bits.TrailingZeros64(runes)/8, out
			}
			i += first / 8
			continue
		}
		// The word's end: the first byte that is not a letter, unless it
		// is a digit. Digits are tested only then, in the few words that
		// have them: most of notWordBytes' cost, spared.
		// bit: the high bit of the end's byte, c, so 8n+7; bit&^7 is
		// bit-7, the byte's shift, without the check for a negative one.
		j, bit, c := i, 0, byte(0)
		for {
			if stop != 0 {
				bit = bits.TrailingZeros64(stop)
				if c = byte(x >> (bit &^ 7)); c-'0' >= 10 {
					break
				}
				if stop = notWordBytes(x); stop != 0 {
					bit = bits.TrailingZeros64(stop)
					c = byte(x >> (bit &^ 7))
					break
				}
			}
			if j += 8; j+8 > len(s) {
				return i, out
			}
			x = vocab.Load8(s[j : j+8])
			stop = notLetterBytes(x)
		}
		end := j + bit/8
		if c != ' ' && (c >= utf8.RuneSelf || c == '\'' || c == '*' || c == '?' || (c == '.' && end-i <= 2)) {
			break
		}
		n := len(out)
		if n == cap(out) {
			break
		}
		out = out[:n+1]
		out[n] = Token{Start: i, End: end, KeyEnd: end}
		if i = end; c == ' ' {
			i++ // passed over with the word, as Tokenize does
		}
	}
	return i, out
}

// wordToken is the token of the word s[start:end]; dotted says whether the
// word holds an abbreviation dot.
func wordToken(s string, start, end int, dotted bool) Token {
	t := Token{Start: start, End: end, KeyEnd: end}
	switch {
	case s[end-1] == 's':
		t.End = start + len(trimPossessive(s[start:end]))
		t.KeyEnd = t.End
	case dotted && s[end-1] == '.':
		t.KeyEnd = end - 1
	}
	return t
}

// LowerKeys returns each token's key lowercased as strings.ToLower would:
// ASCII keys are sliced from one lowercased copy of text rather than
// allocated one by one.
func LowerKeys(text string, toks []Token) []string {
	return AppendLowerKeys(nil, text, toks)
}

// AppendLowerKeys appends LowerKeys(text, toks) to dst.
func AppendLowerKeys(dst []string, text string, toks []Token) []string {
	return AppendLowerKeysOf(dst, text, ASCIILower(text), toks)
}

// AppendLowerKeysOf is AppendLowerKeys for lowText, ASCIILower(text), that
// the caller has.
func AppendLowerKeysOf(dst []string, text, lowText string, toks []Token) []string {
	// The keys are written into dst grown once, not appended one by one.
	n := len(dst)
	out := slices.Grow(dst, len(toks))[:n+len(toks)]
	keys := out[n:]
	// A key is ASCII when text's first non-ASCII byte from its start on
	// lies past it. Tokens come in order, so that byte, found once, serves
	// every key before it: one scan of text, eight bytes at a time, rather
	// than a test of every key byte by byte. (from says where the scan
	// began, for tokens out of order.)
	from, next := 0, -1
	for k := 0; k < len(toks); {
		t := toks[k]
		if t.Start < from || next < t.Start {
			from, next = t.Start, indexNonASCII(text, t.Start)
		}
		if next < t.KeyEnd {
			keys[k] = strings.ToLower(t.Key(text))
			k++
			continue
		}
		k = sliceKeys(keys, lowText, toks, k, from, next)
	}
	return out
}

// sliceKeys sets keys[k] to the key of toks[k] in lowText, from k on, for
// as long as the tokens lie in text's ASCII run [from, next), and returns
// the k where it stopped: the most keys, in a loop with no call, whose
// values stay in registers (in AppendLowerKeysOf's, around the calls, they
// were stored in its frame at every key).
func sliceKeys(keys []string, lowText string, toks []Token, k, from, next int) int {
	keys = keys[:len(toks)] // as long as toks: keys[k] needs no check of its own
	for ; k < len(toks); k++ {
		t := &toks[k]
		if t.Start < from || t.KeyEnd > next {
			break
		}
		keys[k] = lowText[t.Start:t.KeyEnd]
	}
	return k
}

// indexNonASCII is the index of the first byte of s from i on that is not
// ASCII, or len(s), many bytes at a time.
func indexNonASCII(s string, i int) int {
	const high = 0x8080808080808080
	// Thirty-two at a time while there are, as the runs of ASCII in
	// news text are long; then the eight with the byte.
	for ; i+32 <= len(s); i += 32 {
		b := s[i : i+32]
		if (vocab.Load8(b)|vocab.Load8(b[8:])|vocab.Load8(b[16:])|vocab.Load8(b[24:]))&high != 0 {
			break
		}
	}
	for ; i+8 <= len(s); i += 8 {
		if x := vocab.Load8(s[i:i+8]) & high; x != 0 {
			return i + bits.TrailingZeros64(x)/8
		}
	}
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	return i
}

// AppendASCIILower appends s to dst with its ASCII capitals lowercased,
// byte for byte, as ASCIILower does.
func AppendASCIILower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// ASCIILower returns s with its ASCII capitals lowercased, byte for byte,
// so that offsets into s hold in it; s itself when it has none.
func ASCIILower(s string) string {
	i := indexASCIIUpper(s, 0)
	if i < 0 {
		return s
	}
	// Eight bytes at a time from the first capital's: a news text has a
	// capital every few words, too often to copy the runs between them.
	// They are stored into the string's bytes, not written through a
	// Builder call each.
	b := make([]byte, len(s))
	i &^= 7
	copy(b, s[:i])
	for ; i+8 <= len(s); i += 8 {
		x := vocab.Load8(s[i : i+8])
		binary.LittleEndian.PutUint64(b[i:], x|upperMask(x)>>2) // 'A'|0x20 is 'a'
	}
	for ; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	// As strings.Builder does: b is not written again, and s has a
	// capital, so b is not empty.
	return unsafe.String(&b[0], len(b))
}

// indexASCIIUpper is the index of the first ASCII capital in s from from
// on, or -1. Most of a text's bytes are not capitals: it skips eight at a
// time that hold none.
func indexASCIIUpper(s string, from int) int {
	i := from
	for ; i+8 <= len(s); i += 8 {
		if hasASCIIUpper(s[i : i+8]) {
			break
		}
	}
	for ; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return i
		}
	}
	return -1
}

// hasASCIIUpper reports whether any of the eight bytes of w is an ASCII
// capital, all eight at once ("hasbetween" of Bit Twiddling Hacks: a byte
// over '@' and under '[', for bytes under 0x80; a byte from 0x80 up is
// masked out).
func hasASCIIUpper(w string) bool { return upperMask(vocab.Load8(w)) != 0 }

// upperMask has the high bit of each byte of x that is an ASCII capital,
// and no other bit.
func upperMask(x uint64) uint64 { return vocab.Between(x, 'A', 'Z') }

// asciiWordEnd is the index of the first byte of s from i on that is not
// an ASCII letter or digit, or len(s): eight bytes at a time, most words
// being shorter. A letter's byte with its 0x20 bit set is a small letter,
// and no other byte is.
func asciiWordEnd(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		if stop := notWordBytes(vocab.Load8(s[i : i+8])); stop != 0 {
			return i + bits.TrailingZeros64(stop)/8
		}
	}
	for i < len(s) && isASCIIWordByte(s[i]) {
		i++
	}
	return i
}

// notWordBytes has the high bit of each byte of x that is not an ASCII
// letter or digit, and no other bit. It is in line where it is called
// (its cost is under the inliner's budget): a call per word was a fifth of
// the tokenizing.
func notWordBytes(x uint64) uint64 {
	const high, small, ones, low7 = 0x8080808080808080, 0x2020202020202020, 0x0101010101010101, 0x7f7f7f7f7f7f7f7f
	// vocab.Between(x|small, 'a', 'z') | vocab.Between(x, '0', '9'),
	// written out to share their terms; ^ of the sum of both, but for
	// the high bits.
	y, l := x&low7, (x|small)&low7
	letter := (ones*(127+'z'+1) - l) &^ (x | small) & (l + ones*(127-('a'-1)))
	digit := (ones*(127+'9'+1) - y) &^ x & (y + ones*(127-('0'-1)))
	return ^(letter | digit) & high
}

// notLetterBytes has the high bit of each byte of x that is not an ASCII
// letter, and no other bit: notWordBytes without the digits.
func notLetterBytes(x uint64) uint64 {
	const high, small, ones, low7 = 0x8080808080808080, 0x2020202020202020, 0x0101010101010101, 0x7f7f7f7f7f7f7f7f
	l := (x | small) & low7
	return ^((ones*(127+'z'+1) - l) &^ (x | small) & (l + ones*(127-('a'-1)))) & high
}

// CountWords is len(tokenize(s, nil, false)) without keeping the words.
func CountWords(s string) int {
	var buf [128]Token
	if len(s) < 2*len(buf) { // a word takes a byte and a separator: they fit
		return len(Tokenize(s, buf[:0], false))
	}
	return len(Tokenize(s, nil, false))
}

func isWordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf: // most text: no table lookups
		return isASCIIWordByte(byte(r))
	case '\u2000' <= r && r <= '\u206f': // General Punctuation (’ “ ” —) has none
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isASCIIWordByte reports whether c is an ASCII letter or digit: by a
// table, one load and one branch, where the three ranges took a branch
// each on bytes (words and what parts them) no predictor guesses well.
func isASCIIWordByte(c byte) bool { return asciiWordBytes[c] }

var asciiWordBytes = func() (t [256]bool) {
	for c := range t {
		t[c] = ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
	}
	return t
}()

// betweenLetters reports whether the n bytes at s[i:] have a letter on
// either side (the apostrophe of O’Brien, which stays in the word).
func betweenLetters(s string, i, n int) bool {
	return i+n < len(s) && IsLetterAt(s, i+n) && IsLetterBefore(s, i)
}

// isWildcard reports whether r is a pattern wildcard, * or ?.
func isWildcard(r rune) bool { return r == '*' || r == '?' }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func IsLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func IsLetterBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r)
}

func hasSuffix(w, suf string) bool {
	return len(w) > len(suf) && w[len(w)-len(suf):] == suf
}

// trimPossessive removes a final ’s (in any apostrophe) from w. Each
// apostrophe written out: comparisons with constants need no call.
func trimPossessive(w string) string {
	switch {
	case hasSuffix(w, "'s"):
		return w[:len(w)-len("'s")]
	case hasSuffix(w, "’s"):
		return w[:len(w)-len("’s")]
	case hasSuffix(w, "ʼs"):
		return w[:len(w)-len("ʼs")]
	}
	return w
}

// IsASCII reports whether s is all ASCII.
func IsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
