package corpus

import (
	"bytes"
	"encoding/binary"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// member is one key and value of a JSON object: the key decoded, the value
// as written. Both may point into the object's text.
type member struct {
	key   []byte
	value []byte
}

// object is a JSON object read in one pass by scanObject.
type object []member

// maxScanDepth is as deep as scanObject follows nested values; deeper
// objects, which articles do not have, go to encoding/json.
const maxScanDepth = 64

// scanObject reads data, a JSON object and space around it, in one pass: it
// checks the syntax as encoding/json does and decodes the keys, as
// encoding/json decodes them into a map. ok is false for anything but a
// well-formed object nested at most maxScanDepth deep; encoding/json then
// says what is wrong, in its words. The members are appended to obj, which
// may be a reused one's [:0]; their values point into data.
func scanObject(data []byte, obj object) (_ object, ok bool) {
	s := scanner{data: data}
	s.space()
	if s.i >= len(s.data) || s.data[s.i] != '{' {
		return obj, false
	}
	s.i++
	s.space()
	if s.peek() == '}' {
		s.i++
	} else {
		for {
			start := s.i
			if !s.str() {
				return obj, false
			}
			key, ok := unquoteBytes(data[start:s.i])
			if !ok {
				return obj, false
			}
			s.space()
			if s.peek() != ':' {
				return obj, false
			}
			s.i++
			s.space()
			start = s.i
			if !s.value(1) {
				return obj, false
			}
			obj = append(obj, member{key: key, value: data[start:s.i]})
			s.space()
			c := s.peek()
			s.i++
			if c == '}' {
				break
			}
			if c != ',' {
				return obj, false
			}
			s.space()
		}
	}
	s.space()
	return obj, s.i == len(s.data)
}

// get returns the value of the last member named key (encoding/json keeps
// the last of duplicate keys), or nil.
func (o object) get(key string) []byte {
	for i := len(o) - 1; i >= 0; i-- {
		if string(o[i].key) == key {
			return o[i].value
		}
	}
	return nil
}

// duplicates returns the keys o holds more than once, in the order of their
// second appearance, as duplicateKeys does. Objects of up to 32 keys are
// checked pairwise, larger ones with a map, to stay linear.
func (o object) duplicates() []string {
	var dups []string
	if len(o) > 32 {
		seen := make(map[string]int, len(o))
		for _, m := range o {
			if seen[string(m.key)]++; seen[string(m.key)] == 2 {
				dups = append(dups, string(m.key))
			}
		}
		return dups
	}
	for i, m := range o {
		n := 0
		for _, before := range o[:i] {
			if bytes.Equal(before.key, m.key) {
				n++
			}
		}
		if n == 1 {
			dups = append(dups, string(m.key))
		}
	}
	return dups
}

// scanner checks JSON syntax from data[i] on.
type scanner struct {
	data []byte
	i    int
}

// peek is the byte at i, or 0 at the end.
func (s *scanner) peek() byte {
	if s.i < len(s.data) {
		return s.data[s.i]
	}
	return 0
}

func (s *scanner) space() {
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// value passes one value that starts at i, reporting whether it is well
// formed; depth is its nesting.
func (s *scanner) value(depth int) bool {
	switch c := s.peek(); {
	case c == '"':
		return s.str()
	case c == '{':
		return s.composite(depth, '}', true)
	case c == '[':
		return s.composite(depth, ']', false)
	case c == '-' || '0' <= c && c <= '9':
		return s.number()
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	}
	return false
}

// composite passes an object (keyed) or array that starts at i.
func (s *scanner) composite(depth int, end byte, keyed bool) bool {
	if depth >= maxScanDepth {
		return false
	}
	s.i++
	s.space()
	if s.peek() == end {
		s.i++
		return true
	}
	for {
		if keyed {
			if !s.str() {
				return false
			}
			s.space()
			if s.peek() != ':' {
				return false
			}
			s.i++
			s.space()
		}
		if !s.value(depth + 1) {
			return false
		}
		s.space()
		c := s.peek()
		s.i++
		if c == end {
			return true
		}
		if c != ',' {
			return false
		}
		s.space()
	}
}

func (s *scanner) literal(word string) bool {
	if !bytes.HasPrefix(s.data[s.i:], []byte(word)) {
		return false
	}
	s.i += len(word)
	return true
}

// number passes a number as RFC 8259 writes it.
func (s *scanner) number() bool {
	if s.peek() == '-' {
		s.i++
	}
	switch c := s.peek(); {
	case c == '0':
		s.i++
	case '1' <= c && c <= '9':
		s.digits()
	default:
		return false
	}
	if s.peek() == '.' {
		s.i++
		if !s.digits() {
			return false
		}
	}
	if c := s.peek(); c == 'e' || c == 'E' {
		s.i++
		if c := s.peek(); c == '+' || c == '-' {
			s.i++
		}
		if !s.digits() {
			return false
		}
	}
	return true
}

// digits passes one or more digits, reporting whether there was one.
func (s *scanner) digits() bool {
	start := s.i
	for s.i < len(s.data) && '0' <= s.data[s.i] && s.data[s.i] <= '9' {
		s.i++
	}
	return s.i > start
}

// str passes a string that starts at i: no control characters, only
// JSON's escapes. Invalid UTF-8 passes, as encoding/json lets it (and
// replaces it on decoding).
//
// The next quote and backslash are found by bytes.IndexByte, which takes
// many bytes an instruction; the quote's place is kept while the
// backslashes before it are passed (an article's text has one in about a
// hundred bytes, most of them \n), and only the bytes before either are
// tested for control characters.
func (s *scanner) str() bool {
	if s.peek() != '"' {
		return false
	}
	s.i++
	quote := -1 // the index of the first quote from i on, once looked for
	for {
		if quote < s.i {
			j := bytes.IndexByte(s.data[s.i:], '"')
			if j < 0 {
				return false
			}
			quote = s.i + j
		}
		end := quote
		if j := bytes.IndexByte(s.data[s.i:quote], '\\'); j >= 0 {
			end = s.i + j
		}
		if hasControl(s.data[s.i:end]) {
			return false
		}
		if s.i = end + 1; end == quote {
			return true
		}
		// A backslash.
		switch s.peek() {
		case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			s.i++
		case 'u':
			if hex4(s.data[s.i+1:]) < 0 {
				return false
			}
			s.i += 5
		default:
			return false
		}
	}
}

// lsb has the low bit of every byte of a word set.
const lsb = 0x0101010101010101

// hasControl reports whether b has a control character: 32 bytes at a
// time (most of a string: the articles' texts), by a test that tells
// exactly whether there is one among a word's bytes (Hacker's Delight, 6-1,
// for bytes under 0x20). The last bytes are tested in one step that
// overlaps bytes already tested, where a byte loop cost as much as the
// rest. Slicing b as it goes spares bounds checks.
func hasControl(b []byte) bool {
	switch n := len(b); {
	case n < 8:
		for _, c := range b {
			if c < ' ' {
				return true
			}
		}
		return false
	case n < 16:
		return controls(b[:8], b[n-8:])
	}
	last := b[len(b)-16:]
	for len(b) > 32 {
		if controls(b[:8], b[8:16]) || controls(b[16:24], b[24:32]) {
			return true
		}
		b = b[32:]
	}
	if len(b) > 16 && controls(b[:8], b[8:16]) {
		return true
	}
	return controls(last[:8], last[8:])
}

// controls reports whether a or b, of eight bytes each, has a control
// character.
func controls(a, b []byte) bool {
	x, y := binary.LittleEndian.Uint64(a), binary.LittleEndian.Uint64(b)
	return ((x-lsb*' ')&^x|(y-lsb*' ')&^y)&(lsb<<7) != 0
}

// hex4 is the value of the four hex digits b starts with, or -1.
func hex4(b []byte) rune {
	if len(b) < 4 {
		return -1
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

// unquote decodes the JSON string q, quotes included, as encoding/json does:
// invalid UTF-8 and unpaired surrogates become U+FFFD. q is a well-formed
// JSON value, as scanObject or encoding/json passed it; ok is false if it is
// not a string. Inside such a string only a backslash is special, which
// bytes.IndexByte finds many bytes at a time.
func unquote(q []byte) (_ string, ok bool) {
	return unquoteValid(q, false)
}

// unquoteValid is unquote of q, which is known to be valid UTF-8 if valid
// (a string of a line that is): then only its escapes are decoded. A
// string's runs between escapes end at ASCII bytes, so they are valid too.
func unquoteValid(q []byte, valid bool) (_ string, ok bool) {
	b, ok := unquoteBytesValid(q, valid)
	return string(b), ok
}

// unquoteBytes is unquote without the string: q's own bytes for the usual
// string, with nothing to decode.
func unquoteBytes(q []byte) (_ []byte, ok bool) {
	return unquoteBytesValid(q, false)
}

// unquoteBytesValid is unquoteBytes of q, known to be valid UTF-8 if valid.
func unquoteBytesValid(q []byte, valid bool) (_ []byte, ok bool) {
	if len(q) < 2 || q[0] != '"' || q[len(q)-1] != '"' {
		return nil, false
	}
	b := q[1 : len(q)-1]
	if j := bytes.IndexByte(b, '\\'); j < 0 && (valid || utf8.Valid(b)) {
		return b, true
	}
	out := make([]byte, 0, len(b)+utf8.UTFMax)
	for i := 0; i < len(b); {
		// The text up to the next escape, whole if it is valid UTF-8.
		j := bytes.IndexByte(b[i:], '\\')
		if j < 0 {
			j = len(b) - i
		}
		if run := b[i : i+j]; valid || utf8.Valid(run) {
			out = append(out, run...)
		} else {
			for len(run) > 0 {
				r, size := utf8.DecodeRune(run)
				out = utf8.AppendRune(out, r)
				run = run[size:]
			}
		}
		if i += j; i == len(b) {
			break
		}
		if i+1 == len(b) { // a backslash last: not a well-formed string
			return nil, false
		}
		i++
		switch b[i] {
		case '"', '\\', '/':
			out = append(out, b[i])
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r := hex4(b[i+1:])
			if r < 0 {
				return nil, false
			}
			i += 5
			if utf16.IsSurrogate(r) {
				var r2 rune = -1
				if i+1 < len(b) && b[i] == '\\' && b[i+1] == 'u' {
					r2 = hex4(b[i+2:])
				}
				if dec := utf16.DecodeRune(r, r2); dec != unicode.ReplacementChar {
					i += 6
					r = dec
				} else {
					r = unicode.ReplacementChar
				}
			}
			out = utf8.AppendRune(out, r)
			continue
		default:
			return nil, false
		}
		i++
	}
	return out, true
}
