package attribution

import (
	"strings"
	"unicode"
)

// contentAfter returns where the content after a cue starts, or -1: at a
// quote opened right after it ("He added: “..."), after a "that" within a
// few words ("said on Tuesday that", "told reporters that"), or at a
// clause that follows at once ("said her city would...").
func (d *doc) contentAfter(c cue, l int) int {
	k := c.j
	if k >= l {
		return -1
	}
	if q := d.quoteAt(d.toks[c.j-1].End); q >= 0 && (c.kind != cueThought || d.gapHas(c.j-1, ":,")) {
		return d.quotes[q].open // not "had found “common ground”": a thought verb's quoted object
	}
	if at := d.contentPastThat(c, l); at >= 0 {
		return at
	}
	if d.boundaryAfter(c.j - 1) {
		return -1
	}
	if d.is(k, classAdverbialPrep) && c.kind != cueTell && !d.quantityOpens(k, l) {
		return d.pronounPastAdverbial(k, l)
	}
	if d.shortAnswer(c, k, l) {
		return d.toks[k].Start // "said yes", "thinks so."
	}
	if at := d.clauseAfterAdverb(k, l); at >= 0 && c.kind != cueTell {
		return at // "has insisted repeatedly she will not run"
	}
	if q := d.askedQuestion(c, k, l); q >= 0 {
		return d.toks[q].Start // "asked Ortega Friday whether she would publish the minutes"
	}
	if d.objectInfinitive(c, k, l) {
		return d.toks[k].Start // "asked Halvorsen to call a vote", "asking them to run stalls"
	}
	switch c.kind {
	case cueTell:
		if q := d.quoteAfterAddressee(k, l); q >= 0 {
			return q // "told reporters in Bangor last week, “...”"
		}
		if k = d.pastAddressee(k, l); k < 0 {
			return -1
		}
		if k < l && d.placeOrTime(k) {
			return d.pronounPastAdverbial(k, l) // "told The Associated Press on Monday he would"
		}
	case cueThought:
		return d.thoughtClause(k, l)
	}
	if k >= l || !d.opensReportedClause(c, k, l) {
		return -1
	}
	return d.toks[k].Start
}

// askedQuestion returns where the question after "ask" and its addressee
// starts (token k after the verb): "asked Ortega Friday whether ...",
// "asks voters how ..."; or -1.
func (d *doc) askedQuestion(c cue, k, l int) int {
	if c.j != c.i+1 || !askForm(d.low[c.i]) || d.is(k, classQuestionWord) {
		return -1
	}
	t := d.pastAddressee(k, l)
	for t >= 0 && t < l && d.is(t, classTime) && !d.boundaryAfter(t-1) {
		t++
	}
	if t < 0 || t >= l || d.boundaryAfter(t-1) || !d.is(t, classQuestionWord) || d.low[t] == "about" {
		return -1
	}
	return t
}

// askForm reports whether w is a form of "ask": a switch, not a map, as
// it is asked after most cues.
func askForm(w string) bool {
	switch w {
	case "ask", "asks", "asked", "asking":
		return true
	}
	return false
}

// objectInfinitive reports whether a request or commitment verb c (the
// [infinitive] forms) has an object and a to-infinitive starting at token
// k: "urged [Europe to act]", "asked [Deardorff to convene a meeting]";
// not "asked the city to the table" (no verb after "to").
func (d *doc) objectInfinitive(c cue, k, l int) bool {
	if c.j != c.i+1 || !d.is(c.i, classInfinitive) || d.low[k] == "to" {
		return false
	}
	end := k + 1
	if !d.is(k, classObjectPronoun) {
		lo, hi := d.npForward(k, l)
		if hi <= lo || hi-lo > 4 {
			return false
		}
		end = hi
	}
	if end+1 >= l || d.low[end] != "to" || d.boundaryAfter(end-1) || d.boundaryAfter(end) {
		return false
	}
	return !d.capitalized(end+1) && !d.is(end+1, classDeterminer|classObjectPronoun|classPreposition) && d.tquote[end+1] < 0
}

