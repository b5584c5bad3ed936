package attribution

import (
	"bytes"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// statement builds the statement a cue introduces, or nil: its speaker,
// then its content after the cue, or else before it.
func (d *doc) statement(c cue, prev []*draft) *draft {
	s := d.tsent[c.i]
	f, l := d.sfirst[s], d.sfirst[s+1]
	st := d.newDraft(draft{sent: s})
	st.Cue = d.text[d.toks[c.i].Start:d.toks[c.j-1].End]
	st.CueStart, st.CueEnd = d.toks[c.i].Start, d.toks[c.j-1].End
	if c.kind == cueAccording {
		return d.accordingTo(st, c, f, l)
	}
	hi, how := d.statementSpeaker(st, c, prev, f, l)
	if how == spNone || st.Speaker == "" {
		return nil
	}
	if how == spFound {
		if p := d.clauseContent(st, c, f, l); p != nil {
			return p
		}
	}
	if how != spInverted {
		if q := d.quoteBelowCue(c, l); q >= 0 {
			st.after = true // "Vasko continued:", then the quote opens the next paragraph
			return d.setContent(st, d.quotes[q].open, d.quotes[q].close)
		}
	}
	// The content after the cue: a that-clause, a quote, or a clause; or
	// the object of a record's evidence verb ("the poll shows Clinton ahead").
	cs := d.contentAfter(c, l)
	if cs < 0 && how == spFound && d.recordObject(st, c, hi, l) {
		cs = d.toks[c.j].Start
	}
	if cs >= 0 && d.tokenAt(cs) >= l {
		cs = -1 // a quote with no words at the sentence's end ("told them, “ ,")
	}
	if cs >= 0 && how != spInverted {
		d.widenCue(st, c, cs)
		st.after = true
		st.weak = d.weakStart(cs)
		end := d.contentEnd(cs, l, d.sents[s].End)
		if k := d.tokenAt(cs); d.tquote[k] < 0 && !d.finiteBefore(k, l, end) {
			end = d.objectEnd(c, k, l, end) // "has rejected [every charge], and has promised ...": an object, then the speaker's next act
		}
		if how == spFound && hi > 0 && hi < c.i && d.low[hi] == "who" { // "Barkley, who said he votes democratic, said ...": the relative clause ends at its comma
			end = d.relativeClauseEnd(d.tokenAt(cs), l, end)
		}
		if c.ing && c.i > f && d.gapHas(c.i-1, ",") {
			end = d.asideEnd(d.tokenAt(cs), l, end) // "Salceda, citing data from the State Department, said ...": the aside ends at its comma
		}
		if d.setContent(st, cs, end) == nil {
			return nil
		}
		if q := d.weakQuoteBefore(st, c, hi, f, l); q != nil {
			return q // "“...,” Ms. Reyes told Metro News's Ruth Adler in May 2012.": the addressee is no content
		}
		return d.joinQuoteBefore(st, c, hi, f, l)
	}
	if how == spFound {
		if p := d.parenthetical(st, c, f, l); p != nil {
			return p
		}
	}
	if p := d.contentBefore(st, c, hi, f, l); p != nil {
		return p
	}
	return d.quoteAfterCueSentence(st, c, hi, l)
}

// parenthetical builds the statement of a speaker and cue set off by
// commas inside the clause they report, or nil: "The economy, the senator
// said, is in trouble", "In a merger, she said, the Acme brand would
// survive": the content is both sides, without quotes (those are the
// split quotes of joinQuoteBefore).
func (d *doc) parenthetical(st *draft, c cue, f, l int) *draft {
	sp := d.tokenAt(st.SpeakerStart)
	b := c.j
	if c.kind != cueSpeech || c.ing || sp <= f || b >= l || sp > c.i || strings.TrimSpace(d.gap(sp-1)) != "," || strings.TrimSpace(d.gap(b-1)) != "," {
		return nil
	}
	if !d.continuesClause(b) {
		return nil
	}
	for t := f; t < sp; t++ {
		if d.tquote[t] >= 0 {
			return nil
		}
	}
	sent := d.sents[st.sent]
	if d.setContent(st, d.toks[b].Start, d.contentEnd(d.toks[b].Start, l, sent.End)) == nil {
		return nil
	}
	alo, ahi := trimSpan(d.text, sent.Start, d.toks[sp-1].End)
	st.Spans = [][2]int{{alo, ahi}, {st.Start, st.End}}
	st.Start = alo
	return st
}

// continuesClause reports whether token b, after the comma that closes a
// parenthetical cue, carries on the reported clause: not a quote, a
// participle ("adding"), a conjunction or another cue.
func (d *doc) continuesClause(b int) bool {
	w := d.low[b]
	return d.tquote[b] < 0 && !strings.HasSuffix(w, "ing") && w != "and" && w != "but" && w != "or" &&
		d.verb(b) == 0 && !d.is(b, classMultiCue) && unicode.IsLower(rune(d.word(b)[0]))
}

// joinQuoteBefore joins to a direct statement after its cue the quote
// the cue splits from it: "“A,” he said, “B.”" is one statement of two
// pieces, A and B, as annotators count it.
func (d *doc) joinQuoteBefore(st *draft, c cue, hi, f, l int) *draft {
	if st.Kind != Direct || (d.quoteAt(d.toks[c.j-1].End) < 0 && !d.tellsQuote(c, l)) {
		return st
	}
	before := d.quoteBefore(st, c, hi, f, l)
	if before == nil {
		return st
	}
	st.Spans = [][2]int{{before.Start, before.End}, {st.Start, st.End}}
	st.Start, st.after = before.Start, false
	st.contentQ = append(before.contentQ, st.contentQ...)
	return st
}

// tellsQuote reports whether the tell cue c has a quote after its
// addressee and a place or time ("“A,” Mr Rubio told reporters after the
// meeting, “B.”").
func (d *doc) tellsQuote(c cue, l int) bool {
	return c.kind == cueTell && c.j < l && d.quoteAfterAddressee(c.j, l) >= 0
}

// weakQuoteBefore is quoteBefore for an indirect content after the cue
// that may be the verb's object (weak), else nil.
func (d *doc) weakQuoteBefore(st *draft, c cue, hi, f, l int) *draft {
	if !st.weak || st.Kind != Indirect {
		return nil
	}
	return d.quoteBefore(st, c, hi, f, l)
}

// quoteBefore returns st with the content before its cue instead, when
// that is a direct quote ("“A,” he said ..."), or nil.
func (d *doc) quoteBefore(st *draft, c cue, hi, f, l int) *draft {
	before := *st
	before.contentQ, before.after, before.weak = nil, false, false
	sent := d.sents[st.sent]
	var wasUsed []int // the sentence's quotes claimed before: a rejected content gives back the rest
	k0, _ := slices.BinarySearchFunc(d.quotes, sent.Start, func(q quote, at int) int { return q.open - at })
	for k := max(k0-1, 0); k < len(d.quotes) && d.quotes[k].open < sent.End; k++ {
		if d.quotes[k].used {
			wasUsed = append(wasUsed, k)
		}
	}
	if d.contentBefore(&before, c, hi, f, l) == nil || before.Kind != Direct {
		for _, k := range before.contentQ {
			d.quotes[k].used = slices.Contains(wasUsed, k)
		}
		return nil
	}
	return &before
}

// accordingTo builds the statement of "according to X": X is the speaker,
// the content the rest of the sentence, after X when the sentence opens
// with the cue ("According to X, content."), before the cue otherwise.
func (d *doc) accordingTo(st *draft, c cue, f, l int) *draft {
	lo, hi := d.npForward(c.j, l)
	if hi <= lo {
		return nil
	}
	d.setSpeaker(st, lo, hi)
	sent := d.sents[st.sent]
	if (d.onlyConnectives(f, c.i) && !d.copulaBefore(c.i, f)) || (c.i > f && d.gapHas(c.i-1, ":")) {
		return d.setContent(st, d.toks[hi-1].End, sent.End) // "According to X, ...", "...: According to X, ..."
	}
	if c.i > f && hi < l && d.gapHas(c.i-1, ",") && d.gapHas(hi-1, ",") && d.tquote[hi] < 0 {
		// "The plan, according to officials, will cost $5 billion": the
		// clause on both sides.
		if d.setContent(st, d.toks[hi-1].End, sent.End) == nil {
			return nil
		}
		blo, bhi := trimSpan(d.text, sent.Start, d.toks[c.i].Start)
		if bhi > blo {
			st.Spans = [][2]int{{blo, bhi}, {st.Start, st.End}}
			st.Start = blo
			d.classify(st)
		}
		return st
	}
	end := d.toks[c.i].Start
	if d.copulaBefore(c.i, f) {
		end = d.toks[c.i-1].End // "That’s according to X": "That"
		if w := d.low[c.i-1]; (w == "is" || w == "was") && c.i-1 > f {
			end = d.toks[c.i-2].End
		}
	}
	return d.setContent(st, sent.Start, end)
}

// copulaBefore reports whether the word before the cue at token i ends in
// a copula ("That’s according to ..."): the subject before it is the
// content.
func (d *doc) copulaBefore(i, f int) bool {
	if i <= f {
		return false
	}
	w, g := d.low[i-1], d.gap(i-1)
	return w == "is" || w == "was" || strings.HasPrefix(g, "’s") || strings.HasPrefix(g, "'s") // the tokens leave out "’s"
}

// statementSpeaker sets the speaker of the cue c: the phrase before it,
// or after it ("said Mr Lavrov"), or the subject shared with an earlier
// verb ("he said and vowed", "..., saying"). It returns the end of the
// phrase found and how it was found, spNone when there is no speaker.
func (d *doc) statementSpeaker(st *draft, c cue, prev []*draft, f, l int) (int, int) {
	lo, hi, how := d.speakerBefore(c, f)
	switch {
	case how == spShared || (how == spInverted && c.ing):
		if p := lastInSentence(prev, st.sent); p != nil && p.Speaker != "" {
			share(st, p)
		} else if lo, hi = d.subject(f, c.i); hi > lo {
			d.setSpeaker(st, lo, hi)
			st.shared = true
		}
		return hi, spShared
	case how == spInverted:
		if lo, hi = d.npForward(c.j, l); hi > lo && (d.endsClause(hi, l) || (hi < l && d.low[hi] == "who")) { // "said Sen. Ada Brandt who represents the county"
			if slo, shi := d.subjectSetOff(c, f); shi > slo && !d.plausibleSpeaker(lo, hi) {
				d.setSpeaker(st, slo, shi) // "Ms. Lund, along with Judge Okafor, wrote a review": no "wrote a review, said"
				return shi, spFound
			}
			d.setSpeaker(st, lo, hi)
			return hi, spInverted
		}
	case how == spFound:
		return d.foundSpeaker(st, c, prev, lo, hi, f, l)
	}
	return 0, spNone
}

// share gives a statement the speaker of the statement p before it.
func share(st, p *draft) {
	st.Speaker, st.SpeakerStart, st.SpeakerEnd = p.Speaker, p.SpeakerStart, p.SpeakerEnd
	st.shared, st.from = true, p
}

// foundSpeaker sets the speaker of the cue c from the phrase [lo, hi)
// found before it, or from what that phrase stands for.
func (d *doc) foundSpeaker(st *draft, c cue, prev []*draft, lo, hi, f, l int) (int, int) {
	switch {
	case c.ing && documents[d.low[hi-1]] && lo > f:
		// "The campaign issued a statement saying ...": the statement is the
		// campaign's, its subject the speaker.
		if slo, shi := d.issuer(lo, f); shi > slo {
			d.setSpeaker(st, slo, shi)
			return shi, spFound
		}
		return 0, spNone
	case c.ing && d.adverbBefore(lo, hi, f):
		// "said Nora Vance, half joking": an adverb, no speaker; the
		// participle shares the statement before.
		if p := lastInSentence(prev, st.sent); p != nil && p.Speaker != "" {
			share(st, p)
			return hi, spShared
		}
		return 0, spNone
	case lo == f && hi == lo+1 && d.low[lo] == "having":
		// "Having announced that ..., Judge Okafor proceeded": the main
		// clause's subject.
		if slo, shi := d.subject(f, l); shi > slo && slo > c.i {
			d.setSpeaker(st, slo, shi)
			return c.i, spFound
		}
		return 0, spNone
	}
	d.setSpeaker(st, lo, hi)
	return hi, spFound
}

// adverbBefore reports whether the phrase [lo, hi) before a participle is
// a lone lowercase word after a comma that names no speaker ("half").
func (d *doc) adverbBefore(lo, hi, f int) bool {
	return hi == lo+1 && lo > f && !d.capitalized(lo) && !d.hyphenated(lo) && d.gapHas(lo-1, ",") && !d.plausibleSpeaker(lo, hi)
}

// issuer finds who issued the document whose phrase starts at token lo
// ("The campaign issued a statement saying"): the phrase before the verb
// before it, "the Chilean Embassy" of "grew so loud that the Chilean
// Embassy issued a statement saying", else the sentence's subject.
func (d *doc) issuer(lo, f int) (int, int) {
	if v := lo - 1; v > f && !d.boundaryAfter(v-1) && !d.boundaryAfter(v) {
		if k, _ := d.pastVerbGroup(v-1, f); k >= f {
			if slo, shi := d.npBack(k, f); shi > slo && d.plausibleSpeaker(slo, shi) {
				return slo, shi
			}
		}
	}
	if slo, shi := d.subject(f, lo); shi <= lo {
		return slo, shi
	}
	return 0, 0
}

// documents are the things a speaker issues that a participle may follow
// ("issued a statement saying", "sent a letter urging").
var documents = set("statement statements release letter letters tweet tweets post email emails memo note message")

// contentBefore sets the content before the cue c, whose speaker phrase
// ends before token hi: "..., he said", "“...” said Mr Lavrov", when
// nothing but an adverbial follows ("..., he said on Tuesday") and a comma,
// a quote or a dash ends the content. A thought verb and a participle
// sharing its subject take none ("..., speaking on condition of
// anonymity").
func (d *doc) contentBefore(st *draft, c cue, hi, f, l int) *draft {
	if (c.kind == cueThought && !d.trailingEvidence(st, c, hi)) || (c.ing && st.shared) {
		return nil
	}
	k := max(c.j, hi)
	if c.kind == cueTell { // past the addressee: "“...,” Mr Obama told The Huffington Post."
		if _, ahi := d.npForward(k, l); ahi > k && ahi-k <= 7 {
			k = d.nounHeadEnd(k, ahi, l)
		} else if k < l && d.is(k, classObjectPronoun) {
			k++ // "“...,” Owen Pratt told me."
		}
	}
	if !d.adjunctOnly(k, l) {
		return nil
	}
	start := st.SpeakerStart
	if st.shared || st.CueStart < start {
		start = st.CueStart
	}
	sent := d.sents[st.sent]
	if start < sent.Start {
		return nil
	}
	before := strings.TrimRightFunc(d.text[sent.Start:start], unicode.IsSpace)
	if !strings.HasSuffix(before, ",") && !endsWithCloseQuote(before) && !strings.HasSuffix(before, "—") {
		return nil
	}
	if d.openingAdverbial(f, d.tokenAt(st.SpeakerStart)) || d.adverbialWords(f, d.tokenAt(st.SpeakerStart)) {
		return nil // "On Sunday, however, Ortega spoke": no words of his before the cue
	}
	return d.setContent(st, sent.Start, sent.Start+len(before))
}

// adverbialWords reports whether tokens [f, k), outside quotes, are
// only words of time and connectives ("Meanwhile,", "Even then,", "A few
// weeks earlier,"): no words of the speaker's.
func (d *doc) adverbialWords(f, k int) bool {
	if k <= f || k-f > 5 {
		return false
	}
	for t := f; t < k; t++ {
		w := d.low[t]
		if d.tquote[t] >= 0 {
			return false
		}
		if !d.is(t, classConnective|classSentenceAdverb|classTime|classDeterminer|classTimeUnit|classNumberWord) && !adverbsOfTime[w] {
			return false
		}
	}
	return true
}

// adverbsOfTime are the words of an adverbial of time that no class holds.
var adverbsOfTime = set("then earlier later since ago even still few several meanwhile")

// openingAdverbial reports whether tokens [f, k) are only an adverbial
// that opens a sentence, not quoted: a preposition or a time word first and
// at most one comma-set aside after it ("On Thursday, however,", "In
// another interview,").
func (d *doc) openingAdverbial(f, k int) bool {
	if k <= f || d.tquote[f] >= 0 || !d.is(f, classPreposition|classTime) {
		return false
	}
	commas := 0
	for t := f; t < k-1; t++ {
		if d.tquote[t] >= 0 || d.verb(t) != 0 || d.is(t, classFiniteAux) || d.pastVerb(t) {
			return false
		}
		if d.gapHas(t, ",") {
			commas++
		}
	}
	return commas <= 2 && k-f <= 8
}

// recordObject reports whether the evidence verb c, whose speaker phrase
// ends before token hi, has a record for its speaker and a noun phrase
// right after it: "a new poll shows [Clinton and Sanders in a dead heat]".
func (d *doc) recordObject(st *draft, c cue, hi, l int) bool {
	lx := d.a.lex
	if c.j != c.i+1 || c.j >= l || !lx.evidence[d.low[c.i]] || !d.recordHead(d.tokenAt(st.SpeakerStart), hi) || d.boundaryAfter(c.i) || d.tquote[c.j] >= 0 {
		return false
	}
	w := d.low[c.j]
	return !d.is(c.j, classPreposition) && !d.is(c.j, classAuxiliary) && !d.is(c.j, classClauseWord) && !d.is(c.j, classTime) && !strings.HasSuffix(w, "ly")
}

// recordHead reports whether the speaker phrase [lo, hi) is a record: its
// last word is one, or a record word before the phrase that says whose or
// when it is ("The poll by the Lakeshore Policy Institute of Oregon", "A
// poll from Harlow State University released Wednesday").
func (d *doc) recordHead(lo, hi int) bool {
	for t := lo; t < hi; t++ {
		if d.is(t, classRecord) && (t == hi-1 || recordTail[d.low[t+1]]) {
			return true
		}
	}
	return false
}

// recordTail are the words after a record's head that start what
// qualifies it.
var recordTail = set("by of from for in on released published conducted taken obtained commissioned unearthed leaked")

// adjunctOnly reports whether tokens [k, l) hold nothing a cue could take
// as content: nothing, or a phrase after a comma, or one that opens with a
// preposition or a time word ("on Tuesday", "in a statement", "after the
// meeting").
func (d *doc) adjunctOnly(k, l int) bool {
	if k >= l || d.gapHas(k-1, ",.;:—–!?()“”\"«»") || d.tquote[k] >= 0 || strings.Contains(d.gap(k-1), " - ") {
		return true
	}
	w := d.low[k]
	if (isNumber(w) || d.is(k, classNumberWord) || w == "an" || w == "a") && k+1 < l && d.is(k+1, classTimeUnit) && !d.boundaryAfter(k) {
		return true // "said 20 minutes into the hearing", "said an hour later"
	}
	return d.is(k, classPreposition) || d.is(k, classTime) || w == "last" || w == "this" || w == "as" || w == "just" || w == "then" || w == "who" || strings.HasSuffix(w, "ly") || w == "when" || w == "while" ||
		w == "and" || w == "but" // "“...,” he said and vowed to ...": a second verb

}

// timeUnits are the units of a span of time ("20 minutes into", "two days
// later").
var timeUnits = set("second seconds minute minutes hour hours day days week weeks month months year years moment moments decade decades")

// widenCue makes the words between a verb and its "that" part of the cue
// when they are its object, not an adverbial: "told reporters", "expressed
// concerns", but not "said on Tuesday".
func (d *doc) widenCue(st *draft, c cue, content int) {
	k := c.j
	for k < len(d.toks) && k < c.j+4 && d.toks[k].Start < content && d.low[k] != "that" {
		if d.is(k, classPreposition|classAuxiliary|classClauseWord|classTime) || d.boundaryAfter(k) || strings.HasSuffix(d.low[k], "ly") {
			return
		}
		k++
	}
	if k > c.j && k < len(d.toks) && d.low[k] == "that" {
		st.CueEnd = d.toks[k-1].End
		st.Cue = d.text[st.CueStart:st.CueEnd]
	}
}

// weakStart reports whether a content starting at offset off may be a
// verb's object rather than a clause: it starts with no "that", quote or
// subject pronoun, and no finite verb follows its first words.
func (d *doc) weakStart(off int) bool {
	i := d.tokenAt(off)
	if i >= len(d.toks) || (i > 0 && d.low[i-1] == "that") || d.tquote[i] >= 0 {
		return false
	}
	if personalPronouns[d.low[i]] && d.low[i] != "this" && d.low[i] != "these" && d.low[i] != "those" {
		return false
	}
	return !d.finiteVerbAhead(i+1, min(i+8, d.sfirst[d.tsent[i]+1]))
}

// onlyAdverbs reports whether tokens [k, t) are all adverbs ("believes
// strongly that").
func (d *doc) onlyAdverbs(k, t int) bool {
	for ; k < t; k++ {
		if !strings.HasSuffix(d.low[k], "ly") && !d.is(k, classConnective) && !d.is(k, classAuxiliary) {
			return false
		}
	}
	return true
}

// auxAhead reports whether a finite auxiliary comes in tokens [k, l) before
// any punctuation.
func (d *doc) auxAhead(k, l int) bool {
	for ; k < l; k++ {
		if d.is(k, classFiniteAux) {
			return true
		}
		if d.boundaryAfter(k) {
			return false
		}
	}
	return false
}

func endsWithCloseQuote(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '”' || r == '"' || r == '»' || r == '’' || strings.HasSuffix(s, "''")
}

// lastInSentence returns the last statement of prev when it is in
// sentence s, or nil.
func lastInSentence(prev []*draft, s int) *draft {
	n := len(prev)
	if n == 0 || prev[n-1].sent != s {
		return nil
	}
	if last, p := prev[n-1], prev[max(n-2, 0)]; n > 1 && p.sent == s && p.Start <= last.CueStart && last.CueEnd <= p.End {
		return p // "May said that the country would declare ... and suggested": not the statement inside the content
	}
	return prev[n-1]
}

// lastTaken is lastInSentence over the statements of earlier passes (prev)
// followed by those of this pass (found), without joining the two.
func lastTaken(prev *taken, found []*draft, s int) *draft {
	if len(found) > 0 {
		return lastInSentence(found, s)
	}
	return lastInSentence(prev.list, s)
}

func (d *doc) onlyConnectives(f, i int) bool {
	for k := f; k < i; k++ {
		if !d.is(k, classClauseWord) && d.low[k] != "however" {
			return false
		}
	}
	return true
}

// quoteAt returns the quote whose opening mark is the first thing after
// offset i (past spaces and a colon or comma), or -1.
func (d *doc) quoteAt(i int) int {
	rest := strings.TrimLeftFunc(d.text[i:], func(r rune) bool { return r == ' ' || r == '\t' || r == ':' || r == ',' || r == '\u00a0' }) // "added,\u00a0“...”"
	at := len(d.text) - len(rest)
	// The quotes are in text order and do not overlap (findQuotes).
	if k := sort.Search(len(d.quotes), func(k int) bool { return d.quotes[k].open >= at }); k < len(d.quotes) && d.quotes[k].open == at {
		return k
	}
	return -1
}

// setContent sets the content to text[lo:hi] trimmed, decides the kind by
// the quotes it holds and claims them; it returns nil for empty content.
func (d *doc) setContent(st *draft, lo, hi int) *draft {
	lo, hi = trimSpan(d.text, lo, hi)
	hi = d.trimAside(lo, hi)
	if hi <= lo {
		return nil
	}
	st.Start, st.End = lo, hi
	d.classify(st)
	return st
}

// trimAside cuts off a parenthesis that ends a content text[lo:hi] outside
// quotes: the writer's aside, not the speaker's words ("they had no idea
// who would pay (the county, perhaps?)").
func (d *doc) trimAside(lo, hi int) int {
	if hi-lo < 3 || d.text[hi-1] != ')' {
		return hi
	}
	open := strings.LastIndexByte(d.text[lo:hi], '(')
	if open <= 0 || d.text[lo+open-1] != ' ' || strings.ContainsAny(d.text[lo+open+1:hi-1], "()") {
		return hi
	}
	if k := d.tokenAt(lo + open); k < len(d.toks) && d.tquote[k] >= 0 {
		return hi
	}
	_, end := trimSpan(d.text, lo, lo+open)
	return end
}

// classify sets the kind: direct when the content is all quoted (and the
// content is then the quoted words), mixed when it holds quotes.
func (d *doc) classify(st *draft) {
	st.contentQ = st.contentQ[:0]
	rest := d.bufs.rest[:0] // the content outside quotes
	at := st.Start
	// The quotes are in text order and do not overlap (findQuotes), so
	// those inside the content are a run, found by halving.
	first := sort.Search(len(d.quotes), func(k int) bool { return d.quotes[k].close > st.Start })
	for k := first; k < len(d.quotes) && d.quotes[k].open < st.End; k++ {
		q := d.quotes[k]
		st.contentQ = append(st.contentQ, k)
		if q.open > at {
			rest = append(rest, d.text[at:q.open]...)
		}
		at = max(at, q.close)
	}
	if at < st.End {
		rest = append(rest, d.text[at:st.End]...)
	}
	d.bufs.rest = rest
	switch {
	case len(st.contentQ) == 0:
		st.Kind = Indirect
	case !bytes.ContainsFunc(rest, unicode.IsLetter) || (atMostOneField(rest) && len(st.contentQ) > 0 && !st.after):
		st.Kind = Direct
		first, last := d.quotes[st.contentQ[0]], d.quotes[st.contentQ[len(st.contentQ)-1]]
		st.Start, st.End = trimSpan(d.text, max(first.start, st.Start), min(last.end, max(st.End, last.end)))
	default:
		st.Kind = Mixed
	}
	for _, k := range st.contentQ {
		d.quotes[k].used = true
	}
}

// atMostOneField reports whether len(strings.Fields(string(b))) <= 1,
// without the copy and the fields.
func atMostOneField(b []byte) bool {
	fields, inField := 0, false
	for i := 0; i < len(b); {
		r, n := rune(b[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRune(b[i:])
		}
		space := unicode.IsSpace(r)
		if !space && !inField {
			if fields++; fields > 1 {
				return false
			}
		}
		inField = !space
		i += n
	}
	return true
}

// bare cuts a contraction off a word: he'd -> he; a word that starts
// with an apostrophe stays whole. Byte by byte, where strings.IndexAny
// went rune by rune over the marks: it is asked after most cues.
func bare(w string) string {
	for i := 0; i < len(w); i++ {
		if w[i] == '\'' || (w[i] == 0xe2 && strings.HasPrefix(w[i:], "’")) {
			if i == 0 {
				return w
			}
			return w[:i]
		}
	}
	return w
}

func hasLetters(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// trimSpan trims spaces and the punctuation that joins a content to its
// cue from both ends of text[lo:hi].
func trimSpan(text string, lo, hi int) (int, int) {
	lo, hi = max(lo, 0), min(hi, len(text))
	if hi <= lo {
		return lo, lo
	}
	s := text[lo:hi]
	t := strings.TrimLeftFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == ':' || r == '—' })
	lo += len(s) - len(t)
	t = strings.TrimRightFunc(t, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == ':' || r == '—' || r == '.' || r == ';'
	})
	return lo, lo + len(t)
}

// nounHeadEnd returns the end of the noun phrase [lo, hi) that npForward
// found, past the head it stopped at because the word is also a verb:
// "a news briefing", "a press conference call" (npForward takes "a news").
func (d *doc) nounHeadEnd(lo, hi, l int) int {
	if !d.is(lo, classDeterminer) {
		return hi
	}
	for hi < l && hi-lo < 7 && !d.boundaryAfter(hi-1) && d.verb(hi) != 0 && !d.capitalized(hi) && d.tquote[hi] < 0 {
		hi++
	}
	return hi
}
