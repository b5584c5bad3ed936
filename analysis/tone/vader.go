package tone

import (
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/slant-news/slant/analysis/segment"
	"github.com/slant-news/slant/analysis/vocab"
)

// The VADER authors' data files (cjhutto/vaderSentiment @ 44fc044c, MIT,
// see vader_LICENSE.txt), unchanged; newVaderFrom reads others of the same
// format.
var (
	//go:embed vader_lexicon.txt
	defaultVADERLexicon []byte
	//go:embed vader_emoji_lexicon.txt
	defaultVADEREmoji []byte
)

// DefaultVADERLexicons returns the built-in VADER lexicon and emoji
// lexicon, for the record of a run.
func DefaultVADERLexicons() (lexicon, emoji []byte) { return defaultVADERLexicon, defaultVADEREmoji }

// vader scores with VADER as its authors' vaderSentiment.py does: their
// lexicons, their rules in their order, their arithmetic, their quirks
// included (see butCheck and negationCheck), so that the compound scores are
// the reference's; TestVADERReference checks that against vaderSentiment.py
// on every sentence of the real corpora. It is written for speed: no string
// per rune, no regular expression, lookups behind filters.
type vader struct {
	valences map[string]float64 // the lexicon: lowercase word to mean valence
	booster  map[string]float64
	idioms   map[string]float64 // the reference's SPECIAL_CASES
	negate   map[string]bool
	// emoji maps the runes the reference replaces by their description: it
	// looks at one code point at a time, so only one-rune entries can match.
	emoji map[rune]string
	// emojiBits has the bit of each rune of emoji by its low 16 bits: the
	// map is asked only of those, not of every curly quote and dash.
	emojiBits []uint64
	// idiomWord holds the words of the multi-word idioms and boosters.
	idiomWord map[string]bool
	// voc numbers the words, and words holds what the rules ask of each,
	// by ID (vader_words.go); rule has the IDs of the words they compare
	// with.
	voc   *vocab.Vocab
	index *vaderIndex // voc's words by their heads
	words []vaderWord
	rule  vaderRuleWords
}

// The reference's constants.
const (
	vaderBIncr         = 0.293 // booster increment
	vaderBDecr         = -0.293
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
	vaderButBefore     = 0.5
	vaderButAfter      = 1.5
)

// vaderNegate is the reference's NEGATE.
var vaderNegate = []string{
	"aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
	"ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
	"dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
	"don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
	"neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
	"oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
	"oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
	"without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite",
}

// vaderBoosters is the reference's BOOSTER_DICT: the increasing words, then
// the decreasing ones.
var vaderBoosters = [2][]string{{
	"absolutely", "amazingly", "awfully", "completely", "considerable", "considerably",
	"decidedly", "deeply", "effing", "enormous", "enormously", "entirely", "especially",
	"exceptional", "exceptionally", "extreme", "extremely", "fabulously", "flipping",
	"flippin", "frackin", "fracking", "fricking", "frickin", "frigging", "friggin",
	"fully", "fuckin", "fucking", "fuggin", "fugging", "greatly", "hella", "highly",
	"hugely", "incredible", "incredibly", "intensely", "major", "majorly", "more",
	"most", "particularly", "purely", "quite", "really", "remarkably", "so",
	"substantially", "thoroughly", "total", "totally", "tremendous", "tremendously",
	"uber", "unbelievably", "unusually", "utter", "utterly", "very",
}, {
	"almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of",
	"less", "little", "marginal", "marginally", "occasional", "occasionally", "partly",
	"scarce", "scarcely", "slight", "slightly", "somewhat", "sort of", "sorta", "sortof",
	"sort-of",
}}

// vaderSpecialCases is the reference's SPECIAL_CASES.
var vaderSpecialCases = map[string]float64{
	"the shit": 3, "the bomb": 3, "bad ass": 1.5, "badass": 1.5, "bus stop": 0.0,
	"yeah right": -2, "kiss of death": -1.5, "to die for": 3,
	"beating heart": 3.1, "broken heart": -2.9,
}

// newVader is VADER over the authors' lexicons, built in.
func newVader() *vader {
	v, err := newVaderFrom(defaultVADERLexicon, defaultVADEREmoji)
	if err != nil {
		panic("analysis: built-in VADER lexicon: " + err.Error()) // a build defect, caught by every test
	}
	return v
}

