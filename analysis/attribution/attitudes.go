package attribution

import (
	"strings"
	"unicode"

	"github.com/slant-news/slant/analysis/postag"
)

// Attitudes: a source whose stance is reported ("Zelensky rejected the
// outcome", "Macron called for a ceasefire", "Graham criticized the party's
// lack of environmental awareness") gets a voice, as attribution corpora
// (PolNeAR) count it, though no words of theirs are given. Such a statement
// is indirect (mixed when its object quotes them); its content is the
// verb's object up to the end of the clause. Pure actions ("postponed his
// trip", "met Mr Rubio") are no statements: their verbs are not listed.
//
// Precision comes from the subject: it must be a plausible speaker, a name,
// a person pronoun, or a phrase whose head is a title, an organisation or a
// group of people (speaker_words.txt) or an actor of the table, right before
// the verb: "the talks rejected", "prices favoured" are not.

// attitudeWords is the [attitude] and [attitude-to] sections of
// reporting_verbs.txt.
type attitudeWords struct {
	verbs map[string]bool       // one-word forms
	multi map[string][][]string // first word -> the remaining words of multi-word forms
	// multiByID is multi by the first word's ID in the lexicon's words:
	// attitudes reads a token's.
	multiByID [][][]string
	to        map[string]bool // forms whose object may be a to-infinitive
	compl     map[string]bool // forms that need an object and its complement
	inf       map[string]bool // forms that count only before a to-infinitive
	as        map[string]bool // forms that count only with an object and "as"
	said      map[string]bool // forms that count only with a speech noun as object
	nouns     map[string]bool // the speech nouns those take ([speech-nouns])
	by        map[string]bool // participles that count only as passives with "by" ([attitude-passive])
}

func attitudeLexicon(reportingVerbsFile string) *attitudeWords {
	ax := &attitudeWords{verbs: map[string]bool{}, multi: map[string][][]string{}, to: map[string]bool{}, compl: map[string]bool{}, inf: map[string]bool{}, as: map[string]bool{}, said: map[string]bool{}, nouns: map[string]bool{}, by: map[string]bool{}}
	eachSection(reportingVerbsFile, func(section, line string) {
		switch section {
		case "attitude":
			for _, form := range strings.Fields(line) {
				parts := strings.Split(form, "_")
				if len(parts) == 1 {
					ax.verbs[form] = true
				} else {
					ax.multi[parts[0]] = append(ax.multi[parts[0]], parts[1:])
				}
			}
		case "attitude-to", "attitude-complement", "attitude-infinitive", "attitude-as", "attitude-speech-object", "speech-nouns", "attitude-passive":
			m := map[string]map[string]bool{"attitude-to": ax.to, "attitude-complement": ax.compl, "attitude-infinitive": ax.inf, "attitude-as": ax.as,
				"attitude-speech-object": ax.said, "speech-nouns": ax.nouns, "attitude-passive": ax.by}[section]
			for _, form := range strings.Fields(line) {
				m[form] = true
				if section != "attitude-to" && section != "speech-nouns" && section != "attitude-passive" {
					ax.verbs[form] = true
				}
			}
		}
	})
	return ax
}

// attitudes finds the statements of stance verbs, past the cues the other
// statements (prev) already use.
func (d *doc) attitudes(prev *taken) []*draft {
	ax := d.a.lex.att
	var out []*draft
	next := 0 // past the cue of the statement found last
	for _, i := range d.starts {
		// The token's classes first: they rule out most words, which the
		// text of the word need not be read for.
		if i < next || !d.is(i, attitudeStarts) || d.tquote[i] >= 0 {
			continue
		}
		if word := d.word(i); word == "" || ((word[0] < 'a' || word[0] > 'z') && !d.titleCase(i)) {
			continue // lowercase, or a headline's title case ("Christie Calls Clinton ‘A Disgrace’")
		}
		w := d.low[i]
		j := 0
		if d.is(i, classMultiAttitude) {
			for _, rest := range ax.multiByID[d.ids[i]] { // the forms looked up once, not twice a form
				if d.followedBy(i, rest) {
					j = i + 1 + len(rest)
					break
				}
			}
		}
		if j == 0 && d.is(i, classAttitude) {
			j = i + 1
		}
		if j == 0 || prev.cueAt(i) {
			continue
		}
		c := cue{kind: cueTell, i: i, j: j, ing: strings.HasSuffix(w, "ing")}
		if st := d.attitude(c, prev, out); st != nil {
			out = append(out, st)
			next = j
		}
	}
	return out
}

