package attribution

import (
	"strings"
)

// How speakerBefore found the speaker of a cue.
const (
	spNone     = iota
	spFound    // a phrase right before the cue: "Mr Lavrov said"
	spInverted // a comma or quote right before the cue: the speaker may follow ("..., said Mr Lavrov")
	spShared   // "and" right before the cue: the subject of the earlier clause
)

// maxSpeakerWords bounds a speaker phrase; longer stretches are clauses.
const maxSpeakerWords = 12

// speakerBefore finds the speaker phrase that ends right before a cue,
// past auxiliaries, adverbs and time phrases ("has also said", "on Tuesday
// said"), as tokens [lo, hi).
func (d *doc) speakerBefore(c cue, f int) (lo, hi int, how int) {
	k, passive := d.participleGroup(c, f)
	if (passive && !c.ing) || k < f {
		return 0, 0, spNone // "was told", "is expected"
	}
	if p := d.parenthesisBefore(k, f); p >= 0 {
		// "Sen. Alma Reyes (I-Me.) said": a party and state label
		// between the name and the cue.
		return found(d.npBack(p, f))
	}
	if d.boundaryAfter(k) {
		return d.speakerAcrossPunctuation(c, k, f)
	}
	switch w := d.low[k]; {
	case w == "and" || w == "but" || w == "or" || d.participleAfterPrep(c, k, f) || d.likePhrase(k, f):
		return 0, 0, spShared
	case w == "who" && k-1 >= f:
		return found(d.whoAntecedent(c, k, f))
	}
	lo, hi = d.phraseBefore(k, f)
	if hi <= lo {
		return 0, 0, spNone
	}
	if d.a.lex.evidence[d.low[c.i]] {
		lo = d.qualifiedRecordStart(lo, f)
	}
	return d.nameBeforeApposition(lo, f), hi, spFound
}

// participleGroup is pastVerbGroup for the word before the cue c, past
// the verbs that take a participle cue: "Sen. Ron Johnson kept asking",
// "some delegates could be heard complaining".
func (d *doc) participleGroup(c cue, f int) (int, bool) {
	k, passive := d.pastVerbGroup(c.i-1, f)
	if c.ing && k > f && aspectVerbs[d.low[k]] && (!d.boundaryAfter(k-1) || d.parenthesisBefore(k-1, f) >= 0) {
		k, passive = d.pastVerbGroup(k-1, f)
	}
	if c.ing && k > f && perceptionVerbs[d.low[k]] && d.is(k-1, classPassiveAux) && !d.boundaryAfter(k-1) {
		k, _ = d.pastVerbGroup(k-1, f)
		passive = false
	}
	return k, passive
}

// phraseBefore is the noun phrase that ends at token k, the speaker of a
// cue after it, with a relative clause of no comma read as what it is:
// "The clubs who met her say" (no phrase ends at "her"), "Even
// members who have backed the plan objected" (the clause is no
// speaker).
func (d *doc) phraseBefore(k, f int) (int, int) {
	lo, hi := d.npBack(k, f)
	if hi <= lo {
		if w := d.relativeBefore(k+1, f); w > f && w < k-1 {
			if rlo, rhi := d.npBack(w-1, f); rhi > rlo {
				return rlo, k + 1
			}
		}
		return lo, hi
	}
	if w := d.relativeBefore(lo, f); w > f && !isPronoun(d.low[lo]) {
		if rlo, rhi := d.npBack(w-1, f); rhi > rlo {
			lo = rlo
		}
	}
	return lo, hi
}

// relativeBefore returns the "who" of a relative clause, with no comma,
// that the phrase starting at token lo ends ("the clubs who called on
// her"), within a few words; or -1.
func (d *doc) relativeBefore(lo, f int) int {
	for t := lo - 1; t >= f && lo-t <= 6; t-- {
		if d.boundaryAfter(t) {
			return -1
		}
		if d.low[t] == "who" {
			return t
		}
		if d.is(t, classClauseWord) {
			return -1 // "who notes that Harlow Mills vowed"
		}
	}
	return -1
}

