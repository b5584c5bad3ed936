package segment

// A port of the sentence segmenter slant used to take from
// github.com/jdkato/prose/v3/segment (v3.2.3), which is Punkt from
// gopkg.in/neurosnap/sentences.v1 (v1.0.6) with prose's customisations. It
// uses the same trained English model and supervised abbreviations and makes
// the same decisions, quirks included, so the sentence spans are identical;
// what it leaves out is the cost: a Token object and several regular
// expressions per candidate word, and a scan of every word for sentence
// punctuation rune by rune. The regular expressions are replaced by
// hand-written matchers of exactly the same languages (each named after the
// expression it replaces), and punctuation is tracked during the one scan.
//
// TestPunktMatchesProse and FuzzPunktMatchesProse compare it with prose on
// the evaluation corpora, the demo corpus and random text.
//
// Both originals are MIT-licensed: prose, Copyright (c) 2017-2026 Joseph Kato;
// sentences, Copyright (c) 2015 Eric Bower.

import (
	"bytes"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	punktmodel "gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/data"

	"github.com/slant-news/slant/analysis/vocab"
)

// Punkt splits text into sentences. It is immutable once built, so safe for
// concurrent use.
type Punkt struct {
	abbrevs      wordSet
	collocations wordSet
	starters     wordSet
	ortho        punktmodel.SetString // most types of a text are in it: a map does as well
}

// NewPunkt loads the English model as prose's segment.New does: the trained
// parameters plus prose's supervised abbreviations.
func NewPunkt() (*Punkt, error) {
	b, err := data.Asset("data/english.json")
	if err != nil {
		return nil, err
	}
	st, err := loadTraining(b)
	if err != nil {
		return nil, err
	}
	for _, abbr := range []string{"sgt", "gov", "no", "mt"} {
		st.AbbrevTypes.Add(abbr)
	}
	return &Punkt{abbrevs: newWordSet(st.AbbrevTypes), collocations: newWordSet(st.Collocations),
		starters: newWordSet(st.SentStarters), ortho: st.OrthoContext}, nil
}

// ptok is a candidate token: a word with sentence punctuation, or the word
// after one. pos is the byte offset just past it (sentences.Token.Position).
type ptok struct {
	tok       string
	pos       int
	sentBreak bool
	abbr      bool
	typed     bool   // typ is made
	typ       [2]int // tokType(tok): its span in a types' buffer
}

// types makes the tokens' types (tokType) into one buffer, each token's
// once: the annotations ask for a token's type up to four times, and
// strings.ToLower allocated it each time (half the allocations of an
// article's analysis).
type types struct {
	buf []byte // the types, end to end; a type's bytes never change
	key []byte // a collocation's key, reused
	// toks holds a paragraph's tokens, reused for the next: an array in
	// segment's frame was zeroed for every paragraph.
	toks    []ptok
	toksBuf [32]ptok
}

// of returns tokType(t.tok), made unless done.
func (ts *types) of(t *ptok) []byte {
	if !t.typed {
		lo := len(ts.buf)
		ts.tokType(t.tok)
		t.typed, t.typ = true, [2]int{lo, len(ts.buf)}
	}
	return ts.buf[t.typ[0]:t.typ[1]]
}

// tokType appends DefaultWordTokenizer.Type(tok) to ts.buf, and returns
// it: lower case, a numeric tail replaced by "##number##", and commas
// removed unless the result is one byte.
func (ts *types) tokType(tok string) []byte {
	lo := len(ts.buf)
	ts.buf = appendToLower(ts.buf, tok)
	if s := numericStart(ts.buf[lo:]); s >= 0 {
		ts.buf = append(ts.buf[:lo+s], "##number##"...)
	}
	if typ := ts.buf[lo:]; len(typ) > 1 && bytes.IndexByte(typ, ',') >= 0 {
		n := lo // commas out, in place
		for _, c := range typ {
			if c != ',' {
				ts.buf[n] = c
				n++
			}
		}
		ts.buf = ts.buf[:n]
	}
	return ts.buf[lo:len(ts.buf):len(ts.buf)]
}

// noPeriod is typeNoPeriod: t's type without a final period, unless the
// type is that alone.
func (ts *types) noPeriod(t *ptok) []byte {
	typ := ts.of(t)
	if len(typ) > 1 && typ[len(typ)-1] == '.' {
		return typ[:len(typ)-1]
	}
	return typ
}

