package attribution

// firstAndLastASCII is firstAndLastField of an ASCII s, without its
// calls: the spaces unicode.IsSpace finds in ASCII are the six bytes of
// isASCIISpace. denote asks it of most speaker phrases.
func firstAndLastASCII(s string) (first, last string) {
	lo, hi := 0, len(s)
	for lo < hi && isASCIISpace(s[lo]) {
		lo++
	}
	for hi > lo && isASCIISpace(s[hi-1]) {
		hi--
	}
	t := s[lo:hi]
	first, last = t, t
	for i := 0; i < len(t); i++ {
		if isASCIISpace(t[i]) {
			first = t[:i]
			break
		}
	}
	for i := len(t) - 1; i >= 0; i-- {
		if isASCIISpace(t[i]) {
			last = t[i+1:]
			break
		}
	}
	return first, last
}

func isASCIISpace(c byte) bool { return c == ' ' || ('\t' <= c && c <= '\r') }