// contentPastThat looks at the few words after a cue that starts at token
// k for a "that" or an adverbial that a quote or a clause follows, and
// returns where that content starts, or -1.
func (d *doc) contentPastThat(c cue, l int) int {
	k := c.j
	if d.gapHas(k-1, ",") && !d.is(k, classConnective) {
		return -1 // "he said, adding that ...": the participle's "that", not the verb's
	}
	reach := k + 7
	if k < l && (d.is(k, classAdverbialPrep|classTime) || strings.HasSuffix(d.low[k], "ly")) {
		reach = k + 10 // "said earlier on Monday at a press briefing that"
	}
	if c.kind == cueTell {
		reach = max(reach, d.tellReach(k, l))
	}
	for t := k; t < l && t < reach; t++ {
		if e := d.titleInAdverbial(k, t, l); e > t {
			t = e - 1 // "on WKBN's “Morning Desk” that": a show's name
			continue
		}
		if d.tquote[t] >= 0 || d.relativeThat(c, k, t) {
			break
		}
		if d.low[t] == "that" {
			if q := d.quoteAt(d.toks[t].End); q >= 0 {
				return d.quotes[q].open
			}
			if !d.boundaryAfter(t) || (strings.TrimSpace(d.gap(t)) == "," && t+1 < l) {
				return d.toks[t+1].Start // "said that, if the figures hold, ..."
			}
		}
		if t > k && d.is(k, classAdverbialPrep) && d.gapHas(t, ",:") && t+1 < l { // a next word in the sentence
			if q := d.quoteAt(d.toks[t].End); q >= 0 {
				return d.quotes[q].open // "said in a statement: “...”"
			}
			if strings.TrimSpace(d.gap(t)) == "," && d.is(t+1, classAdverbialPrep) && !d.boundaryAfter(t+1) {
				reach = min(reach+6, k+16)
				continue // "said on the radio on Sunday, in answer to a caller, “...”": another adverbial
			}
		}
		if d.endsCueClause(k, t, l) {
			break // the "that" of another clause or verb: "said X, adding that"
		}
	}
	return -1
}

// relativeThat reports whether a "that" at token t, past the cue's first
// word k, starts no content of the cue: after a preposition or "so" ("so
// that"), or after a thought verb's object ("could agree terms with
// Moscow that leave ...": a relative clause).
func (d *doc) relativeThat(c cue, k, t int) bool {
	if d.low[t] != "that" || t <= k {
		return false
	}
	return d.is(t-1, classPreposition) || d.low[t-1] == "so" || (c.kind == cueThought && !d.onlyAdverbs(k, t) && !d.timeAdverbial(k, t))
}

// endsCueClause reports whether the words a cue governs end at token t
// (the cue's first word after it is k): at a clause word or another verb,
// or at punctuation other than the comma of a connective (", however,
// that").
func (d *doc) endsCueClause(k, t, l int) bool {
	g := d.gap(t)
	spaced := g == " " // most gaps: no mark to look for
	comma := !spaced && strings.Contains(g, ",") && !(t+1 < l && d.is(t+1, classConnective)) && !d.is(t, classConnective)
	return (t > k && d.is(t, classClauseWord)) || comma || (!spaced && strings.ContainsAny(g, ";:()—–“”\"«»")) ||
		(t > k && d.verb(t) != 0 && !d.nounOrInfinitiveCue(cue{kind: d.verb(t), i: t, j: t + 1})) // not "said in her first reply that"
}

// pronounPastAdverbial returns where a clause with a pronoun subject starts
// after an adverbial at token k ("said in an interview he would", "has said
// for weeks he's"), or -1.
func (d *doc) pronounPastAdverbial(k, l int) int {
	for t := k + 1; t < l && t <= k+5 && !d.boundaryAfter(t-1); t++ {
		if w := bare(d.low[t]); isPronoun(w) && w != "it" && w != "you" {
			return d.toks[t].Start
		}
	}
	return -1
}

