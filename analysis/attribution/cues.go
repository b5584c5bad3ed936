package attribution

import (
	"strings"

	"github.com/slant-news/slant/analysis/segment"
)

// cueKind says how a reporting verb takes its speaker and content.
type cueKind uint8

const (
	cueSpeech    cueKind = iota + 1 // said, added: content after or before it
	cueTell                         // told: an addressee comes before the content
	cueThought                      // believes: content only as a clause
	cueAccording                    // according to: the speaker follows
)

// lexicon is the parsed word lists, read once by NewAttributor and shared
// read-only by the Attributors made from it.
type lexicon struct {
	verbs      map[string]cueKind    // one-word cue forms
	multi      map[string][]multiCue // first word -> the multi-word cues it starts
	multiByID  [][]multiCue          // the same by the first word's ID in words: cueAt reads a token's
	classes    map[string]wordClass  // the speaker_words.txt sections each word is listed in
	words      *wordTable            // every listed word's classes (classes.go)
	infos      map[string]wordInfo   // the same by word, for isFold
	nouns      map[string]bool       // cue forms that are also nouns
	infinitive map[string]bool       // cue forms whose content may be a to-infinitive ("vowed to")
	evidence   map[string]bool       // cue forms whose content may be a noun phrase when a record speaks ("the poll shows")
	genders    map[string]int        // lowercase first name -> male or female (first_names.txt)
	att        *attitudeWords        // the [attitude...] sections of reporting_verbs.txt
	feelings   map[string]bool       // adjectives of thought and feeling after "be" ([feeling])
	// holderNouns maps a noun cue to the words that take its content
	// ([holder-nouns]: "claim that", "promise to that").
	holderNouns map[string]map[string]bool
	// honorificLen is the longest honorific's length in bytes: an ASCII
	// word longer is none, without a lookup (mayBeHonorific).
	honorificLen int
}

// newLexicon parses the embedded word lists.
func newLexicon(files map[string][]byte) *lexicon {
	reportingVerbsFile := string(files[ReportingVerbs])
	speakerWordsFile := string(files[SpeakerWords])
	lx := &lexicon{
		verbs:       map[string]cueKind{},
		multi:       map[string][]multiCue{},
		classes:     map[string]wordClass{},
		nouns:       map[string]bool{},
		infinitive:  map[string]bool{},
		evidence:    map[string]bool{},
		feelings:    map[string]bool{},
		holderNouns: map[string]map[string]bool{},
	}
	kinds := map[string]cueKind{"speech": cueSpeech, "tell": cueTell, "thought": cueThought, "evidence": cueThought, "according": cueAccording}
	mkind := map[string]cueKind{} // multi-word cue (words joined by space) -> kind: the last section listing it
	eachSection(reportingVerbsFile, func(section, line string) {
		if strings.HasPrefix(section, "attitude") {
			return // attitudes.go reads these
		}
		if section == "holder-nouns" {
			if ws := strings.Fields(line); len(ws) > 1 {
				lx.holderNouns[ws[0]] = set(strings.Join(ws[1:], " "))
			}
			return
		}
		if section == "nouns" || section == "infinitive" || section == "feeling" {
			m := map[string]map[string]bool{"nouns": lx.nouns, "infinitive": lx.infinitive, "feeling": lx.feelings}[section]
			for _, w := range strings.Fields(line) {
				m[w] = true
			}
			return
		}
		k := kinds[section]
		for _, form := range strings.Fields(line) {
			if section == "evidence" {
				lx.evidence[form] = true
			}
			parts := strings.Split(form, "_")
			if len(parts) == 1 {
				if _, dup := lx.verbs[form]; !dup { // first section wins: speech before thought
					lx.verbs[form] = k
				}
				continue
			}
			lx.multi[parts[0]] = append(lx.multi[parts[0]], multiCue{rest: parts[1:]})
			mkind[strings.Join(parts, " ")] = k
		}
	})
	for w, ms := range lx.multi {
		for k := range ms {
			ms[k].kind = mkind[w+" "+strings.Join(ms[k].rest, " ")]
		}
	}
	eachSection(speakerWordsFile, func(section, line string) {
		for _, w := range strings.Fields(line) {
			lx.classes[w] |= sectionClass(section)
		}
	})
	lx.genders = firstNames(string(files[FirstNames]))
	lx.att = attitudeLexicon(reportingVerbsFile)
	lx.infos = lx.wordInfos()
	lx.words = newWordTable(lx.infos)
	lx.multiByID = byID(lx.words, lx.multi)
	lx.att.multiByID = byID(lx.words, lx.att.multi)
	for w, wi := range lx.infos {
		if wi.class&classHonorific != 0 {
			lx.honorificLen = max(lx.honorificLen, len(w))
		}
	}
	return lx
}

// mayBeHonorific reports whether w may fold to an honorific: not when it
// is ASCII, which folds to as many bytes, and longer than every one.
// mergeAfterHonorifics asks it of the last word of nearly every sentence.
func (lx *lexicon) mayBeHonorific(w string) bool {
	return len(w) <= lx.honorificLen || !segment.IsASCII(w)
}

// eachSection calls fn for every non-comment line under a [section] header.
func eachSection(file string, fn func(section, line string)) {
	section := ""
	for line := range strings.Lines(file) {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || line[0] == '#':
		case line[0] == '[' && line[len(line)-1] == ']':
			section = line[1 : len(line)-1]
		default:
			fn(section, line)
		}
	}
}

// firstNames maps a lowercase first name to male or female; a name listed
// under both is left out.
func firstNames(firstNamesFile string) map[string]int {
	m := map[string]int{}
	g := map[string]int{"male": male, "female": female}
	eachSection(firstNamesFile, func(section, line string) {
		for _, w := range strings.Fields(line) {
			if old, seen := m[w]; seen && old != g[section] {
				m[w] = unknown
				continue
			}
			m[w] = g[section]
		}
	})
	return m
}