// newVaderFrom is VADER over the given lexicon (the authors'
// vader_lexicon.txt format: word, tab, mean valence, anything after another
// tab ignored) and emoji lexicon (emoji, tab, description), read as the
// reference reads them: blank lines skipped, the last of repeated words
// wins.
func newVaderFrom(lexicon, emoji []byte) (*vader, error) {
	v := &vader{
		valences:  make(map[string]float64, bytes.Count(lexicon, []byte{'\n'})+1), // a word a line
		booster:   map[string]float64{},
		idioms:    vaderSpecialCases,
		negate:    map[string]bool{},
		emoji:     make(map[rune]string, bytes.Count(emoji, []byte{'\n'})+1),
		emojiBits: make([]uint64, 1<<16/64),
		idiomWord: map[string]bool{},
	}
	err := vaderLines(lexicon, func(word, rest string) error {
		x, err := strconv.ParseFloat(pyTrim(rest), 64)
		if err != nil {
			return fmt.Errorf("valence of %q: %w", word, err)
		}
		v.valences[word] = x
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("VADER lexicon: %w", err)
	}
	err = vaderLines(emoji, func(key, desc string) error {
		// Only a one-rune key can match (the reference looks at one code
		// point at a time).
		if r, n := utf8.DecodeRuneInString(key); n == len(key) && r != utf8.RuneError {
			v.emoji[r] = desc
			v.emojiBits[r&0xffff/64] |= 1 << (r % 64)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("VADER emoji lexicon: %w", err)
	}
	for k, words := range vaderBoosters {
		for _, w := range words {
			v.booster[w] = [2]float64{vaderBIncr, vaderBDecr}[k]
		}
	}
	for _, w := range vaderNegate {
		v.negate[w] = true
	}
	for _, m := range []map[string]float64{v.idioms, v.booster} {
		for k := range m {
			if words := strings.Split(k, " "); len(words) > 1 {
				for _, w := range words {
					v.idiomWord[w] = true
				}
			}
		}
	}
	return v.withVocab(v.ownVocab()), nil
}

// vaderLines calls fn with the first two tab-separated fields of each line
// that is not empty, the line trimmed of white space first, as the
// reference's make_lex_dict does.
func vaderLines(data []byte, fn func(key, value string) error) error {
	// strings.Split and SplitN, as the reference splits, by Cut: no
	// slice per line.
	rest, more := string(bytes.TrimRight(data, "\n")), true
	for n := 0; more; n++ {
		var line string
		line, rest, more = strings.Cut(rest, "\n")
		if line == "" {
			continue
		}
		key, value, ok := strings.Cut(pyTrim(line), "\t")
		if !ok {
			return fmt.Errorf("line %d: want a word, a tab and a value", n+1)
		}
		value, _, _ = strings.Cut(value, "\t")
		if err := fn(key, value); err != nil {
			return fmt.Errorf("line %d: %w", n+1, err)
		}
	}
	return nil
}

// pySpace marks the ASCII white space of Python's str.split and str.strip,
// which counts the separators U+001C to U+001F, unlike Go.
var pySpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true,
	0x1c: true, 0x1d: true, 0x1e: true, 0x1f: true}

// isPySpace reports whether r is white space to Python (str.isspace): Go's
// unicode.IsSpace and U+001C to U+001F.
func isPySpace(r rune) bool {
	if r < utf8.RuneSelf {
		return pySpace[r]
	}
	return unicode.IsSpace(r)
}

// pyTrim is Python's str.strip().
func pyTrim(s string) string { return strings.TrimFunc(s, isPySpace) }

// asciiCase marks the ASCII letters by case.
var asciiCase = func() (t [utf8.RuneSelf]byte) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c], t[c+'a'-'A'] = caseUpper, caseLower
	}
	return t
}()

const (
	caseUpper = 1 << iota
	caseLower
	byteSpace // white space to Python
	byteMulti // not ASCII: part of a multi-byte rune
)

// vaderByte is asciiCase, pySpace and byteMulti in one table, for the
// split's loop over every byte.
var vaderByte = func() (t [256]byte) {
	for c := range utf8.RuneSelf {
		t[c] = asciiCase[c]
		if pySpace[c] {
			t[c] |= byteSpace
		}
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = byteMulti
	}
	return t
}()

