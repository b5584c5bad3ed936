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
// A broken document is an *Error; an element that is not an article is
// skipped with a notice. So is an element over max bytes (when max > 0),
// which is never held; a document over max is an *Error.
func readJSON(r io.Reader, path string, emit func(Article) error, notice func(Notice), max int) error {
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
	lr := &lineReader{r: br, line: line, max: max}
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
		err := dec.Decode(&raw)
		if errors.Is(err, errValueTooLarge) {
			// The decoder stops for good: read past the value and go on
			// with a new one.
			var start int
			if lr, dec, start, err = lr.skip(path); err != nil {
				return err
			}
			notice(Notice{Path: path, Line: start, Skipped: true, Reason: tooLarge(max)})
			prefix = "[0"
			continue
		}
		if err != nil {
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
// or tells notice why it cannot. A well-formed object is read in one pass
// (scanObject); anything else goes to encoding/json, which says what is
// wrong with it.
func readObject(data []byte, path string, line int, multi bool, emit func(Article) error, notice func(Notice)) error {
	skip := func(reason string) error {
		notice(Notice{Path: path, Line: line, Skipped: true, Reason: reason})
		return nil
	}
	valid := utf8.Valid(data)
	if !valid {
		// encoding/json replaces it with U+FFFD without a word; say so.
		notice(Notice{Path: path, Line: line, Reason: invalidUTF8})
	}
	obj, ok := scanObject(data, make(object, 0, 16)) // room for the usual record
	var dups []string
	if ok {
		dups = obj.duplicates()
	} else {
		var err error
		if obj, dups, err = decodeObject(data); err != nil {
			return skip(err.Error())
		}
	}
	for _, key := range dups {
		notice(Notice{Path: path, Line: line, Reason: fmt.Sprintf("duplicate key %q: the last value is used", key)})
	}
	var rec record
	err := rec.fill(func(f field, name string) (string, error) {
		raw := obj.get(name)
		if raw == nil || string(raw) == "null" {
			return "", nil
		}
		if s, ok := unquoteValid(raw, valid); ok {
			return s, nil
		}
		if f == fieldID && (raw[0] == '-' || '0' <= raw[0] && raw[0] <= '9') {
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
	a.lookup = func(name string) string { return jsonScalar(obj.get(name)) }
	return deliver(a, emit, notice)
}

// decodeObject is the object in data as encoding/json reads it (each key
// once, with its last value) and its duplicate keys, or the reason it is
// not an object: for what scanObject does not take, so that the reasons
// are encoding/json's.
func decodeObject(data []byte) (object, []string, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		if se := (*json.SyntaxError)(nil); errors.As(err, &se) {
			return nil, nil, errors.New("invalid JSON: " + err.Error())
		}
		return nil, nil, errors.New("not a JSON object")
	}
	if m == nil { // null
		return nil, nil, errors.New("not a JSON object")
	}
	obj := make(object, 0, len(m))
	for key, raw := range m {
		obj = append(obj, member{key: []byte(key), value: raw})
	}
	return obj, duplicateKeys(data, len(m)), nil
}

// lineReader passes the input on to a json.Decoder, keeping what it read
// since the last mark, so that decoder offsets can be turned into lines and
// syntax errors placed, without holding the whole document.
type lineReader struct {
	r     io.Reader
	buf   []byte // what was read from offset start on
	start int64
	line  int // the line at offset start
	max   int // when > 0, the most to read past a mark
}

// errValueTooLarge stops a json.Decoder that wants more than max bytes past
// the mark: as it reads only to finish a value, that value is larger.
var errValueTooLarge = errors.New("value too large")

func (l *lineReader) Read(p []byte) (int, error) {
	if l.max > 0 {
		room := l.max + 1 - len(l.buf)
		if room <= 0 {
			return 0, errValueTooLarge
		}
		p = p[:min(len(p), room)]
	}
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

// skip reads past the value after the last mark, which the decoder found
// larger than max, without holding it. It returns the line where the value
// starts, and a lineReader and decoder that go on after it, inside the
// array, as if after an element.
func (l *lineReader) skip(path string) (*lineReader, *json.Decoder, int, error) {
	lead := len(l.buf) - len(bytes.TrimLeft(l.buf, " \t\r\n,"))
	start := l.lineAt(l.start + int64(lead))
	line, scanned := start, 0
	var v valueEnd
	chunk, buf := l.buf[lead:], make([]byte, 32<<10)
	for {
		if end := v.scan(chunk); end >= 0 {
			line += bytes.Count(chunk[:end], []byte("\n"))
			// "[0" puts the decoder inside an array, after an element.
			rest := append([]byte("[0"), chunk[end:]...)
			next := &lineReader{r: io.MultiReader(bytes.NewReader(rest), l.r), line: line, max: l.max}
			dec := json.NewDecoder(next)
			dec.Token()
			dec.Decode(new(json.RawMessage))
			return next, dec, start, nil
		}
		line += bytes.Count(chunk, []byte("\n"))
		if scanned += len(chunk); scanned > skipFactor*l.max {
			return nil, nil, start, endless(path, start, l.max)
		}
		n, err := l.r.Read(buf)
		if n == 0 && err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return nil, nil, start, &Error{Path: path, Line: start, Err: fmt.Errorf("a JSON value larger than the limit of %d bytes (-max-article-bytes) does not end: %w", l.max, err)}
		}
		chunk = buf[:n]
	}
}

// valueEnd finds the end of a JSON value fed to it in pieces, after any
// space and commas, without checking it.
type valueEnd struct {
	depth                             int
	started, scalar, inString, escape bool
}

// scan returns the index in b just after the value's end, or -1 if the
// value goes on after b.
func (v *valueEnd) scan(b []byte) int {
	for i, c := range b {
		switch {
		case v.inString:
			switch {
			case v.escape:
				v.escape = false
			case c == '\\':
				v.escape = true
			case c == '"':
				v.inString = false
				if v.depth == 0 {
					return i + 1
				}
			}
		case !v.started:
			switch c {
			case ' ', '\t', '\r', '\n', ',':
			case '{', '[':
				v.started, v.depth = true, 1
			case '"':
				v.started, v.inString = true, true
			default:
				v.started, v.scalar = true, true
			}
		case v.scalar:
			switch c {
			case ' ', '\t', '\r', '\n', ',', ']', '}':
				return i
			}
		case c == '"':
			v.inString = true
		case c == '{' || c == '[':
			v.depth++
		case c == '}' || c == ']':
			if v.depth--; v.depth == 0 {
				return i + 1
			}
		}
	}
	return -1
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
	if errors.Is(err, errValueTooLarge) {
		start := len(l.buf) - len(bytes.TrimLeft(l.buf, " \t\r\n,"))
		return &Error{Path: path, Line: l.lineAt(l.start + int64(start)), Err: fmt.Errorf("a JSON value larger than the limit of %d bytes (-max-article-bytes)", l.max)}
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

// duplicateKeys returns the keys that the valid JSON object data holds more
// than once, in order, given that it has distinct keys. The keys are first
// counted as written, to spend no more on the usual object without any.
func duplicateKeys(data []byte, distinct int) []string {
	n := 0
	objectKeys(data, func([]byte) { n++ })
	if n == distinct {
		return nil
	}
	var dups []string
	seen := make(map[string]int, n)
	objectKeys(data, func(raw []byte) {
		key := string(raw)
		// As encoding/json decodes keys: escapes, and invalid UTF-8 as
		// U+FFFD, so that two keys it reads as one are a duplicate.
		if bytes.IndexByte(raw, '\\') >= 0 || !utf8.Valid(raw) {
			json.Unmarshal(append(append([]byte{'"'}, raw...), '"'), &key)
		}
		if seen[key]++; seen[key] == 2 {
			dups = append(dups, key)
		}
	})
	return dups
}

// objectKeys calls key with each key of the valid JSON object data, as
// written: without its quotes, with its escapes.
func objectKeys(data []byte, key func(raw []byte)) {
	depth, atKey := 0, false
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '{':
			depth++
			atKey = depth == 1
		case '[':
			depth++
		case '}', ']':
			depth--
		case ',':
			atKey = depth == 1
		case '"':
			end := stringEnd(data, i+1)
			if atKey {
				key(data[i+1 : end])
				atKey = false
			}
			i = end
		}
	}
}

// stringEnd is the index of the quote that closes the JSON string whose
// content starts at i in data (len(data) if none does).
func stringEnd(data []byte, i int) int {
	for {
		j := bytes.IndexAny(data[i:], `"\`)
		if j < 0 {
			return len(data)
		}
		if data[i+j] == '"' {
			return i + j
		}
		i += j + 2 // a backslash and the character it escapes
		if i >= len(data) {
			return len(data)
		}
	}
}
