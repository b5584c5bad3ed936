package attribution

// indirectSpeechObject reports whether the object of a verb of
// [attitude-speech-object] that starts at token k is an addressee and then
// something said: "offered [the panel] a frank account of the
// talks", "gave [reporters] a blunt warning", "delivered [them] a
// rebuke". The addressee is a pronoun or a short phrase; the thing said
// opens with a determiner, as a second object does ("gave the workers a
// raise" says nothing).
func (d *doc) indirectSpeechObject(k, l int) bool {
	lo, hi := k, k+1
	if !d.is(k, classObjectPronoun) {
		lo, hi = d.npForward(k, l)
		if hi <= lo || hi-lo > 3 || d.is(hi-1, classSpeechNoun) {
			return false
		}
	}
	if hi >= l || d.boundaryAfter(hi-1) || !d.is(hi, classDeterminer) || d.tquote[hi] >= 0 {
		return false
	}
	return d.speechObject(hi, l)
}
