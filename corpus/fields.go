package corpus

import (
	"encoding/json"
	"strings"
)

// jsonScalar is a JSON value kept with Reader.Keep: a string's text, a
// number or boolean as written; "" for null, objects and arrays.
func jsonScalar(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	v := strings.TrimSpace(string(raw))
	if v == "true" || v == "false" || (v != "" && (v[0] == '-' || ('0' <= v[0] && v[0] <= '9'))) {
		return v
	}
	return ""
}

// column is the value of the CSV column name (any case) in row, or "".
func column(index map[string]int, row []string, name string) string {
	if i, ok := index[strings.ToLower(strings.TrimSpace(name))]; ok && i < len(row) {
		return row[i]
	}
	return ""
}

// languageCode is the ISO 639-1 code of a language as an input gives it:
// "en", "EN", "en-US", "de_AT" give "en", "en", "en", "de". ok is false
// (and the code "") for anything else, such as "English" or "eng".
func languageCode(s string) (code string, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i >= 0 {
		s = s[:i]
	}
	if len(s) != 2 || s[0] < 'a' || s[0] > 'z' || s[1] < 'a' || s[1] > 'z' {
		return "", false
	}
	return s, true
}
