package attribution

import "testing"

// TestStrongPasts holds a past form not in -ed as a finite verb: a phrase
// after a cue ends before it ("said the economy grew" reports a clause,
// no inverted speaker), and a speaker phrase does not run on over it
// ("The campaign sent an email saying": the campaign).
func TestStrongPasts(t *testing.T) {
	a := newTest(t)
	for _, c := range []struct {
		text string
		want want
	}{
		{`The survey, which polls shop owners, said the economy grew.`,
			want{content: "the economy grew", speaker: "The survey, which polls shop owners", cue: "said"}},
		{`The Varga campaign sent a letter saying the levy was "a scam."`,
			want{content: `the levy was "a scam."`, speaker: "The Varga campaign", cue: "saying"}},
	} {
		c.want.check(t, c.text, a.Statements(c.text))
	}
	// A poll's name with "Post" in it is no document whose author opens
	// the clause.
	text := `In the latest Herald Post-WKBN poll, Ortega led Varga 52 percent to 41 percent.`
	want{content: "Ortega led Varga 52 percent to 41 percent", speaker: "the latest Herald Post-WKBN poll", cue: "In"}.check(t, text, a.Statements(text))
	// A finite verb is no complement: "a phone call that the party stood
	// behind her" is no "call X Y".
	text = `The premier told Ms. Ortega in a phone call that the party stood behind her.`
	for _, st := range a.Statements(text) {
		if st.Cue == "call" {
			t.Errorf("%q: want no statement of “call”, got:\n%s", text, dumpStatements(text, []Statement{st}))
		}
	}
}