// qualifiedRecordStart extends a speaker phrase that starts at token lo
// back over a participle and a preposition to the record they qualify:
// "An email obtained by WikiLeaks shows", "Research conducted by the
// Center found"; else it returns lo.
func (d *doc) qualifiedRecordStart(lo, f int) int {
	t := lo - 1
	for t >= f && t >= lo-2 && !d.boundaryAfter(t) && d.is(t, classPreposition) {
		t--
	}
	if t < f || d.boundaryAfter(t) || !recordTail[d.low[t]] {
		return lo
	}
	if r := t - 1; r >= f && d.is(r, classRecord) && !d.boundaryAfter(r) {
		if nlo, nhi := d.npBack(r, f); nhi > nlo {
			return nlo
		}
	}
	return lo
}

// perceptionVerbs, passive, take a participle cue whose speaker stands
// before them ("could be heard complaining", "was seen arguing").
var perceptionVerbs = set("heard seen overheard")

// aspectVerbs take a participle cue as their object: the speaker stands
// before them ("kept asking", "began saying").
var aspectVerbs = set("kept keeps keep began begins begin started starts start continued continues stopped")

// found is a speaker phrase [lo, hi) found, or none when it is empty.
func found(lo, hi int) (int, int, int) {
	if hi > lo {
		return lo, hi, spFound
	}
	return 0, 0, spNone
}

// pastVerbGroup walks back from token k, the word before a cue, past the
// auxiliaries, adverbs, time phrases and floating quantifiers of its verb
// group ("has also said", "on Tuesday said", "have both argued"), to the
// word before them (below f when none is left); passive reports a passive
// auxiliary among them.
func (d *doc) pastVerbGroup(k, f int) (int, bool) {
	passive := false
	for ; k >= f && !d.boundaryAfter(k); k-- {
		w := d.low[k]
		switch {
		case d.surname(k):
			return k, passive // "Theresa May said"
		case d.is(k, classAuxiliary) || (strings.HasSuffix(w, "ly") && len(w) > 4 && !d.capitalized(k)):
			passive = passive || d.is(k, classPassiveAux)
		case d.is(k, classTime) && (!d.capitalized(k) || k > f):
			if k > f && (d.is(k-1, classPreposition) || d.low[k-1] == "last" || d.low[k-1] == "this") && !d.boundaryAfter(k-1) {
				k--
			}
		case w == "ago":
			k = d.pastAgo(k, f) // "The port authority less than three days ago said"
		case (w == "both" || w == "all" || w == "each") && k > f && !d.boundaryAfter(k-1) && !d.is(k-1, classDeterminer|classPreposition):
			// "Trump and Sanders have both argued", "they all said"
		default:
			return k, passive
		}
	}
	return k, passive
}

// agoWords are the words of a span of time before "ago".
var agoWords = set("a an one two three four five six seven eight nine ten few several couple of less more than about nearly almost just only some minute minutes hour hours day days week weeks month months year years")

// pastAgo returns the first token of the span of time that ends with
// "ago" at token k ("less than three days ago"), or k.
func (d *doc) pastAgo(k, f int) int {
	t := k
	for t-1 >= f && k-t < 6 && !d.boundaryAfter(t-1) && (agoWords[d.low[t-1]] || isNumber(d.low[t-1])) {
		t--
	}
	return t
}

// surname reports whether a capitalised time word at token k ends a name
// after a first name or an honorific ("Theresa May", "Ron June", "Mr.
// Will"), not a date or a modal.
// Small enough to be inlined, it calls only for the capitalised time
// words and auxiliaries: npWord asks it of every word of a phrase.
func (d *doc) surname(k int) bool {
	return k > 0 && d.is(k, classTime|classAuxiliary) && d.afterFirstName(k)
}

// afterFirstName reports whether token k is capitalised and follows, in
// its phrase, a capitalised first name or an honorific.
func (d *doc) afterFirstName(k int) bool {
	return d.capitalized(k) && d.capitalized(k-1) && !d.boundaryAfter(k-1) && (d.a.lex.isFirstName(d.low[k-1]) || d.is(k-1, classHonorific))
}

