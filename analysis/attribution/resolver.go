package attribution

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/slant-news/slant/analysis/segment"
)

// resolver resolves speaker phrases in text order, remembering who spoke
// and who was named.
type resolver struct {
	d         *doc
	lx        *lexicon
	persons   []person            // named people, in text order
	full      map[string]string   // last name -> the fullest name given
	fullKeys  uint64              // a bit per key of full (keyBit): most words looked up in full are not, and need no lookup
	namesakes map[string][]string // last name -> the other full names given (namesakes.go)
	seen      *seen               // the candidates for pronouns and descriptions, indexed
	genders   map[string]int      // resolved name -> gender, as worked out
	named     map[string]bool     // full names of persons, built when first needed
	asked     asked               // isPerson's last question and answer
	nameOf    map[string]string   // namedIn's answers by phrase
	groups    []group             // plural speakers resolved so far, for "they"
	toks      []segment.Token     // nameIn's words, reused
	acts      []int               // resolve1's actors, reused
	counted   []int               // resolve1's actors of a statement that counts its parties, reused
	indices   []int               // actorsOf's answers, one after another
	names     []string            // resolve1's names, reused
	low       []byte              // officeMatch's phrase lowered, reused
	fulls     []string            // each person's fullNameAs, "" until first asked (fullOf)
	key       []byte              // fold's word lowered, reused
	// actorsOf's answers by name, as spans of indices: for persons and
	// for descriptions, which officeMatch reads.
	personActs, officeActs map[string][2]int
}

// release hands the resolver's slices back to the buffers, for the next
// document.
func (r *resolver) release() {
	b := r.d.bufs
	b.rlow, b.rkey, b.racts, b.rnames, b.rtoks = r.low[:0], r.key[:0], r.acts[:0], r.names[:0], r.toks[:0]
	b.rcounted, b.rindices = r.counted[:0], r.indices[:0]
	clear(r.fulls)
	b.rfulls = r.fulls[:0]
	b.seenSubjects, b.seenSpeakers = r.seen.all.subjects[:0], r.seen.all.speakers[:0]
}

// person is a named person in the text: name is the name without titles,
// desc the words that described them ("Russian foreign minister", as
// written: seen lowers them when a description is first resolved).
type person struct {
	at        int
	name      string
	desc      string
	honorific string // "mr", "ms", ... when the text gives one
	subject   bool   // named as a sentence's subject
	// When subject is false, the token that is the sentence's subject if
	// the person is one (doc.subjectStart), or -1: asked only of a text
	// whose seen needs its subjects (seen.everyone).
	subjectAt int
}

func newResolver(d *doc) *resolver {
	clear(d.bufs.persons) // the article before's
	b := d.bufs
	b.full, b.genders, b.namedIn = emptied(b.full), emptied(b.genders), emptied(b.namedIn)
	b.personActs, b.officeActs = emptied(b.personActs), emptied(b.officeActs)
	r := &resolver{d: d, lx: d.a.lex, full: b.full, genders: b.genders, nameOf: b.namedIn, persons: b.persons[:0],
		low: b.rlow[:0], key: b.rkey[:0], acts: b.racts[:0], names: b.rnames[:0], toks: b.rtoks[:0],
		counted: b.rcounted[:0], indices: b.rindices[:0], personActs: b.personActs, officeActs: b.officeActs}
	// Runs of capitalised words outside quotes, broken at punctuation and
	// possessives, are names; titles in front are descriptions.
	// The cheapest tests first: most words are lowercase.
	for i := d.nextCapitalized(0); i < len(d.toks); i = d.nextCapitalized(i) {
		if d.tquote[i] >= 0 || d.is(i, classTime) {
			i++
			continue
		}
		j := i + 1
		for j < len(d.toks) && (d.capitalized(j) || d.nameParticle(j)) && (!d.boundaryAfter(j-1) || d.initial(j-1)) && d.toks[j-1].End == d.toks[j-1].KeyEnd && (!d.is(j, classTime) || d.surname(j)) {
			j++
		}
		if r.addPerson(i, j) {
			r.noteFull(&r.persons[len(r.persons)-1], j-1)
		}
		i = j
	}
	d.bufs.persons = r.persons // kept for the next document
	r.fulls = resize(b.rfulls, len(r.persons))
	clear(r.fulls)
	r.seen = newSeen(r)
	return r
}

