package attribution

import "testing"

// TestTimeOwner holds a stance's object that a time word owns ("Friday's
// test"), and a time word after the verb that owns nothing, which is no
// object.
func TestTimeOwner(t *testing.T) {
	a := newTest(t)
	text := `In a statement, President Ortega denounced Sunday's ruling as "reckless."`
	want{content: `Sunday's ruling as "reckless."`, speaker: "President Ortega", cue: "denounced"}.check(t, text, a.Statements(text))
	wantNone(t, a, []string{
		"President Ortega denounced Sunday at noon.",
	})
}
