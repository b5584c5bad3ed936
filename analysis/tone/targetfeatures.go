package tone

import (
	"bytes"
	"maps"
	"math"
	"math/bits"
	"slices"
	"unicode"
	"unicode/utf8"
)

// The target model sees a sentence through features relative to the target:
// which words sit in its clause, just before or after it, or elsewhere in
// the sentence; bigrams around it; negation; quotes; VADER lexicon sums on
// either side; the mean word vector of windows around it (see
// vectorfeatures.go); and how it attaches to the polar words (see
// attachment.go). Training and scoring share this code, so a feature means
// the same in both: training keeps each feature's name, scoring adds its
// weights to the class scores as it is made (see features.model), found by
// its key or, for most words, in the word's row of the model's word
// weights (see wordWeights).

// featureWindow is how many words before and after the target count as its
// neighbours.
const featureWindow = 4

// features collects the features of one target.
type features struct {
	keys  []uint64  // each feature's key (see nameKey); not when scoring
	vals  []float64 // each feature's value
	names []string  // each feature's name; only when keep
	keep  bool
	// When scoring, model is the model's, and sums its class scores
	// (logits): each feature's weights are added to them as the feature
	// is, in the order of the features, after the vector windows'.
	model *targetModel
	words wordWeights           // the model's
	fixed [][numClasses]float32 // the model's (see targetModel.fixed)
	sums  [numClasses]float64
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
	name  string
	key   uint64
	fixed int // a fixed name's number + 1 (see featureNames.fixed), or 0
}

// The prefixes of the features of one word, as columns of the model's
// word weights (see wordWeights).
const (
	colTarget   = iota // the target's own words
	colSentence        // outside the target's clause
	colClause          // in the target's clause
	colNegated         // in the clause, negated
	colLeft            // featureWindow words before the target
	colLeft1           // the word just before it
	colRight           // featureWindow words after it
	colRight1          // the word just after it
	numWordPrefixes
)

var wordPrefixes = [numWordPrefixes]string{"t:", "s:", "c:", "c!:", "l:", "l1:", "r:", "r1:"}

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
	// capTerm and capInfo are capWord's term and what the index knows of
	// it: every name's.
	capTerm term
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
	capTerm := term{[]byte(capWord), fnv1aString(capWord)}
	return &featureInputs{lex: lex, vectors: vec, capTerm: capTerm, capInfo: vec.index.info(capTerm.text, capTerm.hash)}, nil
}

// featureNames are the fixed names and the prefixes of features, hashed
// once rather than for every target.
type featureNames struct {
	bias, len1, len2, len3 featureName
	lexPos, lexNeg         [regions]featureName
	vaderPosSentence       featureName
	vaderNegSentence       featureName
	vaderPosClause         featureName
	vaderNegClause         featureName
	first, last            featureName
	inQuote, quoted        featureName
	words                  [numWordPrefixes]featureName // prefixes, followed by a word
	bigram                 featureName                  // followed by two words, joined by '_'
	targetWord             term                         // the target in bigrams
	attach                 attachmentNames
	vectors                [numVectorWindows][vectorDim]featureName
	// fixed are the fixed names but the vectors', by number: the model
	// keeps their weights by it (see targetModel.fixed).
	fixed []featureName
}

func newFeatureNames() featureNames {
	var all []featureName
	fixed := func(name string) featureName {
		l := featureName{name, nameKey([]byte(name)), len(all) + 1}
		all = append(all, l)
		return l
	}
	prefix := func(name string) featureName { return featureName{name: name, key: fnv1aString(name)} }
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
		bigram:           prefix("b:"),
		targetWord:       term{[]byte(targetWord), fnv1aString(targetWord)},
		attach:           newAttachmentNames(fixed),
		vectors:          vectorFeatureNames(),
	}
	for c, p := range wordPrefixes {
		n.words[c] = prefix(p)
	}
	for r := range regions {
		n.lexPos[r] = fixed("lex+:" + regionName(r))
		n.lexNeg[r] = fixed("lex-:" + regionName(r))
	}
	n.fixed = all
	return n
}

// add records the feature named l.name with value v.
func (f *features) add(l featureName, v float64) {
	if i := uint(l.fixed - 1); i < uint(len(f.fixed)) {
		w := &f.fixed[i]
		f.sums[0] += float64(w[0]) * v
		f.sums[1] += float64(w[1]) * v
		f.sums[2] += float64(w[2]) * v
		return
	}
	if f.model != nil {
		f.addScored(l.key, v)
		return
	}
	f.keys = append(f.keys, l.key)
	f.vals = append(f.vals, v)
	if f.keep {
		f.names = append(f.names, l.name)
	}
}