// whichSubject finds the antecedent of a "which" that is the subject of
// the verb at token i: "the Biden administration, which had sought to
// isolate the Kremlin".
func (d *doc) whichSubject(i, f int) (int, int, int) {
	k := i - 1
	for k > f && !d.boundaryAfter(k) && d.is(k, classAuxiliary) {
		k--
	}
	if k-1 < f || d.low[k] != "which" || d.boundaryAfter(k) || !d.gapHas(k-1, ",") {
		return 0, 0, spNone
	}
	lo, hi := d.npBack(k-1, f)
	for t := hi - 2; t > lo; t-- {
		if d.is(t, classPreposition) { // "a clear break with the approach of the Biden administration, which"
			lo = t + 1
			break
		}
	}
	if hi > lo {
		return lo, hi, spFound
	}
	return 0, 0, spNone
}

// relativeSubject returns the subject of the verb at token i that a
// relative clause set off by commas separates from it: "[The paper],
// which broke the story, called it ...", or an empty phrase.
func (d *doc) relativeSubject(i, f int) (int, int) {
	if i-1 <= f || !d.gapHas(i-1, ",") {
		return 0, 0
	}
	for t := i - 2; t > f && t > i-maxSpeakerWords; t-- {
		if d.tquote[t] >= 0 || d.is(t, classSubjectPronoun) {
			return 0, 0
		}
		if (d.low[t] == "which" || d.low[t] == "who") && d.gapHas(t-1, ",") {
			return d.npBack(t-1, f)
		}
	}
	return 0, 0
}

// newClauseAt reports whether a subject at token lo opens a clause of the
// writer's after a comma (", as the White House defended ...", ", while
// Kyiv rejected ..."): not part of the content the subject stands in.
func (d *doc) newClauseAt(lo int) bool {
	if lo < 2 || !d.sameSentence(lo-2, lo) {
		return false
	}
	switch d.low[lo-1] {
	case "as", "while", "whereas", "but", "and":
		return d.gapHas(lo-2, ",") && !d.boundaryAfter(lo-1)
	}
	return false
}

// attitude builds the statement of the stance verb c, or nil.
func (d *doc) attitude(c cue, prev *taken, found []*draft) *draft {
	s := d.tsent[c.i]
	f, l := d.sfirst[s], d.sfirst[s+1]
	if d.nounOrInfinitive(c.i, f) {
		return nil // "the attack", "Trump’s support", "to criticize"
	}
	if c.i > f && d.is(c.i-1, classModal) && d.low[c.i-1] != "will" {
		return nil // "would endorse", "could oppose": no stance taken yet; "will discuss his book" is announced
	}
	// The content: the object, up to the end of the clause; asked before
	// the speaker, as most stance forms in a text have none.
	k := c.j
	if !d.takesObject(c, k, l) {
		return nil
	}
	st := d.newDraft(draft{sent: s, after: true})
	st.CueStart, st.CueEnd = d.toks[c.i].Start, d.toks[c.j-1].End
	st.Cue = d.text[st.CueStart:st.CueEnd]
	hi, ok := d.attitudeSpeaker(st, c, prev, found, f)
	if !ok || d.mutualAgreement(c, st) || (d.needsComplement(c) && !d.complementAfter(k, l)) {
		return nil
	}
	end := d.stanceEnd(k, l, d.objectEnd(c, k, l, d.contentEnd(d.toks[k].Start, l, d.sents[s].End)))
	if hi > 0 && hi < c.i && d.low[hi] == "who" { // "Graham, who criticized the deal, said": the relative clause ends at its comma
		end = d.relativeClauseEnd(k, l, end)
	}
	return d.setContent(st, d.toks[k].Start, end)
}

