package attribution

import "strings"

// Passive stances: "The harbour levy, opposed by the dock unions,
// never became law", "a sentiment endorsed by the crowd", "Trump has been
// faulted by several of his neighbours": the agent after "by" takes the stance
// the participle names toward the noun phrase before it, as attribution
// corpora count it. The participle is a form of a listed stance or
// reporting verb, the agent a plausible speaker (a name, a title, a group
// of people), the content the noun phrase the participle follows, past a
// passive auxiliary ("has been") or the comma that sets the participle off.

// agentStances finds the statements of passive stances with an agent,
// past the cues and contents of the statements found already (prev).
func (d *doc) agentStances(prev *taken) []*draft {
	var out []*draft
	for _, i := range d.startsIn(1, len(d.toks)-2) {
		if (!d.is(i, agentStarts) && d.verb(i) == 0) || d.low[i+1] != "by" {
			continue
		}
		if !d.participleForm(i) || d.tquote[i] >= 0 || d.boundaryAfter(i) || !d.sameSentence(i, i+1) || prev.cueAt(i) || prev.contentAt(i) {
			continue
		}
		if st := d.agentStance(i); st != nil {
			out = append(out, st)
		}
	}
	return out
}

// participleForm reports whether token i, a lowercase word, may be a past
// participle: an -ed form, or one of the irregular ones the lists hold.
func (d *doc) participleForm(i int) bool {
	w := d.word(i)
	if w == "" || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	return (len(w) > 4 && strings.HasSuffix(w, "ed")) || irregularParticiples[d.low[i]]
}

var irregularParticiples = set("written seen known shown sought sworn thought felt heard told")

// agentStance builds the statement of the passive stance whose participle
// is token i, or nil.
func (d *doc) agentStance(i int) *draft {
	s := d.tsent[i]
	f, l := d.sfirst[s], d.sfirst[s+1]
	alo, ahi := d.npForward(i+2, l)
	for t := alo + 1; t+1 < ahi; t++ {
		if d.low[t] == "for" && !d.capitalized(t+1) {
			ahi = t // "criticized by [his rivals] for failing to", not "the Center for Rural Progress"
			break
		}
	}
	if ahi <= alo || !d.plausibleSpeaker(alo, ahi) {
		return nil
	}
	k := i - 1
	for k > f && !d.boundaryAfter(k) && (d.is(k, classPassiveAux|classAuxiliary) || strings.HasSuffix(d.low[k], "ly")) {
		k-- // "has been widely criticized by"
	}
	if k < f || (d.boundaryAfter(k) && strings.TrimSpace(d.gap(k)) != ",") {
		return nil
	}
	clo, chi := d.npBack(k, f)
	if chi <= clo || !d.stanceObject(clo, chi) {
		return nil
	}
	st := d.newDraft(draft{sent: s})
	d.setSpeaker(st, alo, ahi)
	st.CueStart, st.CueEnd = d.toks[i].Start, d.toks[i].End
	st.Cue = d.text[st.CueStart:st.CueEnd]
	return d.setContent(st, d.toks[clo].Start, d.endPastQuote(chi-1))
}

// stanceObject reports whether tokens [lo, hi) may be what a passive
// stance is taken toward: a noun phrase, not a connective ("however"), a
// participle ("circulating") or a list's opening ("including one").
func (d *doc) stanceObject(lo, hi int) bool {
	h := d.low[hi-1]
	return !d.is(hi-1, classConnective|classSentenceAdverb) && !(hi-lo == 1 && strings.HasSuffix(h, "ing")) && !d.is(lo, classNotParticiple)
}
