package attribution

import (
	"strings"

	"github.com/slant-news/slant/analysis/postag"
)

// Judgments in the passive with no one named who judges: "The mayor is
// known for her short speeches", "The new tax was roundly criticized as
// unfair", "The ship is not thought to be seaworthy", "It has been
// reported that ...". Like "is expected to" (sourceless.go), each is a
// statement of no source: its content is the subject and what the
// participle says of it, in two pieces around the cue.

// judgedForms are the participles of a passive judgment, a name or a
// report that reports someone's view ("is considered a landmark", "is known
// as", "was lambasted") rather than an act ("was signed", "was passed").
var judgedForms = set("known called declared designated identified listed considered thought believed rumored reported rated accused criticized criticised condemned derided lambasted celebrated praised questioned deemed labeled labelled billed dubbed branded portrayed described hailed touted regarded viewed seen perceived panned alleged suspected")

// judgedTo are the participles whose judgment may be an infinitive: "is
// thought to be", "is said to have".
var judgedTo = set("known considered thought believed rumored reported said seen alleged suspected")

// judgedFor are the participles whose judgment may name its grounds with
// "for" ("is known for his wit", "was sharply criticized for"), or, the
// second two, "of" ("is accused of").
var judgedFor = set("known criticized criticised praised celebrated condemned lambasted hailed touted panned derided accused suspected")

// judgedNoun are the participles whose judgment may be a bare noun phrase
// or adjective: "is considered a nuisance", "have been deemed unsafe".
var judgedNoun = set("called declared considered deemed labeled labelled dubbed branded rated")

// judgedAlone are the participles that judge with nothing after them:
// "was swiftly condemned.", "has never been questioned".
var judgedAlone = set("criticized criticised condemned derided lambasted praised celebrated questioned panned announced revealed disclosed confirmed mentioned denied rebuffed debated")

// judgedThat are the participles of an impersonal report, "it is said
// that", "it has been reported that".
var judgedThat = set("known thought believed rumored reported said alleged understood")

// judged builds the statement of the passive judgment whose participle is
// token i, or nil: a form of "be" before it (past adverbs: "is widely
// known", "has never been seriously questioned"; not an infinitive, "to be
// seen as": not yet a judgment), no agent after it ("by" names who judges:
// another rule's speaker), and after it what the judgment says.
func (d *doc) judged(i int, prev *taken) *draft {
	w := d.low[i]
	be := d.passiveBe(i)
	f, l := d.sfirst[d.tsent[i]], d.sfirst[d.tsent[i]+1]
	if be < 0 || (d.low[be] == "be" && be > f && d.low[be-1] == "to") {
		return nil
	}
	g, k := d.groupStart(be), i+1
	end := k < l && d.boundaryAfter(i) && !d.judgedQuote(i)
	switch {
	case k < l && !end && d.itReported(g, i):
		return d.noSource(g-1, i, k+1) // "It has been reported that ..."
	case k >= l || end:
		if judgedAlone[w] || (w == "known" && d.low[i-1] == "widely") {
			return d.judgedSubjectOnly(g, i) // "was swiftly condemned.", "is widely known"
		}
		return nil
	case !d.judgement(w, k):
		if judgedAlone[w] && d.is(k, classAdverbialPrep|classTime) {
			return d.judgedSubjectOnly(g, i) // "was much derided at first"
		}
		return nil
	}
	st := d.noSource(g, i, k)
	if st == nil {
		return nil
	}
	if st.End = d.judgementEnd(k, l, st.End, prev); st.End < 0 {
		return nil
	}
	return d.withSubject(st, g)
}

// judgedQuote reports whether a quote opens right after the participle of
// judgedNoun at token i: "was labeled “False”".
func (d *doc) judgedQuote(i int) bool {
	return judgedNoun[d.low[i]] && d.tquote[i+1] >= 0 && d.tquote[i] < 0 && !d.gapHas(i, ",")
}

// itReported reports whether the verb group from token g to the
// participle at token i, after "it" and before "that", is an impersonal
// report: "it has been reported that", "it is said that".
func (d *doc) itReported(g, i int) bool {
	f := d.sfirst[d.tsent[i]]
	return g > f && d.low[g-1] == "it" && !d.boundaryAfter(g-1) && judgedThat[d.low[i]] && d.low[i+1] == "that"
}