// noteFull records the name of person p, whose last token is last, under
// its last word lowered (r.full), or beside the name held there
// (addNamesake), when the name has more than one word (it starts and ends
// with a word).
func (r *resolver) noteFull(p *person, last int) {
	d := r.d
	var key string // strings.ToLower of the last word
	if t := d.toks[last]; t.Start > p.at && d.text[t.Start-1] == ' ' && t.End == t.KeyEnd {
		key = d.low[last] // most names: the last word is the last token's, lowered already
	} else if k := lastSpace(p.name); k >= 0 {
		_, n := utf8.DecodeRuneInString(p.name[k:])
		key = strings.ToLower(p.name[k+n:])
	} else {
		return // one word
	}
	full, seen := "", false
	if r.fullKeys&keyBit(key) != 0 { // else the key is new
		full, seen = r.full[key]
	}
	if !seen {
		r.full[key] = p.name
		r.fullKeys |= keyBit(key)
	} else if full != p.name { // else addNamesake has nothing to add
		r.addNamesake(key, p.name)
	}
}

// addPerson reads the capitalised run [i, j) as a person, with the title
// words before it as its description, and adds it to r.persons, if it is
// one (most runs are not: no copy of a person is made for them).
func (r *resolver) addPerson(i, j int) bool {
	d := r.d
	start := i
	for start < j && d.is(start, classDeterminer|classClauseWord|classPreposition) {
		start++
	}
	name, titled, hon := start, false, ""
	for k := start; k < j; k++ {
		honorific := d.is(k, classHonorific|classHonorificStem) // "Mr" as "Mr."
		if honorific || d.is(k, classTitle) {
			name, titled = k+1, true
			if honorific {
				hon = strings.TrimSuffix(d.low[k], ".")
			}
		}
	}
	if !r.nameRun(name, j, titled) {
		return false
	}
	// The description: lowercase title words just before ("defence
	// secretary Pete Hegseth"), or an apposition "his counterpart, X".
	lo := start
	for (lo-1 >= 0 && !d.boundaryAfter(lo-1) && i-lo < 6 && !d.is(lo-1, classClauseWord|classPreposition)) || (lo-1 >= 0 && d.low[lo-1] == "of" && !d.boundaryAfter(lo-1)) {
		lo--
	}
	desc := d.text[d.toks[lo].Start:d.toks[name].Start]
	if lo > 0 && lo == start && d.is(lo-1, classGapAfter) && strings.TrimSpace(d.gap(lo-1)) == "," { // the bit: not a single space
		if alo, ahi := d.npBack(lo-1, d.sfirst[d.tsent[lo-1]]); ahi > alo {
			desc = d.text[d.toks[alo].Start:d.toks[ahi-1].End]
		}
	}
	// Whether the run is its sentence's subject ("Foreign Ministry
	// spokeswoman Irena Kovac scoffed ..."): past these tests, asked
	// later (subjectAt).
	subj := start == d.sfirst[d.tsent[i]] || (lo == d.sfirst[d.tsent[i]] && r.titlesOnly(lo, start))
	at := -1
	if !subj {
		at = i
	}
	r.persons = append(r.persons, person{at: d.toks[name].Start, name: d.text[d.toks[name].Start:d.toks[j-1].End], desc: desc, honorific: hon, subject: subj, subjectAt: at})
	return true
}

// nameRun reports whether the capitalized words [name, j), after any
// titles (titled), name a person: not an organisation, not a lone word
// the text never gives in full without a title, not a headline.
func (r *resolver) nameRun(name, j int, titled bool) bool {
	d := r.d
	if name >= j || d.is(j-1, classOrg) || (!titled && j-name < 2 && !r.fullOfLast(d.low[j-1])) {
		return false
	}
	return !r.headline(name, j)
}

// fullOfLast reports whether r.full holds the lowercase last name w: most
// capitalized words alone are no last name given before, and their bit is
// not set.
func (r *resolver) fullOfLast(w string) bool {
	return r.fullKeys&keyBit(w) != 0 && r.full[w] != ""
}

// fullFold is lookupFold(r.full, w)'s name, looked up only when the bit
// of w lowered is set.
func (r *resolver) fullFold(w string) string {
	var buf [foldMax]byte
	if low, ok := lowerASCII(buf[:0], w); ok {
		if r.fullKeys&keyBit(low) == 0 {
			return ""
		}
		return r.full[string(low)]
	}
	return r.full[strings.ToLower(w)]
}