// speakerAcrossPunctuation finds the speaker of a cue whose verb group
// follows punctuation after token k: "“...,” said Mr Lavrov" and "...,
// saying" (inverted: the speaker may follow), or a phrase set off before
// it, "his counterpart, Sergey Lavrov, said", "Donald Trump - who said ...
// - said". Only speech and tell verbs take one; a tell verb is never
// inverted, as what follows it is the addressee.
func (d *doc) speakerAcrossPunctuation(c cue, k, f int) (lo, hi int, how int) {
	if c.kind != cueSpeech && c.kind != cueTell {
		return 0, 0, spNone
	}
	if isDash(d.gap(k)) && !c.ing {
		if lo, hi := d.beforeDashes(k, f); hi > lo {
			return lo, hi, spFound
		}
	}
	if d.gapHas(k, ",") && !c.ing {
		if lo, hi := d.apposition(k, f); hi > lo && (c.kind == cueTell || d.subjectPosition(lo, f) || !d.startsInverted(c)) {
			return lo, hi, spFound
		}
		if lo, hi := d.longApposition(k, f); hi > lo && !d.startsInverted(c) {
			return lo, hi, spFound
		}
	}
	if c.kind == cueTell && !c.ing {
		return 0, 0, spNone
	}
	return 0, 0, spInverted
}

// nameBeforeApposition extends a speaker phrase that starts at token lo
// with a determiner back to the name before it, when a comma sets the
// phrase off as an apposition: "Joseph Hunter, a blogger in Chicago,
// said".
func (d *doc) nameBeforeApposition(lo, f int) int {
	if lo-1 >= f && d.is(lo, classDeterminer) && d.gapHas(lo-1, ",") {
		if nlo, nhi := d.npBack(lo-1, f); nhi > nlo && d.capitalized(nhi-1) {
			return nlo
		}
	}
	return lo
}

// startsInverted reports whether a phrase right after the cue ends the
// clause, as in "..., said Mr Lavrov." (not "..., said the debate was
// premature", where a clause of its own follows).
func (d *doc) startsInverted(c cue) bool {
	l := d.sfirst[d.tsent[c.i]+1]
	lo, hi := d.npForward(c.j, l)
	return hi > lo && d.endsClause(hi, l) && !d.finiteVerbAhead(hi, l)
}

// finiteVerbAhead reports whether an auxiliary or a past-tense verb comes
// before the next punctuation: the phrase before it was a clause's subject.
func (d *doc) finiteVerbAhead(k, l int) bool {
	for ; k < l; k++ {
		if d.is(k, classFiniteAux) || d.pastVerb(k) {
			return true
		}
		if d.boundaryAfter(k) {
			return false
		}
	}
	return false
}

// pastVerb reports whether token k looks like a verb in the past tense: a
// lowercase -ed word right after a name or noun, not after a determiner
// ("Obama failed", but "the retired general").
func (d *doc) pastVerb(k int) bool {
	w := d.low[k]
	return ((len(w) > 4 && strings.HasSuffix(w, "ed")) || d.is(k, classStrongPast)) && !d.capitalized(k) && k > 0 && !d.boundaryAfter(k-1) &&
		!d.is(k-1, classDeterminer|classAuxiliary|classPassiveAux) && !strings.HasSuffix(d.low[k-1], "ly") &&
		!d.is(k, classTitle)
}

// subjectPosition reports whether a phrase starting at token lo opens its
// clause: at the sentence start, after an opening phrase and a comma ("In
// Berlin, Chancellor Olaf Scholz, ..."), or right after a quote ("“...,”
// Kaja Kallas, the EU's foreign policy chief, told reporters").
func (d *doc) subjectPosition(lo, f int) bool {
	if lo <= f || endsWithCloseQuote(strings.TrimRight(d.text[d.toks[f].Start:d.toks[lo].Start], " ,")) {
		return true
	}
	return (d.is(f, classPreposition) || d.onlyConnectives(f, lo-1)) && d.gapHas(lo-1, ",") && d.tquote[lo-1] < 0
}

