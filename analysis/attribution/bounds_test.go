package attribution

import "testing"

// boundaryForms pin where statements start and end and how many a
// quotation makes, each cue its own statement (Statements), with invented
// sentences.
var boundaryForms = []pinnedCase{
	{"a participle's that after a comma is not the verb's", []pinned{
		{"“[We are ready],” ⟨she⟩ {said}, adding that the plan would pass.", Direct, "she", ""},
		{"“We are ready,” ⟨she⟩ said, {adding} that [the plan would pass].", Indirect, "she", ""},
	}, ""},
	{"a connective after the comma still leads to the that", []pinned{
		{"⟨The mayor⟩ {said}, however, that [the bridge would stay shut].", Indirect, "The mayor", ""},
	}, ""},
}

func TestBoundaryForms(t *testing.T) {
	a := newTest(t)
	for _, tc := range boundaryForms {
		t.Run(tc.name, func(t *testing.T) { tc.check(t, a.Statements) })
	}
}
