package attribution

import "strings"

// inRecords finds the statements a record makes with "in" opening a
// sentence: "In the new Herald-WKBN poll, the retired judge wins about 1
// in 4 primary voters": the record (the phrase after "In", whose head
// is a [record] word) says what follows its comma. Past the statements
// found already (prev), whose contents hold none of these.
func (d *doc) inRecords(prev *taken) []*draft {
	var out []*draft
	for s := range d.sents {
		f, l := d.sfirst[s], d.sfirst[s+1]
		if l-f < 5 || d.low[f] != "in" || d.tquote[f] >= 0 || prev.contentAt(f) {
			continue
		}
		hi := d.commaAfter(f+1, l)
		if hi < 0 || !d.recordHead(f+1, hi) || d.prepositionBeforeRecord(f+1, hi) {
			continue // not "In addition to trailing in national polls, ..."
		}
		k := hi
		if recordTail[d.low[k]] || strings.HasSuffix(d.low[k], "ed") { // "In the poll, conducted in May, ..."
			if k = d.commaAfter(k, l); k < 0 {
				continue
			}
		}
		if k >= l || prev.cueInSentence(s) {
			continue // "In an email, Ms. Ortega said ...": the email is his
		}
		st := d.newDraft(draft{sent: s, after: true})
		d.setSpeaker(st, f+1, hi)
		if lo, shi := d.authorAfter(f+1, hi, k, l); shi > lo {
			d.setSpeaker(st, lo, shi) // "In a note on Friday, Tomas Berend, the station's news director, warned his staff": his memo
		}
		st.CueStart, st.CueEnd = d.toks[f].Start, d.toks[f].End
		st.Cue = d.text[st.CueStart:st.CueEnd]
		if st = d.setContent(st, d.toks[k].Start, d.contentEnd(d.toks[k].Start, l, d.sents[s].End)); st != nil {
			out = append(out, st)
		}
	}
	return out
}

// commaAfter returns the token after the first comma at or after token k
// in the phrase that starts there (at most maxSpeakerWords words, no other
// punctuation), or -1.
func (d *doc) commaAfter(k, l int) int {
	for t := k; t < l-1 && t < k+maxSpeakerWords; t++ {
		if d.tquote[t] >= 0 {
			return -1
		}
		if d.boundaryAfter(t) {
			if strings.TrimSpace(d.gap(t)) == "," {
				return t + 1
			}
			return -1
		}
	}
	return -1
}

// prepositionBeforeRecord reports whether a preposition comes before the
// first record word of the phrase [lo, hi), or that word is footage: the
// phrase names no record that speaks ("addition to lagging far
// behind in the state polls").
func (d *doc) prepositionBeforeRecord(lo, hi int) bool {
	for t := lo; t < hi; t++ {
		if d.is(t, classRecord) {
			return footage[d.low[t]] // "In the clip, he offers a warning": his words, not the video's
		}
		if d.is(t, classPreposition) {
			return true
		}
	}
	return true
}

// footage are the records that show people speaking rather than say
// anything themselves.
var footage = set("video videos footage photo photos photograph picture pictures image images tape tapes recording recordings")

// authorAfter returns the author of a document that opens a sentence, "In
// a memo, X ...": the name or pronoun that opens the clause at token k,
// when the phrase [lo, hi) names a document (a memo, letter, statement),
// not a poll or study; else an empty phrase.
func (d *doc) authorAfter(lo, hi, k, l int) (int, int) {
	doc := false
	for t := lo; t < hi; t++ {
		doc = doc || (documents[d.low[t]] && !d.capitalized(t)) // not the Post of a newspaper's poll ("the Herald Post-WKBN poll")
	}
	if !doc {
		return 0, 0
	}
	slo, shi := d.npForward(k, l)
	if shi <= slo || !(d.capitalized(shi-1) || d.is(slo, classSubjectPronoun)) || !d.plausibleSpeaker(slo, shi) {
		return 0, 0
	}
	return slo, shi
}
