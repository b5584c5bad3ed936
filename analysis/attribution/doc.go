package attribution

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/slant-news/slant/analysis/actor"
	"github.com/slant-news/slant/analysis/postag"
	"github.com/slant-news/slant/analysis/segment"
	"github.com/slant-news/slant/analysis/vocab"
)

// draft is a Statement under construction.
type draft struct {
	Statement
	sent     int  // sentence of the cue
	after    bool // the content follows the cue
	shared   bool // the speaker is the subject of an earlier clause
	from     *draft
	cont     bool // a continued quote: the previous speaker keeps the floor
	weak     bool // the content after the cue starts with no "that" or pronoun: maybe an object
	drop     bool
	contentQ []int
}

// doc is a text prepared for attribution: its words, sentences and quotes.
type doc struct {
	a      *Attributor
	text   string
	toks   []segment.Token
	low    []string
	info   []wordInfo // the classes of each token's word
	ids    []vocab.ID // the ID of each token's word in the lexicon's table
	tsent  []int      // the sentence of each token
	tquote []int      // the quote holding each token, or -1
	sents  []segment.Span
	sfirst []int // the first token of each sentence, then len(toks)
	// subjects caches each sentence's subject (sentenceSubject), -1 until
	// first asked: every name in the sentence asks it again.
	subjects [][2]int
	quotes   []quote
	entries  bool    // statements are counted one per sentence and speaker (Entries)
	tokIndex []int32 // the first token starting at or after each stretch of text (placeTokens)
	starts   []int   // the tokens that may start a rule (markTokens)
	// capsInside numbers, by lowercase word, the counts of bufs.capsCount
	// of the words capitalized other than at a sentence start, for the
	// words nameElsewhere is asked of; built when first needed.
	capsInside map[string]int
	bufs       *buffers
	fenwicks   int // the trees of bufs handed out (doc.fenwick)
	drafts     int // the drafts of bufs handed out (doc.newDraft)
}

// buffers are a doc's slices, kept from one document to the next
// (Attributor.bufs): they were most of the bytes attribution allocated.
type buffers struct {
	tsent, tquote, sfirst []int
	subjects              [][2]int
	tokIndex              []int32
	starts                []int
	gaps                  []int      // placeTokens'
	qspans                [][2]int   // placeQuotes'
	ids                   []vocab.ID // the words' IDs, of a text that came without (newDoc)
	info                  []wordInfo
	sents                 []segment.Span
	quotes                []quote
	fenwicks              []fenwick       // handed out in turn by doc.fenwick
	persons               []person        // the resolver's
	drafts                [][]draft       // chunks of draftChunk, handed out in turn by doc.newDraft
	matchToks             []segment.Token // the words of doc.matchActors
	capsInside            map[string]int  // doc.capsInside's
	capsCount             []int           // its counts
	cues                  []cue           // findCues'
	rest                  []byte          // classify's
	tags                  []postag.Tag    // feelings'
	// The maps of a document's resolver and of oneEntryPerSpeaker,
	// emptied for the next: made anew they were a tenth of attribution's
	// allocations.
	full       map[string]string
	genders    map[string]int
	named      map[string]bool
	namedIn    map[string]string
	firstEntry map[speakerKey]*draft
	firstSpoke map[string]int
	personActs map[string][2]int
	officeActs map[string][2]int
	// The slices of a document's resolver and seen (resolver.release) and
	// of its statements (Attributor.statements), kept for the next.
	rlow         []byte
	rkey         []byte
	racts        []int
	rcounted     []int
	rindices     []int
	rnames       []string
	rtoks        []segment.Token
	rfulls       []string
	seenSubjects []candidate
	seenSpeakers []candidate
	taken        []*draft
}

// emptied returns m cleared, or a new map when m is nil.
func emptied[K comparable, V any](m map[K]V) map[K]V {
	if m == nil {
		return map[K]V{}
	}
	clear(m)
	return m
}