// noSentPeriod is DefaultWordTokenizer.TypeNoSentPeriod.
func (ts *types) noSentPeriod(t *ptok) []byte {
	if t.sentBreak {
		return ts.noPeriod(t)
	}
	return ts.of(t)
}

// appendToLower appends strings.ToLower(s) to b, without a string of its
// own when s is ASCII.
func appendToLower(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(b, strings.ToLower(s)...)
		}
	}
	return AppendASCIILower(b, s) // strings.ToLower(s) for ASCII s
}

// Orthographic context flags (neurosnap's ortho.go).
const (
	orthoMidUc = 1 << 2
	orthoBegLc = 1 << 4
	orthoUc    = 1<<1 + 1<<2 + 1<<3
	orthoLc    = 1<<4 + 1<<5 + 1<<6
)

// segment calls fn with the byte span of each sentence of text, trimmed of
// white space, skipping empty ones: what prose's Segmenter.Segment returns.
func (p *Punkt) segment(text string, ts *types, fn func(start, end int)) {
	if ts.toks == nil {
		ts.toks = ts.toksBuf[:0]
	}
	toks := punktWords(text, ts.toks[:0])
	ts.toks = toks
	if len(toks) == 0 {
		return
	}
	ts.buf = ts.buf[:0]
	for i := range toks {
		p.typeAnnotation(ts, &toks[i])
	}
	for i := range toks {
		if i+1 < len(toks) {
			p.tokenAnnotation(ts, &toks[i], &toks[i+1])
		}
	}
	for i := range toks {
		if i+1 < len(toks) {
			p.multiPunctAnnotation(ts, &toks[i], &toks[i+1])
		} else if strings.Contains(toks[i].tok, "\n") && strings.Contains(toks[i].tok, " ") {
			toks[i].sentBreak = false
		}
	}
	emit := func(start, end int) {
		start, end = trimRange(text, start, end)
		if start < end {
			fn(start, end)
		}
	}
	last := 0
	for _, t := range toks {
		if t.sentBreak {
			emit(last, t.pos)
			last = t.pos
		}
	}
	if last != len(text) {
		emit(last, len(text))
	}
}

// punktWords is DefaultWordTokenizer.Tokenize(text, true), quirks included: a
// final word ending in a multi-byte rune is never emitted, and when nothing
// is, the whole text is one token.
func punktWords(text string, toks []ptok) []ptok {
	n := len(text)
	if n == 0 {
		return nil
	}
	lastSpace := 0
	lastPunct := -1 // offset of the last '.', '!' or '?' seen
	getNext := false
	st := newStops(text)
	for i := 0; i < n; {
		// Skip plain ASCII (never the last byte, which always ends a word).
		i = skipPlain(text, i, n-1)
		c := text[i]
		size := 1
		var space bool
		if c < utf8.RuneSelf {
			switch c {
			case '.', '!', '?':
				lastPunct = i
			case '\t', '\n', '\v', '\f', '\r', ' ':
				space = true
			}
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			space = unicode.IsSpace(r)
		}
		if !space && i != n-1 {
			i += size
			continue
		}
		cursor := i
		if i == n-1 {
			cursor = n
		}
		i += size
		// The word is text[lastSpace:cursor] trimmed; trimming removes only
		// white space, so it has sentence punctuation iff the span does.
		hasPunct := lastPunct >= lastSpace && lastPunct < cursor
		if !hasPunct && !getNext {
			// prose skips an empty word without moving lastSpace, but
			// then the next span only gains white space, trimmed away.
			lastSpace = cursor
			// So it goes at every space until the next sentence
			// punctuation: only the last such space matters.
			i, lastSpace = skipToPunct(text, i, n-1, lastSpace, &st)
			continue
		}
		word := strings.TrimSpace(text[lastSpace:cursor])
		if word == "" {
			continue
		}
		toks = append(toks, ptok{tok: word, pos: cursor})
		lastSpace = cursor
		getNext = hasPunct
	}
	if len(toks) == 0 {
		toks = append(toks, ptok{tok: text, pos: n})
	}
	return toks
}

