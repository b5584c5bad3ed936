package tone

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/slant-news/slant/analysis/segment"

	"github.com/jonreiter/govader"
)

// vader scores with VADER: govader's algorithm over govader's lexicons, done
// here again because govader's own PolarityScores, at about a fifth of the
// whole analysis, spends most of its time on overhead (a string per rune,
// two regular expressions per word). The steps and their order are
// govader's, arithmetic included, so the scores are identical; TestVADER
// and FuzzVADER check that against govader itself.
type vader struct {
	lexicon map[string]float64
	booster map[string]float64
	idioms  map[string]float64 // govader's special-case idioms
	negate  map[string]bool
	// emoji maps the runes govader replaces by their description: it
	// looks at one rune at a time, so only one-rune entries can match.
	emoji      map[rune]string
	asciiEmoji [utf8.RuneSelf]bool // the ASCII runes in emoji, for a fast path
	// punct marks the bytes of vaderPunctuation, which strings.Trim would
	// otherwise make a set of for every word.
	punct [256]bool
	// idiomWord holds the words of the multi-word idioms and boosters.
	idiomWord map[string]bool
	// inLex and inBooster are one-sided filters in front of the lexicon
	// and booster maps: a clear bit means the word is not in the map, so
	// most words, which are in neither, cost no map lookup.
	inLex, inBooster wordFilter
}

// wordFilter is a bitset over a cheap hash of a word's length and outer
// bytes, set for every word of a map.
type wordFilter [1 << 16 / 64]uint64

func filterHash[T string | []byte](w T) uint {
	if len(w) == 0 {
		return 0
	}
	return (uint(len(w))*257 + uint(w[0])*31 + uint(w[len(w)-1])*7919 + uint(w[len(w)/2])*131) & (1<<16 - 1)
}

func (f *wordFilter) add(w string) {
	h := filterHash(w)
	f[h/64] |= 1 << (h % 64)
}

// mayHave is false when w is certainly not among the words added.
func (f *wordFilter) mayHave(w string) bool { return f.has(filterHash(w)) }

// mayHaveBytes is mayHave for a word in bytes.
func (f *wordFilter) mayHaveBytes(w []byte) bool { return f.has(filterHash(w)) }

func (f *wordFilter) has(h uint) bool { return f[h/64]&(1<<(h%64)) != 0 }

func newVader() *vader {
	sia := govader.NewSentimentIntensityAnalyzer()
	v := &vader{
		lexicon: sia.Lexicon,
		booster: sia.Constants.BoosterDict,
		idioms:  sia.Constants.SpecialCaseIdioms,
		negate:  map[string]bool{},
		emoji:   map[rune]string{},
	}
	for i := 0; i < len(vaderPunctuation); i++ {
		v.punct[vaderPunctuation[i]] = true
	}
	v.idiomWord = map[string]bool{}
	for _, m := range []map[string]float64{v.idioms, v.booster} {
		for k := range m {
			if words := strings.Split(k, " "); len(words) > 1 {
				for _, w := range words {
					v.idiomWord[w] = true
				}
			}
		}
	}
	for w := range v.lexicon {
		v.inLex.add(w)
	}
	for w := range v.booster {
		v.inBooster.add(w)
	}
	for _, w := range sia.Constants.NegateList {
		v.negate[w] = true
	}
	for k, desc := range sia.EmojiDict {
		if r, n := utf8.DecodeRuneInString(k); n == len(k) && string(r) == k {
			v.emoji[r] = desc
			if r < utf8.RuneSelf {
				v.asciiEmoji[r] = true
			}
		}
	}
	return v
}

// govader's constants (unexported there).
const (
	vaderBIncr         = 0.293 // booster increment
	vaderCIncr         = 0.733 // ALL CAPS emphasis
	vaderNScalar       = -0.74 // negation
	vaderAlpha         = 15
	vaderScale1        = 0.95
	vaderScale2        = 0.9
	vaderEPScale       = 0.292
	vaderQMScale       = 0.18
	vaderMaxEP         = 4
	vaderMaxQM         = 0.96
	vaderNegationScale = 1.25
	vaderButScale      = 0.5
	vaderPunctuation   = `"!#$%&\'()*+,-./:;<=>?@[\\]^_` + "`{|}~"
)

