// Package segment splits text into words, sentences and paragraphs.
//
// Words come from Tokenize; sentences from a port of the Punkt segmenter
// (see NewPunkt) run one paragraph, one line, at a time. Offsets are UTF-8
// byte offsets into the text, end exclusive.
package segment

import "strings"

// Span is a sentence as byte offsets into its part's text, end exclusive.
type Span struct {
	Start, End int
	Para       int // paragraph number within the part, from 0
}

// Sentences splits text into Sentences. Line breaks end paragraphs, and a
// sentence never crosses one: the segmenter sees one paragraph at a time.
func Sentences(seg *Punkt, text string) []Span {
	var out []Span
	Paragraphs(text, func(start, end, para int) {
		seg.segment(text[start:end], func(s, e int) {
			out = append(out, Span{Start: start + s, End: start + e, Para: para})
		})
	})
	return out
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
}

func Split(seg *Punkt, text string) Text {
	return Text{Text: text, Words: Tokenize(text, nil, false), Sentences: Sentences(seg, text)}
}