// mutualAgreement reports whether the stance c is "agreed to" with a
// speaker joined to another by "and": "Russia and the US agreed to meet"
// is an event between the two, no one's stance.
func (d *doc) mutualAgreement(c cue, st *draft) bool {
	if !agreeForms[d.low[c.i]] || st.shared {
		return false
	}
	lo := d.tokenAt(st.SpeakerStart)
	return lo > 0 && d.sameSentence(lo-1, lo) && d.low[lo-1] == "and"
}

var agreeForms = set("agree agrees agreed agreeing")

// nounOrInfinitive reports whether the stance word at token i is a noun
// or an infinitive by the words before it: "the attack", "Trump’s support",
// "to criticize", "a joint plan to".
func (d *doc) nounOrInfinitive(i, f int) bool {
	if i > f && !d.boundaryAfter(i-1) && (d.is(i-1, classDeterminer) || d.gapHas(i-1, "’'") || d.low[i-1] == "to") {
		return true
	}
	// "a joint plan to": a determiner and a modifier before a form that is
	// also a noun ([nouns]).
	return d.is(i, classCueNoun) && i-2 >= f && d.is(i-2, classDeterminer) && !d.capitalized(i-1) && !d.boundaryAfter(i-2) && !d.boundaryAfter(i-1)
}

// attitudeSpeaker sets the speaker of the stance verb c: the plausible
// speaker phrase before it, or the subject of the clause before ("he said
// ... and criticized ...", "..., calling for ..."). It returns the end of
// the speaker phrase it found before the verb (0 when shared) and whether
// there is a speaker.
func (d *doc) attitudeSpeaker(st *draft, c cue, prev *taken, found []*draft, f int) (int, bool) {
	lo, hi, how := d.speakerBefore(c, f)
	if how == spNone {
		lo, hi, how = d.whichSubject(c.i, f)
	}

	switch {
	case how == spFound:
		lo, hi = d.attitudeSubject(lo, hi, f)
		if !d.plausibleSpeaker(lo, hi) {
			lo, hi = d.relativeSubject(c.i, f) // "The paper, which broke the story, called it ..."
		}
		if !d.plausibleSpeaker(lo, hi) || (prev.contentAt(c.i) && !d.newClauseAt(lo)) {
			return 0, false
		}
		d.setSpeaker(st, lo, hi)
		return hi, true
	case how == spShared || (how == spInverted && c.ing && d.gapHas(c.i-1, ",")):
		if prev.contentAt(c.i) {
			return 0, false
		}
		if p := lastTaken(prev, found, st.sent); p != nil && p.Speaker != "" && p.CueStart < st.CueStart {
			st.Speaker, st.SpeakerStart, st.SpeakerEnd = p.Speaker, p.SpeakerStart, p.SpeakerEnd
			st.shared, st.from = true, p
			return hi, true
		}
		if lo, hi = d.subject(f, c.i); hi > lo && d.plausibleSpeaker(lo, hi) {
			d.setSpeaker(st, lo, hi)
			st.shared = true
			return hi, true
		}
	}
	return 0, false
}