// apposition finds "X, Y," ending at token k (the comma after Y): the
// speaker phrase "X, Y", where Y describes the person X names ("Kaja
// Kallas, the EU's foreign policy chief,", "William Reilly, who led the
// agency,", "Olaf Scholz, campaigning ahead of the election,").
func (d *doc) apposition(k, f int) (int, int) {
	a := d.appositiveStart(k, f) // the appositive Y is [a, k]
	if a <= f || !d.gapHas(a-1, ",") || d.tquote[k] >= 0 {
		return 0, 0
	}
	y := d.low[a]
	lo0, hi0 := d.npBack(a-1, f)
	if hi0 <= lo0 || hi0 != a {
		return 0, 0
	}
	lo0 = d.nameBeforeDescriptors(lo0, hi0, f)
	if (a == k && (connectives[y] || strings.HasSuffix(y, "ly") || isAge(y))) || (prepositions[y] && k-a < 4) {
		return lo0, hi0 // "Okafor, meanwhile, says", "Lindqvist, for her part, said": the adverbial is no part of the speaker
	}
	if !d.describesPerson(a) {
		return 0, 0
	}
	if !d.capitalized(hi0-1) && !d.capitalized(k) && !(d.is(lo0, classDeterminer) && (y == "who" || determiners[y])) {
		return 0, 0
	}
	return lo0, k + 1
}

// nameBeforeDescriptors extends a phrase [lo, hi) back to the name before
// it when it only describes that name, set off by a comma or parentheses:
// a party label ("Sen. Ada Brandt (R-Neb.),", "Sen. Lee Varga, R-Ore.,"),
// an age ("Dana Okafor, 31,"), a place after a preposition ("Rosa
// Lind, 27, of Dayton, Ohio,") or a participle phrase ("Sen. Ada
// Brandt, facing a challenge in Nevada, a swing state,"). It returns the
// name's first token, or lo.
func (d *doc) nameBeforeDescriptors(lo, hi, f int) int {
	for n := 0; n < 4 && lo > f; n++ {
		s := lo
		if d.is(s-1, classPreposition) && !d.boundaryAfter(s-1) && !d.capitalized(s-1) {
			s-- // "of Flint"
		}
		if s <= f || !d.descriptor(lo, hi, s < lo) {
			break
		}
		g := d.gap(s - 1)
		if !strings.Contains(g, ",") && !strings.Contains(g, "(") {
			break
		}
		nlo, nhi := d.npBack(s-1, f)
		if nhi <= nlo {
			break
		}
		lo, hi = nlo, nhi
	}
	return lo
}

// descriptor reports whether the phrase [lo, hi) describes rather than
// names: in parentheses, a party label ("R-Fla."), an age, a place after
// a preposition (prep) or a participle phrase.
func (d *doc) descriptor(lo, hi int, prep bool) bool {
	w := d.word(lo)
	switch {
	case prep || d.gapHas(lo-1, "("):
		return true
	case hi-lo == 2 && len(w) == 1 && strings.Contains("RDI", w) && d.gap(lo) == "-":
		return true
	case hi-lo == 1 && isAge(d.low[lo]):
		return true
	}
	return strings.HasSuffix(d.low[lo], "ing") && !d.capitalized(lo) && !d.is(lo, classNotParticiple)
}

// appositiveStart walks back from token k to the first word after the
// comma that opens an appositive, within maxAppositionWords; it returns f
// or less where there is none or a quote or other punctuation comes first.
func (d *doc) appositiveStart(k, f int) int {
	a := k
	for a > f && !d.gapHas(a-1, ",") && k-a < maxAppositionWords {
		if d.tquote[a-1] >= 0 || d.gapHas(a-1, ";:()“”\"«»") {
			return f
		}
		a--
	}
	return a
}

// describesPerson reports whether an appositive starting at token a can
// describe a person: a relative pronoun ("who led the agency"), a
// determiner ("the EU's foreign policy chief"), a name, a title or a
// participle ("campaigning ahead of the election").
func (d *doc) describesPerson(a int) bool {
	y := d.low[a]
	return y == "who" || y == "whose" || (determiners[y] && y != "this" && y != "that") || d.capitalized(a) || d.a.lex.is(classTitle, y) ||
		(strings.HasSuffix(y, "ing") && !auxiliaries[y])
}

