// Package attribution finds who said what in a text.
//
// An Attributor, made from its word lists (reporting verbs, speaker words,
// first names) and an actor table, finds the statements of a text: direct
// quotes, mixed and indirect speech, each with its cue, its speaker as
// written, whom that denotes, and the speaker's actors.
package attribution

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/slant-news/slant/analysis/actor"
	"github.com/slant-news/slant/analysis/segment"
)

// Statement kinds.
const (
	Direct   = "direct"   // the content is all in quote marks
	Mixed    = "mixed"    // reported speech with quoted fragments
	Indirect = "indirect" // reported speech without quote marks
)

// Statement is one attributed statement in a text; offsets are UTF-8 byte
// offsets into the text, end exclusive.
type Statement struct {
	Kind                     string
	Start, End               int    // the content: the quoted words (without the marks) or the reported clause
	Speaker                  string // the speaker phrase as written; "" when none was found
	SpeakerStart, SpeakerEnd int
	Resolved                 string   // whom the speaker phrase denotes (e.g. "Sergey Lavrov" for "he"), or the phrase itself
	Actors                   []string // the speaker's actors, in table order; empty for a voice of no actor
	Cue                      string   // the reporting verb or phrase ("said", "told reporters", "according to"); "" for a continued quote
	CueStart, CueEnd         int
	// Spans are the content's pieces when its cue splits it ("“A,” he said.
	// “B.”": A and B, not the cue between); nil when the content is the one
	// span [Start, End).
	Spans [][2]int
}

// Attributor finds who said what in texts, with one set of word lists and
// one actor table. It is immutable once built, so safe for concurrent use.
type Attributor struct {
	lex    *lexicon
	actors *actor.Table
}

// New parses the attribution word lists, by name (see
// LexiconNames; those left out are the built-in ones), for resolving
// speakers to the actors of table.
func New(lexicons map[string][]byte, table *actor.Table) (*Attributor, error) {
	files := map[string][]byte{}
	for name, data := range lexicons {
		if _, ok := DefaultLexicon(name); !ok {
			return nil, fmt.Errorf("unknown word list %q (have %v)", name, LexiconNames())
		}
		files[name] = data
	}
	for _, name := range LexiconNames() {
		if _, ok := files[name]; !ok {
			files[name], _ = DefaultLexicon(name)
		}
	}
	return &Attributor{lex: newLexicon(files), actors: table}, nil
}

// WithTable returns an Attributor like at but for the actor table: cheap,
// since it shares at's word lists.
func (at *Attributor) WithTable(table *actor.Table) *Attributor {
	return &Attributor{lex: at.lex, actors: table}
}

// Statements finds the attributed statements of a text (an article body), in
// text order: direct quotes, reported speech with quoted fragments (mixed)
// and reported speech without quotes (indirect), each with its speaker
// resolved to a person where the text allows and to the actors of the
// table. Each cue makes its own statement, as attribution corpora annotate
// them ("said ..., adding that ..." is two); Entries counts one entry per
// sentence and speaker instead.
func (at *Attributor) Statements(p segment.Text) []Statement {
	return at.statements(p, false)
}

// Entries finds the statements of a text as the demo corpus README counts
// them, and as an article's Quotes do: one entry per sentence and speaker.
func (at *Attributor) Entries(p segment.Text) []Statement {
	return at.statements(p, true)
}

func (at *Attributor) statements(p segment.Text, perSpeaker bool) []Statement {
	d := newDoc(at, p)
	var drafts []*draft
	for _, c := range d.findCues() {
		if st := d.statement(c, drafts); st != nil {
			drafts = append(drafts, st)
		}
	}
	drafts = append(drafts, d.dashAttributions()...)
	drafts = append(drafts, d.colonAttributions()...)
	drafts = append(drafts, d.colonQuotes()...)
	drafts = append(drafts, d.attitudes(drafts)...)
	d.cutAtNextSpeaker(drafts)
	drafts = slices.DeleteFunc(drafts, func(st *draft) bool { return st.drop })
	drafts = d.continuedQuotes(drafts)
	slices.SortStableFunc(drafts, func(x, y *draft) int { return x.Start - y.Start })
	r := newResolver(d)
	for _, st := range drafts {
		r.resolve(st)
	}
	if perSpeaker {
		drafts = oneEntryPerSpeaker(drafts)
	}
	out := make([]Statement, 0, len(drafts))
	for _, st := range drafts {
		out = append(out, st.Statement)
	}
	return out
}

// oneEntryPerSpeaker merges the statements of one sentence by one speaker
// ("said ..., adding that ...", "“...,” he said and vowed to ...",
// "Mr Waltz said he thought ...") into one, as the corpus README counts
// them: the strongest kind (direct > mixed > indirect) keeps its content
// and cue.
func oneEntryPerSpeaker(ds []*draft) []*draft {
	strength := map[string]int{Indirect: 0, Mixed: 1, Direct: 2}
	out := ds[:0]
	for _, st := range ds {
		merged := false
		for _, p := range out {
			if st.cont || p.cont || p.sent != st.sent || st.Resolved == "" || p.Resolved != st.Resolved {
				continue
			}
			if strength[st.Kind] > strength[p.Kind] {
				if !st.shared || p.shared { // the speaker as written stays with the first
					p.Speaker, p.SpeakerStart, p.SpeakerEnd = st.Speaker, st.SpeakerStart, st.SpeakerEnd
				}
				p.Kind, p.Start, p.End, p.Spans, p.Cue, p.CueStart, p.CueEnd = st.Kind, st.Start, st.End, st.Spans, st.Cue, st.CueStart, st.CueEnd
			}
			merged = true
			break
		}
		if !merged {
			out = append(out, st)
		}
	}
	return out
}

