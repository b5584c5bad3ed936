package attribution

import "strings"

// Noun cues: a speaker's claim, promise or criticism reported as a noun
// with its holder before it ("Trump's claim that ...", "his promise to
// ...", "Clinton's criticism of ...") is an attribution too. The nouns and
// the words that take their content are the [holder-nouns] section of
// reporting_verbs.txt; the holder is a possessive pronoun or a name's
// possessive right before the noun (an adjective may stand between:
// "his repeated claim that").

// holderPronouns are the possessive pronouns a noun cue's holder may be.
var holderPronouns = set("his her their")

// nounCues finds the statements of noun cues, past the cues and contents
// of the statements found already (prev).
func (d *doc) nounCues(prev *taken) []*draft {
	out := newTaken(d)
	for _, i := range d.startsIn(1, len(d.toks)-2) {
		if !d.is(i, nounCueStarts) {
			continue
		}
		links := d.a.lex.holderNouns[d.low[i]]
		if links == nil || d.tquote[i] >= 0 || d.boundaryAfter(i) || !d.sameSentence(i, i+1) {
			continue
		}
		if prev.cueAt(i) || prev.contentAt(i) || out.contentAt(i) {
			continue
		}
		var st *draft
		switch w := d.low[i+1]; {
		case links[w]:
			st = d.nounCue(i)
		case w == "by" || w == "from":
			st = d.nounCueAgent(i, links)
		}
		if st != nil {
			out.add(st)
		}
	}
	return out.list
}

// nounCue builds the statement of the noun cue at token i, whose link word
// follows it, or nil when no holder stands before it.
func (d *doc) nounCue(i int) *draft {
	s := d.tsent[i]
	f, l := d.sfirst[s], d.sfirst[s+1]
	h := i - 1
	if h > f && !d.capitalized(h) && !holderWord(d, h) && !d.boundaryAfter(h-1) && !d.is(h, classDeterminer) {
		h-- // "his repeated claim"
	}
	st := d.newDraft(draft{sent: s, after: true})
	switch {
	case holderWord(d, h) && !d.possessive(h):
		d.setSpeaker(st, h, h+1) // "his", which the resolver reads as "he"
	case d.possessive(h) && d.capitalized(h):
		lo := h
		for lo-1 >= f && d.capitalized(lo-1) && !d.boundaryAfter(lo-1) {
			lo--
		}
		st.SpeakerStart, st.SpeakerEnd = d.toks[lo].Start, d.toks[h].End
		st.Speaker = d.text[st.SpeakerStart:st.SpeakerEnd]
	default:
		return nil
	}
	st.CueStart, st.CueEnd = d.toks[i].Start, d.toks[i+1].End
	k := i + 2
	if d.low[i+1] == "to" {
		k, st.CueEnd = i+1, d.toks[i].End // "his promise [to cut taxes]"
	}
	st.Cue = d.text[st.CueStart:st.CueEnd]
	if k >= l {
		return nil
	}
	end := d.nounContentEnd(k, l, d.contentEnd(d.toks[k].Start, l, d.sents[s].End), d.low[i+1] == "that")
	if w := d.low[i+1]; w != "that" && w != "to" {
		if lo, hi := d.npForward(k, l); hi > lo {
			end = min(end, d.endPastQuote(hi-1)) // "Clinton's criticism of [the deal] was sharp": the object only
		}
	}
	return d.setContent(st, d.toks[k].Start, end)
}

// nounCueAgent builds the statement of the noun cue at token i whose
// holder follows it with "by" or "from", before the word that takes its
// content ("claims by the inspectors that ...", "complaints from
// his Danish counterpart that ...", "the call by Sanders for ..."), or
// nil.
func (d *doc) nounCueAgent(i int, links map[string]bool) *draft {
	s := d.tsent[i]
	l := d.sfirst[s+1]
	alo, ahi := d.npForward(i+2, l)
	for t := alo + 1; t < ahi; t++ {
		if links[d.low[t]] {
			ahi = t // "the call by Sanders for free college": the phrase runs on past the link
			break
		}
	}
	if ahi <= alo || ahi+1 >= l || !links[d.low[ahi]] || !d.plausibleSpeaker(alo, ahi) || d.boundaryAfter(ahi) {
		return nil
	}
	if d.boundaryAfter(ahi-1) && strings.TrimSpace(d.gap(ahi-1)) != "," {
		return nil
	}
	st := d.newDraft(draft{sent: s, after: true})
	d.setSpeaker(st, alo, ahi)
	st.CueStart, st.CueEnd = d.toks[i].Start, d.toks[i].End
	st.Cue = d.text[st.CueStart:st.CueEnd]
	k := ahi + 1
	if d.low[ahi] == "to" {
		k = ahi // "a pledge by Mr Macron [to keep talking]"
	}
	end := d.nounContentEnd(k, l, d.contentEnd(d.toks[k].Start, l, d.sents[s].End), d.low[ahi] == "that")
	return d.setContent(st, d.toks[k].Start, end)
}

// holderWord reports whether token h is a possessive pronoun.
func holderWord(d *doc, h int) bool {
	return d.is(h, classHolderPronoun)
}

// possessive reports whether token h ends in a possessive 's.
func (d *doc) possessive(h int) bool {
	g := d.gap(h)
	return strings.HasPrefix(g, "'s") || strings.HasPrefix(g, "’s") || strings.HasPrefix(g, "'") || strings.HasPrefix(g, "’")
}

// nounContentEnd ends a noun cue's content, which starts at token k and
// ends at offset end, before the verb of the clause the noun phrase is
// part of: "Trump's claim that [the talks had failed] was denied", "his
// promise [to keep talking] was broken". A that-clause has a finite verb
// of its own first (clause); an infinitive none.
func (d *doc) nounContentEnd(k, l, end int, clause bool) int {
	seen := !clause
	for t := k + 1; t < l && d.toks[t].Start < end; t++ {
		if d.tquote[t] >= 0 || !d.is(t, classFiniteAux) {
			continue
		}
		if seen && !d.is(t-1, classClauseWord) {
			return d.endPastQuote(t - 1)
		}
		seen = true
	}
	return end
}
