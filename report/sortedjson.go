package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"unicode/utf8"
)

// sortedJSON appends the JSON value src to dst as json.Marshal writes what
// json.Unmarshal decodes it into (an any): the keys of every object sorted,
// the last of a key's members kept, numbers as float64s, strings escaped as
// json.Marshal escapes them. The chart options go through it where they
// went through json.Unmarshal and json.Marshal again, whose maps of every
// data point cost more than the rest of the charts (FuzzSortedJSON holds
// the two to the same bytes).
//
// src must be valid JSON, as json.Marshal writes it; of anything else
// sortedJSON makes an error or bytes of no meaning.
func sortedJSON(dst, src []byte) ([]byte, error) {
	var s sorter
	dst, rest, err := s.value(dst, src)
	if err == nil && len(skipSpace(rest)) > 0 {
		err = errNotJSON
	}
	return dst, err
}

var errNotJSON = errors.New("invalid JSON")

// sorter holds the members of the objects being written, the innermost
// last.
type sorter struct {
	members []member
	moved   []byte // an object's members while they are put in order
}

// member is an object's member as written: its key, decoded, and where
// it is in the output ("key":value).
type member struct {
	key        []byte
	start, end int
}

func (s *sorter) value(dst, src []byte) ([]byte, []byte, error) {
	src = skipSpace(src)
	if len(src) == 0 {
		return dst, src, errNotJSON
	}
	switch c := src[0]; {
	case c == '{':
		return s.object(dst, src[1:])
	case c == '[':
		return s.array(dst, src[1:])
	case c == '"':
		n := stringLen(src)
		if n < 0 {
			return dst, src, errNotJSON
		}
		dst, _, err := appendJSONString(dst, src[:n])
		return dst, src[n:], err
	case c == '-' || ('0' <= c && c <= '9'):
		return appendJSONNumber(dst, src)
	}
	for _, lit := range literals {
		if string(src[:min(len(lit), len(src))]) == lit {
			return append(dst, lit...), src[len(lit):], nil
		}
	}
	return dst, src, errNotJSON
}

var literals = []string{"true", "false", "null"}

// object writes an object's members (src is past its '{') as they come,
// and puts them in order of their keys only when they are not.
func (s *sorter) object(dst, src []byte) ([]byte, []byte, error) {
	dst = append(dst, '{')
	first, base := len(dst), len(s.members)
	if src = skipSpace(src); len(src) > 0 && src[0] == '}' {
		return append(dst, '}'), src[1:], nil
	}
	inOrder := true
	for {
		src = skipSpace(src)
		n := stringLen(src)
		if n < 0 {
			return dst, src, errNotJSON
		}
		if len(s.members) > base {
			dst = append(dst, ',')
		}
		start := len(dst)
		var key []byte
		var err error
		if dst, key, err = appendJSONString(dst, src[:n]); err != nil {
			return dst, src, err
		}
		if len(s.members) > base && bytes.Compare(s.members[len(s.members)-1].key, key) >= 0 {
			inOrder = false
		}
		if src = skipSpace(src[n:]); len(src) == 0 || src[0] != ':' {
			return dst, src, errNotJSON
		}
		dst = append(dst, ':')
		if dst, src, err = s.value(dst, src[1:]); err != nil {
			return dst, src, err
		}
		s.members = append(s.members, member{key, start, len(dst)})
		if src = skipSpace(src); len(src) == 0 {
			return dst, src, errNotJSON
		}
		if src[0] == '}' {
			break
		}
		if src[0] != ',' {
			return dst, src, errNotJSON
		}
		src = src[1:]
	}
	if !inOrder {
		dst = s.order(dst, first, s.members[base:])
	}
	s.members = s.members[:base]
	return append(dst, '}'), src[1:], nil
}

// order rewrites the members ms, written from first on, in order of their
// keys, keeping the last of a key's as json.Unmarshal does.
func (s *sorter) order(dst []byte, first int, ms []member) []byte {
	slices.SortStableFunc(ms, func(a, b member) int { return bytes.Compare(a.key, b.key) })
	s.moved = append(s.moved[:0], dst[first:]...)
	dst = dst[:first]
	for i, m := range ms {
		if i+1 < len(ms) && bytes.Equal(ms[i+1].key, m.key) {
			continue
		}
		if len(dst) > first {
			dst = append(dst, ',')
		}
		dst = append(dst, s.moved[m.start-first:m.end-first]...)
	}
	return dst
}

