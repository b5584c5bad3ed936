package attribution

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/slant-news/slant/analysis/segment"
)

// quote is a stretch between quote marks: text[open:start] is the opening
// mark, text[start:end] the quoted words, text[end:close] the closing mark
// (empty when the paragraph ends first: the quote goes on in the next one).
type quote struct {
	open, start, end, close int
	para                    int
	used                    bool
}

// findQuotes finds the quotes of each paragraph: curly, straight, «» and
// the ” of some archives, then single quotes outside those. A quote mark
// left open at the end of a paragraph closes there.
func findQuotes(out []quote, text string) []quote {
	segment.Paragraphs(text, func(start, end, para int) {
		out = appendQuotes(out, text, start, end, para)
	})
	return out
}

// decodeRune is utf8.DecodeRuneInString (s not empty) with ASCII first:
// quote finding looks at every byte of every article.
func decodeRune(s string) (rune, int) {
	if s[0] < utf8.RuneSelf {
		return rune(s[0]), 1
	}
	return utf8.DecodeRuneInString(s)
}

func appendQuotes(out []quote, text string, lo, hi, para int) []quote {
	first := len(out)
	out = appendDoubleQuotes(out, text, lo, hi, para)
	out = appendSingleQuotes(out, first, text, lo, hi, para)
	slices.SortFunc(out[first:], func(x, y quote) int { return x.open - y.open })
	return out
}

// appendQuote appends the quote text[o:c] with its words text[s:e], unless
// it holds none.
func appendQuote(out []quote, o, s, e, c, para int) []quote {
	if e > s {
		out = append(out, quote{open: o, start: s, end: e, close: c, para: para})
	}
	return out
}

// appendDoubleQuotes appends the quotes of text[lo:hi] in curly, straight
// and doubled single quotes and «»; one left open closes at the end.
func appendDoubleQuotes(out []quote, text string, lo, hi, para int) []quote {
	open, width := -1, 0
	marks := newMarkScan(text, hi)
	for i := lo; i < hi; {
		if i = marks.next(i); i >= hi {
			break
		}
		r, n := decodeRune(text[i:hi])
		straight := r == '"' || (r == '\'' && i+1 < hi && text[i+1] == '\'')
		if r == '\'' && straight {
			n = 2
		}
		switch {
		case r == '“' || r == '«' || (straight && open < 0) || (r == '”' && open < 0 && opensWord(text, lo, i, i+n, hi)):
			open, width = i, n // ” opens in some archives: ”Fear. I am afraid.”
		case (r == '”' || r == '»' || straight) && open >= 0:
			out = appendQuote(out, open, open+width, i, i+n, para)
			open = -1
		}
		i += n
	}
	if open >= 0 {
		out = appendQuote(out, open, open+width, len(strings.TrimRightFunc(text[:hi], unicode.IsSpace)), hi, para)
	}
	return out
}

// markScan finds the double quote marks of text[:hi] from an offset on.
// Only " ' and the first bytes of “ ” « » (0xe2, 0xc2) can start one, and
// no other byte of any rune is one of those: each of the four is searched
// for by strings.IndexByte, which looks at many bytes at once, and found
// again only once the scan has passed it. Most of a text holds none but
// the apostrophes ' and ’, which start no mark and are stepped over here.
type markScan struct {
	text string
	hi   int
	at   [4]int // the next offset of each byte of markBytes, or hi; -1 until searched
}

var markBytes = [4]byte{'"', '\'', 0xe2, 0xc2}

func newMarkScan(text string, hi int) markScan {
	return markScan{text: text, hi: hi, at: [4]int{-1, -1, -1, -1}}
}

