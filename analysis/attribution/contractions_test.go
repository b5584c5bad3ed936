package attribution

import "testing"

// TestContractedSubject holds a subject pronoun with a contracted
// auxiliary as the start of the clause a tell verb reports past its
// addressee.
func TestContractedSubject(t *testing.T) {
	a := newTest(t)
	for _, c := range []struct {
		text string
		want want
	}{
		{`Ms. Ortega assured donors she’d cut the levy by spring.`,
			want{content: "she’d cut the levy by spring", speaker: "Ms. Ortega", cue: "assured"}},
		{`Mr. Varga told donors they'll win the county.`,
			want{content: "they'll win the county", speaker: "Mr. Varga", cue: "told"}},
	} {
		c.want.check(t, c.text, a.Statements(c.text))
	}
}
