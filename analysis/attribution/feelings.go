package attribution

import (
	"github.com/slant-news/slant/analysis/postag"
)

// Feelings: a source's thoughts and feelings reported with "be" and an
// adjective or participle ("some Democrats are concerned that ...", "Cruz
// was confident that ...", "she is eager to ...") are attributions too,
// as PolNeAR counts them. The adjective comes from the closed [feeling]
// list of reporting_verbs.txt, after a form of "be" and before "that",
// "about" or "to", and only where the tagger calls it an adjective or a
// past participle (not "the concerned parties"). The tagger runs only on
// the sentences where those words meet: it costs more than the rules.

// beForms are the forms of "be" a feeling's adjective follows.
var beForms = set("am is are was were be been being")

// feelingLinks are the words that take a feeling's content.
var feelingLinks = set("that about to of with over by")

// feelingAdverbs may stand between "be" and the adjective ("is very
// concerned", "were increasingly worried").
var feelingAdverbs = set("very so also still not increasingly deeply more less quite really particularly too all both already extremely most far somewhat rather even now")

// feelings finds the statements of "be + feeling + that/about/to", past
// the cues and contents of the statements found already (prev).
func (d *doc) feelings(prev *taken) []*draft {
	var out []*draft
	tags, tagged := d.bufs.tags[:0], -1 // the tags of the first words of sentence tagged
	defer func() { d.bufs.tags = tags[:0] }()
	for _, i := range d.startsIn(1, len(d.toks)-1) {
		if !d.is(i, feelingStarts) || !d.is(i+1, classFeelingLink) || d.tquote[i] >= 0 || d.boundaryAfter(i) || !d.sameSentence(i, i+1) {
			continue
		}
		be := d.beBefore(i)
		if be < 0 || prev.cueAt(i) {
			continue
		}
		s := d.tsent[i]
		f, l := d.sfirst[s], d.sfirst[s+1]
		if be > f && d.is(be-1, classModal) {
			continue // "would be glad to": no feeling yet
		}
		c := cue{kind: cueTell, i: be, j: i + 1}
		st := d.feelingSpeaker(c, prev, out)
		if st == nil {
			continue // no speaker: the tagger need not be asked
		}
		// Tagged up to the feeling word only, once per sentence unless a
		// later feeling word needs more: the tagger reads no further than
		// two words ahead, so these are the sentence's tags.
		if s != tagged || i-f >= len(tags) {
			tags, tagged = d.a.tagger.TagFirst(d.text, d.toks[f:l], i-f+1, tags), s
		}
		if t := tags[i-f]; !t.Adjective() && t != postag.VBN {
			continue
		}
		if st = d.feelingContent(st, c, l); st != nil {
			out = append(out, st)
		}
	}
	return out
}

// beBefore returns the form of "be" before the feeling word at token i,
// past adverbs, or -1.
func (d *doc) beBefore(i int) int {
	f := d.sfirst[d.tsent[i]]
	for k := i - 1; k >= f && k >= i-3 && !d.boundaryAfter(k); k-- {
		switch w := d.low[k]; {
		case d.is(k, classBe):
			return k
		case !d.is(k, classFeelingAdverb) && !(len(w) > 4 && w[len(w)-2:] == "ly"):
			return -1
		}
	}
	return -1
}

// feelingSpeaker starts the statement of the feeling whose cue c runs
// from its "be" to its adjective: its speaker is the subject; nil when
// there is none.
func (d *doc) feelingSpeaker(c cue, prev *taken, found []*draft) *draft {
	st := d.newDraft(draft{sent: d.tsent[c.i], after: true})
	st.CueStart, st.CueEnd = d.toks[c.i].Start, d.toks[c.j-1].End
	st.Cue = d.text[st.CueStart:st.CueEnd]
	if _, ok := d.attitudeSpeaker(st, c, prev, found, d.sfirst[st.sent]); !ok {
		return nil
	}
	return st
}

// feelingContent sets the content of the feeling st: what follows the
// link word ("that", "about", "to", ...), or nil.
func (d *doc) feelingContent(st *draft, c cue, l int) *draft {
	k := c.j + 1
	if d.low[c.j] == "to" {
		k = c.j // "eager to [meet him]": the infinitive with its "to"
	}
	if k >= l {
		return nil
	}
	return d.setContent(st, d.toks[k].Start, d.contentEnd(d.toks[k].Start, l, d.sents[st.sent].End))
}
