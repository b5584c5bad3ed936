package tone

import (
	"bytes"
	"maps"
	"math"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/slant-news/slant/analysis/vocab"
)

// The target model sees a sentence through features relative to the target:
// which words sit in its clause, just before or after it, or elsewhere in
// the sentence; bigrams around it; negation; quotes; VADER lexicon sums on
// either side; the mean word vector of windows around it (see
// vectorfeatures.go); and how it attaches to the polar words (see
// attachment.go). Training and scoring share this code, so a feature means
// the same in both: training keeps each feature's name, scoring only its
// key (and the vector windows' spans, which scoring weighs directly).

// featureWindow is how many words before and after the target count as its
// neighbours.
const featureWindow = 4

// features collects the features of one target.
type features struct {
	keys  []uint64  // each feature's key (see nameKey)
	vals  []float64 // each feature's value
	names []string  // each feature's name; only when keep
	keep  bool
	known featureNames
	// windows are the vector windows' spans of the last target (see
	// vectorWindows).
	windows     [numVectorWindows]span
	first, last int // the target's words
}

func newFeatures(keep bool) features {
	return features{
		keys:  make([]uint64, 0, 256),
		vals:  make([]float64, 0, 256),
		keep:  keep,
		known: newFeatureNames(),
	}
}

func (f *features) reset() {
	f.keys, f.vals, f.names = f.keys[:0], f.vals[:0], f.names[:0]
}

// A feature's key in the model hashes its name in parts: the part up to the
// first ':' (the prefix), then the rest split at '_' (the words of a
// bigram). So a sentence's words are each hashed once, for all its features
// and targets, rather than in every feature name. No word holds ':' or '_'
// (see tokenize), so the parts are the prefix and the words.

// nameKey is the key of the feature named name.
func nameKey(name []byte) uint64 {
	head, rest, ok := bytes.Cut(name, []byte{':'})
	if !ok {
		return fnv1a(name)
	}
	key := fnv1a(name[:len(head)+1])
	for part := range bytes.SplitSeq(rest, []byte{'_'}) {
		key = mixKey(key, fnv1a(part))
	}
	return key
}

// mixKey adds the hash of a name's next part to the key of the parts
// before. The rotation makes the order of parts count.
func mixKey(key, part uint64) uint64 {
	return (bits.RotateLeft64(key, 31) ^ part) * 0x9e3779b97f4a7c15
}

// featureName is a feature name or name prefix with its key: a prefix's
// key is the hash of the prefix alone, to be mixed with its words'.
type featureName struct {
	name string
	key  uint64
}

// A term is a word, or a stand-in for one, as feature names hold it, with
// its hash.
type term struct {
	text []byte
	hash uint64
}

// featureInputs are the data the target model's features read besides the
// sentence. A model is trained with them and means nothing without them.
type featureInputs struct {
	lex *vader // VADER's lexicon: lowercase word to valence
	// vectors is word_vectors.bin, its index annotated with VADER's
	// words and speech_verbs.txt's (see wordIndex.annotate).
	vectors *wordVectors
	// capHash and capInfo are capWord's hash and what the index knows of
	// it: every name's.
	capHash uint64
	capInfo wordInfo
}

// featureInputs loads the built-in inputs, VADER's lexicon through m.
func (m *models) featureInputs() (*featureInputs, error) {
	lex, err := m.vader()
	if err != nil {
		return nil, err
	}
	vec, err := loadVectors()
	if err != nil {
		return nil, err
	}
	vec.index.annotate(lex, slices.Sorted(maps.Keys(parseSpeechVerbs(speechVerbData))))
	capHash := fnv1aString(capWord)
	return &featureInputs{lex: lex, vectors: vec, capHash: capHash, capInfo: vec.index.info([]byte(capWord), capHash)}, nil
}

// featureNames are the fixed names and the prefixes of features, hashed
// once rather than for every target.
type featureNames struct {
	bias, len1, len2, len3   featureName
	lexPos, lexNeg           [regions]featureName
	vaderPosSentence         featureName
	vaderNegSentence         featureName
	vaderPosClause           featureName
	vaderNegClause           featureName
	first, last              featureName
	inQuote, quoted          featureName
	target, sentence, clause featureName // prefixes, followed by a word
	negated                  featureName
	left, left1              featureName
	right, right1            featureName
	bigram                   featureName // followed by two words, joined by '_'
	targetWord               term        // the target in bigrams
	attach                   attachmentNames
	vectors                  [numVectorWindows][vectorDim]featureName
}