// pastAddressee returns the token after a tell verb's addressee, which
// starts at token k ("told him", "told The Associated Press"), or -1 when
// punctuation other than a comma ends the clause there.
func (d *doc) pastAddressee(k, l int) int {
	if d.is(k, classObjectPronoun) {
		k++
	} else if lo, hi := d.npForward(k, l); hi > lo && hi-lo <= 4 {
		k = hi
	}
	if k >= l || (d.boundaryAfter(k-1) && (!d.gapHas(k-1, ",") || d.tquote[k] < 0)) {
		return -1 // not "told the hall, her words drowned out by jeers": a clause after the comma is no content
	}
	return k
}

// quoteAfterAddressee returns where a quote starts that follows the
// addressee of "told" at token k, a place or time, and a comma or colon:
// "told reporters in Bangor last week, “...”"; or -1.
func (d *doc) quoteAfterAddressee(k, l int) int {
	a := d.pastAddressee(k, l)
	if a <= k || a >= l || d.boundaryAfter(a-1) || !d.placeOrTime(a) {
		return -1
	}
	for t := a; t < l && t < a+7; t++ {
		if d.tquote[t] >= 0 {
			break
		}
		if d.gapHas(t, ",:") {
			if q := d.quoteAt(d.toks[t].End); q >= 0 {
				return d.quotes[q].open
			}
			break
		}
	}
	return -1
}

// placeOrTime reports whether token k opens an adverbial of place or time
// after an addressee: "in Nashua", "on Monday", "Monday", "last week".
func (d *doc) placeOrTime(k int) bool {
	return d.is(k, classAdverbialPrep) || d.is(k, classTime) || d.low[k] == "last"
}

// thoughtClause returns where a thought verb's content starts at token k,
// or -1: a clause of its own ("she believes it will", "hopes his
// endorsement will give"), not an object ("believes the report").
func (d *doc) thoughtClause(k, l int) int {
	if d.low[k] == "that" || k+1 >= l || d.boundaryAfter(k) || d.tquote[k] >= 0 {
		return -1
	}
	if personalPronouns[bare(d.low[k])] || ((d.is(k, classDeterminer) || d.capitalized(k) || d.quantityOpens(k, l)) && d.auxAhead(k+1, min(k+6, l))) {
		return d.toks[k].Start
	}
	return -1
}

// opensReportedClause reports whether a clause the cue c reports starts at
// token k: a subject pronoun, a bare noun subject after a speech verb, a
// word that opens a complement, or a name that a clause follows; a
// to-infinitive only after the verbs that take one ("vowed to", "urged X
// to", not "continue to support").
func (d *doc) opensReportedClause(c cue, k, l int) bool {
	w := bare(d.low[k])
	wi := d.bareInfo(k, w)
	if !isClauseSubject(w) && !d.bareNounSubject(c, k, w, wi) && !opensComplement(w, wi) && !d.nameOpensClause(k, l) && !d.quantityOpens(k, l) {
		return false
	}
	return w != "to" || d.is(c.i, classInfinitive)
}

// quantityOpens reports whether a subject that counts starts at token k:
// a quantifier before a number ("at least six people", "nearly half of
// the voters", "only 12 percent").
func (d *doc) quantityOpens(k, l int) bool {
	n := k + 1
	switch {
	case d.low[k] == "at" && n < l && (d.low[n] == "least" || d.low[n] == "most"):
		n++
	case !d.is(k, classQuantifier):
		return false
	}
	return n < l && !d.boundaryAfter(n-1) && (d.is(n, classNumberWord) || unicode.IsDigit(rune(d.low[n][0])) || strings.HasPrefix(d.low[n], "$"))
}

var (
	quantifiers = set("nearly almost roughly only just about approximately some over under fewer less more")
	numberWords = set("one two three four five six seven eight nine ten twenty dozen dozens hundred hundreds thousand thousands million millions half third quarter")
)

