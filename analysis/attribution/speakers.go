package attribution

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/slant-news/slant/analysis/segment"
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
	lx := d.a.lex
	k := c.i - 1
	passive := false
	for k >= f && !d.boundaryAfter(k) {
		w := d.low[k]
		switch {
		case auxiliaries[w] || strings.HasSuffix(w, "ly") && len(w) > 4 && !d.capitalized(k):
			passive = passive || passiveAux[w]
		case lx.is(classTime, w) && (!d.capitalized(k) || k > f):
			if k > f && (prepositions[d.low[k-1]] || d.low[k-1] == "last" || d.low[k-1] == "this") && !d.boundaryAfter(k-1) {
				k--
			}
		default:
			goto found
		}
		k--
	}
found:
	if passive && !c.ing {
		return 0, 0, spNone // "was told", "is expected"
	}
	if k < f {
		return 0, 0, spNone
	}
	if p := d.parenthesisBefore(k, f); p >= 0 {
		// "Sen. Bernie Sanders (I-Vt.) said": a party and state label
		// between the name and the cue.
		if lo, hi = d.npBack(p, f); hi > lo {
			return lo, hi, spFound
		}
		return 0, 0, spNone
	}
	if d.boundaryAfter(k) {
		if c.kind == cueSpeech || c.kind == cueTell {
			// "“...,” said Mr Lavrov", "..., saying", or an apposition
			// "his counterpart, Sergey Lavrov, said". A tell verb is never
			// inverted: what follows it is the addressee.
			if isDash(d.gap(k)) && !c.ing { // "Donald Trump - who said ... - said"
				if lo, hi := d.beforeDashes(k, f); hi > lo {
					return lo, hi, spFound
				}
			}
			if strings.Contains(d.gap(k), ",") && !c.ing {
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
		return 0, 0, spNone
	}
	switch w := d.low[k]; {
	case w == "and" || w == "but" || w == "or":
		return 0, 0, spShared
	case w == "who" && k-1 >= f && (strings.Contains(d.gap(k-1), ",") || isDash(d.gap(k-1))):
		if lo, hi = d.npBack(k-1, f); hi > lo {
			return lo, hi, spFound
		}
		return 0, 0, spNone
	}
	lo, hi = d.npBack(k, f)
	if hi <= lo {
		return 0, 0, spNone
	}
	// "Joseph Hunter, a blogger in Chicago, said": the name before the
	// apposition belongs to the speaker.
	if lo-1 >= f && determiners[d.low[lo]] && strings.Contains(d.gap(lo-1), ",") {
		if nlo, nhi := d.npBack(lo-1, f); nhi > nlo && d.capitalized(nhi-1) {
			lo = nlo
		}
	}
	return lo, hi, spFound
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
		if finiteAux[d.low[k]] || d.pastVerb(k) {
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
	return len(w) > 4 && strings.HasSuffix(w, "ed") && !d.capitalized(k) && k > 0 && !d.boundaryAfter(k-1) &&
		!determiners[d.low[k-1]] && !auxiliaries[d.low[k-1]] && !passiveAux[d.low[k-1]] && !strings.HasSuffix(d.low[k-1], "ly") &&
		!d.a.lex.is(classTitle, w)
}

// subjectPosition reports whether a phrase starting at token lo opens its
// clause: at the sentence start, after an opening phrase and a comma ("In
// Berlin, Chancellor Olaf Scholz, ..."), or right after a quote ("“...,”
// Kaja Kallas, the EU's foreign policy chief, told reporters").
func (d *doc) subjectPosition(lo, f int) bool {
	if lo <= f || endsWithCloseQuote(strings.TrimRight(d.text[d.toks[f].Start:d.toks[lo].Start], " ,")) {
		return true
	}
	return (prepositions[d.low[f]] || d.onlyConnectives(f, lo-1)) && strings.Contains(d.gap(lo-1), ",") && d.tquote[lo-1] < 0
}

// apposition finds "X, Y," ending at token k (the comma after Y): the
// speaker phrase "X, Y", where Y describes the person X names ("Kaja
// Kallas, the EU's foreign policy chief,", "William Reilly, who led the
// agency,", "Olaf Scholz, campaigning ahead of the election,").
func (d *doc) apposition(k, f int) (int, int) {
	a := k // the appositive Y is [a, k]
	for a > f && !strings.Contains(d.gap(a-1), ",") && k-a < maxAppositionWords {
		if d.tquote[a-1] >= 0 || strings.ContainsAny(d.gap(a-1), ";:()“”\"«»") {
			return 0, 0
		}
		a--
	}
	if a <= f || !strings.Contains(d.gap(a-1), ",") || d.tquote[k] >= 0 {
		return 0, 0
	}
	y := d.low[a]
	lo0, hi0 := d.npBack(a-1, f)
	if hi0 <= lo0 || hi0 != a {
		return 0, 0
	}
	if a == k && (connectives[y] || strings.HasSuffix(y, "ly") || isAge(y)) || prepositions[y] && k-a < 4 {
		return lo0, hi0 // "Trump, meanwhile, says", "Lavrov, for his part, said": the adverbial is no part of the speaker
	}
	switch {
	case y == "who" || y == "whose" || determiners[y] && y != "this" && y != "that" || d.capitalized(a) || d.a.lex.is(classTitle, y) || strings.HasSuffix(y, "ing") && !auxiliaries[y]:
	default:
		return 0, 0
	}
	if !d.capitalized(hi0-1) && !d.capitalized(k) && !(determiners[d.low[lo0]] && (y == "who" || determiners[y])) {
		return 0, 0
	}
	return lo0, k + 1
}

// longApposition finds the speaker of "X, A, B, said" where several
// comma-set phrases describe X ("Vice President Joseph R. Biden Jr., who was
// to travel to Columbus, Ohio, on Wednesday, said"; "Elward Edd, an official
// at the authority, which has a backlog, said"): X must open its clause
// and may name someone, and the cue, at token k+1, follow within
// maxAppositionWords words with no quote or other punctuation between.
func (d *doc) longApposition(k, f int) (int, int) {
	commas := 0
	for t := f; t < k && commas < 3; t++ {
		if d.tquote[t] >= 0 || strings.ContainsAny(d.gap(t), ";:()“”\"«»") {
			return 0, 0
		}
		if !strings.Contains(d.gap(t), ",") {
			continue
		}
		commas++
		if lo, hi := d.npBack(t, f); hi > lo && k-t <= maxAppositionWords && d.subjectPosition(lo, f) && d.plausibleSpeaker(lo, hi) {
			return lo, k + 1
		}
	}
	return 0, 0
}

// parenthesisBefore returns the token before a short parenthesis that ends
// at token k ("Graham (R-S.C.)"), when a capitalized word precedes it and
// nothing but a space follows it; -1 otherwise.
func (d *doc) parenthesisBefore(k, f int) int {
	if g := strings.TrimSpace(d.gap(k)); k+1 >= len(d.toks) || g != ")" && g != ".)" {
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
// ends at token k: "Donald Trump - who previously said ... -".
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
	if k < f || !d.npWord(k) || prepositions[d.low[k]] || determiners[d.low[k]] {
		return 0, 0
	}
	if isPronoun(d.low[k]) {
		return k, k + 1
	}
	lo := k
	for lo-1 >= f && k-lo+1 < maxSpeakerWords && !d.boundaryAfter(lo-1) && d.npWord(lo-1) {
		if d.low[lo-1] == "and" && !(lo-2 >= f && d.capitalized(lo-2) && d.capitalized(lo)) {
			break
		}
		if isPronoun(d.low[lo-1]) || d.a.lex.is(classTime, d.low[lo-1]) && !d.capitalized(lo-1) || d.pastVerb(lo-1) {
			break
		}
		lo--
	}
	for lo < k && (prepositions[d.low[lo]] || d.low[lo] == "and") {
		lo++
	}
	for t := lo; t < k; t++ {
		if d.low[t] == "to" && !d.capitalized(t+1) && !determiners[d.low[t+1]] && !objectPronouns[d.low[t+1]] {
			return 0, 0 // "ready to play its part": an infinitive, a clause, no speaker
		}
	}
	return lo, k + 1
}

// npForward collects the noun phrase that starts at token k, before l.
func (d *doc) npForward(k, l int) (int, int) {
	if k >= l || !d.npWord(k) || prepositions[d.low[k]] {
		return 0, 0
	}
	if isPronoun(d.low[k]) {
		return k, k + 1
	}
	hi := k + 1
	for hi < l && hi-k < maxSpeakerWords && !d.boundaryAfter(hi-1) && d.npWord(hi) {
		w := d.low[hi]
		if w == "and" && !(hi+1 < l && d.capitalized(hi-1) && d.capitalized(hi+1)) {
			break
		}
		if d.initial(hi) {
			hi++ // "Jock A. Finlayson": a middle initial, not the article "a"
			continue
		}
		if prepositions[w] && w != "of" && w != "for" || d.a.lex.is(classTime, w) || d.pastVerb(hi) ||
			(determiners[w] || isPronoun(w)) && !prepositions[d.low[hi-1]] { // a new phrase: "told The Associated Press his firm ..."
			break
		}
		hi++
	}
	for hi > k+1 && (prepositions[d.low[hi-1]] || determiners[d.low[hi-1]]) {
		hi--
	}
	return k, hi
}

// initial reports whether token i is a name's initial: one capital letter
// and a dot, between capitalized words ("Jock A. Finlayson").
func (d *doc) initial(i int) bool {
	return i > 0 && i+1 < len(d.toks) && len(d.word(i)) == 1 && d.capitalized(i) && strings.HasPrefix(d.gap(i), ". ") &&
		d.capitalized(i-1) && d.capitalized(i+1) && d.sameSentence(i, i+1)
}

// npWord reports whether token i may be part of a speaker phrase.
func (d *doc) npWord(i int) bool {
	w := d.low[i]
	if objectPronouns[w] && i > 0 && prepositions[d.low[i-1]] && !d.boundaryAfter(i-1) {
		return true // "those close to him", "many of them"
	}
	if d.tquote[i] >= 0 || clauseWords[w] && w != "and" || auxiliaries[w] || passiveAux[w] || objectPronouns[w] && w != "her" && w != "it" && w != "you" && !d.capitalized(i) {
		return false
	}
	if !d.capitalized(i) && d.a.lex.verbs[w] != 0 && !d.a.lex.is(classTitle, w) {
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
	return prepositions[w] || w == "who" || w == "last" || d.a.lex.is(classTime, w)
}

// subject finds the subject of the sentence's main clause, before token i:
// the first pronoun or name, past an opening phrase that ends with a comma
// ("Speaking to reporters after the meeting, Mr Lavrov ...").
func (d *doc) subject(f, i int) (int, int) {
	k := f
	if k < i && (prepositions[d.low[k]] || clauseWords[d.low[k]] || strings.HasSuffix(d.low[k], "ing")) {
		for k < i && !strings.Contains(d.gap(k), ",") {
			k++
		}
		k++
	}
	if k >= i {
		return 0, 0
	}
	if isPronoun(d.low[k]) {
		return k, k + 1
	}
	if determiners[d.low[k]] { // "The president postponed ..."
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
	return k, hi
}

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

// resolver resolves speaker phrases in text order, remembering who spoke
// and who was named.
type resolver struct {
	d       *doc
	lx      *lexicon
	persons []person          // named people, in text order
	full    map[string]string // last name -> the fullest name given
	said    []*draft          // resolved statements so far
	genders map[string]int    // resolved name -> gender, as worked out
	named   map[string]bool   // full names of persons, built when first needed
}

// person is a named person in the text: name is the name without titles,
// desc the words that described them ("Russian foreign minister").
type person struct {
	at        int
	name      string
	desc      string
	honorific string // "mr", "ms", ... when the text gives one
	subject   bool   // named as a sentence's subject
}

func newResolver(d *doc) *resolver {
	r := &resolver{d: d, lx: d.a.lex, full: map[string]string{}, genders: map[string]int{}}
	// Runs of capitalised words outside quotes, broken at punctuation and
	// possessives, are names; titles in front are descriptions.
	for i := 0; i < len(d.toks); {
		if d.tquote[i] >= 0 || !d.capitalized(i) || r.lx.is(classTime, d.low[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(d.toks) && !d.boundaryAfter(j-1) && d.capitalized(j) && d.toks[j-1].End == d.toks[j-1].KeyEnd && !r.lx.is(classTime, d.low[j]) {
			j++
		}
		if p, ok := r.personIn(i, j); ok {
			r.persons = append(r.persons, p)
			if n := strings.Fields(p.name); len(n) > 1 {
				last := strings.ToLower(n[len(n)-1])
				if _, seen := r.full[last]; !seen {
					r.full[last] = p.name
				}
			}
		}
		i = j
	}
	return r
}

// personIn reads the capitalised run [i, j) as a person, with the title
// words before it as its description.
func (r *resolver) personIn(i, j int) (person, bool) {
	d := r.d
	start := i
	for start < j && (determiners[d.low[start]] || clauseWords[d.low[start]] || prepositions[d.low[start]]) {
		start++
	}
	name, titled, hon := start, false, ""
	for k := start; k < j; k++ {
		honorific := r.lx.is(classHonorific, d.low[k]) || r.lx.is(classHonorific, d.low[k]+".")
		if honorific || r.lx.is(classTitle, d.low[k]) {
			name, titled = k+1, true
			if honorific {
				hon = strings.TrimSuffix(d.low[k], ".")
			}
		}
	}
	if name >= j || r.lx.is(classOrg, d.low[j-1]) || !titled && j-name < 2 && r.full[d.low[j-1]] == "" {
		return person{}, false
	}
	// The description: lowercase title words just before ("defence
	// secretary Pete Hegseth"), or an apposition "his counterpart, X".
	lo := start
	for lo-1 >= 0 && !d.boundaryAfter(lo-1) && i-lo < 6 && !clauseWords[d.low[lo-1]] && !prepositions[d.low[lo-1]] || lo-1 >= 0 && d.low[lo-1] == "of" && !d.boundaryAfter(lo-1) {
		lo--
	}
	desc := d.text[d.toks[lo].Start:d.toks[name].Start]
	if lo > 0 && lo == start && strings.TrimSpace(d.gap(lo-1)) == "," {
		if alo, ahi := d.npBack(lo-1, d.sfirst[d.tsent[lo-1]]); ahi > alo {
			desc = d.text[d.toks[alo].Start:d.toks[ahi-1].End]
		}
	}
	subj := start == d.sfirst[d.tsent[i]] || lo == d.sfirst[d.tsent[i]] && r.titlesOnly(lo, start) || d.subjectStart(i) // "Foreign Ministry spokeswoman Maria Zakharova mocked ..."
	return person{at: d.toks[name].Start, name: d.text[d.toks[name].Start:d.toks[j-1].End], desc: strings.ToLower(desc), honorific: hon, subject: subj}, true
}

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
	s := d.tsent[i]
	lo, hi := d.subject(d.sfirst[s], d.sfirst[s+1])
	return hi > lo && lo <= i && i < hi
}

// resolve sets a draft's Resolved and Actors.
func (r *resolver) resolve(st *draft) {
	defer func() { r.said = append(r.said, st) }()
	if st.cont || st.shared && st.from != nil {
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
	var names []string
	for _, part := range splitCoordination(st.Speaker) {
		names = append(names, r.denote(part, st))
	}
	st.Resolved = strings.Join(names, "; ")
	acts := map[string]bool{}
	for _, n := range names {
		ms := r.d.a.actors.Match(n)
		for _, m := range ms {
			acts[m.Actor] = true
		}
	}
	if len(acts) == 0 {
		for _, m := range r.d.a.actors.Match(st.Speaker) {
			acts[m.Actor] = true
		}
	}
	if len(acts) == 0 && countsOf(st.Speaker) > 0 {
		// "the two countries’ top diplomats": the countries the statement
		// names first.
		for _, m := range r.d.a.actors.Match(r.d.text[st.Start:st.End]) {
			if len(acts) < countsOf(st.Speaker) {
				acts[m.Actor] = true
			}
		}
	}
	for _, x := range r.d.a.actors.List {
		if acts[x.Name] {
			st.Actors = append(st.Actors, x.Name)
		}
	}
}

// countsOf returns how many parties "the two countries", "both sides" name.
func countsOf(phrase string) int {
	p := strings.ToLower(phrase)
	for _, noun := range []string{"countries", "sides", "nations", "governments"} {
		for n, num := range []string{"both", "two", "three"} {
			if strings.Contains(p, num+" "+noun) {
				return max(n+1, 2)
			}
		}
	}
	return 0
}

// splitCoordination splits "Mr Ushakov and Mr Waltz" into its speakers.
func splitCoordination(s string) []string {
	parts := strings.Split(s, " and ")
	for _, p := range parts {
		if p == "" || strings.ToLower(p[:1]) == p[:1] {
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
	low := strings.ToLower(phrase)
	at := st.SpeakerStart
	switch low {
	case "he", "him":
		return r.pronoun(phrase, at, male)
	case "she", "her":
		return r.pronoun(phrase, at, female)
	case "they", "we", "i", "it", "you":
		return phrase
	}
	words := strings.Fields(low)
	if len(words) == 2 && (words[0] == "his" || words[0] == "her") && r.lx.is(classGroup, words[1]) {
		// "his office", "her spokesman": the person's own voice.
		if p := r.pronoun(words[0], at, map[string]int{"his": male, "her": female}[words[0]]); p != words[0] {
			return p + "'s " + words[1]
		}
		return phrase
	}
	if i := strings.Index(phrase, ","); i > 0 { // an apposition
		before := strings.TrimSpace(phrase[:i])
		if last := before[strings.LastIndexByte(before, ' ')+1:]; !isUpperAt(last, 0) {
			// "Mr. Trump's campaign manager, Kellyanne Conway": a
			// description first, then the name of whom it describes.
			if name := r.nameIn(phrase[i+1:]); name != "" {
				return name
			}
		}
		if name := r.nameIn(before); name != "" {
			return name
		}
		if allCapitalized(before) {
			return r.fullName(before) // "Christie, New Jersey's governor": a last name alone
		}
	}
	if name := r.nameIn(phrase); name != "" {
		return name
	}
	if indefinite[words[0]] {
		return phrase // "one senior official", "a spokesman": someone new, not a person named before
	}
	head := strings.Trim(words[len(words)-1], ",.")
	if !r.lx.is(classTitle, head) && !strings.HasSuffix(head, "official") {
		return phrase
	}
	// A person the text introduced with this description, those who spoke
	// first: "the president" after Mr Trump spoke is Mr Trump.
	desc := func(p person) bool { return strings.Contains(" "+p.desc+" ", " "+head+" ") }
	described := map[string]bool{}
	for _, p := range r.persons {
		if p.at < at && desc(p) {
			described[r.fullName(p.name)] = true
		}
	}
	if p := r.latest(at, func(name string) bool { return described[name] }); p != "" && r.spoke(p, at) {
		return p
	}
	for i := len(r.persons) - 1; i >= 0; i-- {
		if p := r.persons[i]; p.at < at && desc(p) {
			return r.fullName(p.name)
		}
	}
	// Else the latest person of the same actor ("the Russian foreign
	// minister" after Mr Lavrov spoke).
	want := r.d.a.actors.Match(phrase)
	if len(want) == 0 {
		return phrase
	}
	if p := r.latest(at, func(name string) bool {
		for _, m := range r.d.a.actors.Match(name) {
			if m.Actor == want[0].Actor {
				return true
			}
		}
		return false
	}); p != "" {
		return p
	}
	return phrase
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
	if p := r.latest(at, func(name string) bool { return r.gender(name)+g != male+female }); p != "" {
		return p
	}
	return phrase
}

// spoke reports whether name is the resolved speaker of a statement before
// offset at.
func (r *resolver) spoke(name string, at int) bool {
	return slices.ContainsFunc(r.said, func(s *draft) bool { return s.SpeakerStart < at && s.Resolved == name })
}

// gender tells a person's gender from an honorific the text gives them
// ("Ms Kallas") or from their first name (first_names.txt); unknown when
// neither does.
func (r *resolver) gender(name string) int {
	if g, ok := r.genders[name]; ok {
		return g
	}
	g := unknown
	fields := strings.Fields(name)
	if len(fields) > 0 {
		g = r.lx.firstNameGender(fields[0])
	}
	last := strings.ToLower(fields[len(fields)-1])
	for _, p := range r.persons {
		if p.honorific != "" && strings.HasSuffix(strings.ToLower(p.name), last) {
			g = r.lx.honorificGender(p.honorific)
			break
		}
	}
	r.genders[name] = g
	return g
}

// latest returns the latest person before offset at, among the resolved
// speakers and the people named as sentence subjects, that ok accepts.
func (r *resolver) latest(at int, ok func(string) bool) string {
	best, bestAt := "", -1
	for _, p := range r.persons {
		if p.at < at && p.subject && p.at > bestAt && ok(r.fullName(p.name)) {
			best, bestAt = r.fullName(p.name), p.at
		}
	}
	for _, s := range r.said {
		if s.SpeakerStart < at && s.SpeakerStart > bestAt && s.Resolved != "" && r.isPerson(s.Resolved) && ok(s.Resolved) {
			best, bestAt = s.Resolved, s.SpeakerStart
		}
	}
	return best
}

func (r *resolver) isPerson(name string) bool {
	if strings.Contains(name, ";") {
		return false
	}
	if r.named == nil { // the full names of the people in the text, once
		r.named = map[string]bool{}
		for _, p := range r.persons {
			r.named[r.fullName(p.name)] = true
		}
	}
	return r.named[name]
}

// nameIn returns the person named in a speaker phrase, titles stripped and
// the name completed ("Mr Lavrov" -> "Sergey Lavrov"), or "".
func (r *resolver) nameIn(phrase string) string {
	toks := segment.Tokenize(phrase, nil, false)
	best := ""
	for i := 0; i < len(toks); {
		if !isUpperAt(phrase, toks[i].Start) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && isUpperAt(phrase, toks[j].Start) && strings.TrimSpace(phrase[toks[j-1].End:toks[j].Start]) == "" {
			j++
		}
		start, titled := i, false
		for k := i; k < j; k++ {
			w := strings.ToLower(toks[k].Key(phrase))
			if r.lx.is(classTitle|classHonorific, w) || determiners[w] {
				start, titled = k+1, titled || !determiners[w]
			}
		}
		if start < j && !r.lx.is(classOrg, strings.ToLower(toks[j-1].Key(phrase))) {
			name := phrase[toks[start].Start:toks[j-1].KeyEnd]
			if titled || j-start > 1 || r.full[strings.ToLower(name)] != "" {
				return r.fullName(name)
			}
			if best == "" && len(r.d.a.actors.Match(name)) > 0 && isPersonActor(name, r) {
				best = name
			}
		}
		i = j
	}
	return best
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

func isPersonActor(name string, r *resolver) bool {
	return slices.ContainsFunc(r.persons, func(p person) bool { return strings.HasSuffix(p.name, name) })
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
	if f := r.full[strings.ToLower(name)]; f != "" {
		return f
	}
	return name
}
