package corpus

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// skipFactor bounds the reading of a record over the limit: it is read on to
// its end without being held, so that the records after it can be read, but
// a record with no end skipFactor times the limit after its start is taken
// for a binary or endless input (/dev/zero, say), and reading stops there.
const skipFactor = 64

var (
	errTooLong = errors.New("line too long")
	errEndless = errors.New("no end")
)

// endless is the error for a record at line that has no end within the
// bound of skipFactor * max bytes.
func endless(path string, line, max int) *Error {
	return &Error{Path: path, Line: line, Err: fmt.Errorf("a record larger than the limit of %d bytes (-max-article-bytes) with no end in %d bytes (a binary or endless file?)", max, skipFactor*max)}
}

// lines splits its input into lines ended by \n, \r\n or a lone \r (the line
// end of old Mac files), handing them out in pieces, so that a caller can
// drop a long line rather than hold it.
type lines struct {
	r   *bufio.Reader
	buf []byte // the line line returned last
}

// next returns the next piece of the current line, without its end, and
// whether the line ends after it. The piece is valid until the next call. At
// the end of the input it returns io.EOF (or the input's error), with no
// piece.
func (l *lines) next() (piece []byte, end bool, err error) {
	if _, err := l.r.Peek(1); err != nil {
		return nil, false, err
	}
	buf, _ := l.r.Peek(l.r.Buffered())
	// Two passes of IndexByte are much faster than one of IndexAny.
	i := bytes.IndexByte(buf, '\n')
	before := buf // where a \r before the first \n would be
	if i >= 0 {
		before = buf[:i]
	}
	if cr := bytes.IndexByte(before, '\r'); cr >= 0 {
		i = cr
	}
	switch {
	case i < 0:
		l.r.Discard(len(buf))
		return buf, false, nil
	case buf[i] == '\n':
		l.r.Discard(i + 1)
		return buf[:i], true, nil
	case i+1 < len(buf):
		l.r.Discard(i + 1)
		if buf[i+1] == '\n' {
			l.r.Discard(1)
		}
		return buf[:i], true, nil
	case i > 0: // a \r last in the buffer: hand out what is before it first
		l.r.Discard(i)
		return buf[:i], false, nil
	}
	// A \r alone in the buffer: see whether a \n follows.
	if next, _ := l.r.Peek(2); len(next) == 2 && next[1] == '\n' {
		l.r.Discard(2)
	} else {
		l.r.Discard(1)
	}
	return nil, true, nil
}

// line returns the next line, its end given as \n (valid until the next
// call), and io.EOF (or the input's error) after the last. A line over max bytes
// (when max > 0) is read to its end without being held, and errTooLong
// returned; errEndless if the end is not within skipFactor * max bytes.
func (l *lines) line(max int) ([]byte, error) {
	l.buf = l.buf[:0]
	size, tooLong, any := 0, false, false
	for {
		piece, end, err := l.next()
		size += len(piece)
		any = any || end || len(piece) > 0
		if !tooLong && max > 0 && size > max {
			tooLong, l.buf = true, l.buf[:0]
		}
		if tooLong && size > skipFactor*max {
			return nil, errEndless
		}
		if !tooLong {
			l.buf = append(l.buf, piece...)
		}
		switch {
		case tooLong && (end || err == io.EOF):
			return nil, errTooLong
		case end:
			l.buf = append(l.buf, '\n')
			return l.buf, nil
		case err == io.EOF && any:
			return l.buf, nil // the last line, without an end
		case err != nil:
			return l.buf, err
		}
	}
}
