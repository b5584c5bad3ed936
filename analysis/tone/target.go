package tone

import (
	"encoding/binary"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/slant-news/slant/analysis/segment"
	"github.com/slant-news/slant/analysis/vocab"
)

// Target scorers. Each rates the sentiment toward one mention (a target)
// within a sentence, not the tone of the sentence as a whole.
const (
	TargetModel = "logreg" // slant's own model, trained on NewsMTSC (see TrainTarget)
	TargetVADER = "vader"  // VADER's compound score over the target's clause
	TargetNB    = "nb"     // cdipaolo/sentiment's Naive Bayes over the target's clause
)

// TargetScorers lists the target scorers by name, the default (best measured
// macro-F1) first.
var TargetScorers = []string{TargetModel, TargetVADER, TargetNB}

// Sentence is a sentence prepared for rating its targets: what its
// mentions share, done once for all of them, and the scratch space rating
// one takes (a sentence's words and a target's features take some
// kilobytes). Reuse one from sentence to sentence; it is not safe for
// concurrent use.
type Sentence struct {
	sentence targetSentence
	features features
	// VADER's room (see vader.ScoreLowered).
	vaderWords      []vaderToken
	vaderSentiments []float64
}

// NewSentence returns an empty Sentence; Reset gives it its text.
func NewSentence() *Sentence {
	return &Sentence{features: newFeatures(false)}
}

// Reset makes s the sentence text.
func (s *Sentence) Reset(text string) { s.sentence.reset(text) }

// ResetWords is Reset for a sentence whose words are known, as a longer
// text's were split: toks are what segment.Tokenize(text) returns, but
// with offsets off bytes further on. s copies them, which costs less than
// splitting again.
func (s *Sentence) ResetWords(text string, toks []segment.Token, off int) {
	// Grown once and written by index: an append per token checked the
	// room at each.
	dst := slices.Grow(s.sentence.toks[:0], len(toks))[:len(toks)]
	for i, t := range toks {
		dst[i] = segment.Token{Start: t.Start - off, End: t.End - off, KeyEnd: t.KeyEnd - off}
	}
	s.sentence.toks = dst
	s.sentence.setText(text)
}

// Words returns the words of s's text (see segment.Tokenize), valid until
// the next Reset.
func (s *Sentence) Words() []segment.Token { return s.sentence.toks }

// clampSpan brings start and end into [0, len(text)], start <= end, both on
// rune boundaries (moved outward), so slicing text with them is safe.
func clampSpan(text string, start, end int) (int, int) {
	start = min(max(start, 0), len(text))
	end = min(max(end, start), len(text))
	for start > 0 && start < len(text) && !utf8.RuneStart(text[start]) {
		start--
	}
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end++
	}
	return start, end
}

// isClausePunct reports whether r separates clauses: commas, semicolons,
// colons, dashes, brackets and sentence ends. Quotation marks do not:
// measured on NewsMTSC train, cutting at them (and at conjunctions such as
// "and", "but", "which", or growing clauses shorter than a few words) scored
// VADER worse, as quotes and conjunctions often hold what is said of the
// target.
func isClausePunct(r rune) bool {
	switch r {
	case ',', ';', ':', '(', ')', '[', ']', '—', '–', '.', '!', '?':
		return true
	}
	return false
}

// targetSentence is a sentence prepared for rating its targets: all that
// does not depend on the target, done once for all of them.
type targetSentence struct {
	text string
	toks []segment.Token
	// cut is whether clause punctuation comes between token k-1 and
	// token k, made on first use (see cuts): the words of every sentence
	// are given for the actors' matching, and most sentences then have no
	// mention to rate.
	cut      []bool
	cutReady bool

	// For the target model, on first use (see prepare): the VADER and
	// Naive Bayes target scorers need only the clauses.
	ready  bool
	words  []sentenceWord // one per token
	low    []byte         // the words as features name them, end to end
	butAt  int            // the last "but", or -1
	quotes []quoteMark
	// vecSum holds the running sums of the words' quantised vectors,
	// vectorDim per word boundary (vecSum[k*vectorDim:] sums words before
	// k), and vecN how many words have one: any window's mean in
	// O(vectorDim).
	vecSum []int32
	vecN   []int32
	// projSums are the running sums of the words' projections (see
	// targetModel.proj), for scoring, made on first use: one more at
	// each word that has a vector, so that the words before k sum to
	// projSums[vecN[k]].
	projSums  [][projWidth]float64
	projReady bool
	// polarAt and entityAt are the words in VADER's lexicon and the
	// possible actors, by index, ascending (see prepare); other, those of
	// entityAt outside one target at a time (see addAttachment).
	polarAt, entityAt, other []int
}

