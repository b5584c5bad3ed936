package attribution

import "github.com/slant-news/slant/analysis/postag"

// Statements with no source: "Mrs. Clinton is expected to win", "It's
// unclear whether ...", "She was asked whether ...", "The strategy appears
// to be ..." report what someone expects, doubts, asks or perceives
// without saying who. PolNeAR annotates them; they
// are kept with no speaker and no actor, so that they count among an
// article's statements (the denominator of a voice share, as the
// annotation's shares count them) and for no one's voice.

// questionWords open the content of "was asked" and "it is unclear".
var questionWords = set("whether if why how what who when where which about")

// sourcelessCues are the cue words of sourcelessAt beside seemForms and
// perceived.
var sourcelessCues = func() map[string]bool {
	m := set("expected asked reportedly there")
	for w := range sourcelessKinds {
		m[w] = true
	}
	return m
}()

// cueKinds are the rules a cue word of sourcelessAt may start, one bit
// each, so that a word is looked up once, not in every rule's set.
type cueKinds uint8

const (
	kindJudged     cueKinds = 1 << iota // judgedCue: a passive judgment
	kindAlone                           // judgedAlone, judgedNoun, "known": a judgment the clause may end with or a quote follow
	kindNamed                           // namedForms: a participle after its noun
	kindPraised                         // praisedForms: a judgment before its noun
	kindImpersonal                      // impersonalAdjectives
)

// sourcelessKinds gives the cueKinds of each word of the rules' sets.
var sourcelessKinds = func() map[string]cueKinds {
	m := map[string]cueKinds{"known": kindAlone}
	for k, sets := range map[cueKinds][]map[string]bool{
		kindJudged: {judgedCue}, kindAlone: {judgedAlone, judgedNoun}, kindNamed: {namedForms},
		kindPraised: {praisedForms}, kindImpersonal: {impersonalAdjectives},
	} {
		for _, words := range sets {
			for w := range words {
				m[w] |= k
			}
		}
	}
	return m
}()

// judgedCue holds the participles of judged (passives.go).
var judgedCue = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range []map[string]bool{judgedForms, judgedTo, judgedThat} { // the others are subsets
		for w := range s {
			m[w] = true
		}
	}
	return m
}()

// sourceless finds the statements with no source, past the cues of the
// statements found already (prev).
func (d *doc) sourceless(prev *taken) []*draft {
	var out []*draft
	for _, i := range d.starts {
		if !d.is(i, sourceStarts) || d.tquote[i] >= 0 {
			continue
		}
		if heldBy(out, d.tsent[i], d.toks[i].Start) {
			continue // "The mayor is expected to open the fair, dubbed ...": inside the content of one found
		}
		if st := d.sourcelessAt(i, prev); st != nil {
			out = append(out, st)
		}
	}
	return out
}

// heldBy reports whether offset at, in sentence s, is inside the content
// of one of the statements ds, in text order, of that sentence.
func heldBy(ds []*draft, s, at int) bool {
	for j := len(ds) - 1; j >= 0 && ds[j].sent == s; j-- {
		if ds[j].holds(at) {
			return true
		}
	}
	return false
}

// sourcelessAt builds the statement with no source whose cue word is
// token i, or nil.
func (d *doc) sourcelessAt(i int, prev *taken) *draft {
	w := d.low[i]
	kinds := d.a.lex.words.kinds[d.ids[i]]
	if d.boundaryAfter(i) {
		switch {
		case prev.contentAt(i) || prev.cueAt(i):
			return nil
		case kinds&kindAlone != 0:
			return d.judged(i, prev) // "was swiftly condemned.", "is widely known —", "was labeled “False”"
		case w == "asked":
			return d.askedQuote(i)
		case kinds&kindNamed != 0:
			return d.reducedJudged(i, prev) // "a thriller titled “...”"
		}
		return nil
	}
	switch {
	case w == "reportedly":
		return d.reportedly(i, prev)
	case prev.cueAt(i):
		return nil
	case d.is(i, classSeem):
		if prev.contentAt(i) {
			return nil // "Lindqvist said there seem to be ...": Lindqvist's words
		}
		return d.seems(i, prev)
	case kinds&kindImpersonal != 0:
		return d.impersonal(i, prev)
	case w == "there":
		if prev.contentAt(i) {
			return nil
		}
		return d.thereIs(i, prev)
	}
	if st := d.askedFirst(i); st != nil {
		return st
	}
	if st := d.afterBe(i); st != nil {
		return st
	}
	if kinds == 0 || prev.contentAt(i) {
		return nil
	}
	return d.judgedAfterNoun(i, kinds, prev)
}