// judgement reports whether what starts at token k says the judgment of
// the participle w: "as ...", the grounds of judgedFor, the infinitive of
// judgedTo, the noun phrase of judgedNoun.
func (d *doc) judgement(w string, k int) bool {
	switch n := d.low[k]; {
	case n == "as":
		return judgedForms[w]
	case n == "for", n == "of":
		return judgedFor[w]
	case n == "to":
		return judgedTo[w]
	case n == "by" || n == "that":
		return false // the agent, who is the source; a clause another rule reads
	case judgedNoun[w]:
		return d.is(k, classDeterminer) || d.tquote[k] >= 0 || !(d.is(k, classPreposition|classClauseWord|classAuxiliary) || d.verb(k) != 0)
	}
	return false
}

// phraseEnds reports whether the gap g between two words ends a phrase:
// a comma, semicolon, bracket or dash.
func phraseEnds(g string) bool { return strings.ContainsAny(g, ",;:()") || isDash(g) }

// judgementEnd returns where the judgment that starts at token k ends,
// before end: a phrase, not a clause, it ends at its first comma or other
// mark (before quote marks open in it), or before the cue of a statement
// found already ("what is known as the Plan grew so popular that the council
// issued a statement saying ...": the council's); -1 when it names the
// agent with "by".
func (d *doc) judgementEnd(k, l, end int, prev *taken) int {
	for t := k; t < l && d.toks[t].End <= end; t++ {
		if d.low[t] == "by" && d.tquote[t] < 0 {
			return -1 // "has been called a hero by her rivals": the agent is the source
		}
		if t > k && prev.cueAt(t) {
			return d.toks[t-1].End
		}
		if t+1 < l && !(d.tquote[t] >= 0 && d.tquote[t] == d.tquote[t+1]) && phraseEnds(d.gap(t)) {
			return d.endPastQuote(t) // the comma may close a quote: "billed as “Rain or Shine,” the fair ..."
		}
	}
	return end
}

// passiveBe returns the form of "be" of the passive participle at token i
// ("is", "was", "has been", "are not", "is widely"), past up to three
// auxiliaries and adverbs, or -1.
func (d *doc) passiveBe(i int) int {
	f := d.sfirst[d.tsent[i]]
	for k := i - 1; k >= f && k >= i-4 && !d.boundaryAfter(k); k-- {
		switch {
		case d.is(k, classPassiveAux):
			return k
		case !d.is(k, classAuxiliary|classConnective) && !isAdverbLy(d.low[k]) && !passiveAdverbs[d.low[k]]:
			return -1
		}
	}
	return -1
}

// groupStart returns the first word of the verb group whose "be" is
// token be: "has" of "has never been", "is" of "is widely known".
func (d *doc) groupStart(be int) int {
	f := d.sfirst[d.tsent[be]]
	for be > f && !d.boundaryAfter(be-1) && d.is(be-1, classAuxiliary) && !d.is(be-1, classPassiveAux) {
		be--
	}
	return be
}

// passiveAdverbs may stand in a passive's verb group besides the
// auxiliaries, connectives and adverbs in -ly: "was much derided", "has
// since been denied".
var passiveAdverbs = set("much since well")

// isAdverbLy reports whether the word w looks like an adverb of manner
// ("widely", "roundly"): longer than four letters, ending in "ly".
func isAdverbLy(w string) bool { return len(w) > 4 && w[len(w)-2:] == "ly" }

// judgedSubjectOnly builds the statement of a judgment that ends its
// clause ("The decision was swiftly condemned."): the subject
// alone is its content; nil with none.
func (d *doc) judgedSubjectOnly(be, i int) *draft {
	lo, hi := d.judgedSubject(be)
	if hi <= lo || !d.subjectHead(lo, hi) {
		return nil
	}
	st := d.newDraft(draft{sent: d.tsent[i], after: false})
	st.CueStart, st.CueEnd = d.toks[be].Start, d.toks[i].End
	st.Cue = d.text[st.CueStart:st.CueEnd]
	st.SpeakerStart, st.SpeakerEnd = st.CueStart, st.CueStart
	return d.setContent(st, d.toks[lo].Start, d.toks[hi-1].End)
}

