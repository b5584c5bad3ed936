package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word in a text: text[start:end] is the word as a mention would
// show it, text[start:keyEnd] the form patterns are matched against (no
// possessive ’s, no final abbreviation dot).
type token struct {
	start, end, keyEnd int
}

func (t token) key(text string) string { return text[t.start:t.keyEnd] }

// tokenize splits s into words: runs of letters, digits and marks (and, when
// wild is set, the pattern wildcards * and ?). An apostrophe
// between letters stays in the word (O’Brien, Russia’s); a dot stays after a
// one- or two-letter segment followed by a letter, to keep U.S. and E.U.
// whole. Hyphens and all other punctuation split words, so pro-Russian holds
// Russian.
func tokenize(s string, buf []token, wild bool) []token {
	out := buf[:0]
	if out == nil {
		out = make([]token, 0, len(s)/4+1) // English has a word per 5 or 6 bytes: no regrowing
	}
	start := -1
	seg := 0        // letters since the word's start or its last dot
	dotted := false // the word holds an abbreviation dot
	flush := func(end int) {
		t := token{start: start, end: end, keyEnd: end}
		w := s[start:end]
		switch {
		case w[len(w)-1] == 's' && (hasSuffix(w, "'s") || hasSuffix(w, "’s") || hasSuffix(w, "ʼs")):
			t.keyEnd = end - len(w) + len(trimPossessive(w))
			t.end = t.keyEnd
		case dotted && w[len(w)-1] == '.':
			t.keyEnd = end - 1
		}
		out = append(out, t)
		start, seg, dotted = -1, 0, false
	}
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case isWordRune(r) || wild && (r == '*' || r == '?'):
			if start < 0 {
				start = i
			}
			seg++
		case start >= 0 && isApostrophe(r) && i+n < len(s) && isLetterAt(s, i+n) && isLetterBefore(s, i):
			// inside the word
		case start >= 0 && r == '.' && seg <= 2 && isLetterBefore(s, i) && (isLetterAt(s, i+n) || dotted):
			dotted = true
			seg = 0
			if !isLetterAt(s, i+n) { // final dot of U.S.
				i += n
				flush(i)
				continue
			}
		default:
			if start >= 0 {
				flush(i)
			}
		}
		i += n
	}
	if start >= 0 {
		flush(len(s))
	}
	return out
}

// lowerKeys returns each token's key lowercased as strings.ToLower would:
// ASCII keys are sliced from one lowercased copy of text rather than
// allocated one by one.
func lowerKeys(text string, toks []token) []string {
	low := make([]byte, len(text))
	for i := 0; i < len(text); i++ {
		c := text[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	lowText := string(low)
	out := make([]string, len(toks))
	for i, t := range toks {
		if key := t.key(text); isASCII(key) {
			out[i] = lowText[t.start:t.keyEnd]
		} else {
			out[i] = strings.ToLower(key)
		}
	}
	return out
}

// countWords is len(tokenize(s, nil, false)) without keeping the words.
func countWords(s string) int {
	var buf [128]token
	if len(s) < 2*len(buf) { // a word takes a byte and a separator: they fit
		return len(tokenize(s, buf[:0], false))
	}
	return len(tokenize(s, nil, false))
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf { // most text: no table lookups
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func isLetterBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r)
}

func hasSuffix(w, suf string) bool {
	return len(w) > len(suf) && w[len(w)-len(suf):] == suf
}

// trimPossessive removes a final ’s (in any apostrophe) from w.
func trimPossessive(w string) string {
	for _, suf := range []string{"'s", "’s", "ʼs"} {
		if hasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}
