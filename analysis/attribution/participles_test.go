package attribution

import "testing"

// TestParticipleAfterPreposition holds a participle cue after "after",
// "before", "by" or "while": its clause's subject speaks; after "for" the
// participle is the object's, no one's statement here.
func TestParticipleAfterPreposition(t *testing.T) {
	a := newTest(t)
	for _, c := range []struct {
		text string
		want want
	}{
		{`The mayor angered voters by saying the tax was fair.`,
			want{content: "the tax was fair", speaker: "The mayor", cue: "saying"}},
		{`Ms. Ortega hailed the deal after criticizing the delay.`,
			want{content: "the delay", speaker: "Ms. Ortega", cue: "criticizing"}},
	} {
		c.want.check(t, c.text, a.Statements(c.text))
	}
	for _, text := range []string{
		`The mayor paid the council for backing the plan.`,
		`Since taking office, the mayor has cut the budget.`,
	} {
		for _, st := range a.Statements(text) {
			t.Errorf("%q: want no statement, got:\n%s", text, dumpStatements(text, []Statement{st}))
		}
	}
}