func newFeatureNames() featureNames {
	fixed := func(name string) featureName { return featureName{name, nameKey([]byte(name))} }
	prefix := func(name string) featureName { return featureName{name, fnv1aString(name)} }
	n := featureNames{
		bias:             fixed("bias"),
		len1:             fixed("t:len1"),
		len2:             fixed("t:len2"),
		len3:             fixed("t:len3+"),
		vaderPosSentence: fixed("vader+:sentence"),
		vaderNegSentence: fixed("vader-:sentence"),
		vaderPosClause:   fixed("vader+:clause"),
		vaderNegClause:   fixed("vader-:clause"),
		first:            fixed("p:first"),
		last:             fixed("p:last"),
		inQuote:          fixed("q:in"),
		quoted:           fixed("q:sentence"),
		target:           prefix("t:"),
		sentence:         prefix("s:"),
		clause:           prefix("c:"),
		negated:          prefix("c!:"),
		left:             prefix("l:"),
		left1:            prefix("l1:"),
		right:            prefix("r:"),
		right1:           prefix("r1:"),
		bigram:           prefix("b:"),
		targetWord:       term{[]byte(targetWord), fnv1aString(targetWord)},
		attach:           newAttachmentNames(),
		vectors:          vectorFeatureNames(),
	}
	for r := range regions {
		n.lexPos[r] = fixed("lex+:" + regionName(r))
		n.lexNeg[r] = fixed("lex-:" + regionName(r))
	}
	return n
}

// add records the feature named l.name with value v.
func (f *features) add(l featureName, v float64) {
	f.keys = append(f.keys, l.key)
	f.vals = append(f.vals, v)
	if f.keep {
		f.names = append(f.names, l.name)
	}
}

// addWord records the feature named prefix+w.
func (f *features) addWord(prefix featureName, w *term, v float64) {
	f.keys = append(f.keys, mixKey(prefix.key, w.hash))
	f.vals = append(f.vals, v)
	if f.keep {
		f.names = append(f.names, prefix.name+string(w.text))
	}
}

// addBigram records the feature named prefix+w1+"_"+w2.
func (f *features) addBigram(prefix featureName, w1, w2 *term, v float64) {
	f.keys = append(f.keys, mixKey(mixKey(prefix.key, w1.hash), w2.hash))
	f.vals = append(f.vals, v)
	if f.keep {
		f.names = append(f.names, prefix.name+string(w1.text)+"_"+string(w2.text))
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
// share features, and returns the fnv1a hash of what it appended: one pass
// over the bytes rather than two.
func appendLower(b []byte, s string) ([]byte, uint64) {
	h := uint64(14695981039346656037)
	// ASCII first, written in place into room made for it, where append
	// checked the room at every byte: most words are ASCII throughout.
	n := len(b)
	b = slices.Grow(b, len(s))
	out := b[n : n+len(s)]
	i := 0
	for ; i < len(out); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			break
		}
		c = asciiFold[c]
		out[i] = c
		h = (h ^ uint64(c)) * 1099511628211
	}
	b = b[:n+i]
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			c = asciiFold[c]
			b = append(b, c)
			h = (h ^ uint64(c)) * 1099511628211
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '’' || r == 'ʼ' {
			r = '\''
		}
		k := len(b)
		b = utf8.AppendRune(b, unicode.ToLower(r))
		for _, c := range b[k:] {
			h = (h ^ uint64(c)) * 1099511628211
		}
		i += n
	}
	return b, h
}

// asciiFold is lowerASCII of every byte below utf8.RuneSelf: one load a
// byte where the comparisons took a third of appendLower's instructions.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = lowerASCII(byte(c))
	}
	return t
}()

// lowerASCII is appendLower's byte c < utf8.RuneSelf.
func lowerASCII(c byte) byte {
	switch {
	case 'A' <= c && c <= 'Z':
		return c + 'a' - 'A'
	case '0' <= c && c <= '9':
		return '0'
	}
	return c
}