// takesObject reports whether the stance verb c has an object starting at
// token k: nothing sets it off (but a quote may follow at once), it does not
// start with a preposition the verb does not take, a clause word, an
// auxiliary or a time word (a verb that needs a complement is asked
// whether it has one after, needsComplement).
func (d *doc) takesObject(c cue, k, l int) bool {
	if k >= l || (d.boundaryAfter(k-1) && !(d.tquote[k] >= 0 && !d.gapHas(k-1, ",;:()"))) {
		return false
	}
	switch {
	case c.j == c.i+1 && d.is(c.i, classAttitudeInf|classAttitudeSaid):
		// "declined to comment", not "declined 5 percent"; "offered a
		// response", not "offered a discount"
		return (d.is(c.i, classAttitudeInf) && d.infinitiveAt(k, l)) || (d.is(c.i, classAttitudeSaid) && (d.speechObject(k, l) || d.indirectSpeechObject(k, l)))
	case c.j == c.i+1 && d.is(c.i, classAttitudeAs):
		return d.asAfter(k, l) // "sees him as a threat", not "saw him there"
	case d.notAnObject(c, k):
		return false
	}
	return true
}

// needsComplement reports whether the stance c counts only with an object
// and its complement ("called it a disgrace"), which complementAfter
// finds: asked after the speaker, as it may run the tagger.
func (d *doc) needsComplement(c cue) bool {
	return d.is(c.i, classAttitudeCompl) && c.j == c.i+1
}

// infinitiveAt reports whether a to-infinitive starts at token k: "to"
// and a lowercase word that is no determiner, pronoun or number ("to
// comment", not "to a low", "to 5 percent").
func (d *doc) infinitiveAt(k, l int) bool {
	if k+1 >= l || d.low[k] != "to" || d.boundaryAfter(k) || d.tquote[k+1] >= 0 {
		return false
	}
	w := d.word(k + 1)
	return w != "" && w[0] >= 'a' && w[0] <= 'z' && !d.is(k+1, classDeterminer|classObjectPronoun|classTime|classPreposition) && !isNumber(d.low[k+1])
}

// speechObject reports whether the object phrase at token k is something
// said: a quote, or a phrase whose head is a speech noun ("offered [a
// heartfelt account of the strike]", "delivered [her final budget
// speech]", "gave [brief orders]").
func (d *doc) speechObject(k, l int) bool {
	if d.tquote[k] >= 0 {
		return true // "offered “my warmest wishes”"
	}
	lo, hi := d.npForward(k, l)
	for t := lo + 1; t < hi; t++ {
		if w := d.low[t]; w == "of" || w == "for" {
			hi = t // "a defence of the deal": its head before "of"
			break
		}
	}
	return hi > lo && d.is(hi-1, classSpeechNoun)
}

// asAfter reports whether the object phrase at token k is followed by
// "as" and its complement: "sees [Christie as a rival]".
func (d *doc) asAfter(k, l int) bool {
	lo, hi := d.npForward(k, l)
	if d.is(k, classObjectPronoun|classReflexive) {
		lo, hi = k, k+1 // "view her as"
	}
	if hi <= lo || hi+1 >= l || d.low[hi] != "as" || d.boundaryAfter(hi-1) || d.boundaryAfter(hi) || d.tquote[hi] >= 0 {
		return false
	}
	// Not "viewed the damage as a reporter watched": "as" opening a clause.
	clo, chi := d.npForward(hi+1, l)
	return chi <= clo || chi >= l || d.boundaryAfter(chi-1) || !(d.is(chi, classFiniteAux) || d.pastVerb(chi) || d.is(chi, classIrregularPast))
}

// notAnObject reports whether the word at token k cannot start the object of the
// stance verb c: a preposition (but "to" after the verbs that take it), a
// clause word (but "that", "whether", "how", "what", "why"), an auxiliary
// or a time word.
func (d *doc) notAnObject(c cue, k int) bool {
	w := d.low[k]
	return (d.is(k, classPreposition) && !(w == "to" && d.is(c.i, classAttitudeTo))) ||
		(d.is(k, classClauseWord) && w != "that" && w != "whether" && w != "how" && w != "what" && w != "why") ||
		d.is(k, classAuxiliary) || (d.is(k, classTime) && !d.timeOwner(k)) || d.adverb(k)
}