// keyBit is the bit of fullKeys for the key w: of its length and first
// byte, which most words that are not a key do not share with one.
func keyBit[S ~string | ~[]byte](w S) uint64 {
	if len(w) == 0 {
		return 1
	}
	return 1 << ((uint(len(w)) + 7*uint(w[0])) & 63)
}

// headline reports whether the capitalized words [lo, hi) are a headline
// or a heading, not a name: four or more with a function word or a verb
// among them ("Farmers Share Their Frankest Views On The New Tariffs",
// "Mayor Calls On Drivers To Slow Down"), or three or more in capitals
// ("DUBIOUS SAFETY RECORDS").
func (r *resolver) headline(lo, hi int) bool {
	if hi-lo < 3 {
		return false
	}
	d := r.d
	caps := true
	for k := lo; k < hi; k++ {
		w := d.word(k)
		caps = caps && upperAlready(w) && len(w) > 1
		if hi-lo >= 4 && (d.is(k, classHeadlineWord) || d.verb(k) != 0) {
			return true
		}
	}
	return caps
}

// headlineWords are the function words a headline capitalizes and a name
// does not hold.
var headlineWords = set("on to their his her its our my your the a an in for with before after over about against from into is are was were will would be has have says said calls")

// titlesOnly reports whether tokens [lo, hi) are a description made of
// titles, names and determiners ("Foreign Ministry spokeswoman").
func (r *resolver) titlesOnly(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if !r.d.capitalized(k) && !r.lx.is(classTitle, r.d.low[k]) && !determiners[r.d.low[k]] && r.d.low[k] != "of" {
			return false
		}
	}
	return true
}

func (d *doc) subjectStart(i int) bool {
	lo, hi := d.sentenceSubject(d.tsent[i])
	return hi > lo && lo <= i && i < hi
}

// sentenceSubject is d.subject over the whole of sentence s, worked out
// once per sentence.
func (d *doc) sentenceSubject(s int) (int, int) {
	if d.subjects[s][0] < 0 {
		lo, hi := d.subject(d.sfirst[s], d.sfirst[s+1])
		d.subjects[s] = [2]int{lo, hi}
	}
	return d.subjects[s][0], d.subjects[s][1]
}

// resolve sets a draft's Resolved and Actors.
func (r *resolver) resolve(st *draft) {
	defer r.seen.spoke(st)
	defer r.noteGroup(st)
	if st.cont || (st.shared && st.from != nil) {
		if p := st.from; p != nil {
			st.Resolved, st.Actors = p.Resolved, p.Actors
			if p.Resolved == "" { // from a later statement, not resolved yet
				r.resolve1(st)
			}
		}
		return
	}
	r.resolve1(st)
}

func (r *resolver) resolve1(st *draft) {
	st.Resolved, st.Actors = "", nil
	if st.Speaker == "" {
		return
	}
	names := r.names[:0]
	if strings.Contains(st.Speaker, " and ") {
		for _, part := range splitCoordination(st.Speaker) {
			names = append(names, r.denote(part, st))
		}
	} else {
		names = append(names, r.denote(st.Speaker, st)) // one speaker: splitCoordination's one part, without its slices
	}
	r.names = names
	st.Resolved = strings.Join(names, "; ")
	// The actors by their index in the table, a few per statement: a slice
	// to scan, not a map made per statement.
	acts := r.acts[:0]
	triedSpeaker := false // officeMatch(st.Speaker) found no actor
	for _, n := range names {
		person := r.isPerson(n)
		acts = addActors(acts, r.actorsOf(n, person), -1) // a description: the actors that qualify the office
		triedSpeaker = triedSpeaker || (!person && n == st.Speaker)
	}
	if len(acts) == 0 && !triedSpeaker {
		acts = addActors(acts, r.actorsOf(st.Speaker, false), -1)
	}
	if len(acts) == 0 {
		if n := countsOf(st.Speaker); n > 0 {
			// "the two countries’ top diplomats": the countries the
			// statement names first.
			r.counted = r.appendIndices(r.counted[:0], r.d.matchActors(r.d.text[st.Start:st.End]))
			acts = addActors(acts, r.counted, n)
		}
	}
	r.acts = acts
	if len(acts) == 0 {
		return // no actor: the table need not be gone through
	}
	slices.Sort(acts) // in table order
	for _, i := range acts {
		st.Actors = append(st.Actors, r.d.a.actors.List[i].Name)
	}
}