// isClauseSubject reports whether the word w is a pronoun that can be a
// clause's subject ("he", "it", "there"): of personalPronouns, not of
// objectPronouns but for "it". A switch, not two maps: it is asked after
// most cues (TestIsClauseSubject holds it to the sets).
func isClauseSubject(w string) bool {
	switch w {
	case "i", "we", "he", "she", "they", "it", "there", "this", "that", "these", "those":
		return true
	}
	return false
}

// bareInfo returns the classes of w, token k's word or the part of it
// before an apostrophe (bare): the token's, read, when w is the whole
// word, else looked up.
func (d *doc) bareInfo(k int, w string) wordInfo {
	if len(w) == len(d.low[k]) {
		return d.info[k]
	}
	return d.a.lex.words.get(w)
}

// bareNounSubject reports whether the word w at token k, right after the
// speech verb c, is a bare noun subject: "said surveys showed". wi holds
// w's classes (bareInfo).
func (d *doc) bareNounSubject(c cue, k int, w string, wi wordInfo) bool {
	return c.kind == cueSpeech && !d.capitalized(k) && wi.class&(classPreposition|classAuxiliary|classClauseWord|classObjectPronoun|classTime) == 0 &&
		!strings.HasSuffix(w, "ly") && wi.verb == 0 && !d.boundaryAfter(k)
}

// opensComplement reports whether the word w opens a noun phrase or a
// complement clause: a determiner (by its classes, wi), "to", "whether",
// "if", "how", "why", "what".
func opensComplement(w string, wi wordInfo) bool {
	return wi.class&classDeterminer != 0 || w == "to" || w == "whether" || w == "if" || w == "how" || w == "why" || w == "what"
}

// nameOpensClause reports whether a capitalized word at token k starts a
// clause rather than ending one: something follows in the clause, or a
// quote opens right after it.
func (d *doc) nameOpensClause(k, l int) bool {
	return d.capitalized(k) && (!d.endsClause(k+1, l) || (k+1 < l && d.tquote[k+1] >= 0 && d.tquote[k] < 0))
}

// contentEnd returns where a reported clause that starts at offset cs ends:
// at the sentence end (offset end, before token l), or before a clause the
// reporting verb does not govern: ", and he lashed out at ...", ",
// appearing to lean on ...", ", with Okafor taking to the radio ...", or
// a dash before another verb ("... - said at a rally").
func (d *doc) contentEnd(cs, l, end int) int {
	sub := d.inOpeningSubordinate(d.tokenAt(cs))
	for t := d.tokenAt(cs) + 1; t < l; t++ {
		if d.tquote[t] >= 0 {
			continue
		}
		comma := d.gapHas(t-1, ",")
		if sub && comma && d.tquote[t-1] < 0 {
			return d.toks[t-1].End // "While Clinton has condemned [the proposal], the groups say ..."
		}
		if d.mayStartAct(t) && (d.nextActAt(t, l) || d.statementAfterSubordinator(t, l)) {
			return d.endPastQuote(t - 1)
		}
		if !comma {
			continue
		}
		if g := d.gap(t - 1); d.tquote[t-1] >= 0 && !strings.ContainsAny(g, "”\"»") && !strings.Contains(g, "''") {
			continue
		}
		if d.clauseAfterComma(t, l) {
			return d.endPastQuote(t - 1)
		}
	}
	return end
}

// actStarts are the classes of the words at which nextActAt or
// statementAfterSubordinator can find the speaker's next act, with every
// speech verb: "and" and "but" (clause words), "even" (an auxiliary), the
// subordinators.
const actStarts = classClauseWord | classAuxiliary | classStatementSubordinator

// mayStartAct reports whether token t is of actStarts or a speech verb:
// contentEnd asks the two only of such a token, where it called them at
// every token of a reported clause.
func (d *doc) mayStartAct(t int) bool { return d.verb(t) != 0 || d.is(t, actStarts) }

