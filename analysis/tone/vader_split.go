package tone

import (
	"math/bits"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/slant-news/slant/analysis/vocab"
)

// VADER's split of a sentence into its words, as the reference's
// SentiText splits it, in one pass over the bytes.

// vaderSplit appends to ws text's words as the reference has them, their
// places with the IDs of their lowercase forms in index, their flags and
// whether ALL CAPS: split at white space (Python's), punctuation stripped
// from both ends unless that leaves two runes or fewer (an emoticon such
// as ":)" stays whole).
//
// low is text with its ASCII capitals lowercased (segment.ASCIILower), or
// "" to make it when a word of eight bytes or more needs it.
func vaderSplit(text, low string, index *vaderIndex, emoji []uint64, ws vaderWords) vaderWords {
	sp := vaderSplitter{text: text, low: low, index: index, emoji: emoji}
	// Room for every word, a byte and a space each at the most, so that
	// plainWords never grows it.
	words := slices.Grow(ws.words, (len(text)+1)/2) // in registers, not ws's field
	var seen vaderFlags
	for i := 0; i < len(text); {
		var plain vaderFlags
		i, words, plain = plainWords(text, i, index, words)
		seen |= plain
		if i == len(text) {
			break
		}
		if c := text[i]; c < utf8.RuneSelf {
			if pySpace[c] {
				i++
				continue
			}
			// Many of the words plainWords leaves are of printable ASCII
			// before an ASCII space, with punctuation at an end or of 16
			// bytes or more: those take one load of eight bytes.
			if i+8 <= len(text) {
				x := vocab.Load8(text[i : i+8])
				n := bits.TrailingZeros64(mayStop(x)) / 8
				if n == 8 { // a longer word
					if end, w, ok := sp.long(i, x); ok {
						seen |= w.flags
						words = append(words, w)
						i = end + 1
						continue
					}
				}
				if 0 < n && n < 8 && vaderByte[text[i+n]]&byteSpace != 0 {
					// Punctuation at an end, or plainWords would have
					// cut it.
					w := sp.short(i, n, x&(1<<(8*n)-1))
					seen |= w.flags
					words = append(words, w)
					i += n + 1
					continue
				}
			}
		} else if r, n := utf8.DecodeRuneInString(text[i:]); isPySpace(r) {
			sp.see(r)
			i += n
			continue
		}
		var w vaderToken
		i, w = sp.word(i)
		seen |= w.flags
		words = append(words, w)
	}
	return vaderWords{text: text, words: words, emoji: sp.sawEmoji, seen: seen}
}

// plainWords appends to words, which has room for them, the words from
// text[i] on while they are plain, as most are: fewer than 16 bytes of
// printable ASCII before an ASCII space, no punctuation at either end. It
// returns where it stopped, at a word that is not or at white space, and
// the words' flags or'd. It calls nothing, so that the loop keeps all in
// registers.
func plainWords(text string, i int, index *vaderIndex, words []vaderToken) (int, []vaderToken, vaderFlags) {
	var seen vaderFlags
	for i+8 <= len(text) {
		x := vocab.Load8(text[i : i+8])
		n := bits.TrailingZeros64(mayStop(x)) / 8
		// The bytes from 8 on of a longer word, and their capitals and
		// lowercase letters.
		var tail, tailUpper, tailLower uint64
		if n == 8 {
			if i+16 > len(text) {
				break
			}
			tail = vocab.Load8(text[i+8 : i+16])
			m := bits.TrailingZeros64(mayStop(tail)) / 8
			if m == 8 {
				break
			}
			n += m
			tail &= 1<<(8*m&63) - 1 // "&63": m < 8
			tailUpper, tailLower = asciiCases(tail)
		} else {
			x &= 1<<(8*n) - 1
		}
		if n == 0 || vaderByte[text[i+n]]&byteSpace == 0 || vaderPunct[text[i]] || vaderPunct[text[i+n-1]] {
			break
		}
		// Its lowercase form is x and tail with the capitals lowered
		// ('A'|0x20 is 'a').
		upper := asciiUpper(x)
		tok := vaderToken{lo: i, hi: i + n}
		if upper|tailUpper != 0 { // most words have no capital, and are not ALL CAPS
			tok.flags = capsIf(asciiLower8(x)|tailLower == 0)
		}
		if head := x | upper>>2; index.mayHold(headHash(head, n)) {
			tok.id = index.probeHead(head, tail|tailUpper>>2, n, headHash(head, n))
			tok.flags |= index.flags[tok.id]
		}
		seen |= tok.flags
		words = words[:len(words)+1] // within the room made
		words[len(words)-1] = tok
		i += n + 1
	}
	return i, words, seen
}