// addWords records the features of w with the prefixes of columns cols
// (see wordPrefixes), each of value 1: when scoring, from w's row of the
// model's word weights if it has one.
func (f *features) addWords(w *sentenceWord, cols []int8) {
	if r := uint(w.row); r < uint(len(f.words)) {
		// In locals, and not multiplied by the value, 1: x*1 is x.
		row := &f.words[r]
		p0, p1, p2 := f.sums[0], f.sums[1], f.sums[2]
		for _, c := range cols {
			p0 += float64(row[c][0])
			p1 += float64(row[c][1])
			p2 += float64(row[c][2])
		}
		f.sums = [numClasses]float64{p0, p1, p2}
		return
	}
	for _, c := range cols {
		f.addWord(f.known.words[c], &w.term, 1)
	}
}

// addWord records the feature named prefix+w.
func (f *features) addWord(prefix featureName, w *term, v float64) {
	if f.model != nil {
		f.addScored(mixKey(prefix.key, w.hash), v)
		return
	}
	f.keys = append(f.keys, mixKey(prefix.key, w.hash))
	f.vals = append(f.vals, v)
	if f.keep {
		f.names = append(f.names, prefix.name+string(w.text))
	}
}

// addBigrams adds the bigrams within the target [first, last]'s clause
// [lo, hi], the target standing in as "T" (targetWord): one for each
// pair of words but those both of the target.
func (f *features) addBigrams(s *targetSentence, first, last, lo, hi int) {
	n := &f.known
	for k := lo; k < hi; k++ {
		a, b := &s.words[k].term, &s.words[k+1].term
		switch {
		case k >= first && k <= last: // k+1 is the target's too unless past its last
			if k+1 <= last {
				continue
			}
			a = &n.targetWord
		case k+1 == first: // the only word before the target next to it
			b = &n.targetWord
		}
		key := mixKey(mixKey(n.bigram.key, a.hash), b.hash)
		if f.model != nil {
			f.addScored(key, 1)
			continue
		}
		f.addBigram(n.bigram, key, a, b, 1)
	}
}

// addBigram records the feature named prefix+w1+"_"+w2, of key, when not
// scoring.
func (f *features) addBigram(prefix featureName, key uint64, w1, w2 *term, v float64) {
	f.keys = append(f.keys, key)
	f.vals = append(f.vals, v)
	if f.keep {
		f.names = append(f.names, prefix.name+string(w1.text)+"_"+string(w2.text))
	}
}

// addScored adds the weights of the feature with key and value v to the
// sums, if the model has it.
func (f *features) addScored(key uint64, v float64) {
	t := &f.model.weights
	if s := t.slot(key); s.w != 0 {
		// Written out for the three classes: as a loop, scoring took 15%
		// longer.
		w := t.unpack(s.w)
		f.sums[0] += float64(w[0]) * v
		f.sums[1] += float64(w[1]) * v
		f.sums[2] += float64(w[2]) * v
	}
}

