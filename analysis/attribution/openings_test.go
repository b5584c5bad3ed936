package attribution

import "testing"

// TestOpenings holds the subject that a participle's or a stance's speaker
// comes from: not a time phrase or the second part of a place that opens
// the sentence, and with the plural noun its capitalised words qualify.
func TestOpenings(t *testing.T) {
	a := newTest(t)
	for _, c := range []struct {
		text string
		want want
	}{
		{`Hours later, Ms. Ortega returned the compliment, telling reporters the talks had gone well.`,
			want{content: "the talks had gone well", speaker: "Ms. Ortega", cue: "telling"}},
		{`Two days earlier, Mr. Brandt criticized the plan.`,
			want{content: "the plan", speaker: "Mr. Brandt", cue: "-"}},
		{`Speaking at a diner in Bangor, Maine, Mr. Brandt went after his rival, calling him “a hopeless bore.”`,
			want{content: "a hopeless bore.", speaker: "Mr. Brandt", cue: "calling"}},
		{`GOP clubs at two colleges declined to endorse him, citing his proposal to ban imports.`,
			want{content: "his proposal to ban imports", speaker: "GOP clubs", cue: "citing"}},
	} {
		c.want.check(t, c.text, a.Statements(c.text))
	}
	if got := a.Statements(`Hours of talks ended without a deal.`); len(got) != 0 {
		t.Errorf("a time noun with no relation opening the sentence: got\n%s", dumpStatements(`Hours of talks ended without a deal.`, got))
	}
}
