package attribution

import "testing"

// feelingForms pins "be" with an adjective of thought or feeling and the
// word that takes its content.
var feelingForms = []pinnedCase{
	{"thrilled with", []pinned{
		{"⟨Kremlin officials⟩ {were thrilled} with [the outcome of the vote].", Indirect, "Kremlin officials", "Russia"},
	}, ""},
	{"critical of", []pinned{
		{"⟨Mr Orban⟩ has {been sharply critical} of [the sanctions].", Indirect, "Orban", ""},
	}, ""},
	{"clear about", []pinned{
		{"⟨Mr Scholz⟩ {was clear} about [one thing: no troops would go].", Indirect, "Scholz", "Europe"},
	}, ""},
	{"unhappy about", []pinned{
		{"⟨Mr Scholz⟩ {was clearly unhappy} about [the delay].", Indirect, "Scholz", "Europe"},
	}, ""},
}

func TestFeelings(t *testing.T) {
	a := newTest(t)
	for _, tc := range feelingForms {
		t.Run(tc.name, func(t *testing.T) { tc.check(t, a.Statements) })
	}
	wantNone(t, a, []string{
		"The parties were happy with the sandwich.", // not a speaker
		"He would be glad of the help.",             // hypothetical
	})
}