// typeAnnotation is TypeBasedAnnotation.typeAnnotation.
func (p *Punkt) typeAnnotation(ts *types, t *ptok) {
	if hasSentEndChars(t.tok) {
		t.sentBreak = true
	} else if strings.HasSuffix(t.tok, ".") && !strings.HasSuffix(t.tok, "..") {
		// neurosnap cuts at the rune count, not the byte length.
		noPeriod := appendToLower(ts.key[:0], t.tok[:utf8.RuneCountInString(t.tok)-1])
		ts.key = noPeriod
		lastHyph := noPeriod[bytes.LastIndexByte(noPeriod, '-')+1:]
		if p.abbrevs.get(noPeriod) != 0 || p.abbrevs.get(lastHyph) != 0 {
			t.abbr = true
		} else {
			t.sentBreak = true
		}
	}
}

// tokenAnnotation is TokenBasedAnnotation.tokenAnnotation.
func (p *Punkt) tokenAnnotation(ts *types, one, two *ptok) {
	if !strings.HasSuffix(one.tok, ".") {
		return
	}
	typ := ts.noPeriod(one)
	nextTyp := ts.noSentPeriod(two)
	initial := isInitial(one.tok)

	ts.key = append(append(append(ts.key[:0], typ...), ','), nextTyp...)
	if p.collocations.get(ts.key) != 0 {
		one.sentBreak = false
		one.abbr = true
		return
	}
	if (one.abbr || strings.HasSuffix(one.tok, "..")) && !initial {
		if p.orthoHeuristic(ts, two) == 1 {
			one.sentBreak = true
			return
		}
		if firstUpper(two.tok) && p.starters.get(nextTyp) != 0 {
			one.sentBreak = true
			return
		}
	}
	if one.tok == "." && two.tok == "." {
		one.sentBreak = false
		two.sentBreak = false
		return
	}
	if initial || string(typ) == "##number##" {
		h := p.orthoHeuristic(ts, two)
		if h == 0 {
			one.sentBreak = false
			one.abbr = true
			return
		}
		if h == -1 && initial && firstUpper(two.tok) && p.ortho[string(nextTyp)]&orthoLc == 0 {
			one.sentBreak = false
			one.abbr = true
			return
		}
	}
}

// multiPunctAnnotation is prose's multiPunctWordAnnotation.tokenAnnotation.
func (p *Punkt) multiPunctAnnotation(ts *types, one, two *ptok) {
	var nextTyp []byte
	computed := false

	if strings.HasSuffix(one.tok, ".") && two.tok == "." {
		one.sentBreak = false
		two.sentBreak = false
		return
	}
	isNonBreak := strings.HasSuffix(one.tok, ".") && !one.sentBreak
	isEllipsis := looksLikeEllipsis(one.tok)
	isInternal := one.sentBreak && looksInternal(one.tok)

	if isNonBreak || isEllipsis || isInternal {
		nextTyp, computed = ts.noSentPeriod(two), true
		isStarter := p.starters.get(nextTyp)
		if isEllipsis && (firstUpper(two.tok) || isStarter != 0) {
			one.sentBreak = true
			return
		}
		if isInternal && firstLower(two.tok) && isStarter == 0 {
			one.sentBreak = false
			return
		}
		if isNonBreak && firstUpper(two.tok) && p.ortho[string(nextTyp)]&orthoLc != 0 {
			one.sentBreak = true
		}
	}

	if !hasAbbr(one.tok) || isInitial(one.tok) {
		return
	}
	one.abbr = true
	one.sentBreak = false
	if p.orthoHeuristic(ts, two) == 1 {
		one.sentBreak = true
		return
	}
	if !computed {
		nextTyp = ts.noSentPeriod(two)
	}
	if firstUpper(two.tok) && p.starters.get(nextTyp) != 0 {
		one.sentBreak = true
	}
}

// orthoHeuristic is OrthoContext.Heuristic: 1 if t starts a sentence, 0 if
// not, -1 if unknown.
func (p *Punkt) orthoHeuristic(ts *types, t *ptok) int {
	if len(t.tok) == 1 && strings.IndexByte(";:,.!?", t.tok[0]) >= 0 {
		return 0
	}
	ctx := p.ortho[string(ts.noSentPeriod(t))]
	if firstUpper(t.tok) && ctx&orthoLc > 0 && ctx&orthoMidUc == 0 {
		return 1
	}
	if firstLower(t.tok) && (ctx&orthoUc > 0 || ctx&orthoBegLc == 0) {
		return 0
	}
	return -1
}

