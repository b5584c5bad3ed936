package attribution

// isNumber reports whether a word is written in digits, commas and dots
// ("312", "1,200", "3.5"): byte by byte, as strings.Trim made its set of
// the marks at every call.
func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; (c < '0' || c > '9') && c != ',' && c != '.' {
			return false
		}
	}
	return w != ""
}
