package corpus

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// readJSONL reads JSON Lines: one article object per line, blank lines
// ignored. A line that is not an article is skipped with a notice, and so is
// a line over max bytes, which is never held. Lines end with \n, \r\n or a
// lone \r.
func readJSONL(r io.Reader, path string, emit func(Article) error, notice func(Notice), max int) error {
	// Pieces of lines rather than a Scanner, whose limit on line length
	// would stop the file rather than skip the line.
	ls := lines{r: bufio.NewReader(r)}
	for n := 1; ; n++ {
		line, err := ls.line(max)
		switch {
		case err == io.EOF:
			return nil
		case errors.Is(err, errTooLong):
			notice(Notice{Path: path, Line: n, Skipped: true, Reason: tooLarge(max)})
			continue
		case errors.Is(err, errEndless):
			return endless(path, n, max)
		case err != nil:
			return &Error{Path: path, Line: n, Err: err}
		}
		if n == 1 {
			line = bytes.TrimPrefix(line, utf8BOM)
		}
		if len(bytes.TrimSpace(line)) > 0 {
			if err := readObject(line, path, n, true, emit, notice); err != nil {
				return err
			}
		}
	}
}

// tooLarge is the reason an article over max bytes is skipped.
func tooLarge(max int) string {
	return fmt.Sprintf("larger than the limit of %d bytes (-max-article-bytes)", max)
}