// splitCoordination splits "Mr Ushakov and Mr Waltz" into its speakers.
func splitCoordination(s string) []string {
	parts := strings.Split(s, " and ")
	for _, p := range parts {
		if p == "" || (p[0] < utf8.RuneSelf && !('A' <= p[0] && p[0] <= 'Z')) { // strings.ToLower(p[:1]) == p[:1]
			return []string{s}
		}
	}
	return parts
}

// denote says whom a speaker phrase denotes: pronouns go to the latest
// person who spoke or was a sentence's subject; descriptions to the person
// the text described so, or else to the latest speaker of the same actor;
// names to their fullest form in the text.
func (r *resolver) denote(phrase string, st *draft) string {
	at := st.SpeakerStart
	// The phrase lowered on the stack when it is ASCII: most phrases are
	// names, for which the lowered words are not needed.
	var buf [foldMax]byte
	low, ok := lowerASCII(buf[:0], phrase)
	if !ok {
		low = []byte(strings.ToLower(phrase))
	}
	switch string(low) {
	case "he", "him", "his":
		return r.pronoun(phrase, at, male)
	case "she", "her":
		return r.pronoun(phrase, at, female)
	case "they", "their":
		return r.they(phrase, at)
	case "we", "i", "it", "you":
		return phrase
	}
	if bytes.Contains(low, []byte("his")) || bytes.Contains(low, []byte("her")) { // as the first word
		words := strings.Fields(strings.ToLower(phrase))
		if len(words) == 2 && (words[0] == "his" || words[0] == "her") && r.lx.is(classGroup, words[1]) {
			return r.ownVoice(phrase, words, at)
		}
	}
	if name := r.namedIn(phrase); name != "" {
		return name
	}
	lowered := phrase // strings.ToLower(phrase), from low: copied only when it differs
	if string(low) != phrase {
		lowered = string(low)
	}
	var first, last string
	if ok { // ASCII
		first, last = firstAndLastASCII(lowered)
	} else {
		first, last, _ = firstAndLastField(lowered)
	}
	if indefinite[first] {
		return phrase // "one senior official", "a spokesman": someone new, not a person named before
	}
	if name, ok := r.describedAs(phrase, last, at); ok {
		return name
	}
	return phrase
}

// ownVoice resolves "his office", "her spokesman" (words) to the person's
// own voice: "Sergey Lavrov's office".
func (r *resolver) ownVoice(phrase string, words []string, at int) string {
	if p := r.pronoun(words[0], at, map[string]int{"his": male, "her": female}[words[0]]); p != words[0] {
		return p + "'s " + words[1]
	}
	return phrase
}

// namedIn returns the person a speaker phrase names, or "" (findNamedIn),
// found once per phrase: the answer rests on the names of the whole text
// alone, and a text gives most of its speakers again and again.
func (r *resolver) namedIn(phrase string) string {
	if name, ok := r.nameOf[phrase]; ok {
		return name
	}
	name := r.findNamedIn(phrase)
	r.nameOf[phrase] = name
	return name
}

// findNamedIn returns the person a speaker phrase names, or "": in an
// apposition the name after a description ("Ms. Reyes's campaign manager,
// Owen Pratt") or before one ("Halvorsen, Oregon's governor"),
// else the name in the phrase.
func (r *resolver) findNamedIn(phrase string) string {
	if i := strings.Index(phrase, ","); i > 0 {
		before := strings.TrimSpace(phrase[:i])
		if p := strings.LastIndexByte(before, '('); p > 0 && strings.HasSuffix(before, ")") {
			before = strings.TrimSpace(before[:p]) // "Sen. Ada Brandt (R-Neb.)"
		}
		if last := before[strings.LastIndexByte(before, ' ')+1:]; !isUpperAt(last, 0) {
			if name := r.nameIn(phrase[i+1:]); name != "" {
				return name
			}
		}
		if name := r.nameIn(before); name != "" {
			return name
		}
		if allCapitalized(before) {
			return r.fullName(before) // a last name alone
		}
	}
	return r.nameIn(phrase)
}

