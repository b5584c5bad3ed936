package attribution

import (
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The resolver asks, for every pronoun and description, for the latest
// person before a place in the text of some kind: of a gender, of an
// actor, described by a word. Rescanning everyone seen so far made a
// transcript of many speakers quadratic (issue 12); seen keeps each kind's
// candidates in text order, built the first time a question needs them,
// so that a question is a binary search.

// candidate is someone a pronoun or a description may denote: a person
// named as a sentence's subject (seq -1), or the resolved speaker of a
// statement (seq its place in the order statements were resolved).
type candidate struct {
	at   int
	name string // the full name
	seq  int
}

// better reports whether c beats o (found: there is an o), as the
// resolver has always ranked them: the later wins; at one offset a named
// subject beats a speaker, and of two speakers the one resolved first.
func (c candidate) better(o candidate, found bool) bool {
	switch {
	case !found:
		return true
	case c.at != o.at:
		return c.at > o.at
	case (c.seq < 0) != (o.seq < 0):
		return c.seq < 0
	}
	return c.seq < o.seq
}

// timeline is candidates by offset; of candidates at one offset, the best
// comes last, so that walking back meets the best first.
type timeline []candidate

// insert adds a speaker: before the speakers at its offset, which were
// resolved before it and so beat it. One there of the same name already
// beats it for every question (each asks of the name), so it is not added:
// a run of quotes continued from one statement, all at its speaker's
// offset, made each insert shift the run, quadratic in its length.
func (tl *timeline) insert(c candidate) {
	i, _ := slices.BinarySearchFunc(*tl, c.at, func(x candidate, at int) int { return x.at - at })
	for k := i; k < len(*tl) && (*tl)[k].at == c.at; k++ {
		if (*tl)[k].name == c.name {
			return
		}
	}
	*tl = slices.Insert(*tl, i, c)
}

// latest returns the best candidate before offset at that ok accepts (any
// when ok is nil).
func (tl timeline) latest(at int, ok func(candidate) bool) (candidate, bool) {
	i, _ := slices.BinarySearchFunc(tl, at, func(x candidate, at int) int { return x.at - at })
	for i--; i >= 0; i-- {
		if ok == nil || ok(tl[i]) {
			return tl[i], true
		}
	}
	return candidate{}, false
}

// near is how many candidates a question looks back over before it builds
// an index: most pronouns and descriptions denote someone named lately, and
// in a short text a scan costs less than an index.
const near = 64

// latestNear is latest looking back over at most near candidates; decided
// is false when that was not enough to tell.
func (tl timeline) latestNear(at int, ok func(candidate) bool) (c candidate, found, decided bool) {
	i, _ := slices.BinarySearchFunc(tl, at, func(x candidate, at int) int { return x.at - at })
	for k := i - 1; k >= 0 && k >= i-near; k-- {
		if ok(tl[k]) {
			return tl[k], true, true
		}
	}
	return candidate{}, false, i <= near
}

// lines is the candidates of one kind: the named subjects and the
// speakers, each in a timeline.
type lines struct{ subjects, speakers timeline }

func (l *lines) latest(at int, ok func(candidate) bool) (candidate, bool) {
	best, found := l.subjects.latest(at, ok)
	if c, ok := l.speakers.latest(at, ok); ok && c.better(best, found) {
		best, found = c, true
	}
	return best, found
}

// latestNear is latest looking back over at most near candidates of each
// timeline; decided is false when that was not enough to tell.
func (l *lines) latestNear(at int, ok func(candidate) bool) (candidate, bool, bool) {
	best, found, decided := l.subjects.latestNear(at, ok)
	c, ok2, decided2 := l.speakers.latestNear(at, ok)
	if ok2 && c.better(best, found) {
		best, found = c, true
	}
	return best, found, decided && decided2
}

// filtered returns the candidates of l whose names keep accepts.
func (l *lines) filtered(keep func(name string) bool) *lines {
	out := &lines{}
	for _, c := range l.subjects {
		if keep(c.name) {
			out.subjects = append(out.subjects, c)
		}
	}
	for _, c := range l.speakers {
		if keep(c.name) {
			out.speakers = append(out.speakers, c)
		}
	}
	return out
}

// described is the candidates described by one word, and the persons it
// describes.
type described struct {
	lines
	persons []person       // in text order
	first   map[string]int // full name -> the first offset the word described it at
}

// seen is the resolver's memory of the text: the people it names (all
// known from the start) and the speakers resolved so far, with an index
// per kind of question.
type seen struct {
	r          *resolver
	all        lines          // every named subject and every resolved speaker who is a person
	subjects   bool           // all holds the named subjects (everyone)
	firstSpoke map[string]int // resolved name -> the first offset it spoke at
	resolved   int            // statements resolved so far

	byGender  *[3]lines // by gender (unknown, male, female)
	byActor   map[string]*lines
	actorsOf  map[string][]string
	byDesc    map[string]*described // by description word
	descs     []string              // the persons' descriptions lowercased, when first asked
	honorific *suffixes             // the lowercase names of the persons with an honorific
	hons      []string              // and their honorifics
	names     *suffixes             // the names of all persons
}

func newSeen(r *resolver) *seen {
	b := r.d.bufs
	b.firstSpoke = emptied(b.firstSpoke)
	s := &seen{r: r, firstSpoke: b.firstSpoke}
	s.all.subjects, s.all.speakers = b.seenSubjects[:0], b.seenSpeakers[:0]
	return s
}

// everyone returns s.all, its named subjects worked out when a question
// first needs them: a sentence's subject was the most of newResolver's
// work, and a text that resolves no pronoun nor description asks none.
func (s *seen) everyone() *lines {
	if !s.subjects {
		s.subjects = true
		r := s.r
		for k, p := range r.persons {
			if p.subject || (p.subjectAt >= 0 && r.d.subjectStart(p.subjectAt)) {
				s.all.subjects = append(s.all.subjects, candidate{at: p.at, name: r.fullOf(k), seq: -1})
			}
		}
	}
	return &s.all
}

// spoke records a resolved statement.
func (s *seen) spoke(st *draft) {
	seq := s.resolved
	s.resolved++
	if st.Resolved == "" {
		return
	}
	if at, ok := s.firstSpoke[st.Resolved]; !ok || st.SpeakerStart < at {
		s.firstSpoke[st.Resolved] = st.SpeakerStart
	}
	if !s.r.isPerson(st.Resolved) {
		return
	}
	c := candidate{at: st.SpeakerStart, name: st.Resolved, seq: seq}
	s.all.speakers.insert(c)
	if s.byGender != nil {
		s.byGender[s.r.gender(c.name)].speakers.insert(c)
	}
	if s.byActor != nil {
		for _, a := range s.actors(c.name) {
			if l := s.byActor[a]; l != nil {
				l.speakers.insert(c)
			}
		}
	}
	for _, d := range s.byDesc {
		if hasKey(d.first, c.name) {
			d.speakers.insert(c)
		}
	}
}

// spokeBefore reports whether name is the resolved speaker of a statement
// before offset at.
func (s *seen) spokeBefore(name string, at int) bool {
	first, ok := s.firstSpoke[name]
	return ok && first < at
}

// latestOfGender returns the latest candidate before offset at whose gender
// does not clash with g.
func (s *seen) latestOfGender(at, g int) (string, bool) {
	if s.byGender == nil {
		c, ok, decided := s.everyone().latestNear(at, func(c candidate) bool { return s.r.gender(c.name)+g != male+female })
		if decided {
			return c.name, ok
		}
		s.byGender = &[3]lines{}
		for g := range s.byGender {
			s.byGender[g] = *s.everyone().filtered(func(name string) bool { return s.r.gender(name) == g })
		}
	}
	best, found := s.byGender[unknown].latest(at, nil)
	if c, ok := s.byGender[g].latest(at, nil); ok && c.better(best, found) {
		best, found = c, true
	}
	return best.name, found
}

// latestOfActor returns the latest candidate before offset at whom the
// actor table gives actor.
func (s *seen) latestOfActor(at int, actor string) (string, bool) {
	if s.byActor == nil {
		s.byActor = map[string]*lines{}
	}
	l := s.byActor[actor]
	if l == nil {
		c, ok, decided := s.everyone().latestNear(at, func(c candidate) bool { return slices.Contains(s.actors(c.name), actor) })
		if decided {
			return c.name, ok
		}
		l = s.everyone().filtered(func(name string) bool { return slices.Contains(s.actors(name), actor) })
		s.byActor[actor] = l
	}
	c, ok := l.latest(at, nil)
	return c.name, ok
}

// actors returns the actors the table finds in a name.
func (s *seen) actors(name string) []string {
	if s.actorsOf == nil {
		s.actorsOf = map[string][]string{}
	}
	as, ok := s.actorsOf[name]
	if !ok {
		for _, m := range s.r.d.matchActors(name) {
			as = append(as, m.Actor)
		}
		s.actorsOf[name] = as
	}
	return as
}

// describedBy returns the index of the persons described by the word head
// and of the candidates among them.
func (s *seen) describedBy(head string) *described {
	if d := s.byDesc[head]; d != nil {
		return d
	}
	if s.byDesc == nil {
		s.byDesc = map[string]*described{}
	}
	d := &described{first: map[string]int{}}
	if s.descs == nil { // lowered once, and only for a text that asks: most ask of no description
		s.descs = make([]string, len(s.r.persons))
		for i, p := range s.r.persons {
			s.descs[i] = strings.ToLower(p.desc)
		}
	}
	for i, p := range s.r.persons {
		if hasWord(s.descs[i], head) {
			d.persons = append(d.persons, p)
			if name := s.r.fullOf(i); !hasKey(d.first, name) {
				d.first[name] = p.at
			}
		}
	}
	d.lines = *s.everyone().filtered(func(name string) bool { return hasKey(d.first, name) })
	s.byDesc[head] = d
	return d
}

// latestDescribed returns the latest candidate before offset at whom the
// text described with the word head before at.
func (s *seen) latestDescribed(at int, head string) (string, bool) {
	d := s.describedBy(head)
	c, ok := d.latest(at, func(c candidate) bool { return d.first[c.name] < at })
	return c.name, ok
}

// lastDescribed returns the full name of the last person before offset at
// whom the text described with the word head.
func (s *seen) lastDescribed(at int, head string) (string, bool) {
	ps := s.describedBy(head).persons
	i, _ := slices.BinarySearchFunc(ps, at, func(p person, at int) int { return p.at - at })
	if i == 0 {
		return "", false
	}
	return s.r.fullNameAs(ps[i-1].name, ps[i-1].honorific), true
}

func hasKey(m map[string]int, k string) bool {
	_, ok := m[k]
	return ok
}

// hasWord reports whether word (not empty, no spaces) stands in desc
// between spaces or its ends, as strings.Contains(" "+desc+" ", " "+word+" ").
func hasWord(desc, word string) bool {
	for i := 0; i <= len(desc)-len(word); {
		k := strings.Index(desc[i:], word)
		if k < 0 {
			return false
		}
		k += i
		if (k == 0 || desc[k-1] == ' ') && (k+len(word) == len(desc) || desc[k+len(word)] == ' ') {
			return true
		}
		i = k + 1
	}
	return false
}

// honorificOf returns the honorific of the first person with one whose
// lowercase name ends in suffix.
func (s *seen) honorificOf(suffix string) (string, bool) {
	if len(s.r.persons) <= near {
		for _, p := range s.r.persons {
			if p.honorific != "" && hasLowerSuffix(p.name, suffix) {
				return p.honorific, true
			}
		}
		return "", false
	}
	if s.honorific == nil {
		var names []string
		for _, p := range s.r.persons {
			if p.honorific != "" {
				names, s.hons = append(names, strings.ToLower(p.name)), append(s.hons, p.honorific)
			}
		}
		s.honorific = newSuffixes(names)
	}
	i, ok := s.honorific.first(suffix)
	if !ok {
		return "", false
	}
	return s.hons[i], true
}

// endsAName reports whether some person's name ends in suffix.
func (s *seen) endsAName(suffix string) bool {
	if len(s.r.persons) <= near {
		return slices.ContainsFunc(s.r.persons, func(p person) bool { return strings.HasSuffix(p.name, suffix) })
	}
	if s.names == nil {
		names := make([]string, len(s.r.persons))
		for i, p := range s.r.persons {
			names[i] = p.name
		}
		s.names = newSuffixes(names)
	}
	_, ok := s.names.first(suffix)
	return ok
}

// suffixes answers which of a list of strings end in a given one: the
// strings sorted by their reversed bytes, so that those with one suffix
// stand together, and a table of the least index over every run of a
// power of two of them, so that the first of a run costs two reads, not a
// scan of the run (a text of many namesakes made that quadratic).
type suffixes struct {
	list  []string
	order []int   // indexes into list, by reversed bytes
	least [][]int // least[j][k]: the least of order[k : k+2^j]
}

func newSuffixes(list []string) *suffixes {
	s := &suffixes{list: list, order: make([]int, len(list))}
	for i := range s.order {
		s.order[i] = i
	}
	slices.SortStableFunc(s.order, func(a, b int) int { return compareReversed(list[a], list[b]) })
	s.least = [][]int{s.order}
	for w := 1; 2*w <= len(s.order); w *= 2 {
		prev := s.least[len(s.least)-1]
		next := make([]int, len(prev)-w)
		for k := range next {
			next[k] = min(prev[k], prev[k+w])
		}
		s.least = append(s.least, next)
	}
	return s
}

// first returns the first string of the list (by index) that ends in suffix.
func (s *suffixes) first(suffix string) (int, bool) {
	lo, _ := slices.BinarySearchFunc(s.order, suffix, func(i int, suffix string) int { return compareReversed(s.list[i], suffix) })
	// Those ending in suffix run from lo: the search finds where they stop.
	n := sort.Search(len(s.order)-lo, func(k int) bool { return !strings.HasSuffix(s.list[s.order[lo+k]], suffix) })
	if n == 0 {
		return 0, false
	}
	j := bits.Len(uint(n)) - 1
	return min(s.least[j][lo], s.least[j][lo+n-(1<<j)]), true
}

// compareReversed compares a and b read from their last byte to their first.
func compareReversed(a, b string) int {
	for i := 1; i <= len(a) && i <= len(b); i++ {
		if x, y := a[len(a)-i], b[len(b)-i]; x != y {
			return int(x) - int(y)
		}
	}
	return len(a) - len(b)
}

// firstAndLastField returns the first and the last of strings.Fields(s)
// without making the list; ok is false when s has none.
func firstAndLastField(s string) (first, last string, ok bool) {
	isSpace := func(r rune) bool { return unicode.IsSpace(r) }
	t := strings.TrimFunc(s, isSpace)
	if t == "" {
		return "", "", false
	}
	first, last = t, t
	if i := strings.IndexFunc(t, isSpace); i >= 0 {
		first = t[:i]
	}
	if i := lastSpace(t); i >= 0 {
		_, n := utf8.DecodeRuneInString(t[i:])
		last = t[i+n:]
	}
	return first, last, true
}

// firstAndLastASCII is firstAndLastField of an ASCII s, without its
// calls: the spaces unicode.IsSpace finds in ASCII are the six bytes of
// isASCIISpace. denote asks it of most speaker phrases.
func firstAndLastASCII(s string) (first, last string) {
	lo, hi := 0, len(s)
	for lo < hi && isASCIISpace(s[lo]) {
		lo++
	}
	for hi > lo && isASCIISpace(s[hi-1]) {
		hi--
	}
	t := s[lo:hi]
	first, last = t, t
	for i := 0; i < len(t); i++ {
		if isASCIISpace(t[i]) {
			first = t[:i]
			break
		}
	}
	for i := len(t) - 1; i >= 0; i-- {
		if isASCIISpace(t[i]) {
			last = t[i+1:]
			break
		}
	}
	return first, last
}

// isASCIISpace reports whether c is one of the ASCII bytes that
// unicode.IsSpace finds space: ' ' and \t to \r.
func isASCIISpace(c byte) bool { return c == ' ' || ('\t' <= c && c <= '\r') }
