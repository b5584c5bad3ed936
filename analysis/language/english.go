package language

import (
	"math/bits"

	"github.com/slant-news/slant/analysis/vocab"
)

// englishWords are English function words that no other language common in
// the news uses as words of its own ("in", "is", "was", "to", "for", "at",
// "on", "as", "by" and "will" are left out for Dutch, German, the
// Scandinavian languages, French, Portuguese and the Slavic ones).
var englishWords = map[string]bool{
	"the": true, "of": true, "and": true, "that": true, "with": true, "from": true,
	"said": true, "have": true, "has": true, "are": true, "it": true, "his": true,
	"which": true, "this": true, "been": true, "were": true, "their": true,
	"would": true, "its": true, "who": true, "they": true, "but": true, "not": true,
}

// doubtWords are English words that are no words of their own in French,
// German, Spanish, Italian or Portuguese, the languages whatlanggo takes
// short English news for ("at", "to", "for", "by" and "over" are left out
// for the Scandinavian languages, Dutch and Polish). With englishWords they
// make a detection of another language doubtful (see someShare).
var doubtWords = map[string]bool{
	"at": true, "after": true, "says": true, "near": true, "about": true,
	"into": true, "up": true, "against": true,
}

// The fast path's bounds: it looks at the first plainWords words, and takes
// a text for English when at least plainShare of them, and minWords in all,
// are englishWords. English news prose has about one word in five among
// them; the German, French, Spanish, Dutch, Polish and Russian texts of the
// tests have none or almost none.
const (
	plainWords = 300
	minWords   = 30
	plainShare = 0.10
)

// someShare is the share of englishWords and doubtWords above which Detect
// does not believe whatlanggo's naming of another language: on English
// headlines with a short lead it named French, German or Dutch for 0.15%
// (one outlet's headlines that open with a region and a colon, of the
// shape "Floods in the river valley: ..."), most with one such
// word in 50 or more; the German and French texts of the tests have none.
const someShare = 0.02

// plainlyEnglish reports whether text is English beyond doubt, by its
// function words: a fast path before whatlanggo, which costs about half a
// millisecond a text, most of it comparing the text with each profile of
// its script, and would double the CPU time of a run on English news.
func plainlyEnglish(text string) bool {
	words, english := functionWords(text)
	return words >= minWords && float64(english) >= plainShare*float64(words)
}

// someEnglish reports whether text has enough English function words for
// a detection of another language to be doubted.
func someEnglish(text string) bool {
	words, english := countWords(text, inEnglish|inDoubt)
	return english > 0 && float64(english) >= someShare*float64(words)
}

// functionWords counts the words among the first plainWords of text, and
// how many of them are englishWords.
func functionWords(text string) (words, english int) {
	return countWords(text, inEnglish)
}

// countWords counts the words among the first plainWords of text, and how
// many of them, in ASCII lower case, are in one of the sets of mask.
func countWords(text string, mask uint8) (words, english int) {
	for i := 0; i < len(text) && words < plainWords; {
		// A word is a run of letters, those beyond ASCII included.
		for i < len(text) && !inWord(text[i]) {
			i++
		}
		start := i
		i = wordEnd(text, i)
		if i == start {
			break
		}
		words++
		if w := text[start:i]; len(w) <= len("against") && listed.sets(w)&mask != 0 {
			english++
		}
	}
	return words, english
}

// wordEnd is the index of the first byte of text from i on that is not
// part of a word (inWord), or len(text): eight bytes at a time, as
// segment's asciiWordEnd, where a byte at a time was most of Detect's fast
// path.
func wordEnd(text string, i int) int {
	const high, small = 0x8080808080808080, 0x2020202020202020
	for ; i+8 <= len(text); i += 8 {
		// The high bit of each byte under 0x80 that, its 0x20 bit set,
		// is from 'a' to 'z', and of each byte from 0x80 up.
		x := vocab.Load8(text[i:i+8]) | small
		if stop := ^(vocab.Between(x, 'a', 'z') | x) & high; stop != 0 {
			return i + bits.TrailingZeros64(stop)/8
		}
	}
	for i < len(text) && inWord(text[i]) {
		i++
	}
	return i
}

// inWord reports whether b is part of a word: an ASCII letter, or a byte of
// a character beyond ASCII.
func inWord(b byte) bool { return ('a' <= b|0x20 && b|0x20 <= 'z') || b >= 0x80 }

// The sets of englishWords and doubtWords, as bits.
const (
	inEnglish uint8 = 1 << iota
	inDoubt
)

// wordTable holds the words of englishWords and doubtWords by wordKey, with
// the sets each is in: a word of a text costs a multiplication and a read or
// two where a map lookup hashed its bytes (a fifth of Detect's time on
// English news).
type wordTable struct {
	keys [256]uint64 // 0 for empty
	in   [256]uint8  // the sets of keys[i]
}

var listed = func() *wordTable {
	t := new(wordTable)
	for _, l := range []struct {
		words map[string]bool
		set   uint8
	}{{englishWords, inEnglish}, {doubtWords, inDoubt}} {
		for w := range l.words {
			k := wordKey(w)
			i := tableSlot(k)
			for t.keys[i] != 0 && t.keys[i] != k {
				i = (i + 1) % uint64(len(t.keys))
			}
			t.keys[i] = k
			t.in[i] |= l.set
		}
	}
	return t
}()

// wordKey packs w, of at most eight bytes (none of them zero), into an
// integer, each byte ORed with 0x20: ASCII letters lowered, and nothing
// else becomes one.
func wordKey(w string) uint64 {
	return vocab.Head(w) | 0x2020202020202020>>(8*(8-len(w)))
}

func tableSlot(k uint64) uint64 { return k * 0x9e3779b97f4a7c15 >> 56 }

// sets returns the sets the word w (at most eight bytes), in ASCII lower
// case, is in.
func (t *wordTable) sets(w string) uint8 {
	k := wordKey(w)
	for i := tableSlot(k); t.keys[i] != 0; i = (i + 1) % uint64(len(t.keys)) {
		if t.keys[i] == k {
			return t.in[i]
		}
	}
	return 0
}
