package attribution

import "testing"

// TestMoreThoughtVerbs holds the thought verbs added in the recall round:
// with "that" they report a clause; with an object alone nothing.
func TestMoreThoughtVerbs(t *testing.T) {
	a := newTest(t)
	for _, c := range []struct {
		text string
		want want
	}{
		{`The anchor noticed that the feed had frozen.`,
			want{content: "the feed had frozen", speaker: "The anchor", cue: "noticed"}},
		{`Mr. Varga sensed that the mood had shifted.`,
			want{content: "the mood had shifted", speaker: "Mr. Varga", cue: "sensed"}},
		{`The panel determined that the vote was valid.`,
			want{content: "the vote was valid", speaker: "The panel", cue: "determined"}},
	} {
		c.want.check(t, c.text, a.Statements(c.text))
	}
	wantNone(t, a, []string{"The anchor noticed the error.", "Ms. Ortega discovered a leak."})
}
