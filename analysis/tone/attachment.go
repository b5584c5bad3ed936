package tone

import (
	"bytes"
	_ "embed"
	"math"
)

// Attachment features: how the target stands to the sentence's polar
// words. Is it the one who speaks (the opinion is its own, not about it)?
// Is a polar word the verb it is the subject of, or the one it is the
// object of? Is a polar word nearer another possible actor (a name or a
// personal pronoun) than the target? Measured by 5-fold cross-validation
// on NewsMTSC train, they add about 0.002 macro-F1 to the word and vector
// features, which already see most of it (l1:, r1:, bigrams).

// attachWindow is how many words after (subject) or before (object) the
// target a polar word or a speech verb must be, within its clause.
const attachWindow = 3

//go:embed speech_verbs.txt
var speechVerbData []byte

// DefaultSpeechVerbs returns the built-in speech_verbs.txt, for the
// record of a run.
func DefaultSpeechVerbs() []byte { return speechVerbData }

// parseSpeechVerbs reads speech_verbs.txt: words separated by white
// space, '#' comment lines.
func parseSpeechVerbs(data []byte) map[string]bool {
	m := map[string]bool{}
	for line := range bytes.SplitSeq(data, []byte{'\n'}) {
		if line = bytes.TrimSpace(line); len(line) == 0 || line[0] == '#' {
			continue
		}
		for _, w := range bytes.Fields(line) {
			m[string(w)] = true
		}
	}
	return m
}

// entityWords are the words, as features name them, that may be another
// actor: a name (capWord) or a personal pronoun. The word index flags them
// (entityWord).
var entityWords = []string{capWord, "he", "she", "they", "i", "we"}

// attachmentNames are the attachment features' names.
type attachmentNames struct {
	speaker, speakerPolar        featureName
	subjPos, subjNeg             featureName
	objPos, objNeg               featureName
	agent                        featureName
	nearPos, nearNeg             featureName
	otherPos, otherNeg, hasOther featureName
}

func newAttachmentNames(fixed func(name string) featureName) attachmentNames {
	return attachmentNames{
		speaker: fixed("a:speaker"), speakerPolar: fixed("a:speaker-polar"),
		subjPos: fixed("a:subj+"), subjNeg: fixed("a:subj-"),
		objPos: fixed("a:obj+"), objNeg: fixed("a:obj-"),
		agent:   fixed("a:agent"),
		nearPos: fixed("a:near+"), nearNeg: fixed("a:near-"),
		otherPos: fixed("a:other+"), otherNeg: fixed("a:other-"), hasOther: fixed("a:others"),
	}
}

// isSpeaker reports whether the target [first, last] in its clause [lo,
// hi] is who speaks: followed by a speech verb within attachWindow words
// ("Kyiv has said", "Putin, however, warned"), after "according to", or
// after a speech verb that ends the clause with it ("..., said Lavrov.").
func (s *targetSentence) isSpeaker(first, last, hi int) bool {
	ws := s.words
	for k := last + 1; k <= min(hi, last+attachWindow); k++ {
		if ws[k].speech {
			return true
		}
	}
	if first >= 2 && string(ws[first-2].text) == "according" && string(ws[first-1].text) == "to" {
		return true
	}
	return first >= 1 && ws[first-1].speech && last == hi
}

// addAttachment adds the attachment features of the target [first, last]
// in its clause [lo, hi].
func (f *features) addAttachment(s *targetSentence, first, last, lo, hi int) {
	n := &f.known.attach
	ws := s.words
	speaker := s.isSpeaker(first, last, hi)
	if speaker {
		f.add(n.speaker, 1)
	}
	// Subject: the first polar word after the target in its clause;
	// object: the last one before it.
	for k := last + 1; k <= min(hi, last+attachWindow); k++ {
		if w := &ws[k]; w.inLex {
			f.addPolar(n.subjPos, n.subjNeg, w.valence)
			if speaker {
				f.add(n.speakerPolar, squash(math.Abs(w.valence)))
			}
			break
		}
	}
	for k := first - 1; k >= max(lo, first-attachWindow); k-- {
		if w := &ws[k]; w.inLex {
			f.addPolar(n.objPos, n.objNeg, w.valence)
			break
		}
	}
	if first >= 1 && string(ws[first-1].text) == "by" {
		f.add(n.agent, 1)
	}
	// Polar words nearer another possible actor than the target, by word
	// distance: the nearest such actor on either side of each polar word,
	// from the sentence's lists of both (see prepare), the polar words last
	// first, rather than two sweeps of every word.
	var near, other [2]float64 // positive, negative valence
	s.other = s.other[:0]
	for _, k := range s.entityAt {
		if k < first || k > last {
			s.other = append(s.other, k)
		}
	}
	p := len(s.other) // s.other[:p] are at most k, s.other[p:] after it
	for i := len(s.polarAt) - 1; i >= 0; i-- {
		k := s.polarAt[i]
		if k >= first && k <= last {
			continue
		}
		for p > 0 && s.other[p-1] > k {
			p--
		}
		toOther := 1 << 30
		if p > 0 {
			toOther = k - s.other[p-1]
		}
		if p < len(s.other) {
			toOther = min(toOther, s.other[p]-k)
		}
		toTarget := first - k
		if k > last {
			toTarget = k - last
		}
		w := &ws[k]
		c := 0
		if w.valence < 0 {
			c = 1
		}
		if toOther < toTarget {
			other[c] += math.Abs(w.valence)
		} else {
			near[c] += math.Abs(w.valence)
		}
	}
	f.add(n.nearPos, squash(near[0]))
	f.add(n.nearNeg, squash(near[1]))
	f.add(n.otherPos, squash(other[0]))
	f.add(n.otherNeg, squash(other[1]))
	if len(s.other) > 0 {
		f.add(n.hasOther, 1)
	}
}

// addPolar adds a polar word's squashed valence as the positive or the
// negative feature.
func (f *features) addPolar(pos, neg featureName, valence float64) {
	if valence > 0 {
		f.add(pos, squash(valence))
	} else {
		f.add(neg, squash(-valence))
	}
}
