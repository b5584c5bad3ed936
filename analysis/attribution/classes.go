package attribution

import "strings"

// wordClass is a set of word classes: the speaker_words.txt sections a
// word is listed in, the reporting_verbs.txt lists it is in, and the closed
// classes of grammar below. The rules ask of nearly every word whether it
// is in one class or another, many times over: a document looks each of
// its words up once (newDoc), and the rules read the token's bits
// (doc.is), not a map per class.
type wordClass uint64

const (
	// speaker_words.txt sections
	classHonorific wordClass = 1 << iota
	classTitle
	classOrg
	classTime
	classGroup
	classFemale
	classMale
	classPeople
	classRecord
	classLabel

	// reporting_verbs.txt
	classHonorificStem // an honorific once a dot is added ("mr" of "Mr.")
	classMultiCue      // the first word of a multi-word cue ("according")
	classCueNoun       // [nouns]
	classFeeling       // [feeling]
	classHolderNoun    // [holder-nouns]
	classAttitude      // a one-word form of [attitude] or [attitude-complement]
	classMultiAttitude // the first word of a multi-word [attitude] form
	classAttitudeTo    // [attitude-to]
	classAttitudeCompl // [attitude-complement]
	classAttitudeInf   // [attitude-infinitive]
	classAttitudeAs    // [attitude-as]
	classAttitudeSaid  // [attitude-speech-object]
	classSpeechNoun    // [speech-nouns]
	classPassiveStance // [attitude-passive]
	classInfinitive    // [infinitive]

	// closed classes (the sets of closedClasses)
	classDeterminer
	classAuxiliary
	classPassiveAux
	classSubjectPronoun
	classClauseWord
	classPreposition
	classObjectPronoun
	classFiniteAux
	classModal
	classBe
	classFeelingLink
	classFeelingAdverb
	classHolderPronoun
	classSeem
	classPerceived
	classReflexive
	classNotParticiple
	classIrregularPast
	classQuestionWord
	classSourcelessCue
	classConnective
	classSentenceAdverb
	classAdverbialPrep
	classStatementSubordinator
	classHeadlineWord
	classNameParticle        // by the lowercase word: nameParticles holds the word as written
	classPerspective         // the nouns of "in X's view"
	classStrongPast          // past forms not in -ed (strongPasts)
	classParticiplePrep      // a preposition before a participle cue (participlePreps)
	classNumberWord          // numberWords
	classTimeUnit            // timeUnits
	classTimeRelation        // timeRelation
	classOpeningSubordinator // openingSubordinators
	classQuantifier          // quantifiers

	// Not classes of the word but of the token, set by newDoc: it starts
	// with a capital letter (doc.capitalized), a phrase cannot run on from
	// it to the next (doc.boundaryAfter), its gap to the next is more than
	// one space, or it is the last (doc.gapHas).
	classCapitalized
	classBoundaryAfter
	classGapAfter
)

// closedClasses gives the closed word sets the rules ask of a token their
// class bits.
var closedClasses = map[wordClass]map[string]bool{
	classDeterminer:     determiners,
	classAuxiliary:      auxiliaries,
	classPassiveAux:     passiveAux,
	classSubjectPronoun: subjectPronouns,
	classClauseWord:     clauseWords,
	classPreposition:    prepositions,
	classObjectPronoun:  objectPronouns,
	classFiniteAux:      finiteAux,
	classModal:          modals,
	classBe:             beForms,
	classFeelingLink:    feelingLinks,
	classFeelingAdverb:  feelingAdverbs,
	classHolderPronoun:  holderPronouns,
	classSeem:           seemForms,
	classPerceived:      perceived,
	classReflexive:      reflexives,
	classNotParticiple:  notParticiples,
	classIrregularPast:  irregularPast,
	classQuestionWord:   questionWords,
	classSourcelessCue:  sourcelessCues,
	// Asked of most words of a sentence, by map until these bits.
	classConnective:            connectives,
	classSentenceAdverb:        sentenceAdverbs,
	classAdverbialPrep:         adverbialPrepositions,
	classStatementSubordinator: statementSubordinators,
	classHeadlineWord:          headlineWords,
	classNameParticle:          nameParticles,
	classPerspective:           perspectiveNouns,
	classStrongPast:            strongPasts,
	classParticiplePrep:        participlePreps,
	// Asked of the words of time phrases, by map until these bits.
	classNumberWord:          numberWords,
	classTimeUnit:            timeUnits,
	classTimeRelation:        timeRelation,
	classOpeningSubordinator: openingSubordinators,
	classQuantifier:          quantifiers,
}

// wordInfo is what attribution knows of a lowercase word: its classes and,
// for a one-word cue form, the cue's kind.
type wordInfo struct {
	class wordClass
	verb  cueKind
}