// judgedAfterNoun builds the statement of a judgment in the passive, in a
// participle after its noun or in one before it, by the kinds of the word
// at token i, or nil.
func (d *doc) judgedAfterNoun(i int, kinds cueKinds, prev *taken) *draft {
	if kinds&kindJudged != 0 {
		if st := d.judged(i, prev); st != nil {
			return st
		}
	}
	if kinds&kindNamed != 0 {
		if st := d.reducedJudged(i, prev); st != nil {
			return st
		}
	}
	if kinds&kindPraised != 0 {
		return d.praisedNoun(i, prev)
	}
	return nil
}

// afterBe builds the statement of "is expected to", "is widely seen as",
// "was asked whether", "it is unclear whether", the cue word at token i
// after its "be", or nil.
func (d *doc) afterBe(i int) *draft {
	w, next := d.low[i], d.low[i+1]
	be := d.beBefore(i)
	if be < 0 {
		return nil
	}
	if w == "expected" && (next == "to" || expectedWhen[next]) {
		return d.expected(be, i) // "Mrs. Clinton is expected to win", "could be expected to", "A verdict is expected in June"
	}
	if be > d.sfirst[d.tsent[i]] && d.is(be-1, classModal) {
		return nil
	}
	switch {
	case d.is(i, classPerceived) && next == "as" && d.low[be] != "be":
		return d.expected(be, i) // "Trump is widely seen as the favorite"
	case w == "asked" && (questionWords[next] || next == "to" || d.questionObject(i+1)):
		return d.noSource(be, i, i+1) // "was asked whether", "was asked to name", "was asked a question about"
	}
	return nil
}

// expectedWhen are the words that open when something is expected: "A
// verdict is expected in June", "is expected any day now".
var expectedWhen = set("in on by at before within next this soon anytime later shortly")

// questionObject reports whether a question, as a noun, is the object of
// "asked" from token k: "a question", "a series of questions", "the
// first question".
func (d *doc) questionObject(k int) bool {
	l := d.sfirst[d.tsent[k]+1]
	if !d.is(k, classDeterminer) {
		return false
	}
	for t := k + 1; t < l && t <= k+3 && !d.boundaryAfter(t-1); t++ {
		if w := d.low[t]; w == "question" || w == "questions" || w == "series" {
			return true
		}
	}
	return false
}

// askedQuote builds the statement of "X was asked, “...?”", "asked" at
// token i before a comma and the quote of the question, or nil.
func (d *doc) askedQuote(i int) *draft {
	if i+1 >= len(d.toks) || d.tsent[i+1] != d.tsent[i] || d.tquote[i+1] < 0 || !d.gapHas(i, ",") {
		return nil
	}
	be := d.beBefore(i)
	if be < 0 {
		return nil
	}
	return d.noSource(be, i, i+1)
}

// askedFirst builds the statement of a question that opens a sentence or
// follows "when", "asked" at token i: "Asked whether he would run, Trump
// said ...", "When asked about the merger, ...", "..., Halvorsen said when
// asked whether ...": the question, up to its comma, is the content,
// asked by no one named (or by the one after "by": "Asked by Nora Vance
// whether ..."). Else nil.
func (d *doc) askedFirst(i int) *draft {
	f := d.sfirst[d.tsent[i]]
	opens := i == f || (i > f && (d.low[i-1] == "when" || (i == f+1 && (d.low[f] == "as" || d.low[f] == "after"))))
	if d.low[i] != "asked" || !opens {
		return nil
	}
	l := d.sfirst[d.tsent[i]+1]
	k := d.pastAskedAdverbial(i+1, l)
	if k >= l || !(questionWords[d.low[k]] || d.low[k] == "to") {
		return nil
	}
	lo := i
	if i == f+1 {
		lo = f
	}
	st := d.noSource(lo, i, k)
	if st == nil {
		return nil
	}
	if d.low[i+1] == "by" && k > i+2 { // "Asked by Nora Vance whether ...": the asker is the source
		d.setSpeaker(st, i+2, k)
	}
	return d.setContent(st, st.Start, d.questionEnd(k, l, st.End))
}