// describedAs resolves a description whose head (its last word, last)
// is a title: to a person the text introduced so who spoke first ("the
// president" after Mr Trump spoke is Mr Trump), else the last person the
// text described so, else the latest person of the phrase's actor ("the
// Russian foreign minister" after Mr Lavrov spoke).
func (r *resolver) describedAs(phrase, last string, at int) (string, bool) {
	head := strings.Trim(last, ",.")
	if !r.lx.is(classTitle, head) && !strings.HasSuffix(head, "official") {
		return "", false
	}
	if p, ok := r.seen.latestDescribed(at, head); ok && r.seen.spokeBefore(p, at) {
		return p, true
	}
	if p, ok := r.seen.lastDescribed(at, head); ok {
		return p, true
	}
	if want := r.d.matchActors(phrase); len(want) > 0 {
		return r.seen.latestOfActor(at, want[0].Actor)
	}
	return "", false
}

// Genders, as far as the text tells them.
const (
	unknown = iota
	male
	female
)

// pronoun resolves he or she to the latest person who spoke or was a
// sentence's subject and whose gender does not clash.
func (r *resolver) pronoun(phrase string, at, g int) string {
	if p, ok := r.seen.latestOfGender(at, g); ok {
		return p
	}
	return phrase
}

// gender tells a person's gender from their first name
// (first_names.txt) or else from an honorific the text gives them ("Ms
// Kallas"); unknown when neither does.
func (r *resolver) gender(name string) int {
	if g, ok := r.genders[name]; ok {
		return g
	}
	g := unknown
	if first, last, ok := firstAndLastField(name); ok {
		g = r.firstNamesGender(name, first)
		// The honorific is found by surname, which namesakes share: a
		// first name the list knows tells more.
		if h, ok := r.seen.honorificOf(strings.ToLower(last)); ok && g == unknown {
			g = r.lx.honorificGender(h)
		}
	}
	r.genders[name] = g
	return g
}

// firstNamesGender is the gender of the first word of name that
// first_names.txt lists, before the surname: a name may come with a word
// that is no title ("Democrat Maria Ellis", "Republican Owen Pratt").
func (r *resolver) firstNamesGender(name, first string) int {
	if g := r.lx.firstNameGender(first); g != unknown {
		return g
	}
	fields := strings.Fields(name)
	if len(fields) < 3 {
		return unknown
	}
	for _, f := range fields[1 : len(fields)-1] {
		if g := r.lx.firstNameGender(f); g != unknown {
			return g
		}
	}
	return unknown
}

// asked is a question isPerson answered (ok), and its answer.
type asked struct {
	name       string
	person, ok bool
}

// isPerson reports whether name is the full name of a person of the
// text. Its last answer is kept: a statement's resolved name is asked
// again once the statement is resolved (seen.spoke).
func (r *resolver) isPerson(name string) bool {
	if name == r.asked.name && r.asked.ok {
		return r.asked.person
	}
	if strings.Contains(name, ";") {
		return false
	}
	if r.named == nil { // the full names of the people in the text, once
		r.d.bufs.named = emptied(r.d.bufs.named)
		r.named = r.d.bufs.named
		r.nameAll()
	}
	person := r.named[name]
	r.asked.name, r.asked.person, r.asked.ok = name, person, true
	return person
}

// nameAll puts in r.named the full name of every person (fullOf). A name
// with a space is its own (fullName keeps it whole); any other is
// completed, to a person's name (from r.full or r.namesakes) or to
// itself, and added only when that holds no space: one that does is the
// name, added already, of the person it came from.
func (r *resolver) nameAll() {
	for k := range r.persons {
		n := r.persons[k].name
		if !strings.Contains(n, " ") {
			if n = r.fullOf(k); strings.Contains(n, " ") {
				continue // named by the person of that name
			}
		}
		r.named[n] = true
	}
}

// fullOf is fullNameAs of person k, worked out once: the seen subjects,
// the persons of a description and isPerson's names all ask it, and the
// names it rests on are all known once the resolver is made.
func (r *resolver) fullOf(k int) string {
	if r.fulls[k] == "" {
		p := &r.persons[k]
		r.fulls[k] = r.fullNameAs(p.name, p.honorific)
	}
	return r.fulls[k]
}