// next returns the first offset from i on, before hi, that may start a
// double quote mark, or hi.
func (m *markScan) next(i int) int {
	for {
		k := m.hi
		for b := range m.at {
			if m.at[b] < i {
				m.at[b] = m.hi
				if j := strings.IndexByte(m.text[i:m.hi], markBytes[b]); j >= 0 {
					m.at[b] = i + j
				}
			}
			k = min(k, m.at[b])
		}
		if k >= m.hi || m.startsMark(k) {
			return k
		}
		i = k + 1
	}
}

// startsMark reports whether the byte at k, one of markBytes, starts a
// mark: a straight double quote, two straight single ones, “ ” « or ». An
// apostrophe, a ’ or any other rune does not.
func (m *markScan) startsMark(k int) bool {
	t, hi := m.text, m.hi
	switch t[k] {
	case '"':
		return true
	case '\'':
		return k+1 < hi && t[k+1] == '\''
	case 0xe2: // “ ” are E2 80 9C, E2 80 9D
		return k+2 < hi && t[k+1] == 0x80 && (t[k+2] == 0x9c || t[k+2] == 0x9d)
	}
	return k+1 < hi && (t[k+1] == 0xab || t[k+1] == 0xbb) // « » are C2 AB, C2 BB
}

// opensWord reports whether a mark text[i:j] of text[lo:hi] stands at the
// start of a word: after the paragraph start or a space, before a letter
// or digit.
func opensWord(text string, lo, i, j, hi int) bool {
	if j >= hi {
		return false
	}
	if b, _ := utf8.DecodeLastRuneInString(text[lo:i]); i > lo && !unicode.IsSpace(b) && !unicode.Is(unicode.Cf, b) {
		return false // not after a letter; after a space or a direction mark (U+202A)
	}
	r, _ := decodeRune(text[j:hi])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// appendSingleQuotes appends the single quotes of text[lo:hi] outside the
// double ones, out[first:]: ‘ at a word start, closed by a ’ that no letter
// follows (a ’ between letters is an apostrophe). The double quotes come in
// text order without overlapping, so those closed before i are passed for
// good, and none after one that opens beyond i can hold i: each byte looks
// at one or two, not all.
func appendSingleQuotes(out []quote, first int, text string, lo, hi, para int) []quote {
	doubles := out[first:]
	open := -1
	next := 0 // the first double quote that closes after i
	for i := lo; i < hi; {
		for next < len(doubles) && doubles[next].close <= i {
			next++
		}
		if end := pastDoubleQuote(doubles[next:], i); end > i {
			i, open = end, -1
		}
		if i >= hi {
			break
		}
		// Only the first byte of ‘ and ’ matters, up to the next double
		// quote, where the loop above must look.
		if text[i] != 0xe2 {
			i = nextSingleQuoteByte(text, i, hi, doubles[next:])
			continue
		}
		r, n := decodeRune(text[i:hi])
		switch {
		case r == '‘' && (i == lo || !segment.IsLetterBefore(text, i)):
			open = i
		case r == '’' && open >= 0 && (i+n >= hi || !segment.IsLetterAt(text, i+n)) && i > open+n:
			out = appendQuote(out, open, open+n, i, i+n, para)
			open = -1
		}
		i += n
	}
	return out
}

// pastDoubleQuote returns where the double quotes (in text order, the
// first closing after i) that hold offset i end, or i when none does.
func pastDoubleQuote(doubles []quote, i int) int {
	for _, q := range doubles {
		if q.open > i {
			break
		}
		if i >= q.open && i < q.close {
			i = q.close
		}
	}
	return i
}

// nextSingleQuoteByte returns the next offset after i, before hi and the
// next double quote, that may start a ‘ or ’ (the byte 0xe2), or where the
// search must stop.
func nextSingleQuoteByte(text string, i, hi int, doubles []quote) int {
	limit := hi
	if len(doubles) > 0 && doubles[0].open > i {
		limit = min(limit, doubles[0].open)
	}
	if j := strings.IndexByte(text[i:limit], 0xe2); j >= 0 {
		return i + j
	}
	return limit
}

// Token helpers.
