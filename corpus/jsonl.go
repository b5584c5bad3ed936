package corpus

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// readJSONL reads JSON Lines: one article object per line, blank lines
// ignored. A line that is not an article is skipped with a notice.
func readJSONL(r io.Reader, path string, emit func(Article) error, notice func(Notice), max int) error {
	// A bufio.Reader rather than a Scanner, whose limit on line length would
	// stop the file rather than skip the line.
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		line, err := readLine(br, max)
		if errors.Is(err, errTooLong) {
			notice(Notice{Path: path, Line: n, Skipped: true, Reason: tooLarge(max)})
			continue
		}
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

var errTooLong = errors.New("line too long")

// readLine reads one line, end of line included. A line longer than max
// (when max > 0) is read to its end but not kept, so that one huge record
// costs no memory, and errTooLong is returned.
func readLine(br *bufio.Reader, max int) ([]byte, error) {
	var line []byte
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if max > 0 && len(line)+len(chunk) > max {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if tooLong && (err == nil || err == io.EOF) {
			return nil, errTooLong
		}
		return line, err
	}
}

// tooLarge is the reason an article over max bytes is skipped.
func tooLarge(max int) string {
	return fmt.Sprintf("larger than the limit of %d bytes (-max-article-bytes)", max)
}
