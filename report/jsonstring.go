package report

import (
	"strings"
	"unicode/utf8"
)

// appendJSONString appends s as encoding/json marshals a string: quoted,
// with < > & escaped (its HTML-safe default), control characters, U+2028
// and U+2029 as \u escapes, and invalid UTF-8 as \ufffd. An article's
// evidence is one such string of some kilobytes, most of its bytes markup
// that the escapes lengthen; json.Marshal grew its buffer for it step by
// step and copied it out. TestJSONString and FuzzJSONString hold it to
// json.Marshal.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if jsonSafe[b] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default: // other control characters, < > &
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case c == '\u2028' || c == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[c&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// jsonLen is about the length of s as a JSON string: exact for the
// markup of evidence, which holds no control characters but newlines.
func jsonLen(s string) int {
	n := len(s) + 2
	n += 5 * (strings.Count(s, "<") + strings.Count(s, ">") + strings.Count(s, "&"))
	n += strings.Count(s, `"`) + strings.Count(s, "\n") + strings.Count(s, `\`)
	return n
}

// jsonSafe tells the ASCII bytes that a JSON string holds as they are.
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for b := ' '; b < utf8.RuneSelf; b++ {
		t[b] = true
	}
	for _, b := range `"\<>&` {
		t[b] = false
	}
	return t
}()