// resize returns s with length n, its contents undefined.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

func newDoc(a *Attributor, p segment.Text, b *buffers) *doc {
	text := p.Text
	b.quotes = findQuotes(b.quotes[:0], text)
	d := &doc{a: a, text: text, toks: p.Words, quotes: b.quotes, bufs: b}
	d.low = p.Lower
	if len(d.low) != len(d.toks) {
		d.low = segment.LowerKeys(text, d.toks)
	}
	// The merges join sentences in place, past the copy the first makes.
	b.sents = mergeAfterHonorifics(b.sents[:0], a.lex, text, p.Sentences)
	b.sents = mergeAcrossQuotes(b.sents[:0], b.sents, d.quotes)
	b.sents = mergeCueTails(b.sents[:0], a.lex, text, b.sents)
	d.sents = b.sents
	b.tsent = resize(b.tsent, len(d.toks))
	b.tquote = resize(b.tquote, len(d.toks))
	b.info = resize(b.info, len(d.toks))
	b.sfirst = resize(b.sfirst, len(d.sents)+1)
	b.subjects = resize(b.subjects, len(d.sents))
	for s := range b.subjects {
		b.subjects[s] = [2]int{-1, -1}
	}
	d.tsent, d.tquote, d.info, d.sfirst, d.subjects = b.tsent, b.tquote, b.info, b.sfirst, b.subjects
	d.sfirst[0] = 0
	// The words' IDs, when they are of the table's vocabulary, spare a
	// lookup per token; else they are looked up here, once.
	ids := p.IDs
	if p.Vocab != a.lex.words.voc || len(ids) != len(d.toks) {
		b.ids = a.lex.words.voc.AppendIDs(b.ids[:0], d.low)
		ids = b.ids
	}
	d.ids = ids
	b.starts = d.markTokens(resize(b.starts, len(d.toks)), ids)
	d.starts = b.starts
	b.tokIndex = resize(b.tokIndex, len(text)>>tokenIndexBits+1)
	d.tokIndex = b.tokIndex
	b.gaps = resize(b.gaps, len(d.toks))
	d.placeTokens(b.gaps)
	return d
}

// markTokens sets the classes of each token, by its word's ID, with the
// bit of the token that is not of its word (classCapitalized), and returns
// starts (as long as the tokens) holding the tokens that may start a rule.
// A token that starts with a byte outside ASCII, a few in a hundred, is
// looked at after the loop over every token (classTokens).
func (d *doc) markTokens(starts []int, ids []vocab.ID) []int {
	toks, text, info := d.toks, d.text, d.info[:len(d.toks)]
	n, lead := classTokens(info, starts, d.a.lex.words.info, ids[:len(toks)], toks, text)
	if lead >= utf8.RuneSelf {
		for i, t := range toks {
			if t.Start < t.End && text[t.Start] >= utf8.RuneSelf && startsUpper(text[t.Start:t.End]) {
				info[i].class |= classCapitalized
			}
		}
	}
	return starts[:n]
}

// classTokens sets info (as long as toks) to the classes in table of each
// token's ID, with classCapitalized on those that start with an ASCII
// capital, and lists in starts (as long) the tokens that may start a rule,
// returning how many and the first bytes of the words or-ed. One loop does
// all three, where a loop each read the classes again: it makes no call,
// which would have its values saved on the stack at every token.
func classTokens(info []wordInfo, starts []int, table []wordInfo, ids []vocab.ID, toks []segment.Token, text string) (n int, lead byte) {
	for i, t := range toks {
		wi := table[ids[i]]
		if t.Start < t.End { // else no word: no capital
			c := text[t.Start]
			lead |= c
			if c-'A' <= 'Z'-'A' {
				wi.class |= classCapitalized
			}
		}
		info[i] = wi
		if wi.mayStartRule() {
			starts[n] = i
			n++
		}
	}
	return n, lead
}

