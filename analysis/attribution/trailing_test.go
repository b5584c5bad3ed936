package attribution

import "testing"

// trailingForms pins a record's evidence verb that closes its sentence:
// the words before the comma are the record's.
var trailingForms = []pinnedCase{
	{"a filing after its content", []pinned{
		{"[The council spent its reserve by June], ⟨city filings⟩ {show}.", Indirect, "city filings", ""},
	}, ""},
	{"a poll with an auxiliary", []pinned{
		{"[The two councilors are even in the county], ⟨a new county survey⟩ has {found}.", Indirect, "a new county survey", ""},
	}, ""},
}

// TestTrailingEvidence checks the pinned forms, and the trailing verbs that
// report nothing: a person's thought verb, a verb of no record.
func TestTrailingEvidence(t *testing.T) {
	a := newTest(t)
	for _, tc := range trailingForms {
		t.Run(tc.name, func(t *testing.T) { tc.check(t, a.Statements) })
	}
	wantNone(t, a, []string{
		"The plan is doomed, I think.",               // the writer's aside
		"The river rose all night, the rain showed.", // no record
	})
}
