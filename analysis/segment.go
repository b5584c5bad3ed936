package analysis

import (
	"strings"

	"github.com/jdkato/prose/v3/segment"
)

// span is a sentence as byte offsets into its part's text, end exclusive.
type span struct {
	start, end int
	para       int // paragraph number within the part, from 0
}

// sentences splits text into sentences. Line breaks end paragraphs, and a
// sentence never crosses one: the segmenter sees one paragraph at a time.
func sentences(seg *segment.Segmenter, text string) []span {
	var out []span
	para := 0
	for off := 0; off < len(text); {
		n := strings.IndexByte(text[off:], '\n')
		if n < 0 {
			n = len(text) - off
		}
		line := text[off : off+n]
		if strings.TrimSpace(line) != "" {
			for _, s := range seg.Segment(line) {
				out = append(out, span{start: off + s.Start, end: off + s.End(), para: para})
			}
			para++
		}
		off += n + 1
	}
	return out
}
