package attribution

import "testing"

// TestCastAs holds "cast" among the [attitude-as] forms: with an object
// and "as" it frames the object ("has cast the union as a relic"); a
// ballot cast is no stance.
func TestCastAs(t *testing.T) {
	a := newTest(t)
	text := `The senator has cast the union as a relic of another era.`
	want{content: "the union as a relic of another era", speaker: "The senator", cue: "cast"}.check(t, text, a.Statements(text))
	wantNone(t, a, []string{
		"Voters cast ballots as the polls opened.",
		"Residents cast their votes on Tuesday.",
	})
}

// TestInterpretAs holds "interpreted" among the [attitude-as] forms.
func TestInterpretAs(t *testing.T) {
	a := newTest(t)
	text := `Several aides interpreted the vote as a rebuke of the mayor.`
	want{content: "the vote as a rebuke of the mayor", speaker: "Several aides", cue: "interpreted"}.check(t, text, a.Statements(text))
	wantNone(t, a, []string{"The aides interpreted the rules."})
}
