package attribution

import "testing"

// TestIndirectSpeechObject holds a verb of [attitude-speech-object] with an
// addressee before the thing said, and one whose second object says
// nothing, which is no statement.
func TestIndirectSpeechObject(t *testing.T) {
	a := newTest(t)
	for _, c := range []struct {
		text string
		want want
	}{
		{`Ms. Varga offered the panel a frank account of the talks.`,
			want{content: "the panel a frank account of the talks", speaker: "Ms. Varga", cue: "offered"}},
		{`The mayor gave reporters a blunt assessment.`,
			want{content: "reporters a blunt assessment", speaker: "The mayor", cue: "gave"}},
	} {
		c.want.check(t, c.text, a.Statements(c.text))
	}
	wantNone(t, a, []string{
		"The mayor gave the workers a raise.",
		"Ms. Varga offered them a seat.",
	})
}