// vaderPunct marks Python's string.punctuation, which the reference strips
// from the ends of words.
var vaderPunct = func() (p [256]bool) {
	for _, c := range []byte(`!"#$%&'()*+,-./:;<=>?@[\]^_` + "`{|}~") {
		p[c] = true
	}
	return p
}()

// vaderWords is a sentence split as the reference's SentiText splits it,
// with what the rules ask of each word.
type vaderWords struct {
	text  string // the text split
	words []vaderToken
	emoji bool       // a rune of the text has its bit in the emoji bits given
	seen  vaderFlags // the flags of every word, or'd
}

// vaderToken is a word of vaderWords: in one slice, one append a word
// where there were two, then three.
//
// It holds the word's place rather than its lowercase form, pyLower of
// text[lo:hi], which the rules need only of a word in the vocabulary (its
// ID's) or, for "n't", one that is not (hasNT): no string to make or
// store.
//
// Its four fields are no more than Go keeps in registers.
type vaderToken struct {
	lo, hi int
	id     vocab.ID   // of the word's lowercase form in vader.voc
	flags  vaderFlags // of id's word (vader.words), read as the word is cut, and allCaps
}

// upper is Python's str.isupper of the word.
func (t vaderToken) upper() bool { return t.flags&allCaps != 0 }

// capsIf is allCaps if upper, else none.
func capsIf(upper bool) vaderFlags { return vaderFlags(b2u(upper)) * allCaps }

// b2u is 1 for true, 0 for false, without a branch.
func b2u(b bool) uint8 {
	var x uint8
	if b {
		x = 1
	}
	return x
}

// Score returns the compound score of s, as the reference's
// polarity_scores gives it before rounding.
func (v *vader) Score(s string) float64 { return v.score(s, "") }

// ScoreLowered is Score(s) for lowered, segment.ASCIILower(s), that the
// caller has, in scratch's room if not nil.
func (v *vader) ScoreLowered(s, lowered string, scratch *Sentence) float64 {
	if scratch == nil {
		return v.score(s, lowered)
	}
	x, words, sentiments := v.scoreIn(scratch.vaderWords[:0], scratch.vaderSentiments[:0], s, lowered)
	scratch.vaderWords, scratch.vaderSentiments = words, sentiments
	return x
}

// score is Score(s); low is s lowered (segment.ASCIILower), or "" to make
// it when needed.
func (v *vader) score(s, low string) float64 {
	var words [64]vaderToken
	var sentiments [64]float64
	x, _, _ := v.scoreIn(words[:0], sentiments[:0], s, low)
	return x
}

// scoreIn is score with room for the words and their sentiments, which it
// returns, grown if need be, to be reused: a Sentence's, where arrays on
// the stack were zeroed for every sentence (a sixth of score's
// instructions).
func (v *vader) scoreIn(wordsBuf []vaderToken, sentBuf []float64, s, low string) (float64, []vaderToken, []float64) {
	if len(low) != len(s) {
		low = "" // not s lowered
	}
	// The split tells whether s may hold an emoji (most text has none):
	// only then is it looked for, replaced and split again.
	text := s
	ws := vaderSplit(text, low, v.index, v.emojiBits, vaderWords{words: wordsBuf})
	if ws.emoji {
		if t, replaced := v.replaceEmoji(s); replaced {
			text = t
			ws = vaderSplit(text, "", v.index, nil, vaderWords{words: ws.words[:0]})
		}
	}
	words := ws.words
	// Most sentences have few words with a valence, many none: a sentence
	// of none scores 0 (all its sentiments are), and the others' words
	// without are left at the zero they start at.
	seen := ws.seen
	if seen&inLexicon == 0 {
		return 0, words, sentBuf
	}
	first := 0
	for first < len(words) && !v.valued(words, first) {
		first++
	}
	if first == len(words) {
		return 0, words, sentBuf
	}
	capWords := 0
	if seen&allCaps != 0 {
		for _, w := range words {
			capWords += int(w.flags / allCaps)
		}
	}
	capDiff := 0 < len(words)-capWords && len(words)-capWords < len(words)

	sentiments := slices.Grow(sentBuf, len(words))[:len(words)]
	clear(sentiments) // a word without a valence is left at 0
	for i := first; i < len(words); i++ {
		if v.valued(words, i) {
			sentiments[i] = v.valence(&ws, i, capDiff)
		}
	}
	if seen&isBut != 0 {
		butCheck(words, v.rule.but, sentiments)
	}
	sum := 0.0
	for _, x := range sentiments {
		sum += x
	}
	ep := min(strings.Count(text, "!"), vaderMaxEP)
	emphasis := float64(float64(ep) * vaderEPScale)
	if qm := strings.Count(text, "?"); qm > 1 {
		if qm <= 3 {
			emphasis += float64(float64(qm) * vaderQMScale)
		} else {
			emphasis += vaderMaxQM
		}
	}
	if sum > 0 {
		sum += emphasis
	} else if sum < 0 {
		sum -= emphasis
	}
	// The conversion keeps sum*sum rounded, as in Python, rather than
	// fused with the addition.
	norm := sum / math.Sqrt(float64(sum*sum)+vaderAlpha)
	return max(-1, min(1, norm)), words, sentiments
}

