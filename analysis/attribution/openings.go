package attribution

import "strings"

// pastTimeOpening returns the token after a time phrase that opens a
// sentence before its comma ("Hours later, Trump returned the compliment,
// telling Reuters ...", "Two days earlier, ...", "Moments ago, ..."), so
// that the phrase is not taken for the subject; without one it returns k.
func (d *doc) pastTimeOpening(k, i int) int {
	t := k
	if t+1 < i && (numberWords[d.low[t]] || isNumber(d.low[t]) || d.low[t] == "a" || d.low[t] == "several" || d.low[t] == "few") {
		t++
	}
	if t+1 >= i || !timeUnits[d.low[t]] || !timeRelation[d.low[t+1]] {
		return k
	}
	if !strings.Contains(d.gap(t+1), ",") {
		return k
	}
	return t + 2
}

// timeUnits and timeRelation make the opening time phrases of
// pastTimeOpening: a unit and how it stands to the time before.
var (
	timeUnits    = set("seconds minutes hours days weeks months years moments minute hour day week month year moment decades decade")
	timeRelation = set("later earlier ago before after afterward afterwards")
)