// adverb reports whether token k is an -ly adverb, not an -ly noun: "wrote
// angrily on Facebook", not "backed a rally".
func (d *doc) adverb(k int) bool {
	w := d.low[k]
	return len(w) > 4 && strings.HasSuffix(w, "ly") && !lyNouns[w] && !d.capitalized(k)
}

var lyNouns = set("family rally ally supply assembly anomaly monopoly bully belly reply")

// stanceEnd ends a stance's content, which starts at token k and ends at
// offset end, where the subject's next act begins, past a quote too:
// "and" or "but" and a verb ("called the levy “a rotten bargain” and
// [ranked] Okafor", "called it “absurd” and [saying]", "referred to
// jihadism but [was] careful"), or a manner clause ("attacked Fiorina [by
// reminding] voters").
func (d *doc) stanceEnd(k, l, end int) int {
	for t := k + 1; t+1 < l && d.toks[t].Start < end; t++ {
		if d.tquote[t] >= 0 {
			continue
		}
		if w := d.low[t]; (w == "and" || w == "but") && (d.finiteVerb(t+1) || d.clauseAfterAnd(t+1, l)) {
			return d.endPastQuote(t - 1)
		}
	}
	return end
}

// relativeClauseEnd ends a content that starts at token k inside a
// relative clause at the clause's comma or dash, before end.
func (d *doc) relativeClauseEnd(k, l, end int) int {
	for t := k; t < l && d.toks[t].Start < end; t++ {
		if d.tquote[t] < 0 && (d.gapHas(t, ",") || isDash(d.gap(t))) {
			return d.toks[t].End
		}
	}
	return end
}

var demonstratives = set("that this these those")

var modals = set("will would could should may might can must shall")

// attitudeSubject trims a relative clause off a subject phrase [lo, hi)
// ("European governments, whose leaders met in Lisbon, have pressed for":
// European governments) and takes the antecedent of "whose" ("Joe Biden,
// whose administration sought": Joe Biden).
func (d *doc) attitudeSubject(lo, hi, f int) (int, int) {
	for t := lo; t+1 < hi; t++ {
		if d.gapHas(t, ",") && (d.low[t+1] == "who" || d.low[t+1] == "whose") {
			return lo, t + 1
		}
	}
	if lo-2 >= f && d.low[lo-1] == "whose" && d.gapHas(lo-2, ",") && hi-lo <= 2 {
		if alo, ahi := d.npBack(lo-2, f); ahi > alo && d.capitalized(ahi-1) {
			for t := ahi - 2; t >= alo; t-- { // the name and its titles: "the policy of former President Joe Biden"
				if !d.capitalized(t) && !d.is(t, classTitle) {
					alo = t + 1
					break
				}
			}
			return alo, ahi
		}
	}
	return lo, hi
}

// plausibleSpeaker reports whether tokens [lo, hi) may name someone who
// takes a stance: a person pronoun, a name, or a phrase whose head (its last
// word) is a title, an organisation, a group of people or an actor.
func (d *doc) plausibleSpeaker(lo, hi int) bool {
	if hi <= lo {
		return false
	}
	head := d.low[hi-1]
	if (hi-lo == 1 && d.is(hi-1, classSubjectPronoun)) || head == "who" {
		return true
	}
	if isPronoun(head) || d.is(hi-1, classTime) {
		return false // "it", "Monday"
	}
	if d.is(hi-1, classTitle|classOrg|classGroup|classPeople|classHonorific) {
		return true
	}
	if d.capitalized(hi-1) && (hi-lo > 1 || lo != d.sfirst[d.tsent[lo]] || d.nameElsewhere(lo)) {
		return true // a name: "Graham", "the NAACP", "Cook County Circuit Judge Irene Vasko"
	}
	return unicode.IsLetter(rune(head[0])) && len(d.matchActors(d.text[d.toks[lo].Start:d.toks[hi-1].End])) > 0
}