// begin starts the sums, when scoring, at the scores of the vector
// windows (see addVectorScores), which come before every feature's.
func (f *features) begin(s *targetSentence) {
	if m := f.model; m != nil {
		f.sums = [numClasses]float64{}
		m.addVectorScores(&f.sums, s, f)
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

// shortHead is the vocab.Head of a word of n bytes, 0 < n <= 8, whose
// first eight bytes, read as by vocab.Load8, are x (past the word's
// bytes, any), and whether they are all ASCII.
func shortHead(x uint64, n int) (head uint64, ascii bool) {
	if n < 8 {
		x &= 1<<(8*n&63) - 1 // "&63" spares Go's test of a shift of 64
	}
	return x, x&highs == 0
}

// lowerShort is appendLower for a word of eight bytes or fewer, all ASCII,
// whose vocab.Head is x: it returns the word lowercased as one integer
// (its head) and whether it starts upper-case, in a few operations on the
// eight bytes together where appendLower took a dozen instructions a
// byte.
func lowerShort(x uint64) (low uint64, upper bool) {
	// As asciiCases: each byte is below 0x80, so no carry crosses
	// into the next, and the function inlines, where with
	// vocab.Between, which tests for high bytes, it did not.
	caps := (x + (0x80-'A')*ones) &^ (x + (0x80-'Z'-1)*ones) & highs
	// A 1 in each digit's byte; 'A'|0x20 is 'a'.
	digits := ((x + (0x80-'0')*ones) &^ (x + (0x80-'9'-1)*ones) & highs) >> 7
	low = x | caps>>2
	return low&^(digits*0xff) | digits*'0', caps&0x80 != 0
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
	f.windows = [numVectorWindows]span{}
	// Before the test for words: prepare makes s.words, which a sentence
	// with none would otherwise keep from the one before, and whose
	// vectors begin would add (found by FuzzScoresByKeys).
	s.prepare(in)
	if len(s.toks) == 0 {
		f.begin(s)
		f.add(n.bias, 1)
		return
	}
	first, last := targetTokens(s.toks, start, end)
	lo, hi := s.clauseTokens(first, last)
	f.windows, f.first, f.last = vectorWindows(first, last, lo, hi, len(s.words)), first, last
	f.begin(s)
	f.add(n.bias, 1)
	if f.keep {
		f.addVectors(s, in.vectors, first, last)
	}
	f.addAttachment(s, first, last, lo, hi)
	f.addTarget(s, first, last)
	lexPos, lexNeg, sentence, clauseSum := f.addContext(s, first, last, lo, hi)
	f.addBigrams(s, first, last, lo, hi)
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

// addContext adds the features of the words around the target [first,
// last] in its clause [lo, hi], and returns their lexicon sums per region
// and their VADER-like sums (see prepare) in the sentence and the clause.
//
// A word's features are those of its region's prefix, then, within
// featureWindow of the target, of its side's and, next to it, of its
// side's next. The words are added in order, as ever (the sums' order
// holds their bits), but in runs: most words are beyond the window, with
// one prefix for the run, and are summed by addFar in a few instructions
// each, where testing each word for all of it took three times as many.
func (f *features) addContext(s *targetSentence, first, last, lo, hi int) (lexPos, lexNeg [regions]float64, sentence, clauseSum float64) {
	n := len(s.words)
	near, far := max(first-featureWindow, 0), min(last+featureWindow, n-1) // the window
	f.addFar(s, 0, min(lo, near), false)
	f.addFar(s, lo, near, true)
	for k := near; k < first; k++ {
		f.addNear(&s.words[k], first-k, colLeft, colLeft1, k >= lo)
	}
	for k := last + 1; k <= far; k++ {
		f.addNear(&s.words[k], k-last, colRight, colRight1, k <= hi)
	}
	f.addFar(s, far+1, hi+1, true)
	f.addFar(s, max(hi, far)+1, n, false)
	return s.lexSums(first, last, lo, hi)
}

// addFar adds the features of the words [from, to), beyond the window:
// each its clause's prefix if clause, else the sentence's.
func (f *features) addFar(s *targetSentence, from, to int, clause bool) {
	rows := f.words
	p0, p1, p2 := f.sums[0], f.sums[1], f.sums[2]
	for k := from; k < to; k++ {
		w := &s.words[k]
		c := w.regionPrefix(clause)
		if r := uint(w.row); r < uint(len(rows)) {
			row := &rows[r][c]
			p0, p1, p2 = p0+float64(row[0]), p1+float64(row[1]), p2+float64(row[2])
			continue
		}
		f.sums = [numClasses]float64{p0, p1, p2}
		f.addWord(f.known.words[c], &w.term, 1)
		p0, p1, p2 = f.sums[0], f.sums[1], f.sums[2]
	}
	f.sums = [numClasses]float64{p0, p1, p2}
}

// addNear adds the features of the word w at distance d within the
// window: its region's prefix (the clause's if clause), then its side's
// and, next to the target, its side's next.
func (f *features) addNear(w *sentenceWord, d, side, next int, clause bool) {
	c := w.regionPrefix(clause)
	if r := uint(w.row); r < uint(len(f.words)) {
		row := &f.words[r]
		p0, p1, p2 := f.sums[0]+float64(row[c][0]), f.sums[1]+float64(row[c][1]), f.sums[2]+float64(row[c][2])
		p0, p1, p2 = p0+float64(row[side][0]), p1+float64(row[side][1]), p2+float64(row[side][2])
		if d == 1 {
			p0, p1, p2 = p0+float64(row[next][0]), p1+float64(row[next][1]), p2+float64(row[next][2])
		}
		f.sums = [numClasses]float64{p0, p1, p2}
		return
	}
	prefixes := &f.known.words
	f.addWord(prefixes[c], &w.term, 1)
	f.addWord(prefixes[side], &w.term, 1)
	if d == 1 {
		f.addWord(prefixes[next], &w.term, 1)
	}
}

// regionPrefix is the prefix of w's region's features: the clause's
// (the negated one's where w is negated) if clause, else the sentence's.
func (w *sentenceWord) regionPrefix(clause bool) int {
	switch {
	case !clause:
		return colSentence
	case w.negated:
		return colNegated
	}
	return colClause
}

// lexSums returns addContext's lexicon and VADER-like sums, from the polar
// words in order: a word's are added where its features were.
func (s *targetSentence) lexSums(first, last, lo, hi int) (lexPos, lexNeg [regions]float64, sentence, clauseSum float64) {
	for _, k := range s.polarAt {
		reg := regOutside
		switch {
		case k >= first && k <= last:
			continue
		case k >= lo && k < first:
			reg = regLeft
		case k > last && k <= hi:
			reg = regRight
		}
		w := &s.words[k]
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
	return lexPos, lexNeg, sentence, clauseSum
}

// addTarget adds the features of the target [first, last] itself: only its
// shape and its common words (pronouns, titles in lower case).
func (f *features) addTarget(s *targetSentence, first, last int) {
	n := &f.known
	cols := []int8{colTarget}
	for k := first; k <= last; k++ {
		f.addWords(&s.words[k], cols)
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