// nextActAt reports whether the speaker's next act starts at token t,
// comma or not: a verb after a dash ("... - said at a rally"), "and" and
// a speech verb ("and reiterated his claim"), "even as" and a clause
// ("even as he defended his sister").
func (d *doc) nextActAt(t, l int) bool {
	w := d.low[t]
	switch {
	case d.verb(t) != 0 && isDash(d.gap(t-1)):
		return true
	case (w == "and" || w == "but") && t+1 < l && d.tquote[t+1] < 0 && !d.boundaryAfter(t) && d.finiteSpeechVerb(d.pastAdverbs(t+1, l)):
		return true // "and reiterated his claim", ", but conceded that", "and pointedly mentioned"
	}
	return w == "even" && t+2 < l && (d.low[t+1] == "as" || d.low[t+1] == "though") && !d.boundaryAfter(t) && (d.is(t+2, classSubjectPronoun) || d.capitalized(t+2))
}

// pastAdverbs returns the first token from t on that is not an -ly
// adverb, in the clause, or t.
func (d *doc) pastAdverbs(t, l int) int {
	k := t
	for k+1 < l && strings.HasSuffix(d.low[k], "ly") && len(d.low[k]) > 3 && !d.boundaryAfter(k) {
		k++
	}
	if d.tquote[k] >= 0 {
		return t
	}
	return k
}

// clauseAfterComma reports whether a clause the reporting verb does not
// govern starts at token t, after a comma: "and he ...", a participle
// ("appearing to lean on"), "with Okafor taking ...", "even
// attempting ...", "while Donald Trump has threatened ...".
func (d *doc) clauseAfterComma(t, l int) bool {
	w := d.low[t]
	switch {
	case (w == "and" || w == "but") && t+2 < l && d.is(t+1, classSubjectPronoun) && !d.boundaryAfter(t+1) && d.low[t+2] != "that":
		return true
	case (w == "and" || w == "but") && t+1 < l && d.capitalized(t+1) && d.clauseAfterAnd(t+1, l):
		return true // ", but Halvorsen said he was not ...": a clause of its own
	case strings.HasSuffix(w, "ing") && len(w) > 5 && !d.is(t, classNotParticiple) && !d.capitalized(t):
		return true
	case w == "with" && t+1 < l && !d.is(t+1, classDeterminer):
		return true
	case (w == "even" || w == "while" || w == "before" || w == "after") && t+1 < l && !d.boundaryAfter(t) && d.participle(t+1):
		return true
	}
	return (w == "while" || w == "whereas") && t+1 < l && !d.boundaryAfter(t)
}

// inOpeningSubordinate reports whether token k stands in a subordinate
// clause that opens its sentence ("While ...", "Although ...", "If ..."),
// before any comma: such a clause ends at its comma.
func (d *doc) inOpeningSubordinate(k int) bool {
	f := d.sfirst[d.tsent[k]]
	if !d.is(f, classOpeningSubordinator) || !d.capitalized(f) || d.tquote[f] >= 0 {
		return false
	}
	for t := f; t < k; t++ {
		if d.gapHas(t, ",") || d.tquote[t] >= 0 {
			return false
		}
	}
	return true
}

// openingSubordinators open a subordinate clause before the main one
// ("After the ministers rejected the levy, the envoy said ...", "With polls
// showing her ahead, Clinton seeks ...").
var openingSubordinators = set("while although though whereas because if unless when having after before since once with")

// endPastQuote returns where a content that ends with token t ends: past
// the closing mark of a quote that ends with t ("were ”useful”"), else
// at t's end.
func (d *doc) endPastQuote(t int) int {
	if q := d.tquote[t]; q >= 0 && d.quotes[q].end <= d.toks[t].End+1 && d.quotes[q].close > d.toks[t].End {
		return d.quotes[q].close
	}
	return d.toks[t].End
}

