package attribution

import "testing"

// TestShortAnswer holds "said yes", "said no" and "thinks so" as
// statements whose content is the answer; the "so" of "so far" is no
// answer.
func TestShortAnswer(t *testing.T) {
	a := newTest(t)
	for _, c := range []struct {
		text string
		want want
	}{
		{`Most of the delegates said yes.`,
			want{content: "yes", speaker: "Most of the delegates", cue: "said"}},
		{`Mr. Varga thinks so.`,
			want{content: "so", speaker: "Mr. Varga", cue: "thinks"}},
		{`The campaign manager said as much on Thursday.`,
			want{content: "as much on Thursday", speaker: "The campaign manager", cue: "said"}},
	} {
		c.want.check(t, c.text, a.Statements(c.text))
	}
	text := `He said so far the talks were fine.`
	for _, st := range a.Statements(text) {
		if text[st.Start:st.End] == "so" {
			t.Errorf("%q: “so” is no answer here:\n%s", text, dumpStatements(text, []Statement{st}))
		}
	}
}