func (lx *lexicon) firstNameGender(name string) int {
	g, _ := lookupFold(lx.genders, name)
	return g
}

// isFirstName reports whether a lowercase word is listed in first_names.txt.
func (lx *lexicon) isFirstName(lower string) bool {
	_, ok := lx.genders[lower]
	return ok
}

func (lx *lexicon) honorificGender(h string) int {
	switch {
	case lx.is(classFemale, h):
		return female
	case lx.is(classMale, h):
		return male
	}
	return unknown
}

// multiCue is a multi-word cue after its first word: the words that
// follow and the cue's kind, found once rather than by joining the words at
// every match.
type multiCue struct {
	rest []string
	kind cueKind
}

// cue is a reporting verb or phrase found in the text: tokens [i, j).
type cue struct {
	kind cueKind
	i, j int
	ing  bool // a participle: "..., saying" shares its clause's subject
}

// findCues finds the reporting verbs and phrases outside quotes. A word
// form that is also a noun ("reports", "claims", "states") counts only where
// no determiner makes it one.
func (d *doc) findCues() []cue {
	out := d.bufs.cues[:0] // the document before's
	next := 0              // past the cue found last
	for _, i := range d.starts {
		if i < next || (d.verb(i) == 0 && !d.is(i, cueStarts)) || d.tquote[i] >= 0 || !d.mayStartCue(i) {
			continue
		}
		c := d.cueAt(i)
		if c.kind == 0 || (c.j == i+1 && d.nounOrInfinitiveCue(c)) {
			continue
		}
		c.ing = strings.HasSuffix(d.low[i], "ing") && c.j == i+1
		out = append(out, c)
		next = c.j
	}
	d.bufs.cues = out
	return out
}

// mayStartCue reports whether token i may start a cue: a lowercase word,
// or the capitalised "According" of "According to X, ...", or a speech
// verb in a headline set in title case ("Ada Brandt Says She Would
// Order A Recount").
func (d *doc) mayStartCue(i int) bool {
	if word := d.word(i); word != "" && word[0] >= 'a' && word[0] <= 'z' {
		return true
	}
	w := d.low[i]
	return w == "according" || (d.verb(i) == cueSpeech && d.titleCase(i))
}

// cueAt returns the cue that starts at token i, the longest multi-word cue
// first ("told reporters", "according to"); its kind is 0 when there is
// none.
func (d *doc) cueAt(i int) cue {
	lx := d.a.lex
	c := cue{i: i, j: i + 1}
	if d.is(i, classMultiCue) {
		for _, m := range lx.multiByID[d.ids[i]] {
			if d.followedBy(i, m.rest) {
				c.j = i + 1 + len(m.rest)
				c.kind = m.kind
				break
			}
		}
	}
	if c.kind == 0 {
		c.kind = d.verb(i)
	}
	return c
}

// nounOrInfinitiveCue reports whether the one-word cue c is a noun or an
// infinitive by the words before it: "the reports", "his claims", "Mr
// Rubio’s remarks"; "a common answer", "the latest reports" (a noun after
// its adjective); "to say" (an infinitive, content of something else).
func (d *doc) nounOrInfinitiveCue(c cue) bool {
	i := c.i
	joined := i > 0 && d.sameSentence(i-1, i) && !d.boundaryAfter(i-1) // the word before runs on to the cue
	switch {
	case joined && (d.is(i-1, classDeterminer) || d.gapHas(i-1, "’'")):
		return true
	case joined && isNumber(d.low[i-1]) && strings.HasSuffix(d.low[i], "ed"):
		return true // "312 pledged delegates": an adjective
	case d.is(i, classCueNoun) && i > 1 && d.sameSentence(i-2, i) && !d.boundaryAfter(i-2) && !d.boundaryAfter(i-1) && d.is(i-2, classDeterminer) && !d.capitalized(i-1) && !d.singularSubject(i-1, i) && !d.pluralSubject(i-1, i):
		return true
	}
	return joined && d.low[i-1] == "to" && c.kind != cueAccording
}

// singularSubject reports whether token k is a singular noun that names
// a speaker or a record (a title, organisation, group, people or record
// word) and the cue form i after it an -s form: then the two are subject
// and verb, "the candidate claims", "the report notes", not a noun after
// its modifier ("the latest reports", "a news briefing", "the news
// reports").
func (d *doc) singularSubject(k, i int) bool {
	return d.is(k, classTitle|classOrg|classGroup|classPeople|classRecord) && !strings.HasSuffix(d.low[k], "s") && strings.HasSuffix(d.low[i], "s")
}

// titleCase reports whether token i is inside a sentence set in title case,
// as headlines are: past its first word, and with at most one word in
// four (the short function words) lowercase.
func (d *doc) titleCase(i int) bool {
	s := d.tsent[i]
	f, l := d.sfirst[s], d.sfirst[s+1]
	if i == f || l-f < 4 {
		return false
	}
	lower := 0
	for k := f; k < l; k++ {
		if !d.capitalized(k) {
			lower++
		}
	}
	return 4*lower <= l-f
}

// followedBy reports whether the tokens after i spell rest, in one sentence
// and outside quotes.
func (d *doc) followedBy(i int, rest []string) bool {
	if i+len(rest) >= len(d.toks) {
		return false
	}
	for k, w := range rest {
		t := i + 1 + k
		if d.low[t] != w || d.boundaryAfter(t-1) || d.tquote[t] >= 0 {
			return false
		}
	}
	return true
}