// longApposition finds the speaker of "X, A, B, said" where several
// comma-set phrases describe X ("Deputy Governor Helen R. Marsh, who was
// to travel to Fresno, Calif., on Friday, said"; "Rina Toll, an official
// at the authority, which has a backlog, said"): X must open its clause
// and may name someone, and the cue, at token k+1, follow within
// maxAppositionWords words with no quote or other punctuation between.
func (d *doc) longApposition(k, f int) (int, int) {
	commas := 0
	for t := f; t < k && commas < 3; t++ {
		if d.tquote[t] >= 0 && commas == 0 {
			continue // "“...,” Ada Brandt, the attorney general of Nevada, one of the states suing, said"
		}
		if d.tquote[t] >= 0 || d.gapHas(t, ";:()“”\"«»") {
			return 0, 0
		}
		if !d.gapHas(t, ",") {
			continue
		}
		commas++
		if lo, hi := d.npBack(t, f); hi > lo && k-t <= maxAppositionWords && d.subjectPosition(lo, f) && (d.plausibleSpeaker(lo, hi) || d.recordHead(lo, hi)) {
			return lo, k + 1
		}
	}
	return 0, 0
}

// parenthesisBefore returns the token before a short parenthesis that ends
// at token k ("Varga (R-Ore.)"), when a capitalized word precedes it and
// nothing but a space follows it; -1 otherwise.
func (d *doc) parenthesisBefore(k, f int) int {
	if !d.is(k, classGapAfter) {
		return -1 // a single space follows: most words
	}
	if g := strings.TrimSpace(d.gap(k)); k+1 >= len(d.toks) || (g != ")" && g != ".)") {
		return -1
	}
	for a := k; a > f && k-a < 4; a-- {
		if d.tquote[a] >= 0 {
			return -1
		}
		if g := d.gap(a - 1); strings.Contains(g, "(") {
			if strings.TrimSpace(g) == "(" && d.capitalized(a-1) && d.capitalized(a) {
				return a - 1
			}
			return -1
		}
	}
	return -1
}

// isAge reports whether w is a person's age as news writing sets it off
// after a name ("Trump, 70, said").
func isAge(w string) bool {
	return len(w) == 2 && w[0] >= '1' && w[0] <= '9' && w[1] >= '0' && w[1] <= '9'
}

func isDash(gap string) bool {
	return strings.Contains(gap, " - ") || strings.ContainsAny(gap, "—–―")
}

// beforeDashes finds the phrase before a parenthesis set off by dashes that
// ends at token k: "Mayor Ruth Adler - who previously said ... -".
func (d *doc) beforeDashes(k, f int) (int, int) {
	for a := k; a > f && k-a < maxAppositionWords; a-- {
		if d.tquote[a-1] >= 0 && d.tquote[a] < 0 {
			return 0, 0
		}
		if isDash(d.gap(a - 1)) {
			lo, hi := d.npBack(a-1, f)
			if hi > lo && d.subjectPosition(lo, f) {
				return lo, hi
			}
			return 0, 0
		}
	}
	return 0, 0
}

// maxAppositionWords bounds a relative clause or participle phrase between
// a speaker and the cue.
const maxAppositionWords = 30

// npBack collects the noun phrase that ends at token k, going back to the
// sentence start f at most.
func (d *doc) npBack(k, f int) (int, int) {
	if k < f || !(d.npWord(k) || d.nounHead(k)) || d.is(k, classPreposition|classDeterminer) {
		return 0, 0
	}
	if isPronoun(d.low[k]) {
		return k, k + 1
	}
	lo := k
	for lo-1 >= f && k-lo+1 < maxSpeakerWords && !d.boundaryAfter(lo-1) && (d.npWord(lo-1) || d.hyphenated(lo-1) || d.hyphenated(lo-2)) {
		if d.hyphenated(lo-1) || d.hyphenated(lo-2) {
			lo-- // "two-hour", "Texas-based": one word
			continue
		}
		if d.low[lo-1] == "and" && !(lo-2 >= f && d.capitalized(lo-2) && d.capitalized(lo)) {
			break
		}
		if isPronoun(d.low[lo-1]) || (d.is(lo-1, classTime) && !d.capitalized(lo-1)) || d.pastVerb(lo-1) {
			break
		}
		lo--
	}
	for lo < k && (d.is(lo, classPreposition) || d.low[lo] == "and") {
		lo++
	}
	for t := lo; t < k; t++ {
		if d.low[t] == "to" && !d.capitalized(t+1) && !d.is(t+1, classDeterminer|classObjectPronoun) {
			return 0, 0 // "ready to play its part": an infinitive, a clause, no speaker
		}
	}
	return lo, k + 1
}