// array writes an array's elements (src is past its '[').
func (s *sorter) array(dst, src []byte) ([]byte, []byte, error) {
	dst = append(dst, '[')
	if src = skipSpace(src); len(src) > 0 && src[0] == ']' {
		return append(dst, ']'), src[1:], nil
	}
	for {
		var err error
		if dst, src, err = s.value(dst, src); err != nil {
			return dst, src, err
		}
		if src = skipSpace(src); len(src) == 0 {
			return dst, src, errNotJSON
		}
		switch src[0] {
		case ']':
			return append(dst, ']'), src[1:], nil
		case ',':
			dst = append(dst, ',')
			src = src[1:]
		default:
			return dst, src, errNotJSON
		}
	}
}

func skipSpace(src []byte) []byte {
	for len(src) > 0 && (src[0] == ' ' || src[0] == '\t' || src[0] == '\n' || src[0] == '\r') {
		src = src[1:]
	}
	return src
}

// stringLen returns the length of the JSON string src starts with, its
// quotes included, or -1.
func stringLen(src []byte) int {
	if len(src) == 0 || src[0] != '"' {
		return -1
	}
	for i := 1; i < len(src); i++ {
		switch src[i] {
		case '"':
			return i + 1
		case '\\':
			i++
		}
	}
	return -1
}

// appendJSONString appends the JSON string q (quotes included) as
// json.Marshal writes its value, and returns that value.
func appendJSONString(dst, q []byte) ([]byte, []byte, error) {
	if inner := q[1 : len(q)-1]; isMarshalled(inner) {
		return append(dst, q...), inner, nil
	}
	var v string
	if err := json.Unmarshal(q, &v); err != nil {
		return dst, nil, err
	}
	b, err := json.Marshal(v)
	return append(dst, b...), []byte(v), err
}

// isMarshalled reports whether the inside of a JSON string is as
// json.Marshal writes its value: no escape, and nothing that json.Marshal
// escapes (<, >, &, U+2028, U+2029) or replaces (invalid UTF-8).
func isMarshalled(s []byte) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < ' ' || c == '\\' || c == '"' || c == '<' || c == '>' || c == '&' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(s[i:])
		if (r == utf8.RuneError && n == 1) || r == '\u2028' || r == '\u2029' {
			return false
		}
		i += n
	}
	return true
}

// appendJSONNumber appends the number src starts with as json.Marshal
// writes it as a float64.
func appendJSONNumber(dst, src []byte) ([]byte, []byte, error) {
	n := 0
	for n < len(src) && isNumberByte(src[n]) {
		n++
	}
	lit := src[:n]
	if isShortestFloat(lit) {
		return append(dst, lit...), src[n:], nil
	}
	f, err := strconv.ParseFloat(string(lit), 64)
	if err != nil {
		return dst, src, err // json.Unmarshal refuses it too
	}
	b, err := json.Marshal(f)
	return append(dst, b...), src[n:], err
}

func isNumberByte(c byte) bool {
	return ('0' <= c && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'
}

// isShortestFloat reports whether a JSON number is written as json.Marshal
// writes its float64: with at most 15 digits (so that no other decimal of
// at most 15 digits has the same float64, and the shortest that does is
// its own), no exponent, no trailing zero after the point, and not below
// 1e-6 (where json.Marshal writes an exponent).
func isShortestFloat(lit []byte) bool {
	i := 0
	if i < len(lit) && lit[i] == '-' {
		i++
	}
	digits := 0
	intStart := i
	for i < len(lit) && '0' <= lit[i] && lit[i] <= '9' {
		i++
	}
	digits += i - intStart
	if i == len(lit) {
		return 0 < digits && digits <= 15
	}
	if lit[i] != '.' || i == intStart {
		return false
	}
	i++
	fracStart := i
	for i < len(lit) && '0' <= lit[i] && lit[i] <= '9' {
		i++
	}
	digits += i - fracStart
	switch {
	case i != len(lit), i == fracStart, lit[i-1] == '0', digits > 15:
		return false
	case string(lit[intStart:fracStart-1]) == "0" && bytes.HasPrefix(lit[fracStart:], []byte("000000")):
		return false
	}
	return true
}
