package attribution

import "testing"

// complementForms pins the quoted complements of "called" past a relative
// clause in the object or an aside after it.
var complementForms = []pinnedCase{
	{"a relative clause in the object", []pinned{
		{"In brief remarks, ⟨the governor⟩ {called} [the flood that hit the town “a disaster for us all”].", Mixed, "the governor", ""},
	}, ""},
	{"an aside before the quote", []pinned{
		{"⟨The senator⟩ {called} [him, at one point, “a coward.”]", Mixed, "The senator", ""},
	}, ""},
}

// TestFarQuotedComplement checks the pinned forms, and a quote that
// another verb in the object's relative clause takes, which is no
// complement.
func TestFarQuotedComplement(t *testing.T) {
	a := newTest(t)
	for _, tc := range complementForms {
		t.Run(tc.name, func(t *testing.T) { tc.check(t, a.Statements) })
	}
	for _, text := range []string{
		`The mayor called reporters who said “hello” to her.`,
		`The mayor called the firm, in the morning, to book a room.`,
	} {
		for _, st := range a.Statements(text) {
			if st.Cue == "called" {
				t.Errorf("%q: want no statement of “called”, got:\n%s", text, dumpStatements(text, []Statement{st}))
			}
		}
	}
}
