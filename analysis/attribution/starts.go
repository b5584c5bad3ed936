package attribution

// The classes of the word at which each pass over the whole text can find
// a statement: a pass reads only the tokens of its class (doc.startsIn),
// where each of the seven went over every token to ask it.
const (
	cueStarts      = classMultiCue // and every speech verb (doc.verb)
	attitudeStarts = classAttitude | classMultiAttitude
	feelingStarts  = classFeeling
	sourceStarts   = classSourcelessCue | classSeem | classPerceived
	agentStarts    = classAttitude | classPassiveStance // and every speech verb
	viewStarts     = classPerspective
	nounCueStarts  = classHolderNoun

	ruleStarts = cueStarts | attitudeStarts | feelingStarts | sourceStarts | agentStarts | viewStarts | nounCueStarts
)

// mayStartRule reports whether a word is of ruleStarts or a speech verb.
func (wi wordInfo) mayStartRule() bool {
	return wi.class&ruleStarts != 0 || wi.verb != 0
}

// startsIn returns the tokens of d.starts in [lo, hi).
func (d *doc) startsIn(lo, hi int) []int {
	s := d.starts
	for len(s) > 0 && s[0] < lo {
		s = s[1:]
	}
	for len(s) > 0 && s[len(s)-1] >= hi {
		s = s[:len(s)-1]
	}
	return s
}
