package corpus

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// readCSV reads RFC 4180 CSV with a header row naming the columns. A row
// with the wrong number of fields is skipped with a notice, and so is a
// record over max bytes, which is never held; a quoting error is an *Error,
// since the rows after it cannot be trusted. Lines end with \n, \r\n or a
// lone \r.
func readCSV(r io.Reader, path string, emit func(Article) error, notice func(Notice), max int) error {
	recs := &csvRecords{lines: lines{r: bufio.NewReader(r)}, path: path, max: max, line: 1}
	// tell tells of the records skipped for their size before line (all
	// when line is 0).
	tell := func(line int) {
		for len(recs.skipped) > 0 && (line == 0 || recs.skipped[0] < line) {
			notice(Notice{Path: path, Line: recs.skipped[0], Skipped: true, Reason: tooLarge(max)})
			recs.skipped = recs.skipped[1:]
		}
	}
	cr := csv.NewReader(recs)
	cr.FieldsPerRecord = -1 // checked here, to skip a bad row rather than stop
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return &Error{Path: path, Err: errors.New("no header row")}
	}
	if err != nil {
		return csvError(path, err)
	}
	headerLine, _ := cr.FieldPos(0)
	width := len(header)
	// index holds the first column of each name.
	index := make(map[string]int, width)
	for i, name := range header {
		if i == 0 {
			name = strings.TrimPrefix(name, "\ufeff")
		}
		name = strings.ToLower(strings.TrimSpace(name))
		if _, ok := index[name]; !ok {
			index[name] = i
		} else if isFieldName(name) {
			notice(Notice{Path: path, Line: headerLine, Reason: fmt.Sprintf("duplicate column %q: the first is used", name)})
		}
	}
	if !hasColumn(index, fieldText) && !hasColumn(index, fieldTitle) {
		return &Error{Path: path, Line: headerLine, Err: errors.New("no text or title column")}
	}

	for {
		row, err := cr.Read()
		if err == io.EOF {
			tell(0)
			return nil
		}
		if err != nil {
			err = csvError(path, err)
			if fe := (*Error)(nil); errors.As(err, &fe) && fe.Line > 0 {
				tell(fe.Line)
			}
			return err
		}
		line, _ := cr.FieldPos(0)
		tell(line)
		if len(row) != width {
			reason := fmt.Sprintf("%d fields where the header has %d", len(row), width)
			notice(Notice{Path: path, Line: line, Skipped: true, Reason: reason})
			continue
		}
		var rec record
		rec.fill(func(_ field, name string) (string, error) {
			if i, ok := index[name]; ok {
				return row[i], nil
			}
			return "", nil
		})
		a := rec.article(path, line, true)
		a.lookup = func(name string) string { return column(index, row, name) }
		if err := deliver(a, emit, notice); err != nil {
			return err
		}
	}
}

// isFieldName reports whether name is one of fieldNames: a column that is
// read.
func isFieldName(name string) bool {
	for _, names := range fieldNames {
		if slices.Contains(names, name) {
			return true
		}
	}
	return false
}

// hasColumn reports whether the header names f under one of its names.
func hasColumn(index map[string]int, f field) bool {
	for _, name := range fieldNames[f] {
		if _, ok := index[name]; ok {
			return true
		}
	}
	return false
}

// csvError is the *Error for an error of the csv package, at its line.
func csvError(path string, err error) error {
	if fe := (*Error)(nil); errors.As(err, &fe) {
		return fe // from csvRecords
	}
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return &Error{Path: path, Err: err}
	}
	if pe.StartLine != pe.Line { // an unclosed quote shows lines after it opened
		return &Error{Path: path, Line: pe.Line, Err: fmt.Errorf("invalid CSV in the record from line %d: %w", pe.StartLine, pe.Err)}
	}
	return &Error{Path: path, Line: pe.Line, Err: fmt.Errorf("invalid CSV: %w", pe.Err)}
}

// csvRecords hands CSV input on to a csv.Reader one whole record at a time,
// so that a record over max bytes is never held: it is passed on as its line
// ends alone, blank lines that csv.Reader skips but counts, and its line is
// kept in skipped for readCSV to tell. Every line end is passed on as \n, a
// lone \r (old Mac files) included. A record ends at a line end after an
// even number of quotes, as it does for csv.Reader in any record it accepts.
type csvRecords struct {
	lines   lines
	path    string
	max     int    // 0 for no limit
	line    int    // where the next record starts
	buf     []byte // the record being passed on
	off     int    // how much of buf was passed on
	skipped []int  // lines of records over max not yet told
	header  bool   // the header row was passed on
	err     error
}

func (c *csvRecords) Read(p []byte) (int, error) {
	for c.off == len(c.buf) {
		if c.err != nil {
			return 0, c.err
		}
		c.err = c.next()
	}
	n := copy(p, c.buf[c.off:])
	c.off += n
	return n, nil
}

// next reads the next record into buf.
func (c *csvRecords) next() error {
	c.buf, c.off = c.buf[:0], 0
	start := c.line
	size, ends, quotes, tooLong := 0, 0, 0, false
	var err error
	for {
		var piece []byte
		var end bool
		piece, end, err = c.lines.next()
		size += len(piece)
		quotes += bytes.Count(piece, []byte{'"'})
		if end {
			size++
			ends++
		}
		if !tooLong && c.max > 0 && size > c.max {
			if !c.header {
				return &Error{Path: c.path, Line: start, Err: fmt.Errorf("header row larger than the limit of %d bytes (-max-article-bytes)", c.max)}
			}
			tooLong, c.buf = true, c.buf[:0]
		}
		if tooLong && size > skipFactor*c.max {
			return endless(c.path, start, c.max)
		}
		if !tooLong {
			c.buf = append(c.buf, piece...)
			if end {
				c.buf = append(c.buf, '\n')
			}
		}
		if (end && quotes%2 == 0) || err != nil {
			break
		}
	}
	c.line += ends
	if tooLong {
		c.skipped = append(c.skipped, start)
		c.buf = append(c.buf[:0], bytes.Repeat([]byte{'\n'}, ends)...)
	} else if len(bytes.Trim(c.buf, "\n")) > 0 {
		c.header = true
	}
	if err != nil && len(c.buf) > 0 {
		return nil // the error comes after this record
	}
	return err
}