// wordInfos gathers the classes of every word the lexicon and the closed
// classes list.
func (lx *lexicon) wordInfos() map[string]wordInfo {
	m := map[string]wordInfo{}
	add := func(w string, c wordClass) {
		wi := m[w]
		wi.class |= c
		m[w] = wi
	}
	for w, c := range lx.classes {
		add(w, c)
		if c&classHonorific != 0 && strings.HasSuffix(w, ".") {
			add(strings.TrimSuffix(w, "."), classHonorificStem)
		}
	}
	for w, k := range lx.verbs {
		wi := m[w]
		wi.verb = k
		m[w] = wi
	}
	for w := range lx.multi {
		add(w, classMultiCue)
	}
	for c, words := range map[wordClass]map[string]bool{classCueNoun: lx.nouns, classInfinitive: lx.infinitive, classFeeling: lx.feelings, classAttitude: lx.att.verbs, classAttitudeTo: lx.att.to, classAttitudeCompl: lx.att.compl, classAttitudeInf: lx.att.inf, classAttitudeAs: lx.att.as, classAttitudeSaid: lx.att.said, classSpeechNoun: lx.att.nouns, classPassiveStance: lx.att.by} {
		for w := range words {
			add(w, c)
		}
	}
	for w := range lx.holderNouns {
		add(w, classHolderNoun)
	}
	for w := range lx.att.multi {
		add(w, classMultiAttitude)
	}
	for c, words := range closedClasses {
		for w := range words {
			add(w, c)
		}
	}
	return m
}

// sectionClass maps a speaker_words.txt section to its class; sections the
// extractor does not read map to none.
func sectionClass(section string) wordClass {
	switch section {
	case "honorific":
		return classHonorific
	case "title":
		return classTitle
	case "org":
		return classOrg
	case "time":
		return classTime
	case "group":
		return classGroup
	case "female":
		return classFemale
	case "male":
		return classMale
	case "people":
		return classPeople
	case "record":
		return classRecord
	case "label":
		return classLabel
	}
	return 0
}

// is reports whether the lowercase word is listed in any of the sections
// of c (classes may be or-ed together).
func (lx *lexicon) is(c wordClass, lower string) bool { return lx.words.get(lower).class&c != 0 }

// isFold is lx.is(c, strings.ToLower(w)), without the lowered copy of w
// for an ASCII word.
func (lx *lexicon) isFold(c wordClass, w string) bool { return lx.fold(w).class&c != 0 }

// fold returns the classes of strings.ToLower(w): by the word in a map,
// as the vocabulary's lookup would keep a lowered copy on the heap.
func (lx *lexicon) fold(w string) wordInfo {
	wi, _ := lookupFold(lx.infos, w)
	return wi
}

// is reports whether token i is in any of the classes of c.
func (d *doc) is(i int, c wordClass) bool { return d.info[i].class&c != 0 }

// verb returns the kind of the one-word cue form token i is, or 0.
func (d *doc) verb(i int) cueKind { return d.info[i].verb }

// Closed word classes: grammar, not lexicon, so they live here.
var (
	determiners = set("the a an his her their its our my your this these those no any some such every each another")
	auxiliaries = set("has have had is are was were be been being will would can could should may might must do does did not never also just still already even again then further only first later once often repeatedly reportedly publicly privately separately subsequently previously recently initially ultimately finally last long ever n't" +
		" don't doesn't didn't isn't aren't wasn't weren't won't wouldn't can't couldn't shouldn't hasn't haven't hadn't" +
		" don’t doesn’t didn’t isn’t aren’t wasn’t weren’t won’t wouldn’t can’t couldn’t shouldn’t hasn’t haven’t hadn’t")
	passiveAux            = set("is are was were be been being")
	indefinite            = set("a an one another some several two three many other")
	subjectPronouns       = set("he she they we i " + contractedSubjects)
	notParticiples        = set("including according following regarding concerning during notwithstanding excluding something nothing anything everything morning evening bring thing things")
	adverbialPrepositions = set("in on at for during after before since over")
	connectives           = set("meanwhile however too though also instead nevertheless nonetheless moreover furthermore indeed therefore still separately similarly likewise too alone")
	finiteAux             = set("is are was were will would can could should may might must has have had do does did isn't aren't wasn't weren't won't wouldn't can't couldn't shouldn't hasn't haven't hadn't doesn't didn't")
	clauseWords           = set("that which who whom whose when while because since if as but so than where whether although though after before until unless and or nor what why how")
	prepositions          = set("in on at for from with by about to into of over under during after before against among between through without within via per amid despite toward towards upon")
	personalPronouns      = set("i we he she they it you there this that these those")
	objectPronouns        = set("him her them us me you it")
	reflexives            = set("himself herself itself themselves ourselves myself yourself")
)

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
