package corpus

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// readCSV reads RFC 4180 CSV with a header row naming the columns. A row
// with the wrong number of fields is skipped with a notice; a quoting error
// is an *Error, since the rows after it cannot be trusted.
func readCSV(r io.Reader, path string, emit func(Article) error, notice func(Notice), _ int) error {
	cr := csv.NewReader(r)
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
		}
	}
	if !hasColumn(index, fieldText) && !hasColumn(index, fieldTitle) {
		return &Error{Path: path, Line: headerLine, Err: errors.New("no text or title column")}
	}

	for {
		row, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return csvError(path, err)
		}
		line, _ := cr.FieldPos(0)
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
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return &Error{Path: path, Err: err}
	}
	if pe.StartLine != pe.Line { // an unclosed quote shows lines after it opened
		return &Error{Path: path, Line: pe.Line, Err: fmt.Errorf("invalid CSV in the record from line %d: %w", pe.StartLine, pe.Err)}
	}
	return &Error{Path: path, Line: pe.Line, Err: fmt.Errorf("invalid CSV: %w", pe.Err)}
}