// nounHead reports whether token k, a verb form, is the noun that heads
// the phrase before a cue: "the reports show", "his claims were".
func (d *doc) nounHead(k int) bool {
	return !d.capitalized(k) && d.verb(k) != 0 && d.nounOrInfinitiveCue(cue{i: k, j: k + 1})
}

// npForward collects the noun phrase that starts at token k, before l.
func (d *doc) npForward(k, l int) (int, int) {
	if k >= l || !d.npWord(k) || d.is(k, classPreposition) {
		return 0, 0
	}
	if isPronoun(d.low[k]) {
		return k, k + 1
	}
	hi := k + 1
	for hi < l && hi-k < maxSpeakerWords && !d.boundaryAfter(hi-1) && (d.npWord(hi) || d.hyphenated(hi) || d.hyphenated(hi-1)) {
		if d.hyphenated(hi) || d.hyphenated(hi-1) {
			hi++ // "a just-published survey": one word
			continue
		}
		w := d.low[hi]
		if w == "and" && !(hi+1 < l && d.capitalized(hi-1) && d.capitalized(hi+1)) {
			break
		}
		if d.initial(hi) {
			hi++ // "Tomas K. Berend": a middle initial, not the article "a"
			continue
		}
		if (d.is(hi, classPreposition) && w != "of" && w != "for") || d.is(hi, classTime) || d.pastVerb(hi) ||
			((d.is(hi, classDeterminer|classSubjectPronoun) || isPronoun(w)) && !d.is(hi-1, classPreposition)) { // a new phrase: "told The Associated Press his firm ..."
			break
		}
		hi++
	}
	for hi > k+1 && d.is(hi-1, classPreposition|classDeterminer) {
		hi--
	}
	return k, hi
}

// hyphenated reports whether tokens i and i+1 are one word joined by a
// hyphen ("two-hour", "Democratic-backed").
func (d *doc) hyphenated(i int) bool {
	return i >= 0 && i+1 < len(d.toks) && d.is(i, classGapAfter) && d.gap(i) == "-" // the bit: not a single space
}

// initial reports whether token i is a name's initial: one capital letter
// and a dot, between capitalized words ("Tomas K. Berend").
func (d *doc) initial(i int) bool {
	return i > 0 && i+1 < len(d.toks) && len(d.word(i)) == 1 && d.capitalized(i) && strings.HasPrefix(d.gap(i), ". ") &&
		d.capitalized(i-1) && d.capitalized(i+1) && d.sameSentence(i, i+1)
}

// npWord reports whether token i may be part of a speaker phrase.
func (d *doc) npWord(i int) bool {
	w := d.low[i]
	if d.surname(i) {
		return true // "Theresa May"
	}
	if d.is(i, classObjectPronoun) && i > 0 && d.is(i-1, classPreposition) && !d.boundaryAfter(i-1) {
		return true // "those close to him", "many of them"
	}
	if d.tquote[i] >= 0 || (d.is(i, classClauseWord) && w != "and") || d.is(i, classAuxiliary) || d.is(i, classPassiveAux) || (d.is(i, classObjectPronoun) && w != "her" && w != "it" && w != "you" && !d.capitalized(i)) {
		return false
	}
	if !d.capitalized(i) && d.verb(i) != 0 && !d.is(i, classTitle) {
		return false // another verb: the phrase is a clause
	}
	return true
}

// endsClause reports whether a phrase ending before token k ends its clause:
// the sentence ends, or punctuation or an adverbial follows.
func (d *doc) endsClause(k, l int) bool {
	if k >= l || d.boundaryAfter(k-1) {
		return true
	}
	w := d.low[k]
	return d.is(k, classPreposition) || w == "who" || w == "last" || d.is(k, classTime) || (w == "this" && k+1 < l && d.is(k+1, classTime)) // "noted the Journal this summer"
}

