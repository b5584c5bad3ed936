package attribution

import "strings"

// wordClass is a set of speaker_words.txt sections: a word's classes are
// looked up once, not section by section, as attribution asks of nearly
// every word.
type wordClass uint16

const (
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
)

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
func (lx *lexicon) is(c wordClass, lower string) bool { return lx.classes[lower]&c != 0 }

// Closed word classes: grammar, not lexicon, so they live here.
var (
	determiners           = set("the a an his her their its our my your this these those no any some such every each another")
	auxiliaries           = set("has have had is are was were be been being will would can could should may might must do does did not never also just still already even again then further only first later once often repeatedly reportedly publicly privately separately subsequently previously recently initially ultimately finally last long n't")
	passiveAux            = set("is are was were be been being")
	indefinite            = set("a an one another some several two three many other")
	subjectPronouns       = set("he she they we i")
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
