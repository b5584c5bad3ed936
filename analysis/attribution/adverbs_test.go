package attribution

import "testing"

// TestClauseAfterAdverb holds a reported clause after an -ly adverb that
// follows the cue: the clause is the content, its pronoun no speaker of
// its own.
func TestClauseAfterAdverb(t *testing.T) {
	a := newTest(t)
	for _, c := range []struct {
		text string
		want want
	}{
		{`The mayor has insisted repeatedly she will not run.`,
			want{content: "she will not run", speaker: "The mayor", cue: "insisted"}},
		{`Ms. Ortega argued privately they would lose the vote.`,
			want{content: "they would lose the vote", speaker: "Ms. Ortega", cue: "argued"}},
	} {
		c.want.check(t, c.text, a.Statements(c.text))
	}
}
