package attribution

import "testing"

// TestNegatedVerbGroup holds the speaker of a cue after a contracted
// negative auxiliary or "ever": the phrase before it, not the auxiliary
// ("I don’t think": I; "the mayor didn't say": the mayor).
func TestNegatedVerbGroup(t *testing.T) {
	a := newTest(t)
	for _, c := range []struct {
		text string
		want want
	}{
		{`I don’t think that the levy will pass.`,
			want{content: "the levy will pass", speaker: "I", cue: "think"}},
		{`The mayor didn't say whether the budget would pass.`,
			want{content: "whether the budget would pass", speaker: "The mayor", cue: "say"}},
		{`Few voters ever said that the levy was fair.`,
			want{content: "the levy was fair", speaker: "Few voters", cue: "said"}},
		{`Ms. Ortega hasn’t expressed any interest in the post.`,
			want{content: "any interest in the post", speaker: "Ms. Ortega", cue: "-"}},
	} {
		c.want.check(t, c.text, a.Statements(c.text))
	}
}
