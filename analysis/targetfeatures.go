package analysis

import (
	"bytes"
	"math"
	"unicode"
	"unicode/utf8"
)

// The target model sees a sentence through features relative to the target:
// which words sit in its clause, just before or after it, or elsewhere in
// the sentence; bigrams around it; negation; quotes; and VADER lexicon sums
// on either side. Training and scoring share this code, so a feature means
// the same in both: each is named by a byte string built in a scratch
// buffer, which training keeps and scoring only hashes.

// featureWindow is how many words before and after the target count as its
// neighbours.
const featureWindow = 4

// features collects the features of one target.
type features struct {
	buf   []byte    // the feature being named
	keys  []uint64  // FNV-1a hash of each feature's name
	vals  []float64 // each feature's value
	names []string  // each feature's name; only when keep
	keep  bool
}

func (f *features) reset() {
	f.keys, f.vals, f.names = f.keys[:0], f.vals[:0], f.names[:0]
}

// add records the feature named prefix+word with value v.
func (f *features) add(prefix string, word []byte, v float64) {
	f.buf = append(append(f.buf[:0], prefix...), word...)
	f.emit(v)
}

// addName records the feature named name with value v.
func (f *features) addName(name string, v float64) {
	f.buf = append(f.buf[:0], name...)
	f.emit(v)
}

// add2 records the feature named prefix+w1+"_"+w2.
func (f *features) add2(prefix string, w1, w2 []byte, v float64) {
	f.buf = append(append(f.buf[:0], prefix...), w1...)
	f.buf = append(append(f.buf, '_'), w2...)
	f.emit(v)
}

func (f *features) emit(v float64) {
	f.keys = append(f.keys, fnv1a(f.buf))
	f.vals = append(f.vals, v)
	if f.keep {
		f.names = append(f.names, string(f.buf))
	}
}

func fnv1a(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

func fnv1aString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// appendLower appends s lowercased, with digits folded to 0 so that numbers
// share features.
func appendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case '0' <= c && c <= '9':
				c = '0'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '’' || r == 'ʼ' {
			r = '\''
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
		i += n
	}
	return b
}

// Stand-ins: targetWord for the target in bigrams, capWord for a
// capitalised word. Both hold characters that no lowercased word has.
const (
	targetWord = "<T>"
	capWord    = "<Cap>"
)

// isFunctionWord reports whether a lowercased word keeps its own feature
// when capitalised (at the start of a sentence); any other capitalised word
// is taken for a name.
func isFunctionWord(lower []byte) bool {
	switch string(lower) {
	case "a", "an", "the", "this", "that", "these", "those",
		"i", "we", "you", "he", "she", "it", "they",
		"his", "her", "its", "their", "our", "my", "your",
		"in", "on", "at", "for", "of", "to", "from", "with",
		"by", "after", "before", "as", "if", "when", "while",
		"but", "and", "or", "so", "yet", "not", "no",
		"there", "here", "what", "who", "why", "how":
		return true
	}
	return false
}

// negationScalar is VADER's: a negated word keeps 74% of its valence,
// flipped.
const negationScalar = 0.74

// isNegator reports whether a lowercased word opens a negation scope.
func isNegator(lower []byte) bool {
	switch string(lower) {
	case "not", "no", "never", "without", "nor", "none", "nobody", "nothing", "neither", "cannot", "hardly", "barely":
		return true
	}
	return bytes.HasSuffix(lower, []byte("n't"))
}

// Token regions relative to the target, for the lexicon sums.
const (
	regLeft    = iota // in the target's clause, before it
	regRight          // in the target's clause, after it
	regOutside        // elsewhere in the sentence
	regions
)

// regionName names a region in feature names.
func regionName(r int) string {
	switch r {
	case regLeft:
		return "left"
	case regRight:
		return "right"
	}
	return "out"
}