// objectEnd ends a stance's object, which starts at token k and ends at
// offset end, before a second verb of the speaker's: "denounced [the
// takeover] and said ...", "has rejected [every charge], and has
// promised ...", "labeled [Ortega the worst offender] after dismissing
// ..."; c is the stance's cue). A noun phrase does not go on with "and" and a verb, so what
// follows is the speaker's next act, which PolNeAR and readers count
// apart.
func (d *doc) objectEnd(c cue, k, l, end int) int {
	for t := k + 1; t+1 < l && d.toks[t].Start < end; t++ {
		if !objectEnder(d.low[t]) || d.tquote[t] >= 0 || (d.boundaryAfter(t-1) && !d.gapHas(t-1, ",") && !closesQuote(d.gap(t-1))) {
			continue
		}
		switch w := d.low[t]; {
		case (w == "and" || w == "but") && d.verbAfter(t+1, l, c.ing, d.low[k] == "to"):
			return d.endPastQuote(t - 1)
		case (w == "after" || w == "before" || ((w == "while" || w == "even") && d.gapHas(t-1, ","))) && d.participle(t+1):
			return d.endPastQuote(t - 1)
		}
	}
	return end
}

// closesQuote reports whether the gap g between two words is a closing
// quote mark and a space (“called it "illogical" and saying”).
func closesQuote(g string) bool {
	g = strings.TrimRight(g, " ")
	return g == "\"" || g == "”" || g == "''" || g == "’"
}

// finiteBefore reports whether a finite verb (an auxiliary or a past or
// -s form) comes in the content from token k before its "and" or "but",
// or its end: the content is a clause with its own verb, not an object.
func (d *doc) finiteBefore(k, l, end int) bool {
	for t := k; t < l && d.toks[t].Start < end; t++ {
		w := d.low[t]
		if w == "and" || w == "but" {
			return false
		}
		if d.is(t, classFiniteAux) || d.pastVerb(t) || d.is(t, classIrregularPast) || (t > k && d.verb(t) != 0) {
			return true
		}
	}
	return false
}

// objectEnder reports whether objectEnd may end an object before w (a
// switch, not a map: it is asked of every word of long contents).
func objectEnder(w string) bool {
	switch w {
	case "and", "but", "after", "before", "while", "even":
		return true
	}
	return false
}

// verbAfter reports whether a finite verb starts at token t, past
// auxiliaries and adverbs ("and has promised", "and also said"), or, after
// a participle's object (ing), a participle ("pointing to his record and
// saying"; not "for accepting donations and speaking fees"). After an
// infinitive (inf) only a past or -s form counts: "vowed to cut taxes and
// defend the border" is one vow.
func (d *doc) verbAfter(t, l int, ing, inf bool) bool {
	for ; t < l && d.tquote[t] < 0 && !d.boundaryAfter(t-1); t++ {
		w := d.low[t]
		if d.is(t, classAuxiliary) || w == "also" || w == "then" || w == "later" {
			continue
		}
		if d.capitalized(t) {
			return false
		}
		cue := d.verb(t) != 0 || d.is(t, classAttitude)
		return (ing && d.participle(t)) || (len(w) > 4 && strings.HasSuffix(w, "ed")) ||
			(cue && (!inf || (strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"))) && !strings.HasSuffix(w, "ing"))
	}
	return false
}

// participle reports whether token t is an -ing form of a verb.
func (d *doc) participle(t int) bool {
	w := d.low[t]
	return len(w) > 5 && strings.HasSuffix(w, "ing") && !d.is(t, classNotParticiple) && !d.capitalized(t) && d.tquote[t] < 0
}

// finiteSpeechVerb reports whether token t is a speech or tell verb in a
// past or -s form ("reiterated", "said", "adds"), not a base form or a
// participle, which may go on the content ("said he would go and say so").
func (d *doc) finiteSpeechVerb(t int) bool {
	w := d.low[t]
	if k := d.verb(t); k != cueSpeech && k != cueTell {
		return false
	}
	return strings.HasSuffix(w, "ed") || d.is(t, classIrregularPast) || (strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"))
}

// irregularPast are the past forms of speech verbs that do not end in -ed.
var irregularPast = set("said told wrote spoke")
