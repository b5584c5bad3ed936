package attribution

import "testing"

// TestTimeAdverbialBeforeThat holds a thought verb's "that" past an
// adverbial of time, and a "that" past an object, which opens a relative
// clause and no content.
func TestTimeAdverbialBeforeThat(t *testing.T) {
	a := newTest(t)
	for _, c := range []struct {
		text string
		want want
	}{
		{`Mr. Varga knew last year that he would lose.`,
			want{content: "he would lose", speaker: "Mr. Varga", cue: "knew"}},
		{`Ms. Ortega learned on Friday that the plan was dead.`,
			want{content: "the plan was dead", speaker: "Ms. Ortega", cue: "learned"}},
	} {
		c.want.check(t, c.text, a.Statements(c.text))
	}
	wantNone(t, a, []string{"They could agree terms with the port that leave the ships idle."})
}
