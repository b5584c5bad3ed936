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
	var b strings.Builder
	space := false
	for i, r := range s {
		switch {
		case invisible(r):
			stripped = true
		case unicode.IsSpace(r):
			space = b.Len() > 0
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			// As written: invalid UTF-8 is Reader.check's to repair and tell.
			_, size := utf8.DecodeRuneInString(s[i:])
			b.WriteString(s[i : i+size])
		}
	}
	return b.String(), stripped
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