// pastAskedAdverbial returns the token after a short phrase between
// "asked" and its question, which starts at token k ("asked on Monday
// whether", "asked by Nora Vance whether", "asked at the conference
// about"), or k when there is none.
func (d *doc) pastAskedAdverbial(k, l int) int {
	if k+1 < l && (askedAdverbs[d.low[k]] || d.is(k, classTime)) && !d.boundaryAfter(k) {
		k++ // "when asked later whether", "Asked Monday about the plan"
	}
	if k >= l || !d.is(k, classPreposition) || d.low[k] == "about" || d.low[k] == "to" {
		return k
	}
	for t := k + 1; t < l && t <= k+5 && !d.boundaryAfter(t-1); t++ {
		if (questionWords[d.low[t]] && d.low[t] != "about") || (d.low[t] == "about" && t > k+1) {
			return t
		}
	}
	return k
}

// askedAdverbs are the adverbs that may stand between "asked" and its
// question.
var askedAdverbs = set("afterward afterwards later again specifically repeatedly directly once recently earlier")

// questionEnd returns where a question that opens a sentence at token k
// ends, before end: at its first comma, in quote marks or not ("Asked if
// she is “fit to lead,” 58 percent said"), or before the speaker of
// the answer when no comma comes ("Asked if it did Quill said, ...").
func (d *doc) questionEnd(k, l, end int) int {
	for t := k; t < l && d.toks[t].Start < end; t++ {
		if t > k+1 && d.verb(t) == cueSpeech && d.capitalized(t-1) {
			if lo, hi := d.npBack(t-1, k); hi > lo && lo > k {
				return d.toks[lo-1].End
			}
		}
		if d.gapHas(t, ",") {
			return d.toks[t].End
		}
	}
	return end
}

// noSource builds a statement with no source whose cue is tokens [lo, hi]
// and whose content starts at token k and runs to the end of its clause.
func (d *doc) noSource(lo, hi, k int) *draft {
	s := d.tsent[hi]
	st := d.newDraft(draft{sent: s, after: true})
	st.CueStart, st.CueEnd = d.toks[lo].Start, d.toks[hi].End
	st.Cue = d.text[st.CueStart:st.CueEnd]
	st.SpeakerStart, st.SpeakerEnd = st.CueStart, st.CueStart
	if k >= d.sfirst[s+1] {
		return nil
	}
	return d.setContent(st, d.toks[k].Start, d.contentEnd(d.toks[k].Start, d.sfirst[s+1], d.sents[s].End))
}

// perceived are the participles of a passive perception with no one
// named who perceives: "is widely seen as" (not "to be seen as": not yet).
var perceived = set("seen viewed regarded perceived")

// seemForms are the verbs of how things appear, with no one named to
// whom: "The council's budget appears to be built on ...", "It
// seems the public's view of her has shifted".
var seemForms = set("seem seems seemed appear appears appeared look looks looked sound sounds sounded")

// seems builds the statement of "X seems to ..." (the subject is no
// speaker, or the stance rules would have taken it: "Mr Lavrov appeared to
// rule out") or "it seems (that) ...", the verb at token i; else nil.
func (d *doc) seems(i int, prev *taken) *draft {
	f := d.sfirst[d.tsent[i]]
	switch k := i + 1; {
	case d.low[k] == "to" && i > f && !d.boundaryAfter(i-1) && d.low[i-1] != "it" && !looksForms[d.low[i]]:
		return d.expected(i, i) // not "the team looks to build on ...": an aim, the team's
	case i > f && d.low[i-1] == "it" && !d.boundaryAfter(i-1) && (d.low[k] == "that" || isClauseSubject(d.low[k]) || d.is(k, classDeterminer) || d.low[k] == "like"):
		if d.low[k] == "that" || d.low[k] == "like" {
			k++ // "It seemed like the talks had stalled"
		}
		return d.noSource(i-1, i, k)
	case i > f && !d.boundaryAfter(i-1) && d.low[i-1] != "it" && d.seemsAdjective(i):
		st := d.expected(i, i) // "The bridge looks increasingly shaky", "The old bridge seemed unsafe"
		if st == nil || d.toWhom(st) {
			return nil
		}
		if st.End = d.judgementEnd(k, d.sfirst[d.tsent[i]+1], st.End, prev); st.End < 0 {
			return nil
		}
		if n := len(st.Spans); n > 0 {
			st.Spans[n-1][1] = st.End
		}
		return st
	}
	return nil
}