// reset makes s the sentence text, unprepared.
func (s *targetSentence) reset(text string) {
	s.toks = segment.Tokenize(text, s.toks[:0], false)
	s.setText(text)
}

// setText makes s the sentence text, whose words s.toks holds,
// unprepared.
func (s *targetSentence) setText(text string) {
	s.text = text
	s.cutReady, s.ready, s.projReady = false, false, false
}

// cuts returns s.cut, made unless done.
func (s *targetSentence) cuts() []bool {
	if !s.cutReady {
		s.cutReady = true
		// Grown once and written by index, the token before's end
		// kept: an append per token checked the room at each.
		cut := slices.Grow(s.cut[:0], len(s.toks))[:len(s.toks)]
		end := -1 // the token before's end; none for the first
		for k, t := range s.toks {
			cut[k] = end >= 0 && punctIn(s.text[end:t.Start])
			end = t.End
		}
		s.cut = cut
	}
	return s.cut
}

// clause returns the byte span of the clause of s that holds
// s.text[start:end]: the target widened word by word up to clause
// punctuation on either side.
func (s *targetSentence) clause(start, end int) (int, int) {
	if len(s.toks) == 0 {
		return start, end
	}
	first, last := targetTokens(s.toks, start, end)
	lo, hi := s.clauseTokens(first, last)
	return min(s.toks[lo].Start, start), max(s.toks[hi].End, end)
}

// clauseTokens widens the token range [first, last] to its clause.
func (s *targetSentence) clauseTokens(first, last int) (lo, hi int) {
	cut := s.cuts()
	lo, hi = first, last
	for lo > 0 && !cut[lo] {
		lo--
	}
	for hi+1 < len(s.toks) && !cut[hi+1] {
		hi++
	}
	return lo, hi
}

// punctIn reports whether the gap between two tokens holds clause
// punctuation.
func punctIn(gap string) bool {
	if gap == " " { // most gaps, not decoded
		return false
	}
	for _, r := range gap {
		if isClausePunct(r) {
			return true
		}
	}
	return false
}

// targetTokens returns the first and last token indexes overlapping
// [start, end), or the nearest token when none does.
func targetTokens(toks []segment.Token, start, end int) (int, int) {
	// The tokens are in order, their starts and ends ascending: a binary
	// search finds the first that ends past start or starts at end or
	// past it, where a scan from the first token read some ten for every
	// target.
	lo, hi := 0, len(toks)
	for lo < hi {
		if m := int(uint(lo+hi) >> 1); toks[m].End > start || toks[m].Start >= end {
			hi = m
		} else {
			lo = m + 1
		}
	}
	switch {
	case lo == len(toks): // no word in the span, nor after it: the last one
		return len(toks) - 1, len(toks) - 1
	case toks[lo].Start >= end: // none overlaps: the one just after the span
		return lo, lo
	}
	last := lo
	for last+1 < len(toks) && toks[last+1].Start < end {
		last++
	}
	return lo, last
}

// sentenceWord is a word of a targetSentence.
type sentenceWord struct {
	term    // the word lowercased, or <Cap>; its text is in low
	negator bool
	negated bool // a negator comes before it in its clause
	inLex   bool // in VADER's lexicon; then:
	valence float64
	vader   float64  // its valence as VADER would sum it, see prepare
	vec     int32    // its row in the word vectors, or -1 (names, function words, unknown words)
	lex     vocab.ID // its ID in VADER's vocabulary
	row     int32    // its row of the model's word weights (see wordWeights), or -1
	speech  bool     // a verb of saying or stance (speech_verbs.txt)
	entity  bool     // a name or a personal pronoun: a possible other actor
}

// quoteMark is a quotation mark at a byte offset.
type quoteMark struct {
	at int
	r  rune
}