// placeTokens sets the index of tokenAt, the first token of each sentence,
// the sentence and the quote of each token, classBoundaryAfter
// (boundaryAfter) and classGapAfter (gapHas). One loop over the tokens indexes them and lists in
// gaps, a buffer, those followed by more than a space; the sentences and
// quotes are then placed by the index, a fill of their tokens each, and a
// token ends a phrase where its sentence or its quote ends or where its
// listed gap holds a mark of boundaryGap. The loop makes no call and
// holds few values (markTokens): placing each token in it too held more
// values than there are registers.
func (d *doc) placeTokens(gaps []int) {
	toks, text, info := d.toks, d.text, d.info[:len(d.toks)]
	n := indexTokens(d.tokIndex, gaps, toks, text)
	d.placeSentences()
	d.placeQuotes()
	for _, i := range gaps[:n] {
		info[i].class |= classGapAfter
		if info[i].class&classBoundaryAfter == 0 && boundaryGap(text[toks[i].End:toks[i+1].Start]) {
			info[i].class |= classBoundaryAfter
		}
	}
	if len(toks) > 0 {
		info[len(toks)-1].class |= classGapAfter // the rest of the text
	}
}

// indexTokens fills index, that of tokenAt, and lists in gaps (as long as
// toks) the tokens followed by more than a space, returning how many.
func indexTokens(index []int32, gaps []int, toks []segment.Token, text string) int {
	n, at, prevEnd := 0, 0, 0 // at: the start of the next stretch to index
	for i, t := range toks {
		for ; at <= t.Start; at += 1 << tokenIndexBits { // the stretches up to the token's start
			index[at>>tokenIndexBits] = int32(i)
		}
		if i > 0 && (t.Start != prevEnd+1 || text[prevEnd] != ' ') { // " ": most gaps
			gaps[n] = i - 1
			n++
		}
		prevEnd = t.End
	}
	for b := at >> tokenIndexBits; b < len(index); b++ {
		index[b] = int32(len(toks))
	}
	return n
}

// placeSentences sets the first token of each sentence and the sentence of
// each token, the last sentence starting at or before the token's start
// (the first, for a token before it or a text of none), and marks the
// token before a sentence's first as ending a phrase. The sentences are in
// order.
func (d *doc) placeSentences() {
	n, ns := len(d.toks), len(d.sents)
	tsent := d.tsent[:n]
	if ns == 0 {
		fill(tsent, 0)
		return
	}
	d.sfirst[0], d.sfirst[ns] = 0, n
	for s := 1; s < ns; s++ {
		i := d.tokenAt(d.sents[s].Start)
		d.sfirst[s] = i
		if 0 < i && i < n {
			d.info[i-1].class |= classBoundaryAfter
		}
	}
	for s := range ns {
		fill(tsent[d.sfirst[s]:d.sfirst[s+1]], s)
	}
}

// placeQuotes sets the quote of each token, that whose words hold its
// start, or -1, and marks a token whose quote is not the next token's as
// ending a phrase. The quotes are in order of their starts: filled from
// the last, a token is of the first that holds it, as it was when each
// token was placed by the quotes ahead of it.
func (d *doc) placeQuotes() {
	n := len(d.toks)
	tquote := d.tquote[:n]
	fill(tquote, -1)
	spans := resize(d.bufs.qspans, len(d.quotes)) // each quote's tokens, for the edges
	d.bufs.qspans = spans
	for q := len(d.quotes) - 1; q >= 0; q-- {
		f, e := d.tokenAt(d.quotes[q].start), d.tokenAt(d.quotes[q].end)
		spans[q] = [2]int{f, e}
		if f < e {
			fill(tquote[f:e], q)
		}
	}
	for _, sp := range spans { // a quote's edges are where a token's quote can change
		f, e := sp[0], sp[1]
		if f >= e {
			continue
		}
		if f > 0 && tquote[f-1] != tquote[f] {
			d.info[f-1].class |= classBoundaryAfter
		}
		if e < n && tquote[e-1] != tquote[e] {
			d.info[e-1].class |= classBoundaryAfter
		}
	}
}