// startsUpper reports whether s starts with an upper-case letter.
func startsUpper(s string) bool {
	if s != "" && s[0] < utf8.RuneSelf {
		return 'A' <= s[0] && s[0] <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// Stand-ins: targetWord for the target in bigrams, capWord for a
// capitalised word. Both hold characters that no lowercased word has.
const (
	targetWord = "<T>"
	capWord    = "<Cap>"
)

// functionWords are the lowercased words that keep their own feature when
// capitalised (at the start of a sentence); any other capitalised word is
// taken for a name. The word index flags them (functionWord).
var functionWords = []string{
	"a", "an", "the", "this", "that", "these", "those",
	"i", "we", "you", "he", "she", "it", "they",
	"his", "her", "its", "their", "our", "my", "your",
	"in", "on", "at", "for", "of", "to", "from", "with",
	"by", "after", "before", "as", "if", "when", "while",
	"but", "and", "or", "so", "yet", "not", "no",
	"there", "here", "what", "who", "why", "how",
}

// negationScalar is VADER's: a negated word keeps 74% of its valence,
// flipped.
const negationScalar = 0.74

// negatorWords open a negation scope, and so does any word that ends in
// "n't": the word index flags them (negatorWord; see unlistedWord).
var negatorWords = []string{"not", "no", "never", "without", "nor", "none", "nobody", "nothing", "neither", "cannot", "hardly", "barely"}

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

// sentenceWord is a word of a targetSentence.
type sentenceWord struct {
	term    // the word lowercased, or <Cap>; its text is in low
	negator bool
	negated bool // a negator comes before it in its clause
	inLex   bool // in VADER's lexicon; then:
	valence float64
	vader   float64  // its valence as VADER would sum it, see prepare
	vec     int32    // its row in the word vectors, or -1 (names, function words, unknown words)
	speech  bool     // a verb of saying or stance (speech_verbs.txt)
	lex     vocab.ID // its ID in VADER's vocabulary
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
	s.words, s.low, s.butAt = s.words[:0], s.low[:0], -1
	s.polarAt, s.entityAt = s.polarAt[:0], s.entityAt[:0]
	// Negation: a negator marks the words after it as negated, up to clause
	// punctuation.
	on := false
	words, cut := &in.vectors.index, s.cuts()
	for k, t := range s.toks {
		lo := len(s.low)
		var h uint64
		s.low, h = appendLower(s.low, s.text[t.Start:t.End])
		name := s.low[lo:]
		// Eight bytes of room past the word, so that its head is one load.
		s.low = slices.Grow(s.low, 8)
		info, isName := words.caseInfo(name, h, loadHead(s.low[lo:lo+8], len(name)), startsUpper(s.text[t.Start:]))
		if isName {
			s.low = append(s.low[:lo], capWord...)
			name, h, info = s.low[lo:], in.capHash, in.capInfo
		}
		if cut[k] {
			on = false
		}
		w := sentenceWord{
			term: term{name, h}, negator: info.flags&negatorWord != 0, negated: on,
			vec: -1, entity: info.flags&entityWord != 0, lex: info.lex,
			speech: info.flags&speechWord != 0,
		}
		if info.flags&functionWord == 0 {
			w.vec = info.vec
		}
		if w.negator {
			on = true
		}
		if string(name) == "but" {
			s.butAt = k
		}
		if w.entity {
			s.entityAt = append(s.entityAt, k)
		}
		s.words = append(s.words, w)
	}
	lex := in.lex
	for k := range s.words {
		w := &s.words[k]
		x := &lex.words[w.lex]
		if x.flags&inLexicon == 0 {
			continue
		}
		v := x.valence
		w.inLex = true
		s.polarAt = append(s.polarAt, k)
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

// targetFeatures computes the features of s.text[start:end] within s into
// f, from in. start and end must be valid offsets (see clampSpan). The
// vector windows' features are named only when f keeps names (training);
// otherwise f.windows holds their spans for the scorer (see
// targetModel.predict).
//
// Names never become features, neither the target's nor its neighbours'
// (capitalised words other than function words are all "<Cap>"): the
// model would learn from NewsMTSC's US politics that, say, "Russia" or
// "Trump" is negative whatever is said (it did: t:russia and t:putin were
// among the strongest negative weights), a prior that has no place in
// measuring how outlets treat actors. It costs about two points of
// cross-validated macro-F1.
func targetFeatures(f *features, in *featureInputs, s *targetSentence, start, end int) {
	n := &f.known
	f.reset()
	f.add(n.bias, 1)
	f.windows = [numVectorWindows]span{}
	if len(s.toks) == 0 {
		return
	}
	s.prepare(in)
	first, last := targetTokens(s.toks, start, end)
	lo, hi := s.clauseTokens(first, last)
	f.windows, f.first, f.last = vectorWindows(first, last, lo, hi, len(s.words)), first, last
	if f.keep {
		f.addVectors(s, in.vectors, first, last)
	}
	f.addAttachment(s, first, last, lo, hi)
	inTarget := func(k int) bool { return k >= first && k <= last }
	f.addTarget(s, first, last)

	var lexPos, lexNeg [regions]float64
	var sentence, clauseSum float64 // VADER-like sums, see prepare
	for k := range s.words {
		if inTarget(k) {
			continue
		}
		w := &s.words[k]
		reg := regOutside
		switch {
		case k >= lo && k < first:
			reg = regLeft
		case k > last && k <= hi:
			reg = regRight
		}
		prefix := n.sentence
		if reg != regOutside {
			prefix = n.clause
			if w.negated {
				prefix = n.negated
			}
		}
		f.addWord(prefix, &w.term, 1)
		if d := first - k; d > 0 && d <= featureWindow {
			f.addWord(n.left, &w.term, 1)
			if d == 1 {
				f.addWord(n.left1, &w.term, 1)
			}
		}
		if d := k - last; d > 0 && d <= featureWindow {
			f.addWord(n.right, &w.term, 1)
			if d == 1 {
				f.addWord(n.right1, &w.term, 1)
			}
		}
		if !w.inLex {
			continue
		}
		if x := w.valence; x > 0 {
			lexPos[reg] += x
		} else {
			lexNeg[reg] -= x
		}
		sentence += w.vader
		if reg != regOutside {
			clauseSum += w.vader
		}
	}
	// Bigrams within the clause, the target standing in as "T".
	for k := lo; k < hi; k++ {
		if inTarget(k) && inTarget(k+1) {
			continue
		}
		a, b := &s.words[k].term, &s.words[k+1].term
		if inTarget(k) {
			a = &n.targetWord
		}
		if inTarget(k + 1) {
			b = &n.targetWord
		}
		f.addBigram(n.bigram, a, b, 1)
	}
	for r := range regions {
		f.add(n.lexPos[r], squash(lexPos[r]))
		f.add(n.lexNeg[r], squash(lexNeg[r]))
	}
	sentence, clauseSum = squash(sentence), squash(clauseSum)
	f.add(n.vaderPosSentence, max(sentence, 0))
	f.add(n.vaderNegSentence, max(-sentence, 0))
	f.add(n.vaderPosClause, max(clauseSum, 0))
	f.add(n.vaderNegClause, max(-clauseSum, 0))
	f.addPlace(s, start, first, last)
}

// addTarget adds the features of the target [first, last] itself: only its
// shape and its common words (pronouns, titles in lower case).
func (f *features) addTarget(s *targetSentence, first, last int) {
	n := &f.known
	for k := first; k <= last; k++ {
		f.addWord(n.target, &s.words[k].term, 1)
	}
	switch last - first {
	case 0:
		f.add(n.len1, 1)
	case 1:
		f.add(n.len2, 1)
	default:
		f.add(n.len3, 1)
	}
}

// addPlace adds where the target [first, last], starting at byte start,
// stands: first or last in its sentence, inside a quote or in a sentence
// that has one.
func (f *features) addPlace(s *targetSentence, start, first, last int) {
	n := &f.known
	if first == 0 {
		f.add(n.first, 1)
	}
	if last == len(s.toks)-1 {
		f.add(n.last, 1)
	}
	if s.inQuote(start) {
		f.add(n.inQuote, 1)
	} else if len(s.quotes) > 0 {
		f.add(n.quoted, 1)
	}
}

// squash maps a lexicon sum (0 and up) into [0, 1), as VADER normalises its
// compound score.
func squash(x float64) float64 { return x / math.Sqrt(x*x+15) }

// inQuote reports whether offset at lies inside a quotation.
func (s *targetSentence) inQuote(at int) bool {
	straight, inside := 0, false
	for _, q := range s.quotes {
		if q.at >= at {
			break
		}
		switch q.r {
		case '"':
			straight++
		case '“':
			inside = true
		case '”':
			inside = false
		}
	}
	return inside || straight%2 == 1
}