// subject finds the subject of the sentence's main clause, before token i:
// the first pronoun or name, past an opening phrase that ends with a comma
// ("Speaking to reporters after the meeting, Mr Lavrov ...").
func (d *doc) subject(f, i int) (int, int) {
	k := d.pastDateline(f, i)
	for k < i && d.is(k, classConnective|classSentenceAdverb) && k+1 < i {
		t := k
		for t+1 < i && t-k < 3 && !d.boundaryAfter(t) && (d.is(t+1, classTime) || d.low[t+1] == "this" || d.low[t+1] == "that") {
			t++ // "Earlier this week, ..."
		}
		if !d.boundaryAfter(t) {
			break
		}
		k = t + 1 // "Meanwhile, the group ...", "Instead, he ...": no speaker
	}
	k = d.pastTimeOpening(k, i)
	if k < i && (d.is(k, classPreposition|classClauseWord) || strings.HasSuffix(d.low[k], "ing") || d.openingClause(k, i)) {
		for k < i && !d.gapHas(k, ",") {
			k++
		}
		k = d.pastPlace(k+1, i)
	}
	if k >= i {
		return 0, 0
	}
	if isPronoun(d.low[k]) {
		return k, k + 1
	}
	if d.is(k, classDeterminer) { // "The president postponed ..."
		lo, hi := d.npForward(k, i)
		if hi > lo+1 && hi-lo <= 6 {
			return lo, hi
		}
		return 0, 0
	}
	hi := k
	for hi < i && d.capitalized(hi) && (hi == k || !d.boundaryAfter(hi-1)) {
		hi++
	}
	if hi == k {
		return 0, 0
	}
	return k, d.pastOffice(k, d.pastHeadNoun(hi, i), i)
}

// pastDateline returns the first token after a dateline that opens the
// sentence at token f ("BANGOR, Maine—Lena Ortiz ...", "LYON, May 12
// (Reuters) - Paul Marchand ..."): a place in capitals, a comma, at most a
// few words and a dash. Without one it returns f.
func (d *doc) pastDateline(f, i int) int {
	if k := d.pastAgencyDateline(f, i); k > f {
		return k
	}
	w := d.word(f)
	if len(w) < 3 || !upperAlready(w) || strings.ToLower(w) == w || !d.gapHas(f, ",") {
		return f
	}
	for k := f + 1; k < i && k <= f+datelineWords; k++ {
		if isDash(d.gap(k - 1)) {
			return k
		}
	}
	return f
}

// pastAgencyDateline returns the first token after a dateline of a place
// and a news agency in parentheses ("New York (AFP) – ...", "Kyiv (Reuters)
// - ..."), or f without one.
func (d *doc) pastAgencyDateline(f, i int) int {
	for k := f + 1; k < i && k <= f+4; k++ {
		if !d.capitalized(k - 1) {
			return f
		}
		if !d.is(k-1, classGapAfter) || strings.TrimSpace(d.gap(k-1)) != "(" {
			continue // a single space, or no parenthesis
		}
		g := strings.TrimSpace(d.gap(k))
		if k+1 < i && d.capitalized(k) && strings.HasPrefix(g, ")") && isDash(" "+strings.TrimSpace(g[1:])+" ") {
			return k + 1
		}
		return f
	}
	return f
}

// datelineWords bounds the words of a dateline after its place.
const datelineWords = 8

// openingClause reports whether token k opens a clause before the
// subject: "Even as inspectors were counting ..., Ms. Harlow ...", "Asked
// on Wednesday whether ..., Mr. Olsen ..." (a participle of a cue verb).
func (d *doc) openingClause(k, i int) bool {
	w := d.low[k]
	if w == "even" || w == "just" || w == "only" {
		return k+1 < i && d.is(k+1, classClauseWord) && !d.boundaryAfter(k)
	}
	return strings.HasSuffix(w, "ed") && (d.verb(k) != 0 || d.is(k, classAttitude)) && !d.boundaryAfter(k)
}

// sentenceAdverbs open a sentence before a comma without being its
// subject ("Even so, ...", "Still, ...").
var sentenceAdverbs = set("even yet now then later earlier again thus hence besides otherwise afterward afterwards already often sometimes recently finally eventually ultimately initially publicly privately")

func isPronoun(w string) bool {
	switch w {
	case "he", "she", "they", "we", "i", "it", "you":
		return true
	}
	return false
}

func (d *doc) setSpeaker(st *draft, lo, hi int) {
	if lo < 0 || hi <= lo || hi > len(d.toks) {
		return
	}
	st.SpeakerStart, st.SpeakerEnd = d.toks[lo].Start, d.toks[hi-1].End
	st.Speaker = d.text[st.SpeakerStart:st.SpeakerEnd]
}
