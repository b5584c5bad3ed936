package analysis

import "strings"

// span is a sentence as byte offsets into its part's text, end exclusive.
type span struct {
	start, end int
	para       int // paragraph number within the part, from 0
}

// sentences splits text into sentences. Line breaks end paragraphs, and a
// sentence never crosses one: the segmenter sees one paragraph at a time.
func sentences(seg *punkt, text string) []span {
	var out []span
	paragraphs(text, func(start, end, para int) {
		seg.segment(text[start:end], func(s, e int) {
			out = append(out, span{start: start + s, end: start + e, para: para})
		})
	})
	return out
}

// paragraphs calls fn for each paragraph of text, a line that is not blank,
// with its byte span and its number from 0.
func paragraphs(text string, fn func(start, end, para int)) {
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
