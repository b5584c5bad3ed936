package attribution

import "testing"

// TestTimeOpening holds that a time phrase opening a sentence is not the
// subject a participle's or a stance's speaker comes from.
func TestTimeOpening(t *testing.T) {
	a := newTest(t)
	for _, c := range []struct {
		text string
		want want
	}{
		{`Hours later, Ms. Ortega returned the compliment, telling reporters the talks had gone well.`,
			want{content: "the talks had gone well", speaker: "Ms. Ortega", cue: "telling"}},
		{`Two days earlier, Mr. Brandt criticized the plan.`,
			want{content: "the plan", speaker: "Mr. Brandt", cue: "-"}},
		{`GOP clubs at two colleges declined to endorse him, citing his proposal to ban imports.`,
			want{content: "his proposal to ban imports", speaker: "GOP clubs", cue: "citing"}},
	} {
		c.want.check(t, c.text, a.Statements(c.text))
	}
	if got := a.Statements(`Hours of talks ended without a deal.`); len(got) != 0 {
		t.Errorf("a time noun with no relation opening the sentence: got\n%s", dumpStatements(`Hours of talks ended without a deal.`, got))
	}
}