// subjectHead reports whether the subject [lo, hi) of a judgment that is
// all its statement's content ends with a noun, by the tagger's tags, or
// is a pronoun ("it", "which"): not the end of a clause ("Lavrov's claim
// that the talks had failed was denied": no "failed").
func (d *doc) subjectHead(lo, hi int) bool {
	if hi == lo+1 && (isPronoun(d.low[lo]) || d.is(lo, classClauseWord)) {
		return true
	}
	_, h := d.nounBack(hi-1, lo)
	return h > 0
}

// withSubject adds the subject before the "be" at token be to st's
// content, as its first piece ("[The new tax] was roundly criticized
// [as unfair]"); st as it is without one, nil for nil.
func (d *doc) withSubject(st *draft, be int) *draft {
	if st == nil {
		return nil
	}
	lo, hi := d.judgedSubject(be)
	return d.addSubject(st, lo, hi)
}

// addSubject adds tokens [lo, hi), when there are any, to st's content as
// its first piece, and decides its kind again by the quotes it now holds.
func (d *doc) addSubject(st *draft, lo, hi int) *draft {
	if hi <= lo {
		return st
	}
	subj := [2]int{d.toks[lo].Start, d.toks[hi-1].End}
	st.Spans = [][2]int{subj, {st.Start, st.End}}
	st.Start = subj[0]
	d.classify(st)
	return st
}

// judgedSubject returns the tokens of the subject that ends before the
// "be" at token be: a noun phrase, or the relative pronoun of a clause
// ("a chef, who is known for ...").
func (d *doc) judgedSubject(be int) (int, int) {
	f := d.sfirst[d.tsent[be]]
	if be-1 < f || d.boundaryAfter(be-1) {
		return 0, 0
	}
	switch d.low[be-1] {
	case "who", "which", "what", "that":
		return be - 1, be
	case "and", "but", "or":
		return 0, 0 // "... and was roundly praised": the subject is further back
	}
	return d.npBack(be-1, f)
}

// namedForms are the participles of a name or a judgment that follow the
// noun they qualify, with no "be" ("solvents known as glycols",
// "Smith, referred to as the best baker in town", "a fair billed as
// ...", "a novel titled “...”").
var namedForms = set("known called billed referred denounced described viewed seen regarded titled dubbed nicknamed labeled labelled")

// namedAdverbs may stand before such a participle: "now known as",
// "once known as".
var namedAdverbs = set("now also once often commonly derisively widely still partly sometimes originally")

// reducedJudged builds the statement of the participle of namedForms at
// token i qualifying the noun phrase before it, or nil: "as" after it (or
// the quote of a title, after "titled", "dubbed", "nicknamed"), and before
// it, past adverbs, a noun or a comma, not a pronoun or a form of "be" or
// "have" (the active "whom she described as", the passive judged reads).
func (d *doc) reducedJudged(i int, prev *taken) *draft {
	l := d.sfirst[d.tsent[i]+1]
	k := i + 1
	if d.low[i] == "referred" && k < l && d.low[k] == "to" && !d.boundaryAfter(i) {
		k++
	}
	if k >= l {
		return nil
	}
	title := d.tquote[k] >= 0 && d.tquote[k-1] < 0 && (d.low[i] == "titled" || d.low[i] == "dubbed" || d.low[i] == "nicknamed")
	if d.low[i] == "called" {
		// "the old mill, now called Granary Hall": only after an
		// adverb, as "called" is most often the active verb
		title = i > d.sfirst[d.tsent[i]] && namedAdverbs[d.low[i-1]] && (d.capitalized(k) || d.tquote[k] >= 0)
	}
	if !title && (d.low[k] != "as" || d.boundaryAfter(k-1)) {
		return nil
	}
	lo, hi := d.namedNoun(i)
	if hi <= lo {
		return nil
	}
	st := d.noSource(hi, k-1, k) // the cue to "to" of "referred to"
	if st == nil {
		return nil
	}
	if st.End = d.judgementEnd(k, l, st.End, prev); st.End < 0 {
		return nil
	}
	return d.addSubject(st, lo, hi)
}

