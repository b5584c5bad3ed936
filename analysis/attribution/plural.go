package attribution

import "strings"

// "They said" is resolved to the group that spoke or was a sentence's
// subject last ("Industry groups argued ... They said ..."), looking back
// over a few sentences only: beyond that "they" is as often someone else.

// group is a plural speaker or subject: the phrase ("industry groups") and
// where it stands.
type group struct {
	at     int
	phrase string
}

// pluralReach is how many sentences back a group may be for "they".
const pluralReach = 2

// they resolves "they" at offset at (in sentence s) to the latest group
// before it: a plural speaker of an earlier statement or the plural
// subject of one of the pluralReach sentences before s; phrase when none.
func (r *resolver) they(phrase string, at int) string {
	d := r.d
	s := d.tsent[min(d.tokenAt(at), len(d.toks)-1)]
	best := group{at: -1}
	for i := len(r.groups) - 1; i >= 0; i-- {
		g := r.groups[i]
		if g.at < at && d.tsent[min(d.tokenAt(g.at), len(d.toks)-1)] >= s-pluralReach {
			best = g
			break
		}
	}
	for t := s - 1; t >= 0 && t >= s-pluralReach; t-- {
		lo, hi := d.sentenceSubject(t)
		if _, h := d.npForward(lo, d.sfirst[t+1]); hi > lo && h > hi && h-lo <= 6 {
			hi = h // "Republican lawmakers met": the capitalized run and the noun after it
		}
		if hi > lo && d.toks[lo].Start > best.at && r.pluralPhrase(lo, hi) {
			best = group{at: d.toks[lo].Start, phrase: d.text[d.toks[lo].Start:d.toks[hi-1].End]}
			break
		}
	}
	if best.at < 0 {
		return phrase
	}
	return best.phrase
}

// pluralPhrase reports whether tokens [lo, hi) are a plural description:
// its last word a plural noun for people ("officials", "Democrats"), not
// a pronoun, an organisation ("the United States") or a thing ("surveys").
func (r *resolver) pluralPhrase(lo, hi int) bool {
	w := r.d.low[hi-1]
	if hi-lo > 6 || isPronoun(w) || r.lx.is(classOrg|classTime, w) || r.d.tquote[lo] >= 0 {
		return false
	}
	return pluralNoun(w) && r.d.plausibleSpeaker(lo, hi)
}

// pluralNoun reports whether a lowercase word looks like a plural noun.
func pluralNoun(w string) bool {
	if pluralPerson(w) {
		return true
	}
	if len(w) < 4 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
		return false
	}
	for _, end := range []string{"ss", "us", "is", "ous", "ics", "news", "ities"} {
		if strings.HasSuffix(w, end) {
			return false
		}
	}
	return true
}

// pluralPerson reports whether w is a plural noun of people without an
// s: a switch, not a map, as pluralNoun asks it of most words it sees.
func pluralPerson(w string) bool {
	switch w {
	case "people", "police", "women", "men", "children", "staff":
		return true
	}
	return false
}

// noteGroup remembers a resolved statement's speaker when it is a plural
// description, for "they".
func (r *resolver) noteGroup(st *draft) {
	if st.Speaker == "" || st.Resolved == "" {
		return
	}
	lo, hi := r.d.tokenAt(st.SpeakerStart), r.d.tokenAt(st.SpeakerEnd)
	if hi > lo && hi <= len(r.d.toks) && r.pluralPhrase(lo, hi) && !strings.Contains(st.Resolved, ";") {
		r.groups = append(r.groups, group{at: st.SpeakerStart, phrase: st.Resolved})
	}
}