// targetFeatures computes the features of text[start:end] within text into
// f, using lex's lexicon (VADER's, lowercase words to valence). start and end
// must be valid offsets (see clampSpan).
//
// Names never become features, neither the target's nor its neighbours'
// (capitalised words other than function words are all "<Cap>"): the
// model would learn from NewsMTSC's US politics that, say, "Russia" or
// "Trump" is negative whatever is said (it did: t:russia and t:putin were
// among the strongest negative weights), a prior that has no place in
// measuring how outlets treat actors. It costs about two points of
// cross-validated macro-F1.
func targetFeatures(f *features, lex *vader, text string, start, end int) {
	f.reset()
	f.addName("bias", 1)
	var tbuf [64]token
	toks := tokenize(text, tbuf[:0], false)
	if len(toks) == 0 {
		return
	}
	// Lowercase every token once; word(k) is token k lowercased, or <Cap>.
	var lbuf [512]byte
	low := lbuf[:0]
	var obuf [65]int
	offs := append(obuf[:0], 0)
	for _, t := range toks {
		n := len(low)
		low = appendLower(low, text[t.start:t.end])
		if r, _ := utf8.DecodeRuneInString(text[t.start:]); unicode.IsUpper(r) && !isFunctionWord(low[n:]) {
			low = append(low[:n], capWord...)
		}
		offs = append(offs, len(low))
	}
	word := func(k int) []byte { return low[offs[k]:offs[k+1]] }

	first, last := targetTokens(toks, start, end)
	lo, hi := clauseTokens(text, toks, first, last)
	inTarget := func(k int) bool { return k >= first && k <= last }

	// The target itself: only its shape and its common words (pronouns,
	// titles in lower case).
	for k := first; k <= last; k++ {
		f.add("t:", word(k), 1)
	}
	switch last - first {
	case 0:
		f.addName("t:len1", 1)
	case 1:
		f.addName("t:len2", 1)
	default:
		f.addName("t:len3+", 1)
	}

	// Negation: a negator marks the words after it as negated, up to clause
	// punctuation.
	var nbuf [64]bool
	negated := nbuf[:0]
	on := false
	butAt := -1
	for k := range toks {
		if k > 0 && punctBetween(text, toks[k-1], toks[k]) {
			on = false
		}
		negated = append(negated, on)
		w := word(k)
		if isNegator(w) {
			on = true
		}
		if string(w) == "but" {
			butAt = k
		}
	}

	var lexPos, lexNeg [regions]float64
	var sentence, clauseSum float64 // VADER-like sums, see below
	for k := range toks {
		if inTarget(k) {
			continue
		}
		w := word(k)
		reg := regOutside
		switch {
		case k >= lo && k < first:
			reg = regLeft
		case k > last && k <= hi:
			reg = regRight
		}
		prefix := "s:"
		if reg != regOutside {
			prefix = "c:"
			if negated[k] {
				prefix = "c!:"
			}
		}
		f.add(prefix, w, 1)
		if d := first - k; d > 0 && d <= featureWindow {
			f.add("l:", w, 1)
			if d == 1 {
				f.add("l1:", w, 1)
			}
		}
		if d := k - last; d > 0 && d <= featureWindow {
			f.add("r:", w, 1)
			if d == 1 {
				f.add("r1:", w, 1)
			}
		}
		if !lex.inLex.mayHaveBytes(w) {
			continue
		}
		v, ok := lex.lexicon[string(w)]
		if !ok {
			continue
		}
		// Per region, negated to the end of the clause.
		if x := v; negated[k] {
			x *= -negationScalar
			if x > 0 {
				lexPos[reg] += x
			} else {
				lexNeg[reg] -= x
			}
		} else if x > 0 {
			lexPos[reg] += x
		} else {
			lexNeg[reg] -= x
		}
		// As VADER does it, cheaply (VADER itself costs three times the
		// whole model): negated by a negator up to three words before,
		// halved before "but" and weighted by 1.5 after it.
		for d := 1; d <= 3 && k-d >= 0; d++ {
			if isNegator(word(k - d)) {
				v *= -negationScalar
				break
			}
		}
		switch {
		case butAt < 0:
		case k < butAt:
			v *= 0.5
		case k > butAt:
			v *= 1.5
		}
		sentence += v
		if reg != regOutside {
			clauseSum += v
		}
	}
	// Bigrams within the clause, the target standing in as "T".
	for k := lo; k < hi; k++ {
		if inTarget(k) && inTarget(k+1) {
			continue
		}
		a, b := word(k), word(k+1)
		if inTarget(k) {
			a = []byte(targetWord)
		}
		if inTarget(k + 1) {
			b = []byte(targetWord)
		}
		f.add2("b:", a, b, 1)
	}
	for r := range regions {
		f.add("lex+:", []byte(regionName(r)), squash(lexPos[r]))
		f.add("lex-:", []byte(regionName(r)), squash(lexNeg[r]))
	}
	sentence, clauseSum = squash(sentence), squash(clauseSum)
	f.addName("vader+:sentence", max(sentence, 0))
	f.addName("vader-:sentence", max(-sentence, 0))
	f.addName("vader+:clause", max(clauseSum, 0))
	f.addName("vader-:clause", max(-clauseSum, 0))
	if first == 0 {
		f.addName("p:first", 1)
	}
	if last == len(toks)-1 {
		f.addName("p:last", 1)
	}
	if quoted, inQuote := quoteState(text, start); inQuote {
		f.addName("q:in", 1)
	} else if quoted {
		f.addName("q:sentence", 1)
	}
}

// squash maps a lexicon sum (0 and up) into [0, 1), as VADER normalises its
// compound score.
func squash(x float64) float64 { return x / math.Sqrt(x*x+15) }

// quoteState reports whether text holds quotation marks and whether offset
// at lies inside a quotation.
func quoteState(text string, at int) (quoted, inside bool) {
	straight := 0
	for i, r := range text {
		switch r {
		case '"':
			quoted = true
			if i < at {
				straight++
			}
		case '“':
			quoted = true
			if i < at {
				inside = true
			}
		case '”':
			quoted = true
			if i < at {
				inside = false
			}
		}
	}
	return quoted, inside || straight%2 == 1
}