// complementAfter reports whether an object phrase starting at token k is
// followed by its complement, in the clause: "called [it] a disgrace",
// "[him] divisive", "[the decision] “incomprehensible”".
func (d *doc) complementAfter(k, l int) bool {
	return d.complementAfterPhrase(k, l) || d.quotedComplement(k, l) || d.farQuotedComplement(k, l) || d.taggedComplement(k, l)
}

// quotedComplement reports whether a quote follows the object that starts
// at token k in its clause, with no comma or other mark before it: "called
// [the mill's plans to close its plant in Leeds] “a shameful betrayal”", a
// label in the speaker's words however long the object.
func (d *doc) quotedComplement(k, l int) bool {
	for t := k + 1; t < l && t < k+2*maxSpeakerWords; t++ {
		if d.tquote[t] >= 0 {
			return !d.gapHas(t-1, ",;:()")
		}
		if d.boundaryAfter(t-1) || d.is(t, classClauseWord|classFiniteAux) || d.verb(t) != 0 {
			return false // "called reporters in and said “...”": the quote is another verb's
		}
	}
	return false
}

// complementAfterPhrase is complementAfter by the object phrase's words.
func (d *doc) complementAfterPhrase(k, l int) bool {
	lo, hi := d.npForward(k, l)
	switch {
	case d.is(k, classObjectPronoun|classReflexive):
		lo, hi = k, k+1 // "called him divisive", "calling herself cautious"
	case demonstratives[d.low[k]] && k+1 < l && !d.boundaryAfter(k):
		lo, hi = d.npForward(k+1, l) // "called that vision “a necessary one”"
	}
	if hi <= lo || hi >= l {
		return false
	}
	if d.tquote[hi] >= 0 {
		return !d.gapHas(hi-1, ",;:()")
	}
	w := d.low[hi]
	return !d.boundaryAfter(hi-1) && !d.is(hi, classPreposition|classClauseWord|classAuxiliary|classTime) && !strings.HasSuffix(w, "ly") && !d.pastVerb(hi)
}

// taggedComplement reports whether the tagger finds an adjective (or a
// noun after a plural) right after a noun within the object phrase that
// starts at token k, which the phrase's words alone run together: "called
// [the decision] disrespectful", "[Mexican immigrants] rapists", "[her
// squabble with the agencies] unusual". The
// tagger reads the sentence only this far, and only for the verbs that
// need a complement.
func (d *doc) taggedComplement(k, l int) bool {
	// Only an object phrase of two words or more past its determiner may
	// hold a noun and then its complement: the tagger is not asked of
	// "the police", "a meeting".
	words := 0
	for t := k; t < l && words < 2 && (t == k || !d.boundaryAfter(t-1)) && !d.is(t, classClauseWord); t++ {
		if convened[d.low[t]] {
			return false // "called an emergency meeting of ...": convened, not named
		}
		if !d.is(t, classDeterminer|classPreposition) {
			words++
		}
	}
	if words < 2 {
		return false
	}
	// Tagged from a few words before the verb, not from the sentence's
	// start: the tagger looks two words and tags back, so the object's
	// tags are those of the whole sentence but for rare cases.
	f := max(d.sfirst[d.tsent[k]], k-3)
	n := min(l, k+maxSpeakerWords) - f
	tags := d.a.tagger.TagFirst(d.text, d.toks[f:l], n, d.bufs.tags[:0])
	d.bufs.tags = tags[:0]
	for t := k + 1; t-f < len(tags); t++ {
		if d.boundaryAfter(t-1) || d.tquote[t] >= 0 {
			return false
		}
		p, c := tags[t-1-f], tags[t-f]
		if (p.Noun() || p == postag.PRP) && (c == postag.JJ || adjectiveEnding(d.low[t]) || (p == postag.NNS && (c == postag.NN || c == postag.NNS))) {
			return true
		}
		if !p.Noun() && !p.Adjective() && p != postag.DT && p != postag.PRPS && p != postag.POS && p != postag.CD && p != postag.IN {
			return false // past the object phrase
		}
	}
	return false
}