// vaderSplitter is what vaderSplit reads: the text, its lowered form once
// made, the index, the emoji bits. (Its methods return a word rather than append it to
// words of the splitter's, which would make the words' buffer on the
// caller's stack escape.)
type vaderSplitter struct {
	text, low string
	index     *vaderIndex
	emoji     []uint64 // vader.emojiBits, or nil to look for none
	sawEmoji  bool     // a rune had its bit in emoji
}

// see notes whether r, not ASCII, may be an emoji of the lexicon.
func (sp *vaderSplitter) see(r rune) {
	if sp.emoji != nil && sp.emoji[r&0xffff/64]&(1<<(r%64)) != 0 {
		sp.sawEmoji = true
	}
}

// lowered is the text with its ASCII capitals lowercased.
func (sp *vaderSplitter) lowered() string {
	if sp.low == "" {
		sp.low = asciiLower(sp.text)
	}
	return sp.low
}

// short is the word text[i:i+n], of n < 8 bytes of printable ASCII, x,
// with punctuation at an end, stripped unless that leaves two bytes or
// fewer.
func (sp *vaderSplitter) short(i, n int, x uint64) vaderToken {
	text := sp.text
	upper, lower := asciiCases(x)
	head := x | upper>>2 // 'A'|0x20 is 'a'
	lo, hi := stripPunct(text, i, i+n)
	if hi-lo <= 2 {
		lo, hi = i, i+n
	}
	// The bytes lo to hi of head, all of the word's lowercase form;
	// "& 63" spares the shifts Go's test for a count of 64 or more (both
	// are under 56).
	head = (head >> (8 * (lo - i) & 63)) & (1<<(8*(hi-lo)&63) - 1)
	id, flags := sp.index.lookupHead(head, hi-lo)
	return vaderToken{lo, hi, id, flags | capsIf(upper != 0 && lower == 0)}
}

// long is word for a word whose first eight bytes, x, are printable
// ASCII, and ok when it is ASCII throughout up to an ASCII space, as most
// such words are: eight bytes at a time, where word tests at each the
// bytes that word's general path has to.
func (sp *vaderSplitter) long(start int, x uint64) (end int, w vaderToken, ok bool) {
	text := sp.text
	upper, lower := asciiCases(x)
	for i := start + 8; i+8 <= len(text); i += 8 {
		y := vocab.Load8(text[i : i+8])
		stop := mayStop(y)
		if stop != 0 {
			n := bits.TrailingZeros64(stop) / 8
			u, l := asciiCases(y & (1<<(8*n&63) - 1)) // "&63": n < 8
			if vaderByte[text[i+n]]&byteSpace == 0 {
				return 0, vaderToken{}, false
			}
			var cases byte
			if upper|u != 0 {
				cases |= caseUpper
			}
			if lower|l != 0 {
				cases |= caseLower
			}
			return i + n, sp.token(start, i+n, cases, true, false), true
		}
		u, l := asciiCases(y)
		upper, lower = upper|u, lower|l
	}
	return 0, vaderToken{}, false
}

// stripPunct returns text[lo:hi]'s bounds with the punctuation at both
// ends stripped (Python's strip of string.punctuation).
func stripPunct(text string, lo, hi int) (int, int) {
	for lo < hi && vaderPunct[text[lo]] {
		lo++
	}
	for hi > lo && vaderPunct[text[hi-1]] {
		hi--
	}
	return lo, hi
}