// prepare computes the words for the target model from in, unless done.
func (s *targetSentence) prepare(in *featureInputs) {
	if s.ready {
		return
	}
	s.ready = true
	s.words, s.low, s.butAt = s.words[:0], s.low[:0], -1 // s.words for a sentence of no words
	s.polarAt, s.entityAt = s.polarAt[:0], s.entityAt[:0]
	// Negation: a negator marks the words after it as negated, up to clause
	// punctuation.
	on := false
	cut := s.cuts()
	// Grown once and written by index: an append per word checked the
	// room at each and copied the word.
	s.words = slices.Grow(s.words, len(s.toks))[:len(s.toks)]
	for k, t := range s.toks {
		tm, info, ok := s.shortWord(in, t)
		if !ok {
			tm, info = s.word(in, t)
		}
		if cut[k] {
			on = false
		}
		// Field by field: a composite literal went through a copy on
		// the stack.
		w := &s.words[k]
		w.term, w.row, w.lex = tm, int32(info.hot)-1, info.lex
		w.negator, w.negated, w.inLex = info.flags&negatorWord != 0, on, false
		w.valence, w.vader = 0, 0
		w.entity, w.speech = info.flags&entityWord != 0, info.flags&speechWord != 0
		w.vec = -1
		if info.flags&functionWord == 0 {
			w.vec = info.vec
		}
		if w.negator {
			on = true
		}
		if string(tm.text) == "but" {
			s.butAt = k
		}
		if w.entity {
			s.entityAt = append(s.entityAt, k)
		}
		if info.flags&lexiconWord != 0 {
			s.polarAt = append(s.polarAt, k)
		}
	}
	// The polar words alone, by the index's flag, where every word's
	// entry in VADER's lexicon was read to find them.
	lex := in.lex
	for _, k := range s.polarAt {
		w := &s.words[k]
		v := lex.words[w.lex].valence
		w.inLex = true
		// For the sums per region: negated to the end of the clause.
		w.valence = v
		if w.negated {
			w.valence *= -negationScalar
		}
		// As VADER does it, cheaply (VADER itself costs three times the
		// whole model): negated by a negator up to three words before,
		// halved before "but" and weighted by 1.5 after it.
		for d := 1; d <= 3 && k-d >= 0; d++ {
			if s.words[k-d].negator {
				v *= -negationScalar
				break
			}
		}
		switch {
		case s.butAt < 0:
		case k < s.butAt:
			v *= 0.5
		case k > s.butAt:
			v *= 1.5
		}
		w.vader = v
	}
	s.findQuotes()
}

// word returns the term of the word t, lowercased into s.low (see
// appendLower), or capWord's for a name, and what in's index knows of it.
func (s *targetSentence) word(in *featureInputs, t segment.Token) (term, wordInfo) {
	lo := len(s.low)
	var h uint64
	s.low, h = appendLower(s.low, s.text[t.Start:t.End])
	// Eight bytes of room past the word, so that its head is one load.
	s.low = slices.Grow(s.low, 8)
	name := s.low[lo:]
	info, isName := in.vectors.index.caseInfo(name, h, loadHead(s.low[lo:lo+8], len(name)), startsUpper(s.text[t.Start:]))
	if isName {
		s.low = s.low[:lo]
		return in.capTerm, in.capInfo
	}
	return term{name, h}, info
}

// shortWord is word for a word of eight ASCII bytes or fewer that is a
// name or in the hot table, most words, lowered and looked up as one
// integer (see lowerShort, hotShort); ok is false for any other word.
func (s *targetSentence) shortWord(in *featureInputs, t segment.Token) (tm term, info wordInfo, ok bool) {
	n := t.End - t.Start
	if n <= 0 || n > 8 || t.Start+8 > len(s.text) {
		return term{}, wordInfo{}, false
	}
	x, ascii := shortHead(vocab.Load8(s.text[t.Start:t.Start+8]), n)
	if !ascii {
		return term{}, wordInfo{}, false
	}
	low, upper := lowerShort(x)
	hs, i := in.vectors.index.hotShort(low, n)
	switch {
	case upper && (hs == nil || hs.flags&functionWord == 0): // a name (see caseInfo)
		return in.capTerm, in.capInfo, true
	case hs == nil:
		return term{}, wordInfo{}, false
	}
	lo := len(s.low)
	b := slices.Grow(s.low, 8)
	binary.LittleEndian.PutUint64(b[lo:lo+8], low)
	s.low = b[:lo+n]
	return term{s.low[lo:], hs.hash}, hs.info(i), true
}

// findQuotes finds the sentence's quotation marks. Only '"' and the lead
// byte of “ and ” can start one: the scan looks for those two bytes alone
// (IndexByte, many bytes at a time), where it tested every byte.
func (s *targetSentence) findQuotes() {
	s.quotes = s.quotes[:0]
	text := s.text
	straight, curly := strings.IndexByte(text, '"'), strings.IndexByte(text, "“"[0])
	for straight >= 0 || curly >= 0 {
		i := straight
		if i < 0 || (curly >= 0 && curly < i) {
			i = curly
		}
		switch r, _ := utf8.DecodeRuneInString(text[i:]); r {
		case '"', '“', '”':
			s.quotes = append(s.quotes, quoteMark{i, r})
		}
		if i == straight {
			straight = nextByte(text, i+1, '"')
		} else {
			curly = nextByte(text, i+1, "“"[0])
		}
	}
}

// nextByte is the index of the first c in s from i on, or -1.
func nextByte(s string, i int, c byte) int {
	if j := strings.IndexByte(s[i:], c); j >= 0 {
		return i + j
	}
	return -1
}
