package corpus

import (
	"bufio"
	"bytes"
	"io"
)

// readJSONL reads JSON Lines: one article object per line, blank lines
// ignored. A line that is not an article is skipped with a notice.
func readJSONL(r io.Reader, path string, emit func(Article) error, notice func(Notice)) error {
	// A bufio.Reader rather than a Scanner, which has a limit on line length.
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if n == 1 {
			line = bytes.TrimPrefix(line, utf8BOM)
		}
		if len(bytes.TrimSpace(line)) > 0 {
			if err := readObject(line, path, n, true, emit, notice); err != nil {
				return err
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return &Error{Path: path, Line: n, Err: err}
		}
	}
}