// word is the word that starts at text[start], not white space, any word
// of any runes: its end, the word and its ID.
func (sp *vaderSplitter) word(start int) (int, vaderToken) {
	text := sp.text
	i, ascii, folds := start, true, false
	var cases byte                    // caseUpper and caseLower, of the word's ASCII bytes
	var upperBytes, lowerBytes uint64 // the same, eight bytes at a time (see asciiCases)
	for i < len(text) {
		// Eight bytes at a time up to the first that may end the word:
		// a word is most of the bytes, and most words are longer than
		// a byte test per byte is cheap.
		if i+8 <= len(text) {
			x := vocab.Load8(text[i : i+8])
			stop := mayStop(x)
			if stop != 0 {
				n := bits.TrailingZeros64(stop) / 8
				x &= 1<<(8*n) - 1
				i += n // text[i] may end the word: the test below says
			} else {
				i += 8
			}
			u, l := asciiCases(x)
			upperBytes, lowerBytes = upperBytes|u, lowerBytes|l
			if stop == 0 {
				continue
			}
		}
		k := vaderByte[text[i]]
		if k&(byteSpace|byteMulti) == 0 {
			cases |= k
			i++
			continue
		}
		if k&byteSpace != 0 {
			break
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		sp.see(r)
		if isPySpace(r) {
			break
		}
		// A rune that lowercases to another (or invalid UTF-8, which
		// strings.ToLower replaces) makes the word's lowercase form
		// more than its ASCII capitals lowered.
		folds = folds || (r == utf8.RuneError && n == 1) || unicode.ToLower(r) != r
		ascii = false
		i += n
	}
	if upperBytes != 0 {
		cases |= caseUpper
	}
	if lowerBytes != 0 {
		cases |= caseLower
	}
	return i, sp.token(start, i, cases, ascii, folds)
}

// token is the word text[start:end] and its ID, given its cases (of its
// ASCII letters), whether it is ASCII and whether a rune of it lowercases
// to another.
func (sp *vaderSplitter) token(start, end int, cases byte, ascii, folds bool) vaderToken {
	text, index := sp.text, sp.index
	lo, hi := stripPunct(text, start, end)
	if hi-lo <= 2 || !ascii && hi-lo <= 2*utf8.UTFMax && utf8.RuneCountInString(text[lo:hi]) <= 2 {
		lo, hi = start, end
	}
	w := text[lo:hi]
	// The punctuation stripped has no letters: the cases of the word's
	// ASCII letters are those of text[start:end].
	hasUpper := cases&caseUpper != 0
	var upper bool
	switch {
	case ascii:
		upper = hasUpper && cases&caseLower == 0
	case folds:
		l := pyLower(w)
		id, flags := index.lookup(l, headOf(l, 0, len(l)))
		return vaderToken{lo, hi, id, flags | capsIf(pyIsUpper(w))}
	default:
		upper = pyIsUpper(w)
	}
	if hasUpper {
		text = sp.lowered()
	}
	id, flags := index.lookup(text[lo:hi], headOf(text, lo, hi))
	return vaderToken{lo, hi, id, flags | capsIf(upper)}
}

// headOf is vocab.Head(s[lo:hi]): one load where s has eight bytes
// from lo on.
func headOf(s string, lo, hi int) uint64 {
	if lo+8 > len(s) {
		return vocab.Head(s[lo:hi])
	}
	x := vocab.Load8(s[lo : lo+8])
	if n := hi - lo; n < 8 {
		x &= 1<<(8*n) - 1
	}
	return x
}

// Bytes eight at a time, as the bytes of a uint64, the first lowest.
const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// mayStop sets the high bit of each byte of x that may end a word: below
// '!' (white space among them) or not ASCII. The others are printable
// ASCII, which never does.
func mayStop(x uint64) uint64 {
	atLeast21 := (x&^highs + (0x80-0x21)*ones) & highs // of the low seven bits
	return (x | ^atLeast21) & highs
}

// asciiCases returns the high bit of each byte of x that is an upper-case
// and a lower-case ASCII letter; each byte is below 0x80, so that a carry
// never crosses into the next.
func asciiCases(x uint64) (upper, lower uint64) { return asciiUpper(x), asciiLower8(x) }

// asciiUpper and asciiLower8 are asciiCases' two halves.
func asciiUpper(x uint64) uint64  { return (x + (0x80-'A')*ones) &^ (x + (0x80-'Z'-1)*ones) & highs }
func asciiLower8(x uint64) uint64 { return (x + (0x80-'a')*ones) &^ (x + (0x80-'z'-1)*ones) & highs }
