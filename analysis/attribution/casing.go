package attribution

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The rules ask of words and phrases in lower or upper case many times
// over; these give strings.ToLower's and strings.ToUpper's answers without
// the copies those make.

// foldMax bounds the words lowered on the stack by lowerASCII: longer ones
// are lowered by strings.ToLower, as are words that are not ASCII.
const foldMax = 64

// lowerASCII appends s lowercased to dst, which has room for foldMax bytes,
// when s is ASCII and fits: then it is strings.ToLower(s), without a string
// made for it. The resolver looks up the words of speaker phrases, which are
// capitalized, and the lowered copies were most of its allocations.
func lowerASCII(dst []byte, s string) ([]byte, bool) {
	if len(s) > foldMax {
		return nil, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return nil, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst, true
}

// lookupFold returns m[strings.ToLower(k)].
func lookupFold[V any](m map[string]V, k string) (V, bool) {
	var buf [foldMax]byte
	if low, ok := lowerASCII(buf[:0], k); ok {
		v, ok := m[string(low)]
		return v, ok
	}
	v, ok := m[strings.ToLower(k)]
	return v, ok
}

// hasLowerSuffix reports whether strings.ToLower(s) ends in suffix.
func hasLowerSuffix(s, suffix string) bool {
	var buf [foldMax]byte
	if low, ok := lowerASCII(buf[:0], s); ok {
		return len(low) >= len(suffix) && string(low[len(low)-len(suffix):]) == suffix
	}
	return strings.HasSuffix(strings.ToLower(s), suffix)
}

// upperAlready reports whether strings.ToUpper(w) == w, without making
// the copy: no rune changes in upper case, and no byte is invalid (which
// ToUpper would replace). A sentence's first word is asked it.
func upperAlready(w string) bool {
	for i := 0; i < len(w); {
		if c := w[i]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		if (r == utf8.RuneError && n == 1) || unicode.ToUpper(r) != r {
			return false
		}
		i += n
	}
	return true
}

// lastSpace is strings.LastIndexFunc(s, unicode.IsSpace), ASCII stepped
// over byte by byte rather than decoded from the end: the resolver asks
// it of every name, most of them ASCII.
func lastSpace(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			return strings.LastIndexFunc(s[:i+1], unicode.IsSpace) // the bytes after i hold no space
		case isASCIISpace(c):
			return i
		}
	}
	return -1
}