// fill sets every element of s to v, eight at a time: placeTokens fills
// every token's sentence and quote, and a store a loop step was four
// instructions an element.
func fill(s []int, v int) {
	for len(s) >= 8 {
		s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7] = v, v, v, v, v, v, v, v
		s = s[8:]
	}
	for k := range s {
		s[k] = v
	}
}

// matchActors is d.a.actors.Match(s), its words split into the buffers.
func (d *doc) matchActors(s string) []actor.Match {
	b := d.bufs
	b.matchToks = segment.Tokenize(s, b.matchToks[:0], false)
	return d.a.actors.MatchWords(s, b.matchToks)
}

// draftChunk is the number of drafts in a chunk of buffers.drafts: a
// chunk is never grown, so that the drafts handed out stay where they are.
const draftChunk = 32

// newDraft returns a pointer to a copy of st, from the buffers.
func (d *doc) newDraft(st draft) *draft {
	b := d.bufs
	c, k := d.drafts/draftChunk, d.drafts%draftChunk
	if c == len(b.drafts) {
		b.drafts = append(b.drafts, make([]draft, draftChunk))
	}
	d.drafts++
	p := &b.drafts[c][k]
	*p = st
	return p
}

// fenwick returns a zeroed tree over the document's tokens, from the
// buffers.
func (d *doc) fenwick() fenwick {
	b := d.bufs
	if d.fenwicks == len(b.fenwicks) {
		b.fenwicks = append(b.fenwicks, nil)
	}
	f := resize(b.fenwicks[d.fenwicks], len(d.toks)+2)
	clear(f)
	b.fenwicks[d.fenwicks] = f
	d.fenwicks++
	return f
}

// maxJoinedBytes bounds a sentence that the merges below join from the
// segmenter's (at most segment.MaxSentenceBytes each): a run of honorifics
// or an unclosed quote would otherwise join a whole paragraph into one
// sentence, and the work on a sentence grows with the square of its length.
const maxJoinedBytes = 4 * segment.MaxSentenceBytes

// joinable reports whether sentence s may be joined to the sentence before
// it, prev: the same paragraph, and not too long together.
func joinable(prev, s segment.Span) bool {
	return prev.Para == s.Para && s.End-prev.Start <= maxJoinedBytes
}

