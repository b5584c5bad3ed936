package report

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// A merge of partial runs renames a duplicate id (id~2) after its rows were
// rendered; these functions give rendered rows the suffix, byte for byte as
// rendering them with the new id would (TestRename holds them to that). The
// suffix needs no quoting or escaping in CSV or HTML, and does not change
// whether a field is neutralised, which depends on its first characters.

// RenameCSV appends suffix to the article id, the first field, of every
// record of an article's rows.
func RenameCSV(rows CSVRows, suffix string) (CSVRows, error) {
	for i := range rows {
		var err error
		if rows[i], err = AppendToField(rows[i], 0, suffix); err != nil {
			return rows, fmt.Errorf("%s: %w", articleTables[i].file, err)
		}
	}
	return rows, nil
}

// AppendToField appends suffix to field n (from 0) of every CSV record in
// rows, as written by the CSV files' writer.
func AppendToField(rows []byte, n int, suffix string) ([]byte, error) {
	if len(rows) == 0 || suffix == "" || strings.ContainsAny(suffix, "\",\r\n") {
		return rows, nil
	}
	r := csv.NewReader(bytes.NewReader(rows))
	r.FieldsPerRecord = -1
	var out []byte
	start := 0
	for {
		if _, err := r.Read(); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return rows, err
		}
		end := int(r.InputOffset())
		at, err := fieldEnd(rows[start:end], n)
		if err != nil {
			return rows, err
		}
		if at >= 3 && string(rows[start+at-3:start+at+1]) == `"\."` && (at == 3 || rows[start+at-4] == ',') {
			// encoding/csv quotes a field of \. alone (for Postgres), not
			// \. with more after it
			out = append(out, rows[start:start+at-3]...)
			out = append(out, `\.`...)
			out = append(out, suffix...)
			out = append(out, rows[start+at+1:end]...)
			start = end
			continue
		}
		out = append(out, rows[start:start+at]...)
		out = append(out, suffix...)
		out = append(out, rows[start+at:end]...)
		start = end
	}
	return out, nil
}

// fieldEnd returns the offset in record where field n's value ends: before
// its closing quote, if quoted.
func fieldEnd(record []byte, n int) (int, error) {
	i := 0
	for field := 0; ; field++ {
		end := i
		if end < len(record) && record[end] == '"' {
			end++
			for end < len(record) {
				if record[end] == '"' {
					if end+1 < len(record) && record[end+1] == '"' {
						end += 2
						continue
					}
					break
				}
				end++
			}
			if field == n {
				return end, nil
			}
			end++ // the closing quote
		} else {
			for end < len(record) && record[end] != ',' && record[end] != '\n' {
				end++
			}
			if field == n {
				return end, nil
			}
		}
		if end >= len(record) || record[end] != ',' {
			return 0, fmt.Errorf("no field %d in %q", n, record)
		}
		i = end + 1
	}
}

// Rename gives a rendered row the id id in place of old, an article of the
// outlet.
func (r *HTMLRow) Rename(outlet, old, id string) {
	const meta = `<div class="meta">`
	r.HTML = bytes.Replace(r.HTML, appendHTML([]byte(meta), old), appendHTML([]byte(meta), id), 1)
	for i := range r.Points {
		r.Points[i].Name = pointName(outlet, id)
	}
}