// numericStart is where the leftmost match of `-?[\.,]?\d[\d,\.-]*\.?$`
// starts in s, or -1. Every byte of a match is in [0-9,.-], so a match lies
// in the longest such tail; it starts at the first offset there from which
// `-?[\.,]?\d` matches.
func numericStart[T string | []byte](s T) int {
	j := len(s)
	for j > 0 && isNumByte(s[j-1]) {
		j--
	}
	for i := j; i < len(s); i++ {
		k := i
		if s[k] == '-' {
			k++
		}
		if k < len(s) && (s[k] == '.' || s[k] == ',') {
			k++
		}
		if k < len(s) && '0' <= s[k] && s[k] <= '9' {
			return i
		}
	}
	return -1
}

// skipPlain is the index of the first byte of s from i on, before end,
// that punktWords must look at (wordByteClass 1), or end. Eight bytes at a
// time: a word and its space take six or so, and the loop byte by byte
// stopped at each of them.
func skipPlain(s string, i, end int) int {
	const high = 0x8080808080808080
	for ; i+8 <= end; i += 8 {
		x := vocab.Load8(s[i : i+8])
		// Non-ASCII, \t to \r, space and '!', '.', '?'.
		stop := x&high | vocab.Between(x, '\t', '\r') | vocab.Between(x, ' ', '!') | vocab.Between(x, '.', '.') | vocab.Between(x, '?', '?')
		if stop != 0 {
			return i + bits.TrailingZeros64(stop)/8
		}
	}
	for i < end && wordByteClass[s[i]] == 0 {
		i++
	}
	return i
}

// skipToPunct is where punktWords, past a space that ended no token, goes
// on from when a token would need none of the spaces before: the first
// byte of s from i on, before end, that is sentence punctuation or not
// ASCII (or where the blocks of eight bytes from i give out, as when it
// read them), with the offset of the last ASCII white space before it, or
// last if there is none. st has the stops (and i never goes back): most
// of a text lies between its sentences' ends, and a stop is looked for
// once, not again from every space before it. The last space is looked
// for once, back from the stop.
func skipToPunct(s string, i, end, last int, st *stops) (int, int) {
	stop := min(st.from(i), i+(end-i)/8*8)
	if sp := lastASCIISpace(s, i, stop); sp >= 0 {
		last = sp
	}
	return stop, last
}

// stops finds the next stop of skipToPunct in a text from an offset on:
// the next '.', '!', '?' and byte beyond ASCII, each kept until an offset
// past it is asked for. The offsets asked for must never go back.
type stops struct {
	s    string
	next [4]int // the next of each, len(s) for none, -1 until looked for
}

func newStops(s string) stops { return stops{s: s, next: [4]int{-1, -1, -1, -1}} }

// from is the first stop of st's text from i on, or its length.
func (st *stops) from(i int) int {
	stop := len(st.s)
	for k, next := range st.next {
		if next < i {
			next = st.find(k, i)
			st.next[k] = next
		}
		stop = min(stop, next)
	}
	return stop
}

// find is the first of the stops of kind k (a byte of ".!?", or from 0x80
// up) in st's text from i on, or its length: by IndexByte, many bytes at a
// time, and for the bytes beyond ASCII eight at a time.
func (st *stops) find(k, i int) int {
	if k == 3 {
		return indexNonASCII(st.s, i)
	}
	if j := strings.IndexByte(st.s[i:], ".!?"[k]); j >= 0 {
		return i + j
	}
	return len(st.s)
}

// lastASCIISpace is the offset of the last of \t to \r and ' ' in s[lo:hi],
// all ASCII, or -1: eight bytes at a time, back from hi.
func lastASCIISpace(s string, lo, hi int) int {
	for ; hi-8 >= lo; hi -= 8 {
		x := vocab.Load8(s[hi-8 : hi])
		if space := vocab.Between(x, '\t', '\r') | vocab.Between(x, ' ', ' '); space != 0 {
			return hi - 8 + (63-bits.LeadingZeros64(space))/8
		}
	}
	for hi > lo {
		hi--
		if c := s[hi]; c == ' ' || ('\t' <= c && c <= '\r') {
			return hi
		}
	}
	return -1
}

