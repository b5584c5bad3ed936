// Package segment splits text into words, sentences and paragraphs.
//
// Words come from Tokenize; sentences from a port of the Punkt segmenter
// (see NewPunkt) run one paragraph, one line, at a time. Offsets are UTF-8
// byte offsets into the text, end exclusive.
package segment

import (
	"strings"
	"unicode/utf8"

	"github.com/slant-news/slant/analysis/vocab"
)

// Span is a sentence as byte offsets into its part's text, end exclusive.
type Span struct {
	Start, End int
	Para       int // paragraph number within the part, from 0
}

// MaxSentenceBytes bounds a sentence: a longer one (a list or a transcript
// with no full stop) is cut at the last space before the bound, or at the
// bound. Attribution and target sentiment look at the whole sentence of each
// cue and mention, so without a bound their work grows with the square of a
// sentence's length; news sentences run to a few hundred bytes.
const MaxSentenceBytes = 2000

// Sentences splits text into Sentences. Line breaks end paragraphs, and a
// sentence never crosses one: the segmenter sees one paragraph at a time.
func Sentences(seg *Punkt, text string) []Span {
	return AppendSentences(nil, seg, text)
}

// AppendSentences appends Sentences(seg, text) to out: a caller that
// splits text after text reuses one slice.
func AppendSentences(out []Span, seg *Punkt, text string) []Span {
	ts := new(types) // for every paragraph
	Paragraphs(text, func(start, end, para int) {
		seg.segment(text[start:end], ts, func(s, e int) {
			out = appendBounded(out, text, Span{Start: start + s, End: start + e, Para: para})
		})
	})
	return out
}

// appendBounded appends sentence sp to out, cut into pieces of at most
// MaxSentenceBytes.
func appendBounded(out []Span, text string, sp Span) []Span {
	for sp.End-sp.Start > MaxSentenceBytes {
		cut := cutAt(text, sp.Start, sp.Start+MaxSentenceBytes)
		out = append(out, Span{Start: sp.Start, End: cut, Para: sp.Para})
		for sp.Start = cut; sp.Start < sp.End && text[sp.Start] == ' '; sp.Start++ {
		}
	}
	return append(out, sp)
}

// cutAt returns where to cut text[start:limit], past its last space that
// is not leading, or at limit moved back to a character's start.
func cutAt(text string, start, limit int) int {
	if i := strings.LastIndexByte(text[start:limit], ' '); i > 0 {
		return start + i
	}
	for limit > start+1 && !utf8.RuneStart(text[limit]) {
		limit--
	}
	return limit
}

// Paragraphs calls fn for each paragraph of text, a line that is not blank,
// with its byte span and its number from 0.
func Paragraphs(text string, fn func(start, end, para int)) {
	para := 0
	for off := 0; off < len(text); {
		n := strings.IndexByte(text[off:], '\n')
		if n < 0 {
			n = len(text) - off
		}
		if strings.TrimSpace(text[off:off+n]) != "" {
			fn(off, off+n, para)
			para++
		}
		off += n + 1
	}
}

// Text is a text with its words and sentences (the segmenter's, before
// attribution merges any).
type Text struct {
	Text      string
	Words     []Token
	Sentences []Span
	// Lower is each word's key lowercased (LowerKeys), or nil for whoever
	// needs it to compute.
	Lower []string
	// IDs is the ID of each word of Lower in Vocab, or nil: a word looked
	// up once for every stage that reads Vocab's IDs.
	IDs   []vocab.ID
	Vocab *vocab.Vocab
}

func Split(seg *Punkt, text string) Text {
	return Text{Text: text, Words: Tokenize(text, nil, false), Sentences: Sentences(seg, text)}
}