// Content returns the statement's content in text (the text it was found
// in): the pieces of a content its cue splits are joined by " … ".
func (st Statement) Content(text string) string {
	if len(st.Spans) == 0 {
		return text[st.Start:st.End]
	}
	parts := make([]string, len(st.Spans))
	for i, sp := range st.Spans {
		parts[i] = text[sp[0]:sp[1]]
	}
	return strings.Join(parts, " … ")
}

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

// quote is a stretch between quote marks: text[open:start] is the opening
// mark, text[start:end] the quoted words, text[end:close] the closing mark
// (empty when the paragraph ends first: the quote goes on in the next one).
type quote struct {
	open, start, end, close int
	para                    int
	used                    bool
}

// doc is a text prepared for attribution: its words, sentences and quotes.
type doc struct {
	a      *Attributor
	text   string
	toks   []segment.Token
	low    []string
	tsent  []int // the sentence of each token
	tquote []int // the quote holding each token, or -1
	sents  []segment.Span
	sfirst []int // the first token of each sentence, then len(toks)
	quotes []quote
}

func newDoc(a *Attributor, p segment.Text) *doc {
	text := p.Text
	d := &doc{a: a, text: text, toks: p.Words, quotes: findQuotes(text)}
	d.low = segment.LowerKeys(text, d.toks)
	d.sents = mergeCueTails(a.lex, text, mergeAcrossQuotes(mergeAfterHonorifics(a.lex, text, p.Sentences), d.quotes))
	d.tsent = make([]int, len(d.toks))
	d.tquote = make([]int, len(d.toks))
	d.sfirst = make([]int, len(d.sents)+1)
	s, q := 0, 0
	for i, t := range d.toks {
		for s+1 < len(d.sents) && d.sents[s+1].Start <= t.Start {
			s++
			d.sfirst[s] = i
		}
		d.tsent[i] = s
		for q < len(d.quotes) && d.quotes[q].end <= t.Start {
			q++
		}
		d.tquote[i] = -1
		if q < len(d.quotes) && d.quotes[q].start <= t.Start {
			d.tquote[i] = q
		}
	}
	for s++; s <= len(d.sents); s++ {
		d.sfirst[s] = len(d.toks)
	}
	return d
}