// convened are the nouns that make "call" convene, not name: "called a
// meeting", "called an election".
var convened = set("meeting meetings session sessions conference election elections vote votes strike summit hearing hearings recess halt")

// adjectiveEnding reports whether w ends as only adjectives do, where the
// tagger, reading left to right, takes the word after a noun for another
// noun or a verb ("disrespectful", "lawful", "dangerous", "unacceptable").
func adjectiveEnding(w string) bool {
	for _, e := range [...]string{"ful", "ous", "less", "able", "ible", "ish"} {
		if len(w) > len(e)+2 && strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// nameElsewhere reports whether the sentence-initial word at token i is
// capitalised somewhere a common noun would not be: inside a sentence
// ("Prices rose" is no name, "Graham" is one where the text names him again).
func (d *doc) nameElsewhere(i int) bool {
	if d.capsInside == nil {
		d.countCapsInside()
	}
	w := d.low[i]
	k, ok := d.capsInside[w]
	if !ok { // no sentence's first word: counted now, once
		k = len(d.bufs.capsCount)
		d.bufs.capsCount = append(d.bufs.capsCount, 0)
		for t := d.nextCapitalized(0); t < len(d.toks); t = d.nextCapitalized(t + 1) {
			if d.capitalizedInside(t) && d.low[t] == w {
				d.bufs.capsCount[k]++
			}
		}
		d.capsInside[w] = k
	}
	n := d.bufs.capsCount[k]
	if d.capitalizedInside(i) {
		n--
	}
	return n > 0
}

// countCapsInside counts, for the first word of each sentence (the words
// nameElsewhere is asked of), the tokens of that word capitalized inside
// a sentence: counted once, as a transcript asks of many a word, and for
// those words only, so that each capitalized word costs a lookup in a
// small map rather than an insert into one of every name.
func (d *doc) countCapsInside() {
	// The map of the documents before, emptied: grown anew for each
	// document it was a twentieth of attribution's bytes.
	if d.bufs.capsInside == nil {
		d.bufs.capsInside = map[string]int{}
	}
	d.capsInside = d.bufs.capsInside
	clear(d.capsInside)
	counts := d.bufs.capsCount[:0]
	var filter wordFilter // of the words counted: most capitalized words are none, and need no lookup
	for s := range d.sents {
		if f := d.sfirst[s]; f < d.sfirst[s+1] {
			if _, ok := d.capsInside[d.low[f]]; !ok {
				d.capsInside[d.low[f]] = len(counts)
				counts = append(counts, 0)
				filter.add(d.low[f])
			}
		}
	}
	for t := d.nextCapitalized(0); t < len(d.toks); t = d.nextCapitalized(t + 1) {
		if d.capitalizedInside(t) && filter.may(d.low[t]) {
			if k, ok := d.capsInside[d.low[t]]; ok {
				counts[k]++
			}
		}
	}
	d.bufs.capsCount = counts
}

// wordFilter is a set of words that may answer yes for a word not in it,
// and never no for one in it: a bit of 256 for each word's first and last
// bytes and length.
type wordFilter [4]uint64

func wordBit(w string) uint {
	if w == "" {
		return 0
	}
	return (uint(w[0])*131 + uint(w[len(w)-1])*31 + uint(len(w))) & 255
}

func (f *wordFilter) add(w string) { b := wordBit(w); f[b>>6] |= 1 << (b & 63) }

func (f *wordFilter) may(w string) bool { b := wordBit(w); return f[b>>6]&(1<<(b&63)) != 0 }

// capitalizedInside reports whether token k is capitalized and not the
// first of its sentence.
func (d *doc) capitalizedInside(k int) bool {
	return d.capitalized(k) && k != d.sfirst[d.tsent[k]]
}