// score returns the compound score of s, as govader's PolarityScores gives
// it for s with its white space collapsed to single spaces.
func (v *vader) Score(s string) float64 {
	text := v.prepare(s)
	// A copy with ASCII letters lowercased, from which an ASCII word's
	// lowercase form is a slice rather than an allocation.
	var low strings.Builder
	low.Grow(len(text))
	for i := 0; i < len(text); i++ {
		c := text[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low.WriteByte(c)
	}
	lowText := low.String()
	// govader splits on single spaces and strips punctuation from words
	// that keep at least three bytes.
	var wordsBuf, lowerBuf [64]string
	words, lower := wordsBuf[:0], lowerBuf[:0]
	for off := 0; ; {
		end := strings.IndexByte(text[off:], ' ')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		lo, hi := off, end
		for lo < hi && v.punct[text[lo]] {
			lo++
		}
		for hi > lo && v.punct[text[hi-1]] {
			hi--
		}
		if hi-lo < 3 {
			lo, hi = off, end
		}
		tok := text[lo:hi]
		words = append(words, tok)
		if segment.IsASCII(tok) {
			lower = append(lower, lowText[lo:hi])
		} else {
			lower = append(lower, strings.ToLower(tok))
		}
		if end == len(text) {
			break
		}
		off = end + 1
	}
	capWords := 0
	for _, w := range words {
		if isAllCaps(w) {
			capWords++
		}
	}
	capDiff := 0 < len(words)-capWords && len(words)-capWords < len(words)

	var sentBuf [64]float64
	sentiments := sentBuf[:0]
	for i, item := range words {
		itemLower := lower[i]
		switch {
		case v.isBooster(itemLower):
			sentiments = append(sentiments, 0)
		case i < len(words)-1 && itemLower == "kind" && lower[i+1] == "of":
			sentiments = append(sentiments, 0)
		default:
			sentiments = append(sentiments, v.valence(words, lower, i, item, capDiff))
		}
	}
	// The contrastive "but": the words before it count less, after it more.
	for bi, w := range lower {
		if w != "but" {
			continue
		}
		for i := range sentiments {
			if i < bi {
				sentiments[i] = (1 - vaderButScale) * sentiments[i]
			}
			if i > bi {
				sentiments[i] = (1 + vaderButScale) * sentiments[i]
			}
		}
		break
	}
	if len(sentiments) == 0 {
		return 0
	}
	sum := 0.0
	for _, x := range sentiments {
		sum += x
	}
	ep := min(strings.Count(text, "!"), vaderMaxEP)
	emphasis := float64(ep) * vaderEPScale
	if qm := strings.Count(text, "?"); qm > 1 {
		if qm <= 3 {
			emphasis += float64(qm) * vaderQMScale
		} else {
			emphasis += vaderMaxQM
		}
	}
	if sum > 0 {
		sum += emphasis
	} else if sum < 0 {
		sum -= emphasis
	}
	norm := sum / math.Sqrt(sum*sum+vaderAlpha)
	return max(-1, min(1, norm))
}

func (v *vader) isBooster(w string) bool {
	if !v.inBooster.mayHave(w) {
		return false
	}
	_, ok := v.booster[w]
	return ok
}

func (v *vader) inLexicon(w string) bool {
	_, ok := v.lookup(w)
	return ok
}

func (v *vader) lookup(w string) (float64, bool) {
	if !v.inLex.mayHave(w) {
		return 0, false
	}
	x, ok := v.lexicon[w]
	return x, ok
}

// prepare gives the text govader scores: s with white space collapsed to
// single spaces (strings.Fields, joined), every rune re-encoded (invalid
// bytes become U+FFFD), emoji replaced by their description with a space
// before unless one is there, and the result trimmed.
func (v *vader) prepare(s string) string {
	if v.prepared(s) {
		return s
	}
	b := make([]byte, 0, len(s)+8)
	prevSpace := true // govader's: whether the last rune written is a space
	put := func(r rune) {
		if r < utf8.RuneSelf && !v.asciiEmoji[r] {
			b = append(b, byte(r))
			prevSpace = r == ' '
			return
		}
		if desc, ok := v.emoji[r]; ok {
			if !prevSpace {
				b = append(b, ' ')
			}
			b = append(b, desc...)
			prevSpace = false
			return
		}
		b = utf8.AppendRune(b, r)
		prevSpace = r == ' '
	}
	// Fields joined by one space: a gap counts once a field has begun.
	started, gap := false, false
	for i := 0; i < len(s); {
		// ASCII without a table lookup: the bulk of news text.
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		i += n
		if r == ' ' || '\t' <= r && r <= '\r' || r >= utf8.RuneSelf && unicode.IsSpace(r) {
			gap = started
			continue
		}
		if gap {
			put(' ')
			gap = false
		}
		if r < utf8.RuneSelf && !v.asciiEmoji[r] { // put's first case, inline
			b = append(b, byte(r))
			prevSpace = false // r is no space here
		} else {
			put(r)
		}
		started = true
	}
	return strings.TrimSpace(string(b))
}

// prepared reports whether prepare(s) is s itself: ASCII without emoji,
// single spaces between words and none at either end, as most sentences
// come from the segmenter.
func (v *vader) prepared(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || v.asciiEmoji[c] || '\t' <= c && c <= '\r' || c == ' ' && s[i-1] == ' ' {
			return false
		}
	}
	return true
}

// isAllCaps is govader's stringIsUpper: no ASCII lowercase letter and at
// least one ASCII capital.
func isAllCaps(w string) bool {
	upper := false
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case 'a' <= c && c <= 'z':
			return false
		case 'A' <= c && c <= 'Z':
			upper = true
		}
	}
	return upper
}

