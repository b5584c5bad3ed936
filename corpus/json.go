package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// readJSON reads a JSON document: one article object, or an array of them,
// which it walks element by element so that a large array is never held whole.
// A broken document is an *Error; an element that is not an article is skipped
// with a notice.
func readJSON(r io.Reader, path string, emit func(Article) error, notice func(Notice), _ int) error {
	br := bufio.NewReader(r)
	if b, err := br.Peek(len(utf8BOM)); err == nil && bytes.Equal(b, utf8BOM) {
		br.Discard(len(b))
	}
	// Skip the leading space here, counting its lines, to see what follows.
	line := 1
	for {
		b, err := br.ReadByte()
		if err != nil {
			break
		}
		if b != ' ' && b != '\t' && b != '\r' && b != '\n' {
			br.UnreadByte()
			break
		}
		if b == '\n' {
			line++
		}
	}
	lr := &lineReader{r: br, line: line}
	dec := json.NewDecoder(lr)

	if first, _ := br.Peek(1); len(first) == 0 || first[0] != '[' {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return lr.fail(path, err, "")
		}
		if raw[0] != '{' {
			return &Error{Path: path, Line: line, Err: errors.New("not a JSON object or array")}
		}
		if err := lr.end(path, dec); err != nil {
			return err
		}
		return readObject(raw, path, line, false, emit, notice)
	}

	if _, err := dec.Token(); err != nil {
		return lr.fail(path, err, "")
	}
	prefix := "["
	for dec.More() {
		lr.mark(dec.InputOffset())
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return lr.fail(path, err, prefix)
		}
		prefix = "[0"
		start := lr.lineAt(dec.InputOffset() - int64(len(raw)))
		if err := readObject(raw, path, start, true, emit, notice); err != nil {
			return err
		}
	}
	lr.mark(dec.InputOffset())
	if _, err := dec.Token(); err != nil { // the closing ']'
		return lr.fail(path, err, prefix)
	}
	return lr.end(path, dec)
}

// readObject passes on the article in one JSON value, which starts at line,
// or tells notice why it cannot.
func readObject(data []byte, path string, line int, multi bool, emit func(Article) error, notice func(Notice)) error {
	skip := func(reason string) error {
		notice(Notice{Path: path, Line: line, Skipped: true, Reason: reason})
		return nil
	}
	if !utf8.Valid(data) {
		// encoding/json replaces it with U+FFFD without a word; say so.
		notice(Notice{Path: path, Line: line, Reason: invalidUTF8})
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(data, &obj); err != nil {
		if se := (*json.SyntaxError)(nil); errors.As(err, &se) {
			return skip("invalid JSON: " + err.Error())
		}
		return skip("not a JSON object")
	}
	if obj == nil { // null
		return skip("not a JSON object")
	}
	var rec record
	err := rec.fill(func(f field, name string) (string, error) {
		raw, ok := obj[name]
		if !ok || string(raw) == "null" {
			return "", nil
		}
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return s, nil
		}
		if f == fieldID && len(raw) > 0 && (raw[0] == '-' || '0' <= raw[0] && raw[0] <= '9') {
			return string(raw), nil // a number, as written
		}
		if f == fieldID {
			return "", fmt.Errorf("field %q is not a string or number", name)
		}
		return "", fmt.Errorf("field %q is not a string", name)
	})
	if err != nil {
		return skip(err.Error())
	}
	a := rec.article(path, line, multi)
	a.lookup = func(name string) string { return jsonScalar(obj[name]) }
	return deliver(a, emit, notice)
}

// lineReader passes the input on to a json.Decoder, keeping what it read
// since the last mark, so that decoder offsets can be turned into lines and
// syntax errors placed, without holding the whole document.
type lineReader struct {
	r     io.Reader
	buf   []byte // what was read from offset start on
	start int64
	line  int // the line at offset start
}

func (l *lineReader) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	l.buf = append(l.buf, p[:n]...)
	return n, err
}

// mark forgets what was read before offset off, but for its line count.
func (l *lineReader) mark(off int64) {
	n := l.index(off)
	l.line += bytes.Count(l.buf[:n], []byte("\n"))
	l.buf = l.buf[n:]
	l.start += int64(n)
}

func (l *lineReader) index(off int64) int {
	return int(min(max(off-l.start, 0), int64(len(l.buf))))
}

func (l *lineReader) lineAt(off int64) int {
	return l.line + bytes.Count(l.buf[:l.index(off)], []byte("\n"))
}

// end checks that nothing but space follows the document.
func (l *lineReader) end(path string, dec *json.Decoder) error {
	l.mark(dec.InputOffset())
	_, err := dec.Token()
	if err == io.EOF {
		return nil
	}
	if err == nil {
		err = errors.New("more data after the document")
	}
	return l.fail(path, err, "")
}

// fail is the *Error for err, met by the decoder after the last mark. The
// offsets of a json.Decoder's syntax errors are not those of the input, so
// fail finds the place again by checking what was read since the mark after
// prefix, the start of a document that puts it in the same context.
func (l *lineReader) fail(path string, err error, prefix string) error {
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	var se *json.SyntaxError
	if !errors.As(err, &se) && err != io.ErrUnexpectedEOF {
		return &Error{Path: path, Line: l.lineAt(l.start + int64(len(l.buf))), Err: err}
	}
	pos := len(l.buf) - len(bytes.TrimLeft(l.buf, " \t\r\n"))
	doc := append([]byte(prefix), l.buf...)
	if e := json.Unmarshal(doc, new(json.RawMessage)); errors.As(e, &se) {
		pos = int(se.Offset) - 1 - len(prefix)
	}
	return &Error{Path: path, Line: l.lineAt(l.start + int64(pos)), Err: fmt.Errorf("invalid JSON: %w", err)}
}