// valued reports whether word i of words may have a valence: a word not
// in the lexicon (most) has none, a booster none either, nor "kind" before
// "of".
func (v *vader) valued(words []vaderToken, i int) bool {
	return words[i].flags&(inLexicon|isBooster) == inLexicon &&
		!(i < len(words)-1 && words[i].id == v.rule.kind && words[i+1].id == v.rule.of)
}

// replaceEmoji is the reference's first step: each emoji of the lexicon
// becomes its description, after a space unless one is there. Most text
// has none and is returned as it is (replaced false).
func (v *vader) replaceEmoji(s string) (text string, replaced bool) {
	first := -1
	for i := 0; i < len(s); i++ {
		// Eight ASCII bytes at a time: most of a text is.
		for i+8 <= len(s) && vocab.Load8(s[i:i+8])&highs == 0 {
			i += 8
		}
		if i == len(s) {
			break
		}
		if s[i] < utf8.RuneSelf {
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if v.emojiBits[r&0xffff/64]&(1<<(r%64)) != 0 {
			if _, ok := v.emoji[r]; ok {
				first = i
				break
			}
		}
		i += n - 1
	}
	if first < 0 {
		return s, false
	}
	var b strings.Builder
	b.Grow(len(s) + 32)
	b.WriteString(s[:first])
	prevSpace := first == 0 || s[first-1] == ' '
	for i := first; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if desc, ok := v.emoji[r]; ok {
			if !prevSpace {
				b.WriteByte(' ')
			}
			b.WriteString(desc)
			prevSpace = false
		} else {
			b.WriteString(s[i : i+n])
			prevSpace = r == ' '
		}
		i += n
	}
	return b.String(), true
}

// asciiLower is s with its ASCII capitals lowercased, byte for byte.
func asciiLower(s string) string { return segment.ASCIILower(s) }

// pyLower is Python's str.lower for the cases that matter here: Go's
// lowercase but for U+0130, which Python lowercases to "i" and a combining
// dot, so that it never matches an ASCII word. (Python's final sigma gives
// a non-ASCII word either way.)
func pyLower(w string) string {
	if !strings.ContainsRune(w, '\u0130') {
		return strings.ToLower(w)
	}
	return strings.ToLower(strings.ReplaceAll(w, "\u0130", "i\u0307"))
}

// pyIsUpper is Python's str.isupper: no lowercase or titlecase rune and at
// least one uppercase one, with Python's Unicode properties (Lowercase and
// Uppercase include Other_Lowercase and Other_Uppercase).
func pyIsUpper(w string) bool {
	upper := false
	for _, r := range w {
		switch {
		case r < utf8.RuneSelf:
			if 'a' <= r && r <= 'z' {
				return false
			}
			upper = upper || 'A' <= r && r <= 'Z'
		case unicode.IsLower(r) || unicode.IsTitle(r) || unicode.Is(unicode.Other_Lowercase, r):
			return false
		case unicode.IsUpper(r) || unicode.Is(unicode.Other_Uppercase, r):
			upper = true
		}
	}
	return upper
}