// valence is govader's sentimentValence for word i.
func (v *vader) valence(words, lower []string, i int, item string, capDiff bool) float64 {
	itemLower := lower[i]
	val, ok := v.lookup(itemLower)
	if !ok {
		return 0
	}
	if itemLower == "no" && i+1 < len(lower) && v.inLexicon(lower[i+1]) {
		val = 0
	}
	if i > 0 && lower[i-1] == "no" || i > 1 && lower[i-2] == "no" ||
		i > 2 && lower[i-3] == "no" && (lower[i-1] == "or" || lower[i-1] == "nor") {
		val = v.lexicon[itemLower] * vaderNScalar
	}
	if isAllCaps(item) && capDiff {
		if val > 0 {
			val += vaderCIncr
		} else {
			val -= vaderCIncr
		}
	}
	for start := range 3 {
		// govader checks the original-case word against the lexicon here.
		if i <= start || v.inLexicon(words[i-(start+1)]) {
			continue
		}
		s := v.scalarIncDec(words[i-(start+1)], lower[i-(start+1)], val, capDiff)
		if start == 1 && s != 0 {
			s = s * vaderScale1
		}
		if start == 2 && s != 0 {
			s = s * vaderScale2
		}
		val = val + s
		val = v.negationCheck(val, lower, start, i)
		if start == 2 {
			val = v.specialIdioms(val, lower, i)
		}
	}
	// govader's leastCheck, which it hands the original-case words.
	if i > 1 && !v.inLexicon(words[i-1]) && words[i-1] == "least" {
		if words[i-2] != "at" && words[i-2] != "very" {
			val = val * vaderNScalar
		}
	} else if i > 0 && !v.inLexicon(words[i-1]) && words[i-1] == "least" {
		val = val * vaderNScalar
	}
	return val
}

func (v *vader) scalarIncDec(word, wordLower string, valence float64, capDiff bool) float64 {
	if !v.inBooster.mayHave(wordLower) {
		return 0
	}
	scalar, ok := v.booster[wordLower]
	if !ok {
		return 0
	}
	if valence < 0 {
		scalar *= -1
	}
	if isAllCaps(word) && capDiff {
		if valence > 0 {
			scalar += vaderCIncr
		} else {
			scalar -= vaderCIncr
		}
	}
	return scalar
}

// negated is govader's negated for one word.
func (v *vader) negated(w string) bool { return v.negate[w] || strings.Contains(w, "n't") }

func (v *vader) negationCheck(val float64, lower []string, start, i int) float64 {
	switch start {
	case 0:
		if v.negated(lower[i-1]) {
			return val * vaderNScalar
		}
	case 1:
		switch {
		case lower[i-2] == "never" && (lower[i-1] == "so" || lower[i-1] == "this"):
			return val * vaderNegationScale
		case lower[i-2] == "without" && lower[i-1] == "doubt":
			return val
		case v.negated(lower[i-2]):
			return val * vaderNScalar
		}
	case 2:
		switch {
		case lower[i-3] == "never" && (lower[i-2] == "so" || lower[i-2] == "this" || lower[i-1] == "so" || lower[i-1] == "this"):
			return val * vaderNegationScale
		case lower[i-3] == "without" && (lower[i-2] == "doubt" || lower[i-1] == "doubt"):
			return val
		case v.negated(lower[i-3]):
			return val * vaderNScalar
		}
	}
	return val
}

// specialIdioms is govader's specialIdiomsCheck (i >= 3). A sequence of
// words is only looked up (and so only built) when every word of it occurs
// in some idiom.
func (v *vader) specialIdioms(val float64, lower []string, i int) float64 {
	onezero, ok10 := v.phrase(lower[i-1], lower[i])
	twoonezero, ok210 := v.phrase(lower[i-2], lower[i-1], lower[i])
	twoone, ok21 := v.phrase(lower[i-2], lower[i-1])
	threetwoone, ok321 := v.phrase(lower[i-3], lower[i-2], lower[i-1])
	threetwo, ok32 := v.phrase(lower[i-3], lower[i-2])
	for _, seq := range [...]struct {
		s  string
		ok bool
	}{{onezero, ok10}, {twoonezero, ok210}, {twoone, ok21}, {threetwoone, ok321}, {threetwo, ok32}} {
		if !seq.ok {
			continue
		}
		if x, ok := v.idioms[seq.s]; ok {
			val = x
			break
		}
	}
	if len(lower)-1 > i {
		if p, ok := v.phrase(lower[i], lower[i+1]); ok {
			if x, ok := v.idioms[p]; ok {
				val = x
			}
		}
	}
	if len(lower)-1 > i+1 {
		if p, ok := v.phrase(lower[i], lower[i+1], lower[i+2]); ok {
			if x, ok := v.idioms[p]; ok {
				val = x
			}
		}
	}
	for _, g := range [...]struct {
		s  string
		ok bool
	}{{threetwoone, ok321}, {threetwo, ok32}, {twoone, ok21}} {
		if !g.ok {
			continue
		}
		if x, ok := v.booster[g.s]; ok {
			val = val + x
		}
	}
	return val
}

// phrase joins words with spaces, as govader's idiom keys are, when each
// is a word of some idiom or multi-word booster; otherwise no key can match.
func (v *vader) phrase(words ...string) (string, bool) {
	for _, w := range words {
		if !v.idiomWord[w] {
			return "", false
		}
	}
	return strings.Join(words, " "), true
}
