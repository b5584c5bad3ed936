package attribution

import "testing"

// TestPluralSubject holds a cue form that is also a noun read as a verb
// after a plural noun of people, and as a noun after other modifiers.
func TestPluralSubject(t *testing.T) {
	a := newTest(t)
	text := `Her advisers fear that the truce will fail.`
	want{content: "the truce will fail", speaker: "Her advisers", cue: "fear"}.check(t, text, a.Statements(text))
	wantNone(t, a, []string{
		"The party plan is ready.",        // a modifier, not people
		"The voters' fears that it fell.", // a possessive
	})
}
