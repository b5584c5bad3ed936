package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// invisible reports whether r is a zero-width or bidi control character:
// it changes no letter of a name, only whether two names are equal, and a
// bidi override turns the text after it around.
func invisible(r rune) bool {
	switch {
	case r >= 0x200B && r <= 0x200F, // zero-width space, non-joiner, joiner; LRM, RLM
		r >= 0x202A && r <= 0x202E, // bidi embeddings and overrides
		r >= 0x2060 && r <= 0x2069, // word joiner, invisible operators, bidi isolates
		r == 0xFEFF, r == 0x061C:   // BOM (zero-width no-break space), Arabic letter mark
		return true
	}
	return false
}

// cleanOutlet is the outlet name s without zero-width or bidi control
// characters and with each run of white space made one space, trimmed, so
// that names that look the same are the same outlet. stripped reports
// whether any invisible character was removed.
func cleanOutlet(s string) (name string, stripped bool) {
	if isCleanName(s) {
		return s, false
	}
	var b []byte
	space, invalid := false, false // invalid: the last byte written is invalid UTF-8
	for i, r := range s {
		_, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case invisible(r):
			stripped = true
			if invalid && !space && i+size < len(s) && !utf8.RuneStart(s[i+size]) {
				// Invalid bytes on both sides would join into a character
				// neither side holds ("\xe2", U+202B, "\xac\xad" into "⬭"):
				// the one before becomes U+FFFD, and the name stays invalid.
				b = append(b[:len(b)-1], string(utf8.RuneError)...)
				invalid = false
			}
		case unicode.IsSpace(r):
			space = len(b) > 0
		default:
			if space {
				b = append(b, ' ')
				space = false
			}
			// As written: invalid UTF-8 is Reader.check's to repair and tell.
			b = append(b, s[i:i+size]...)
			invalid = r == utf8.RuneError && size == 1
		}
	}
	return string(b), stripped
}

// isCleanName reports whether cleanOutlet would leave s as it is: printable
// ASCII without double or outer spaces, as nearly every name is.
func isCleanName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c > '~' || (c == ' ' && (i == 0 || i == len(s)-1 || s[i-1] == ' ')) {
			return false
		}
	}
	return true
}

// hasInvisible reports whether s holds a zero-width or bidi control
// character.
func hasInvisible(s string) bool { return strings.IndexFunc(s, invisible) >= 0 }