// mergeAfterHonorifics joins sentences the segmenter split after an
// honorific's dot ("Mr. Hedge said", "Rep. Don Beyer"): the name goes on.
func mergeAfterHonorifics(lx *lexicon, text string, ss []segment.Span) []segment.Span {
	var out []segment.Span
	for _, s := range ss {
		if n := len(out); n > 0 && out[n-1].Para == s.Para {
			prev := strings.TrimRightFunc(text[out[n-1].Start:out[n-1].End], unicode.IsSpace)
			if i := strings.LastIndexFunc(prev, func(r rune) bool { return !unicode.IsLetter(r) && r != '.' }); strings.HasSuffix(prev, ".") &&
				lx.is(classHonorific, strings.ToLower(prev[i+1:])) && isUpperAt(text, s.Start) {
				out[n-1].End = s.End
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

// mergeCueTails joins a sentence that ends with a quote to the short
// sentence after it that attributes it: the segmenter splits “...?” Graham
// asked. after the question mark.
func mergeCueTails(lx *lexicon, text string, ss []segment.Span) []segment.Span {
	var out []segment.Span
	for _, s := range ss {
		if n := len(out); n > 0 && out[n-1].Para == s.Para && endsWithCloseQuote(strings.TrimSpace(text[out[n-1].Start:out[n-1].End])) {
			words := strings.Fields(text[s.Start:s.End])
			if len(words) <= 8 && isLowerAt(text, s.Start) || len(words) <= 6 && slices.ContainsFunc(words, func(w string) bool {
				return lx.verbs[strings.ToLower(strings.Trim(w, ".,;:!?"))] != 0
			}) {
				out[n-1].End = s.End
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

func isLowerAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[min(i, len(s)):])
	return unicode.IsLower(r)
}

// mergeAcrossQuotes joins sentences the segmenter split inside a quote, so
// a quote of several sentences and its cue share one.
func mergeAcrossQuotes(ss []segment.Span, qs []quote) []segment.Span {
	var out []segment.Span
	q := 0
	for _, s := range ss {
		if n := len(out); n > 0 && out[n-1].Para == s.Para {
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

// findQuotes finds the quotes of each paragraph: curly, straight, «» and
// the ” of some archives, then single quotes outside those. A quote mark
// left open at the end of a paragraph closes there.
func findQuotes(text string) []quote {
	var out []quote
	segment.Paragraphs(text, func(start, end, para int) {
		out = appendQuotes(out, text, start, end, para)
	})
	return out
}

// decodeRune is utf8.DecodeRuneInString (s not empty) with ASCII first:
// quote finding looks at every byte of every article.
func decodeRune(s string) (rune, int) {
	if s[0] < utf8.RuneSelf {
		return rune(s[0]), 1
	}
	return utf8.DecodeRuneInString(s)
}

func appendQuotes(out []quote, text string, lo, hi, para int) []quote {
	first := len(out)
	open, width := -1, 0
	add := func(o, s, e, c int) {
		if e > s {
			out = append(out, quote{open: o, start: s, end: e, close: c, para: para})
		}
	}
	for i := lo; i < hi; {
		// Only " ' and the first bytes of “ ” « » can start a quote mark;
		// no other byte of any rune is one of those.
		if c := text[i]; c != '"' && c != '\'' && c != 0xe2 && c != 0xc2 {
			i++
			continue
		}
		r, n := decodeRune(text[i:hi])
		straight := r == '"' || r == '\'' && i+1 < hi && text[i+1] == '\''
		if r == '\'' && straight {
			n = 2
		}
		switch {
		case r == '“' || r == '«' || straight && open < 0:
			open, width = i, n
		case (r == '”' || r == '»' || straight) && open >= 0:
			add(open, open+width, i, i+n)
			open = -1
		}
		i += n
	}
	if open >= 0 {
		add(open, open+width, len(strings.TrimRightFunc(text[:hi], unicode.IsSpace)), hi)
	}
	// Single quotes, outside the double ones: ‘ at a word start, closed by a
	// ’ that no letter follows (a ’ between letters is an apostrophe).
	// The double quotes come in text order without overlapping, so those
	// closed before i are passed for good, and none after one that opens
	// beyond i can hold i: each byte looks at one or two, not all.
	doubles := out[first:]
	open = -1
	next := 0 // the first double quote that closes after i
	for i := lo; i < hi; {
		for next < len(doubles) && doubles[next].close <= i {
			next++
		}
		for _, q := range doubles[next:] {
			if q.open > i {
				break
			}
			if i >= q.open && i < q.close {
				i = q.close
				open = -1
			}
		}
		if i >= hi {
			break
		}
		// Only the first byte of ‘ and ’ matters, up to the next double
		// quote, where the loop above must look.
		if text[i] != 0xe2 {
			limit := hi
			if next < len(doubles) && doubles[next].open > i {
				limit = min(limit, doubles[next].open)
			}
			if j := strings.IndexByte(text[i:limit], 0xe2); j >= 0 {
				i += j
			} else {
				i = limit
			}
			continue
		}
		r, n := decodeRune(text[i:hi])
		switch {
		case r == '‘' && (i == lo || !segment.IsLetterBefore(text, i)):
			open = i
		case r == '’' && open >= 0 && (i+n >= hi || !segment.IsLetterAt(text, i+n)) && i > open+n:
			add(open, open+n, i, i+n)
			open = -1
		}
		i += n
	}
	slices.SortFunc(out[first:], func(x, y quote) int { return x.open - y.open })
	return out
}

// Token helpers.

func (d *doc) word(i int) string { return d.text[d.toks[i].Start:d.toks[i].End] }

func (d *doc) sameSentence(i, j int) bool { return d.tsent[i] == d.tsent[j] }

// gap is the text between tokens i and i+1.
func (d *doc) gap(i int) string {
	if i+1 >= len(d.toks) {
		return d.text[d.toks[i].End:]
	}
	return d.text[d.toks[i].End:d.toks[i+1].Start]
}

// boundaryAfter reports whether a phrase cannot run on from token i to the
// next: punctuation other than a dot, hyphen or apostrophe between them, the
// end of a sentence or the edge of a quote.
func (d *doc) boundaryAfter(i int) bool {
	if i+1 >= len(d.toks) || d.tsent[i] != d.tsent[i+1] || d.tquote[i] != d.tquote[i+1] {
		return true
	}
	g := d.gap(i)
	return strings.ContainsAny(g, ",;:()[]—–―“”\"«»!?…‘") || strings.Contains(g, " - ")
}

func (d *doc) capitalized(i int) bool {
	r, _ := utf8.DecodeRuneInString(d.word(i))
	return unicode.IsUpper(r)
}

// statement builds the statement a cue introduces, or nil.
func (d *doc) statement(c cue, prev []*draft) *draft {
	s := d.tsent[c.i]
	f, l := d.sfirst[s], d.sfirst[s+1]
	st := &draft{sent: s}
	st.Cue = d.text[d.toks[c.i].Start:d.toks[c.j-1].End]
	st.CueStart, st.CueEnd = d.toks[c.i].Start, d.toks[c.j-1].End

	if c.kind == cueAccording {
		lo, hi := d.npForward(c.j, l)
		if hi <= lo {
			return nil
		}
		d.setSpeaker(st, lo, hi)
		if d.onlyConnectives(f, c.i) { // "According to X, content."
			return d.setContent(st, d.toks[hi-1].End, d.sents[s].End)
		}
		return d.setContent(st, d.sents[s].Start, d.toks[c.i].Start)
	}

	// The speaker: before the cue, or after it ("said Mr Lavrov"), or shared
	// with an earlier verb ("he said and vowed", "..., saying").
	lo, hi, how := d.speakerBefore(c, f)
	if how == spInverted || how == spShared {
		if c.ing || how == spShared {
			if p := lastInSentence(prev, s); p != nil && p.Speaker != "" {
				st.Speaker, st.SpeakerStart, st.SpeakerEnd = p.Speaker, p.SpeakerStart, p.SpeakerEnd
				st.shared, st.from = true, p
			} else if lo, hi = d.subject(f, c.i); hi > lo {
				d.setSpeaker(st, lo, hi)
				st.shared = true
			}
			how = spShared
		} else if lo, hi = d.npForward(c.j, l); hi > lo && d.endsClause(hi, l) {
			d.setSpeaker(st, lo, hi)
		} else {
			return nil
		}
	} else if how == spFound {
		d.setSpeaker(st, lo, hi)
	} else {
		return nil
	}

	if st.Speaker == "" {
		return nil
	}
	// The content after the cue: a that-clause, a quote, or a clause; or
	// the object of a record's evidence verb ("the poll shows Clinton ahead").
	cs := d.contentAfter(c, l)
	if cs < 0 && how == spFound && d.recordObject(c, hi, l) {
		cs = d.toks[c.j].Start
	}
	if cs >= 0 && how != spInverted {
		if how == spFound || how == spShared {
			d.widenCue(st, c, cs)
			st.after = true
			st.weak = d.weakStart(cs)
			return d.setContent(st, cs, d.contentEnd(cs, l, d.sents[s].End))
		}
		return nil
	}
	if c.kind == cueThought || c.ing && st.shared {
		return nil // "..., speaking on condition of anonymity": a participle takes no content before it
	}
	// The content before it: "..., he said", "“...” said Mr Lavrov", when
	// nothing but an adverbial follows ("..., he said on Tuesday").
	k := max(c.j, hi)
	if c.kind == cueTell { // past the addressee: "“...,” Mr Obama told The Huffington Post."
		if _, ahi := d.npForward(k, l); ahi > k && ahi-k <= 5 {
			k = ahi
		}
	}
	if !d.adjunctOnly(k, l) {
		return nil
	}
	start := st.SpeakerStart
	if st.shared || st.CueStart < start {
		start = st.CueStart
	}
	if start < d.sents[s].Start {
		return nil
	}
	before := strings.TrimRightFunc(d.text[d.sents[s].Start:start], unicode.IsSpace)
	if !strings.HasSuffix(before, ",") && !endsWithCloseQuote(before) && !strings.HasSuffix(before, "—") {
		return nil
	}
	if d.openingAdverbial(f, d.tokenAt(st.SpeakerStart)) {
		return nil // "On Thursday, however, Trump spoke": no words of his before the cue
	}
	return d.setContent(st, d.sents[s].Start, d.sents[s].Start+len(before))
}

// contentEnd returns where a reported clause that starts at offset cs ends:
// at the sentence end (offset end, before token l), or before a clause the
// reporting verb does not govern: ", and he railed against ...", ",
// appearing to rely on ...", ", with Lewandowski taking to Twitter ...", or
// a dash before another verb ("... - said at a rally").
func (d *doc) contentEnd(cs, l, end int) int {
	for t := d.tokenAt(cs) + 1; t < l; t++ {
		if d.tquote[t] >= 0 {
			continue
		}
		g, w := d.gap(t-1), d.low[t]
		if isDash(g) && d.a.lex.verbs[w] != 0 {
			return d.toks[t-1].End
		}
		if w == "and" && t+1 < l && d.tquote[t+1] < 0 && !d.boundaryAfter(t) && strings.HasSuffix(d.low[t+1], "ed") && (d.a.lex.verbs[d.low[t+1]] == cueSpeech || d.a.lex.verbs[d.low[t+1]] == cueTell) {
			return d.toks[t-1].End // "said he was ''the perfect messenger'' and reiterated his claim": the speaker's next statement
		}
		if !strings.Contains(g, ",") || d.tquote[t-1] >= 0 && !strings.ContainsAny(g, "”\"»") && !strings.Contains(g, "''") {
			continue
		}
		switch {
		case (w == "and" || w == "but") && t+2 < l && subjectPronouns[d.low[t+1]] && !d.boundaryAfter(t+1) && d.low[t+2] != "that":
			return d.toks[t-1].End
		case strings.HasSuffix(w, "ing") && len(w) > 5 && !notParticiples[w] && !d.capitalized(t):
			return d.toks[t-1].End
		case w == "with" && t+1 < l && !determiners[d.low[t+1]]:
			return d.toks[t-1].End
		}
	}
	return end
}

// openingAdverbial reports whether tokens [f, k) are only an adverbial
// that opens a sentence, not quoted: a preposition or a time word first and
// at most one comma-set aside after it ("On Thursday, however,", "In
// another interview,").
func (d *doc) openingAdverbial(f, k int) bool {
	if k <= f || d.tquote[f] >= 0 || !prepositions[d.low[f]] && !d.a.lex.is(classTime, d.low[f]) {
		return false
	}
	commas := 0
	for t := f; t < k-1; t++ {
		if d.tquote[t] >= 0 || d.a.lex.verbs[d.low[t]] != 0 || finiteAux[d.low[t]] || d.pastVerb(t) {
			return false
		}
		if strings.Contains(d.gap(t), ",") {
			commas++
		}
	}
	return commas <= 2 && k-f <= 8
}

// recordObject reports whether the evidence verb c, whose speaker phrase
// ends before token hi, has a record for its speaker and a noun phrase
// right after it: "a new poll shows [Clinton and Sanders in a dead heat]".
func (d *doc) recordObject(c cue, hi, l int) bool {
	lx := d.a.lex
	if c.j != c.i+1 || c.j >= l || !lx.evidence[d.low[c.i]] || !lx.is(classRecord, d.low[hi-1]) || d.boundaryAfter(c.i) || d.tquote[c.j] >= 0 {
		return false
	}
	w := d.low[c.j]
	return !prepositions[w] && !auxiliaries[w] && !clauseWords[w] && !lx.is(classTime, w) && !strings.HasSuffix(w, "ly")
}

// adjunctOnly reports whether tokens [k, l) hold nothing a cue could take
// as content: nothing, or a phrase after a comma, or one that opens with a
// preposition or a time word ("on Tuesday", "in a statement", "after the
// meeting").
func (d *doc) adjunctOnly(k, l int) bool {
	if k >= l || strings.ContainsAny(d.gap(k-1), ",.;:—–!?()“”\"«»") || d.tquote[k] >= 0 || strings.Contains(d.gap(k-1), " - ") {
		return true
	}
	w := d.low[k]
	return prepositions[w] || d.a.lex.is(classTime, w) || w == "last" || w == "this" || w == "as" || strings.HasSuffix(w, "ly") || w == "when" || w == "while" ||
		w == "and" || w == "but" // "“...,” he said and vowed to ...": a second verb

}

// widenCue makes the words between a verb and its "that" part of the cue
// when they are its object, not an adverbial: "told reporters", "expressed
// concerns", but not "said on Tuesday".
func (d *doc) widenCue(st *draft, c cue, content int) {
	k := c.j
	for k < len(d.toks) && k < c.j+4 && d.toks[k].Start < content && d.low[k] != "that" {
		if prepositions[d.low[k]] || auxiliaries[d.low[k]] || clauseWords[d.low[k]] || d.a.lex.is(classTime, d.low[k]) || d.boundaryAfter(k) || strings.HasSuffix(d.low[k], "ly") {
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
	if i >= len(d.toks) || i > 0 && d.low[i-1] == "that" || d.tquote[i] >= 0 {
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
		if !strings.HasSuffix(d.low[k], "ly") && !connectives[d.low[k]] && !auxiliaries[d.low[k]] {
			return false
		}
	}
	return true
}

// auxAhead reports whether a finite auxiliary comes in tokens [k, l) before
// any punctuation.
func (d *doc) auxAhead(k, l int) bool {
	for ; k < l; k++ {
		if finiteAux[d.low[k]] {
			return true
		}
		if d.boundaryAfter(k) {
			return false
		}
	}
	return false
}

// tokenAt returns the first token starting at or after offset off.
func (d *doc) tokenAt(off int) int {
	i, _ := slices.BinarySearchFunc(d.toks, off, func(t segment.Token, off int) int { return t.Start - off })
	return i
}

func endsWithCloseQuote(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '”' || r == '"' || r == '»' || r == '’' || strings.HasSuffix(s, "''")
}

func lastInSentence(prev []*draft, s int) *draft {
	if n := len(prev); n > 0 && prev[n-1].sent == s {
		return prev[n-1]
	}
	return nil
}

func (d *doc) onlyConnectives(f, i int) bool {
	for k := f; k < i; k++ {
		if !clauseWords[d.low[k]] && d.low[k] != "however" {
			return false
		}
	}
	return true
}

// contentAfter returns where the content after a cue starts, or -1: after a
// "that" within a few words ("said on Tuesday that", "told reporters
// that"), at a quote opened right after it ("He added: “..."), or at a
// clause that follows at once ("said his country would...").
func (d *doc) contentAfter(c cue, l int) int {
	k := c.j
	if k >= l {
		return -1
	}
	if q := d.quoteAt(d.toks[c.j-1].End); q >= 0 && (c.kind != cueThought || strings.ContainsAny(d.gap(c.j-1), ":,")) {
		return d.quotes[q].open // not "had found “common ground”": a thought verb's quoted object
	}
	for t := k; t < l && t < k+7; t++ {
		if d.tquote[t] >= 0 || d.low[t] == "that" && t > k && (prepositions[d.low[t-1]] || d.low[t-1] == "so") {
			break
		}
		if d.low[t] == "that" && c.kind == cueThought && t > k && !d.onlyAdverbs(k, t) {
			break // "could agree terms with Moscow that leave ...": a relative clause
		}
		if d.low[t] == "that" {
			if q := d.quoteAt(d.toks[t].End); q >= 0 {
				return d.quotes[q].open
			}
			if !d.boundaryAfter(t) || strings.TrimSpace(d.gap(t)) == "," && t+1 < l {
				return d.toks[t+1].Start // "said that, if its claims are true, ..."
			}
		}
		if t > k && adverbialPrepositions[d.low[k]] && strings.ContainsAny(d.gap(t), ",:") && d.sameSentence(t, t+1) {
			if q := d.quoteAt(d.toks[t].End); q >= 0 {
				return d.quotes[q].open // "said in a statement: “...”"
			}
		}
		comma := strings.Contains(d.gap(t), ",") && !(t+1 < l && connectives[d.low[t+1]]) && !connectives[d.low[t]] // ", however, that"
		if t > k && clauseWords[d.low[t]] || comma || strings.ContainsAny(d.gap(t), ";:()—–“”\"«»") || t > k && d.a.lex.verbs[d.low[t]] != 0 {
			break // the "that" of another clause or verb: "said X, adding that"
		}
	}
	if d.boundaryAfter(c.j - 1) {
		return -1
	}
	if adverbialPrepositions[d.low[k]] && c.kind != cueTell {
		// "said in an interview he would", "has said for weeks he's": an
		// adverbial, then a clause with a pronoun subject.
		for t := k + 1; t < l && t <= k+5 && !d.boundaryAfter(t-1); t++ {
			if w := bare(d.low[t]); isPronoun(w) && w != "it" && w != "you" {
				return d.toks[t].Start
			}
		}
		return -1
	}
	switch c.kind {
	case cueTell: // skip the addressee
		if objectPronouns[d.low[k]] {
			k++
		} else if lo, hi := d.npForward(k, l); hi > lo && hi-lo <= 4 {
			k = hi
		}
		if k >= l || d.boundaryAfter(k-1) && !strings.Contains(d.gap(k-1), ",") {
			return -1
		}
	case cueThought:
		// "she believes it will", "hopes his endorsement will give": a
		// clause of its own, not an object ("believes the report").
		if d.low[k] == "that" || k+1 >= l || d.boundaryAfter(k) || d.tquote[k] >= 0 {
			return -1
		}
		if personalPronouns[bare(d.low[k])] || (determiners[d.low[k]] || d.capitalized(k)) && d.auxAhead(k+1, min(k+6, l)) {
			return d.toks[k].Start
		}
		return -1
	}
	if k >= l {
		return -1
	}
	w := bare(d.low[k])
	switch {
	case personalPronouns[w] && !objectPronouns[w] || w == "it" || w == "there":
	case c.kind == cueSpeech && !d.capitalized(k) && !prepositions[w] && !auxiliaries[w] && !clauseWords[w] && !objectPronouns[w] &&
		!strings.HasSuffix(w, "ly") && !d.a.lex.is(classTime, w) && d.a.lex.verbs[w] == 0 && !d.boundaryAfter(k):
		// a bare noun subject: "said surveys showed"
	case determiners[w] || w == "to" || w == "whether" || w == "if" || w == "how" || w == "why" || w == "what":
	case d.capitalized(k) && (!d.endsClause(k+1, l) || k+1 < l && d.tquote[k+1] >= 0 && d.tquote[k] < 0):
	default:
		return -1
	}
	if w == "to" && !d.a.lex.infinitive[d.low[c.i]] {
		return -1 // "continue to support": no speech act; "vowed to", "urged X to" are
	}
	return d.toks[k].Start
}

// quoteAt returns the quote whose opening mark is the first thing after
// offset i (past spaces and a colon or comma), or -1.
func (d *doc) quoteAt(i int) int {
	rest := strings.TrimLeft(d.text[i:], " \t:,")
	at := len(d.text) - len(rest)
	for k, q := range d.quotes {
		if q.open == at {
			return k
		}
		if q.open > at {
			break
		}
	}
	return -1
}

// setContent sets the content to text[lo:hi] trimmed, decides the kind by
// the quotes it holds and claims them; it returns nil for empty content.
func (d *doc) setContent(st *draft, lo, hi int) *draft {
	lo, hi = trimSpan(d.text, lo, hi)
	if hi <= lo {
		return nil
	}
	st.Start, st.End = lo, hi
	d.classify(st)
	return st
}

// classify sets the kind: direct when the content is all quoted (and the
// content is then the quoted words), mixed when it holds quotes.
func (d *doc) classify(st *draft) {
	st.contentQ = st.contentQ[:0]
	var rest strings.Builder
	at := st.Start
	for k, q := range d.quotes {
		if q.close <= st.Start || q.open >= st.End {
			continue
		}
		st.contentQ = append(st.contentQ, k)
		if q.open > at {
			rest.WriteString(d.text[at:q.open])
		}
		at = max(at, q.close)
	}
	if at < st.End {
		rest.WriteString(d.text[at:st.End])
	}
	switch {
	case len(st.contentQ) == 0:
		st.Kind = Indirect
	case !hasLetters(rest.String()) || len(strings.Fields(rest.String())) <= 1 && len(st.contentQ) > 0 && !st.after:
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

// bare cuts a contraction off a word: he'd -> he.
func bare(w string) string {
	if i := strings.IndexAny(w, "'’"); i > 0 {
		return w[:i]
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

// dashAttributions finds quotes signed with a dash and a name, as in vox
// pops and epigraphs: “We are ready.” ― Maria Lopez, a nurse.
func (d *doc) dashAttributions() []*draft {
	var out []*draft
	for k := range d.quotes {
		q := &d.quotes[k]
		if q.used || q.close >= len(d.text) {
			continue
		}
		rest := strings.TrimLeft(d.text[q.close:], " \t")
		dash := ""
		for _, p := range []string{"―", "—", "–", "- "} {
			if strings.HasPrefix(rest, p) {
				dash = p
			}
		}
		if dash == "" {
			continue
		}
		i := d.tokenAt(len(d.text) - len(rest) + len(dash))
		if i >= len(d.toks) || !d.capitalized(i) || d.paraOf(d.toks[i].Start) != q.para {
			continue
		}
		lo, hi := d.npForward(i, d.sfirst[d.tsent[i]+1])
		if hi <= lo || !d.capitalized(hi-1) || !d.boundaryAfter(hi-1) {
			continue
		}
		st := &draft{sent: d.tsent[i]}
		d.setSpeaker(st, lo, hi)
		st.Kind, st.Start, st.End = Direct, q.start, q.end
		st.Start, st.End = trimSpan(d.text, st.Start, st.End)
		if st.End <= st.Start {
			continue
		}
		q.used = true
		out = append(out, st)
	}
	return out
}

// colonAttributions finds the headline and interview convention "Name:
// what they said" ("Pat Caddell: Democrat Voters Worried ...", "Kerry:
// “By law, ...”"): a paragraph that opens with a short capitalized phrase
// and a colon. Labels ("Update:", "Photo:") name no speaker.
func (d *doc) colonAttributions() []*draft {
	var out []*draft
	for s, sp := range d.sents {
		if s > 0 && d.sents[s-1].Para == sp.Para {
			continue
		}
		f, l := d.sfirst[s], d.sfirst[s+1]
		k := f
		for k < l && k-f < 4 && d.nameLike(k) && !d.boundaryAfter(k) {
			k++
		}
		if k >= l-1 || k-f >= 4 || !d.nameLike(k) || d.tquote[k] >= 0 || strings.TrimSpace(d.gap(k)) != ":" || d.a.lex.is(classLabel, d.low[k]) || d.a.lex.is(classTitle, d.low[k]) && k == f {
			continue
		}
		st := &draft{sent: s}
		d.setSpeaker(st, f, k+1)
		c := d.toks[k].End + strings.IndexByte(d.gap(k), ':')
		st.Cue, st.CueStart, st.CueEnd = ":", c, c+1
		end := sp.End
		if q := d.quoteAt(d.toks[k].End); q >= 0 && d.quotes[q].close > end {
			end = d.quotes[q].close
		}
		if st = d.setContent(st, d.toks[k+1].Start, end); st != nil {
			out = append(out, st)
		}
	}
	return out
}

// colonQuotes finds a quote that a colon introduces after a speaker and a
// verb no word list holds: "Mr. Christie gloated: “I told you he wouldn't
// be ready.”", "He added warily: “...”". The subject must be a plausible
// speaker and the verb follow it at once.
func (d *doc) colonQuotes() []*draft {
	var out []*draft
	for k := range d.quotes {
		q := &d.quotes[k]
		before := strings.TrimRight(d.text[:q.open], " \t")
		if q.used || !strings.HasSuffix(before, ":") {
			continue
		}
		// The last word before the colon, with nothing but spaces between.
		colon := len(before) - 1
		i := d.tokenAt(colon) - 1
		if i < 0 || d.tquote[i] >= 0 || d.paraOf(d.toks[i].Start) != q.para || d.toks[i].End != len(strings.TrimRight(before[:colon], " \t")) {
			continue
		}
		f := d.sfirst[d.tsent[i]]
		lo, hi := d.subject(f, i)
		if hi <= lo || hi > i || i-hi > 6 || d.capitalized(hi) || !d.plausibleSpeaker(lo, hi) || d.nonVerbAfterSubject(hi, i) {
			continue
		}
		st := &draft{sent: d.tsent[i], after: true}
		d.setSpeaker(st, lo, hi)
		st.CueStart, st.CueEnd = d.toks[hi].Start, len(before)
		st.Cue = d.text[st.CueStart:st.CueEnd]
		if st = d.setContent(st, q.open, q.close); st != nil && st.Kind == Direct {
			out = append(out, st)
		}
	}
	return out
}

// nonVerbAfterSubject reports whether tokens [hi, i] cannot be a verb and
// its adverbs or object before a colon: punctuation inside, or a word
// that no verb starts with (a preposition, a determiner, a clause word).
func (d *doc) nonVerbAfterSubject(hi, i int) bool {
	w := d.low[hi]
	if prepositions[w] || determiners[w] || clauseWords[w] || d.a.lex.is(classTime, w) {
		return true
	}
	for t := hi; t < i; t++ {
		if d.boundaryAfter(t) {
			return true
		}
	}
	return false
}

// nameLike reports whether token i may be a word of a name before a colon:
// capitalized, outside quotes, not a shouted all-caps word ("BOOM:",
// "HUFFPOST READERS:") and no participle ("Contributing:").
func (d *doc) nameLike(i int) bool {
	w := d.word(i)
	return d.capitalized(i) && d.tquote[i] < 0 && !(len(w) > 2 && strings.ToUpper(w) == w) && !strings.HasSuffix(d.low[i], "ing")
}

// cutAtNextSpeaker ends a content that runs into a second statement of the
// same sentence ("..., while Mr Waltz said he thought...").
func (d *doc) cutAtNextSpeaker(ds []*draft) {
	for i, st := range ds {
		if !st.after {
			continue
		}
		for _, nx := range ds[i+1:] {
			if nx.sent != st.sent {
				continue
			}
			at := min(nx.SpeakerStart, nx.CueStart)
			if nx.shared {
				at = nx.CueStart
			}
			if at <= st.Start || at >= st.End {
				continue
			}
			before := strings.TrimRightFunc(d.text[st.Start:at], unicode.IsSpace)
			for _, w := range []string{"while", "and", "but", "whereas", "as"} {
				if strings.HasSuffix(strings.ToLower(before), " "+w) {
					before = strings.TrimRightFunc(before[:len(before)-len(w)], unicode.IsSpace)
				}
			}
			if !strings.HasSuffix(before, ",") && !strings.HasSuffix(before, ";") && !(nx.shared && len(before) < len(d.text[st.Start:at])-4) {
				continue
			}
			if nx.shared && nx.from == st && st.weak {
				st.drop = true // "echoed his remarks and told reporters that": the object of a verb, not a clause
				break
			}
			st.Start, st.End = trimSpan(d.text, st.Start, st.Start+len(before))
			d.classify(st)
			break
		}
	}
}

// continuedQuotes attaches the quotes no cue claimed: a quote right after a
// cue that follows a quote ("“We not only listened,” he said, “but heard
// each other.”", or "“...,” he said. “...”") joins its statement, as
// annotators count it; a quote that opens a sentence in the same paragraph as a
// statement, or opens the next paragraph, continues it with the same
// speaker. Other quotes (scare quotes, titles) are no statements.
func (d *doc) continuedQuotes(ds []*draft) []*draft {
	slices.SortStableFunc(ds, func(x, y *draft) int { return x.Start - y.Start })
	for k := range d.quotes {
		q := &d.quotes[k]
		if q.used {
			continue
		}
		var p *draft
		for _, st := range ds {
			if st.Start < q.open && st.Speaker != "" {
				p = st
			}
		}
		if p == nil {
			continue
		}
		pPara := d.paraOf(p.Start)
		// Split by the cue: the quote goes on right after the cue's clause
		// ("“A,” he said, “B.”", "“A,” he told reporters in Ankara. “B.”").
		tail := max(p.CueEnd, p.SpeakerEnd)
		if p.Kind == Direct && !p.after && q.para == pPara && tail < q.open && d.resumesAfterCue(tail, q) {
			p.Spans = append(p.pieces(), [2]int{q.start, q.end})
			p.Spans[len(p.Spans)-1][0], p.Spans[len(p.Spans)-1][1] = trimSpan(d.text, q.start, q.end)
			p.End = p.Spans[len(p.Spans)-1][1]
			q.used = true
			continue
		}
		if !d.opensSentence(q) || q.para != pPara && q.para != d.paraOf(p.End)+1 {
			continue
		}
		if q.para == pPara+1 && !strings.HasPrefix(strings.TrimLeftFunc(d.paraText(q.open), unicode.IsSpace), d.text[q.open:q.start]) {
			continue
		}
		nx := &draft{cont: true, from: p, sent: -1}
		nx.Kind, nx.Start, nx.End = Direct, q.start, q.end
		nx.Start, nx.End = trimSpan(d.text, nx.Start, nx.End)
		if nx.End <= nx.Start {
			continue
		}
		nx.Speaker, nx.SpeakerStart, nx.SpeakerEnd = p.Speaker, p.SpeakerStart, p.SpeakerEnd
		q.used = true
		ds = append(ds, nx)
		slices.SortStableFunc(ds, func(x, y *draft) int { return x.Start - y.Start })
	}
	return ds
}

// resumesAfterCue reports whether quote q goes on with the statement whose
// cue clause ends at offset tail: only a comma, colon or an adverbial
// sentence end ("in Ankara after meeting Mr Erdogan.") stand between, with
// no quote, cue or new sentence subject in it.
func (d *doc) resumesAfterCue(tail int, q *quote) bool {
	between := strings.TrimSpace(d.text[tail:q.open])
	switch {
	case between == "," || between == "." || between == ":":
		return true
	case !strings.HasSuffix(between, ".") || strings.ContainsAny(between, "“”\"«»;") || len(between) > 200:
		return false
	}
	first := d.tokenAt(tail)
	if first >= len(d.toks) || first == 0 {
		return false
	}
	tellsWhom := d.a.lex.verbs[d.low[first-1]] == cueTell // "told reporters in Ankara."
	if !tellsWhom && !d.adjunctOnly(first, first+1) && !strings.HasPrefix(between, ",") {
		return false
	}
	for i := first; i < len(d.toks) && d.toks[i].Start < q.open; i++ {
		participle := strings.HasSuffix(d.low[i], "ing") && strings.Contains(d.gap(i-1), ",") // ", speaking on condition of anonymity."
		if d.a.lex.verbs[d.low[i]] != 0 && !d.capitalized(i) && !participle || d.tsent[i] != d.tsent[first] {
			return false
		}
	}
	return true
}

// pieces returns a statement's content as spans: its Spans, or its one span.
func (st *draft) pieces() [][2]int {
	if len(st.Spans) > 0 {
		return st.Spans
	}
	return [][2]int{{st.Start, st.End}}
}

// opensSentence reports whether a quote starts its sentence.
func (d *doc) opensSentence(q *quote) bool {
	for _, s := range d.sents {
		if s.Start <= q.open && q.open < s.End {
			return strings.TrimSpace(d.text[s.Start:q.open]) == ""
		}
	}
	return false
}

func (d *doc) paraOf(off int) int {
	for _, s := range d.sents {
		if s.Start <= off && off < s.End {
			return s.Para
		}
	}
	return -1
}

// paraText returns the paragraph (line) holding offset off.
func (d *doc) paraText(off int) string {
	lo := strings.LastIndexByte(d.text[:off], '\n') + 1
	hi := strings.IndexByte(d.text[off:], '\n')
	if hi < 0 {
		return d.text[lo:]
	}
	return d.text[lo : off+hi]
}
