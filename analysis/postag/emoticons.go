package postag

import "unsafe"

// emoticons are prose's (internal/emoticon), which its tagger tags SYM.
var emoticons = map[string]bool{
	"(-8": true, "(-;": true, "(-_-)": true, "(._.)": true, "(:": true, "(=": true,
	"(o:": true, "(¬_¬)": true, "(ಠ_ಠ)": true, "(╯°□°）╯︵┻━┻": true, "-__-": true,
	"8-)": true, "8-D": true, "8D": true, ":(": true, ":((": true, ":(((": true,
	":()": true, ":)))": true, ":-)": true, ":-))": true, ":-)))": true, ":-*": true,
	":-/": true, ":-X": true, ":-]": true, ":-o": true, ":-p": true, ":-x": true,
	":-|": true, ":-}": true, ":0": true, ":3": true, ":P": true, ":]": true,
	":`(": true, ":`)": true, ":`-(": true, ":o": true, ":o)": true, "=(": true,
	"=)": true, "=D": true, "=|": true, "@_@": true, "O.o": true, "O_o": true,
	"V_V": true, "XDD": true, "[-:": true, "^___^": true, "o_0": true, "o_O": true,
	"o_o": true, "v_v": true, "xD": true, "xDD": true, "¯\\(ツ)/¯": true,
}

// emoticonStart holds the first bytes of the emoticons, so that most words
// need no map lookup.
var emoticonStart = func() (s [256]bool) {
	for e := range emoticons {
		s[e[0]] = true
	}
	return s
}()

func isEmoticon(w string) bool { return len(w) <= 20 && emoticons[w] }

// unsafeString views b as a string, for hashing a word lowercased into a
// reused buffer; the string does not outlive the next use of the buffer.
func unsafeString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}
