package attribution

import "testing"

// agentForms pins passive stances with an agent: the agent after "by" is
// the speaker, the noun phrase before the participle the content.
var agentForms = []pinnedCase{
	{"set off by commas", []pinned{
		{"[The ceasefire plan], {opposed} by ⟨the Russian foreign ministry⟩, was dropped.", Indirect, "the Russian foreign ministry", "Russia"},
	}, ""},
	{"after a passive auxiliary", []pinned{
		{"[Mr Scholz] has been {criticized} by ⟨some of his allies⟩ for waiting.", Indirect, "some of his allies", ""},
	}, ""},
	{"a participle that counts only as a passive", []pinned{
		{"[The view] is {shared} by ⟨most European leaders⟩.", Indirect, "most European leaders", "Europe"},
	}, ""},
	{"a participle after its noun", []pinned{
		{"[A truce] {backed} by ⟨the Hungarian government⟩ collapsed on Monday.", Indirect, "the Hungarian government", ""},
	}, ""},
}

// TestAgents checks the pinned passive stances, and participles whose
// agent names no one who takes a stance, which are none.
func TestAgents(t *testing.T) {
	a := newTest(t)
	for _, tc := range agentForms {
		t.Run(tc.name, func(t *testing.T) { tc.check(t, a.Statements) })
	}
	wantNone(t, a, []string{
		"The bridge was damaged by the storm.",        // no stance verb, no speaker
		"Mr Macron shared a photo of the summit.",     // an active verb
		"The plan, criticized by the delays, failed.", // no speaker
		"The area was described by satellite images.", // no speaker
	})
}