// namedNoun returns the noun phrase the participle at token i qualifies,
// past the adverbs before it: right before it ("solvents known as"), or
// before a comma or dash ("Smith, referred to as", "the mill -- now
// known as"); none when a pronoun, a name alone or a verb form stands
// there (the active "whom she described as", "Smith described as", the
// passive judged reads).
func (d *doc) namedNoun(i int) (int, int) {
	f := d.sfirst[d.tsent[i]]
	a := i
	for a > f && namedAdverbs[d.low[a-1]] && !d.boundaryAfter(a-1) {
		a--
	}
	b := a - 1
	if b < f || d.tquote[b] >= 0 {
		return 0, 0
	}
	if !d.boundaryAfter(b) {
		if d.is(b, classAuxiliary|classPassiveAux|classSubjectPronoun|classClauseWord|classPreposition) || d.low[b] == "it" ||
			(d.is(b, classObjectPronoun) && !(b > f && d.is(b-1, classPreposition))) {
			return 0, 0
		}
		if d.is(b, classObjectPronoun) {
			return d.npBack(b, f) // "many of them"
		}
		lo, hi := d.nounBack(b, f)
		if hi == lo+1 && d.capitalized(lo) {
			return 0, 0
		}
		return lo, hi
	}
	if g := d.gap(b); !strings.Contains(g, ",") && !isDash(g) {
		return 0, 0
	}
	return d.nounBack(b, f)
}

// nounBack returns the noun phrase that ends with the noun at token b, by
// the tagger's tags (npBack would run on over "runs on" in "The plant
// runs on solvents known as ..."): back over nouns, adjectives,
// determiners, numbers and possessives; none when token b is no noun.
func (d *doc) nounBack(b, f int) (int, int) {
	w := max(f, b-maxSpeakerWords-2) // the tagger reads two words back: the phrase's window, not the sentence's prefix
	tags := d.a.tagger.TagFirst(d.text, d.toks[w:d.sfirst[d.tsent[b]+1]], b-w+2, d.bufs.tags[:0])
	d.bufs.tags = tags[:0]
	if !tags[b-w].Noun() {
		return 0, 0
	}
	lo := b
	for lo > w && !d.boundaryAfter(lo-1) && b-lo < maxSpeakerWords {
		if t := tags[lo-1-w]; !(t.Noun() || t.Adjective() || t == postag.DT || t == postag.CD || t == postag.POS || t == postag.PRPS) {
			break
		}
		lo--
	}
	return lo, b + 1
}

// praisedForms are the participles of a judgment that may stand before
// the noun they judge, after an adverb of degree: "her much-praised
// album", "a well-received debut", "a long-awaited report".
var praisedForms = set("praised panned received awaited anticipated criticized criticised derided maligned touted celebrated respected acclaimed")

// praisedAdverbs are those adverbs ("highly criticized" is left out: as
// often an intensifier of the noun's own sense as someone's judgment).
var praisedAdverbs = set("much well widely long oft critically")

// praisedNoun builds the statement of the judgment before a noun whose
// participle is token i, or nil: the noun phrase it judges, to the end of
// its phrase, is the content; the cue is the adverb and the participle.
func (d *doc) praisedNoun(i int, prev *taken) *draft {
	f, l := d.sfirst[d.tsent[i]], d.sfirst[d.tsent[i]+1]
	a := i - 1
	if a < f || !praisedAdverbs[d.low[a]] || (d.gap(a) != " " && d.gap(a) != "-") || i+1 >= l || d.boundaryAfter(i) {
		return nil
	}
	if a > f && !d.boundaryAfter(a-1) && !d.is(a-1, classDeterminer|classHolderPronoun|classPreposition) {
		return nil // "is widely praised", "has long criticized": a verb's, not a noun's
	}
	w := max(f, a-2) // the tagger reads two words back
	tags := d.a.tagger.TagFirst(d.text, d.toks[w:l], min(i+3, l)-w, d.bufs.tags[:0])
	d.bufs.tags = tags[:0]
	if t := tags[i+1-w]; !t.Noun() && !((t.Adjective() || t == postag.CD) && i+2 < l && tags[i+2-w].Noun()) {
		return nil
	}
	st := d.noSource(a, i, i+1)
	if st == nil {
		return nil
	}
	if st.End = d.judgementEnd(i+1, l, st.End, prev); st.End < 0 {
		return nil
	}
	return st
}