// wordByteClass is 0 for the bytes punktWords can skip: ASCII that is
// neither white space nor sentence punctuation.
var wordByteClass = func() (t [256]uint8) {
	for c := 0x80; c < 256; c++ {
		t[c] = 1
	}
	for _, c := range []byte(".!?\t\n\v\f\r ") {
		t[c] = 1
	}
	return t
}()

func isNumByte(c byte) bool {
	return ('0' <= c && c <= '9') || c == ',' || c == '.' || c == '-'
}

// isInitial matches `^[A-Za-z]\.$`.
func isInitial(tok string) bool {
	return len(tok) == 2 && isASCIILetter(tok[0]) && tok[1] == '.'
}

func isASCIILetter(c byte) bool {
	return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

// isWordByte is RE2's \w: [0-9A-Za-z_].
func isWordByte(c byte) bool {
	return isASCIILetter(c) || ('0' <= c && c <= '9') || c == '_'
}

// hasAbbr reports whether `((?:[\w]\.)+[\w]*\.)` matches somewhere in tok:
// whether some \w is followed by '.', then by \w* and another '.'. (A
// second repetition of the group is itself such a \w* and '.'.)
func hasAbbr(tok string) bool {
	for i := 0; i+2 < len(tok); i++ {
		if !isWordByte(tok[i]) || tok[i+1] != '.' {
			continue
		}
		j := i + 2
		for j < len(tok) && isWordByte(tok[j]) {
			j++
		}
		if j < len(tok) && tok[j] == '.' {
			return true
		}
	}
	return false
}

// looksLikeEllipsis reports whether `(?:\.\s?){2,}\.` matches somewhere in
// tok: three dots, each after the last with at most one of RE2's \s,
// [\t\n\f\r ], between. After a dot the next byte is either a dot or not, so
// following the chain from each dot is enough.
func looksLikeEllipsis(tok string) bool {
	for i := 0; i < len(tok); i++ {
		if tok[i] != '.' {
			continue
		}
		dots, j := 1, i+1
		for {
			if j < len(tok) && tok[j] == '.' {
				j++
			} else if j+1 < len(tok) && isRE2Space(tok[j]) && tok[j+1] == '.' {
				j += 2
			} else {
				break
			}
			if dots++; dots >= 3 {
				return true
			}
		}
	}
	return false
}

func isRE2Space(c byte) bool {
	return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}

// looksInternal is prose's looksInternal.
func looksInternal(tok string) bool {
	for _, punc := range [...]string{")", `’`, `”`, `"`, `'`} {
		if strings.HasSuffix(tok, punc) {
			return true
		}
	}
	return false
}

// hasSentEndChars is prose's wordTokenizer.HasSentEndChars: tok ends in
// one of its enders (and is not "Yahoo!"), or contains one of its parens.
func hasSentEndChars(tok string) bool {
	if tok == "" {
		return false
	}
	// Every ender ends in one of these bytes (’ and ” in 0x99 and 0x9d).
	switch tok[len(tok)-1] {
	case '"', ')', '?', '\'', '!', 0x99, 0x9d:
		for _, ender := range [...]string{
			`."`, `.)`, `.’`, `.”`,
			`?`, `?"`, `?'`, `?)`, `?’`, `?”`,
			`!`, `!"`, `!'`, `!)`, `!’`, `!”`,
		} {
			if strings.HasSuffix(tok, ender) && !strings.Contains(tok, "Yahoo!") {
				return true
			}
		}
	}
	// The parens: .[ .( ." ?[ ?( ![ !(
	for i := 1; i < len(tok); i++ {
		switch tok[i] {
		case '[', '(':
			if p := tok[i-1]; p == '.' || p == '?' || p == '!' {
				return true
			}
		case '"':
			if tok[i-1] == '.' {
				return true
			}
		}
	}
	return false
}

// firstUpper and firstLower test the first rune of tok as neurosnap does
// ([]rune(tok)[0]: an invalid byte is utf8.RuneError, neither).
func firstUpper(tok string) bool {
	if tok == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(tok)
	return unicode.IsUpper(r)
}

func firstLower(tok string) bool {
	if tok == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(tok)
	return unicode.IsLower(r)
}

// trimRange narrows [start,end) past surrounding white space, as prose's
// Segment does.
func trimRange(text string, start, end int) (int, int) {
	for start < end {
		r, size := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	return start, end
}
