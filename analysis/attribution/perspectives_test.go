package attribution

import "testing"

// perspectiveForms pins "in X's view": X says the rest of the sentence.
var perspectiveForms = []pinnedCase{
	{"opening the sentence", []pinned{
		{"{In ⟨Mr Lavrov⟩’s view}, [the talks had failed].", Indirect, "Lavrov", "Russia"},
	}, ""},
	{"closing the sentence", []pinned{
		{"[The sanctions are a mistake], {in ⟨Mr Orban⟩'s opinion}.", Indirect, "Orban", ""},
	}, ""},
	{"set off inside the sentence", []pinned{
		{"[The only way out], {in ⟨Mr Lavrov⟩'s view}, [is a deal].", Indirect, "Lavrov", "Russia"},
	}, ""},
}

// TestPerspectives checks the pinned perspectives, and "in X's view" that
// is no one's opinion, which is none.
func TestPerspectives(t *testing.T) {
	a := newTest(t)
	for _, tc := range perspectiveForms {
		t.Run(tc.name, func(t *testing.T) { tc.check(t, a.Statements) })
	}
	wantNone(t, a, []string{
		"The ball was in his view all along.",  // not set off
		"The lake came into Mr Orban's view.",  // no "in"
		"In the view of the lake, we stopped.", // no holder
	})
}