// nameIn returns the person named in a speaker phrase, titles stripped and
// the name completed ("Mr Lavrov" -> "Sergey Lavrov"), or "".
func (r *resolver) nameIn(phrase string) string {
	r.toks = segment.Tokenize(phrase, r.toks[:0], false)
	toks := r.toks
	best := ""
	for i := 0; i < len(toks); {
		if !isUpperAt(phrase, toks[i].Start) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && inName(phrase, toks, j) {
			j++
		}
		start, titled, hon := i, false, ""
		if i > 0 && r.fold(toks[i-1].Key(phrase)).class&classHonorific != 0 {
			hon = strings.TrimSuffix(strings.ToLower(toks[i-1].Key(phrase)), ".") // "Mr." is a run of its own
		}
		var c wordClass // of each word of the run, the last's kept
		for k := i; k < j; k++ {
			c = r.fold(toks[k].Key(phrase)).class
			if c&(classTitle|classHonorific|classDeterminer) != 0 {
				start, titled = k+1, titled || c&classDeterminer == 0
			}
			if c&classHonorific != 0 {
				hon = strings.TrimSuffix(strings.ToLower(toks[k].Key(phrase)), ".")
			}
		}
		if start < j && c&classOrg == 0 && !r.recordAfter(phrase, toks, j) {
			name := phrase[toks[start].Start:toks[j-1].KeyEnd]
			if titled || j-start > 1 || r.fullFold(name) != "" {
				return r.fullNameAs(name, hon)
			}
			if best == "" && len(r.d.matchActors(name)) > 0 && r.seen.endsAName(name) {
				best = name
			}
		}
		i = j
	}
	return best
}

// fold returns the classes of strings.ToLower(w): an ASCII word lowered
// into the resolver's buffer and looked up by its bytes in the table's
// vocabulary, which a filter answers for most words in no list, where a
// lowered copy and a map were a third of nameIn.
func (r *resolver) fold(w string) wordInfo {
	if low, ok := lowerASCII(r.key[:0], w); ok {
		r.key = low
		return r.lx.words.info[r.lx.words.voc.IDBytes(low)]
	}
	return r.lx.words.get(strings.ToLower(w))
}

// recordAfter reports whether token j of phrase is a lowercase record
// word that the capitalized run before it qualifies: "the new Herald-WKBN
// poll" names a poll, not a person Herald-WKBN.
func (r *resolver) recordAfter(phrase string, toks []segment.Token, j int) bool {
	return j < len(toks) && !isUpperAt(phrase, toks[j].Start) && r.fold(toks[j].Key(phrase)).class&classRecord != 0
}

// inName reports whether token j of phrase goes on the name its token
// j-1 is in: a capitalized word or a particle before one ("Ursula von der
// Leyen"), after a space or a hyphen ("Wasserman-Schultz").
func inName(phrase string, toks []segment.Token, j int) bool {
	if g := strings.TrimSpace(phrase[toks[j-1].End:toks[j].Start]); g != "" && g != "-" && !(g == "." && toks[j-1].End-toks[j-1].Start == 1) {
		return false // but "Tomas K. Berend": a middle initial
	}
	if isUpperAt(phrase, toks[j].Start) {
		return true
	}
	return nameParticles[phrase[toks[j].Start:toks[j].End]] && j+1 < len(toks) && (isUpperAt(phrase, toks[j+1].Start) || nameParticles[phrase[toks[j+1].Start:toks[j+1].End]])
}

// nameParticles stand lowercase inside a name ("von der Leyen", "de la
// Fuente", "bin Salman").
var nameParticles = set("von van der den de la le du da di del dos bin al")

// nameParticle reports whether token j is a name particle followed, in
// the phrase, by more of the name. Small enough to be inlined, it calls
// only for the words of the class: newResolver asks it of every
// lowercase word after a capitalised one.
func (d *doc) nameParticle(j int) bool {
	return d.is(j, classNameParticle) && d.particleInName(j)
}

// particleInName is nameParticle past the class's test.
func (d *doc) particleInName(j int) bool {
	return nameParticles[d.word(j)] && j+1 < len(d.toks) && !d.boundaryAfter(j) && (d.capitalized(j+1) || nameParticles[d.word(j+1)])
}

// allCapitalized reports whether every word of s starts with a capital.
func allCapitalized(s string) bool {
	for w := range strings.FieldsSeq(s) {
		if !isUpperAt(w, 0) {
			return false
		}
	}
	return s != ""
}

func isUpperAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[min(i, len(s)):])
	return unicode.IsUpper(r)
}

// fullName completes a last name from the fullest mention in the text.
func (r *resolver) fullName(name string) string {
	if strings.Contains(name, " ") {
		return name
	}
	if f := r.fullFold(name); f != "" {
		return f
	}
	return name
}