// looksForms are the verbs of seemForms that say how something looks
// only with an adjective or "like" after them: "looks to" is an aim.
var looksForms = set("look looks looked sound sounds sounded")

// toWhom reports whether the content of st, a look's, names to whom it
// looks so ("seemed cold to me", "looked odd to him"): the one it
// seems so to is the source, for another rule.
func (d *doc) toWhom(st *draft) bool {
	for t := d.tokenAt(st.Start); t+1 < len(d.toks) && d.toks[t].Start < st.End; t++ {
		if d.low[t] == "to" && d.is(t+1, classObjectPronoun) && !d.boundaryAfter(t) {
			return true
		}
	}
	return false
}

// seemsAdjective reports whether an adjective (past an adverb: "somewhat
// uneasy") or "like" and a noun phrase follows the verb of seemForms at
// token i: how someone or something looks, to no one named.
func (d *doc) seemsAdjective(i int) bool {
	f, l := d.sfirst[d.tsent[i]], d.sfirst[d.tsent[i]+1]
	k := i + 1
	if d.low[k] == "like" {
		return k+1 < l && !d.boundaryAfter(k) && (d.is(k+1, classDeterminer) || d.capitalized(k+1))
	}
	if d.capitalized(k) || d.is(k, seemsNotAdjective) || d.verb(k) != 0 {
		return false // most words after "seems": "to", "that", a name, a verb
	}
	// The tagger reads two words back: a window from there to the word
	// after an adverb and an adjective costs a few words, not the
	// sentence's prefix, on every "seems" of a corpus.
	w := max(f, i-2)
	tags := d.a.tagger.TagFirst(d.text, d.toks[w:l], min(k+3, l)-w, d.bufs.tags[:0])
	d.bufs.tags = tags[:0]
	if tags[k-w] == postag.RB && k+1 < l && !d.boundaryAfter(k) {
		k++
	}
	return tags[k-w].Adjective() && (k+1 >= l || d.boundaryAfter(k) || !tags[k+1-w].Noun())
}

// seemsNotAdjective are the closed classes of the words that are no
// adjective after a verb of seemForms.
const seemsNotAdjective = classDeterminer | classAuxiliary | classSubjectPronoun | classClauseWord | classPreposition | classObjectPronoun | classPassiveAux | classReflexive

// reportedly builds the statement of a clause with "reportedly" at token
// i ("Two grocery chains have reportedly looked at the mill"): the clause,
// from its subject, reported by no one named; nil inside another
// statement's content or without a subject before it.
func (d *doc) reportedly(i int, prev *taken) *draft {
	f := d.sfirst[d.tsent[i]]
	lo, hi := d.subject(f, i)
	if hi <= lo && i > f && !d.boundaryAfter(i-1) {
		lo, hi = d.nounBack(i-1, f) // "..., angry delegates reportedly walked out": a common noun's phrase
	}
	if hi <= lo || prev.contentAt(i) || i+1 >= d.sfirst[d.tsent[i]+1] {
		return nil
	}
	st := d.noSource(i, i, i+1)
	if st == nil {
		return nil
	}
	return d.setContent(st, d.toks[lo].Start, st.End)
}

// expected builds the statement of "X is expected to ...", "expected" at
// token i after the "be" at token be (or "X appears to ...", be = i): its
// content is what is expected, X and the infinitive, in two pieces around
// the cue.
func (d *doc) expected(be, i int) *draft {
	return d.withSubject(d.noSource(be, i, i+1), d.groupStart(be))
}
