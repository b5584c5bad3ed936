package attribution

import "testing"

// TestRestrictiveWho holds the speaker of a cue in a relative clause with
// no comma before its "who": the phrase before it, from its determiner,
// when that phrase names people after its clause's verb; none when it
// opens its clause (a verb after the relative clause is its own) or is a
// phrase of another noun's.
func TestRestrictiveWho(t *testing.T) {
	a := newTest(t)
	for _, c := range []struct {
		text string
		want want
	}{
		{`The mayor gained ground among the voters who said they feared the levy.`,
			want{content: "they feared the levy", speaker: "the voters", cue: "said"}},
		{`The board named the senior officials who had condemned the decree.`,
			want{content: "the decree", speaker: "the senior officials", cue: "condemned"}},
	} {
		c.want.check(t, c.text, a.Statements(c.text))
	}
	for _, text := range []string{
		`Senators who backed the bill met on Monday.`,          // the subject of "met"
		`It changed the minds of voters who opposed the levy.`, // the minds are no speaker
		`They were scoured for errors by rivals who wanted a win.`,
	} {
		for _, st := range a.Statements(text) {
			if st.Speaker != "" && st.Speaker != "They" {
				t.Errorf("%q: want no speaker before “who”, got:\n%s", text, dumpStatements(text, []Statement{st}))
			}
		}
	}
}