// mergeAfterHonorifics joins sentences the segmenter split after an
// honorific's dot ("Mr. Okafor said", "Rep. Ada Brandt"): the name goes on.
func mergeAfterHonorifics(out []segment.Span, lx *lexicon, text string, ss []segment.Span) []segment.Span {
	for _, s := range ss {
		if n := len(out); n > 0 && joinable(out[n-1], s) {
			prev := trimRightSpace(text[out[n-1].Start:out[n-1].End])
			if w := prev[lastWordStart(prev):]; strings.HasSuffix(w, ".") && lx.mayBeHonorific(w) && lx.isFold(classHonorific, w) && isUpperAt(text, s.Start) {
				out[n-1].End = s.End
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

// trimRightSpace is strings.TrimRightFunc(s, unicode.IsSpace), byte by
// byte while the end is ASCII: mergeAfterHonorifics asks it of every
// sentence.
func trimRightSpace(s string) string {
	for len(s) > 0 {
		switch c := s[len(s)-1]; {
		case c >= utf8.RuneSelf:
			return strings.TrimRightFunc(s, unicode.IsSpace)
		case isASCIISpace(c):
			s = s[:len(s)-1]
		default:
			return s
		}
	}
	return s
}

// lastWordStart returns where the letters and dots that end s start (the
// "Mr." of "said Mr."): byte by byte while they are ASCII, by runes else.
func lastWordStart(s string) int {
	for k := len(s) - 1; k >= 0; k-- {
		switch c := s[k]; {
		case c >= utf8.RuneSelf:
			return strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '.' }) + 1
		case c != '.' && (c|0x20 < 'a' || c|0x20 > 'z'):
			return k + 1
		}
	}
	return 0
}

// mergeCueTails joins a sentence that ends with a quote to the short
// sentence after it that attributes it: the segmenter splits “...?” Graham
// asked. after the question mark.
func mergeCueTails(out []segment.Span, lx *lexicon, text string, ss []segment.Span) []segment.Span {
	for _, s := range ss {
		if n := len(out); n > 0 && joinable(out[n-1], s) && endsWithCloseQuote(strings.TrimSpace(text[out[n-1].Start:out[n-1].End])) {
			if cueTail(lx, text[s.Start:s.End], isLowerAt(text, s.Start)) {
				out[n-1].End = s.End
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

// cueTail reports whether a sentence after a quote attributes it: at most
// eight words from a lowercase start, or at most six with a one-word cue
// among them. The words are counted, not listed, and looked up without
// lowered copies: the test runs after every sentence that ends a quote.
func cueTail(lx *lexicon, sentence string, lowerStart bool) bool {
	n := 0
	for range strings.FieldsSeq(sentence) {
		if n++; n > 8 {
			return false
		}
	}
	if lowerStart {
		return true
	}
	if n > 6 {
		return false
	}
	for w := range strings.FieldsSeq(sentence) {
		if k, _ := lookupFold(lx.verbs, strings.Trim(w, ".,;:!?")); k != 0 {
			return true
		}
	}
	return false
}

func isLowerAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[min(i, len(s)):])
	return unicode.IsLower(r)
}

// mergeAcrossQuotes joins sentences the segmenter split inside a quote, so
// a quote of several sentences and its cue share one.
func mergeAcrossQuotes(out, ss []segment.Span, qs []quote) []segment.Span {
	q := 0
	for _, s := range ss {
		if n := len(out); n > 0 && joinable(out[n-1], s) {
			for q < len(qs) && qs[q].close <= out[n-1].End {
				q++
			}
			if q < len(qs) && qs[q].open < out[n-1].End && qs[q].close > s.Start {
				out[n-1].End = s.End
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

func (d *doc) word(i int) string { return d.text[d.toks[i].Start:d.toks[i].End] }

func (d *doc) sameSentence(i, j int) bool { return d.tsent[i] == d.tsent[j] }

// gap is the text between tokens i and i+1.
func (d *doc) gap(i int) string {
	if i+1 >= len(d.toks) {
		return d.text[d.toks[i].End:]
	}
	return d.text[d.toks[i].End:d.toks[i+1].Start]
}

// gapHas is strings.ContainsAny(d.gap(i), marks), for marks without a
// space: a single space, most gaps, holds none of them (the token's bit,
// classGapAfter, says which are), and ContainsAny looks each rune of the
// gap up among the marks by a call. Small enough to be inlined, it calls
// only for the other gaps (gapContains, too large to be inlined).
func (d *doc) gapHas(i int, marks string) bool {
	return d.is(i, classGapAfter) && d.gapContains(i, marks)
}

// gapContains is strings.ContainsAny(d.gap(i), marks).
func (d *doc) gapContains(i int, marks string) bool {
	return strings.ContainsAny(d.gap(i), marks)
}

// boundaryAfter reports whether a phrase cannot run on from token i to the
// next: punctuation other than a dot, hyphen or apostrophe between them, the
// end of a sentence or the edge of a quote. The rules ask it of most
// tokens, many times: newDoc works it out once per token, among the
// token's bits (placeTokens).
func (d *doc) boundaryAfter(i int) bool {
	return i+1 >= len(d.toks) || d.is(i, classBoundaryAfter)
}

// boundaryMarks are the marks a phrase does not run on across.
const boundaryMarks = ",;:()[]—–―“”\"«»!?…‘"

// boundaryASCII holds the ASCII marks of boundaryMarks.
var boundaryASCII = func() (set [utf8.RuneSelf]bool) {
	for _, r := range boundaryMarks {
		if r < utf8.RuneSelf {
			set[r] = true
		}
	}
	return set
}()

// boundaryGap reports whether a gap between words holds a mark of
// boundaryMarks or a spaced hyphen. The rules ask it of most gaps, many
// times: a gap of ASCII (", ", ". ", "") is looked up byte by byte, where
// strings.ContainsAny goes rune by rune over the marks outside ASCII.
func boundaryGap(g string) bool {
	for i := 0; i < len(g); i++ {
		c := g[i]
		if c >= utf8.RuneSelf {
			return strings.ContainsAny(g, boundaryMarks) || strings.Contains(g, " - ")
		}
		if boundaryASCII[c] {
			return true
		}
	}
	return strings.Contains(g, " - ")
}

// capitalized reports whether token i starts with a capital letter. The
// rules ask it of most tokens many times (a tenth of the CPU time of
// newResolver, where it was worked out at every call): newDoc sets it
// once per token, among the token's classes.
func (d *doc) capitalized(i int) bool { return d.is(i, classCapitalized) }

// nextCapitalized returns the first token from i on that is capitalized,
// or len(d.info): newResolver and countCapsInside look at those alone,
// a sixth of the tokens, and a loop that steps over the others reading
// their bits alone costs half of one that asks each token its tests.
func (d *doc) nextCapitalized(i int) int {
	info := d.info
	for i < len(info) && info[i].class&classCapitalized == 0 {
		i++
	}
	return i
}

// startsUpper reports whether w starts with an upper-case letter, decoded:
// markTokens asks it of the words that start outside ASCII.
func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// tokenIndexBits sets the stretch of text of an entry of doc.tokIndex:
// 1<<tokenIndexBits bytes, about three tokens of English (by instructions
// on the sample, 3 and 6 cost more: a larger index to fill, or more
// tokens to step over).
const tokenIndexBits = 4

// tokenAt returns the first token starting at or after offset off. The
// passes ask it of every statement's bounds: a binary search over the
// tokens, a miss in the cache and a mispredicted branch a step, was 6% of
// attribution, where the index of the offset's stretch of text leaves a
// few tokens to step over.
func (d *doc) tokenAt(off int) int {
	if off <= 0 {
		return 0
	}
	b := off >> tokenIndexBits
	if b >= len(d.tokIndex) {
		return len(d.toks) // past the text
	}
	k := int(d.tokIndex[b])
	for k < len(d.toks) && d.toks[k].Start < off {
		k++
	}
	return k
}

// sentenceAt returns the sentence that holds offset off, or -1: the
// sentences are in order and do not overlap. The search has no branch on
// the comparison, which would be mispredicted half the time: each step
// moves by a mask (offsets are far from overflowing).
func (d *doc) sentenceAt(off int) int {
	n := len(d.sents)
	if n == 0 {
		return -1
	}
	s := 0 // the sentences before s end at or before off
	for n > 1 {
		half := n / 2
		s += half & ((d.sents[s+half].End - 1 - off) >> 63)
		n -= half
	}
	if d.sents[s].End <= off {
		s++
	}
	if s < len(d.sents) && d.sents[s].Start <= off {
		return s
	}
	return -1
}

// opensSentence reports whether a quote starts its sentence.
func (d *doc) opensSentence(q *quote) bool {
	if s := d.sentenceAt(q.open); s >= 0 {
		return strings.TrimSpace(d.text[d.sents[s].Start:q.open]) == ""
	}
	return false
}

// paraOf returns the paragraph of the sentence that holds offset off, or -1.
func (d *doc) paraOf(off int) int {
	if s := d.sentenceAt(off); s >= 0 {
		return d.sents[s].Para
	}
	return -1
}
