package attribution

import "testing"

// attitudeForms pins stance verbs: a speaker-like subject with a position
// as object is an indirect statement (Statements).
var attitudeForms = []pinnedCase{
	{"called for", []pinned{
		{"⟨Mr Macron⟩ {called for} [a ceasefire in Ukraine].", Indirect, "Macron", "Europe"},
	}, ""},
	{"rejected", []pinned{
		{"⟨Zelensky⟩ {rejected} [the outcome of the talks].", Indirect, "Zelensky", "Ukraine"},
	}, ""},
	{"accused ... of", []pinned{
		{"⟨The Kremlin⟩ {accused} [Kyiv of dragging out the war].", Indirect, "The Kremlin", "Russia"},
	}, ""},
	{"group of people", []pinned{
		{"⟨Republican lawmakers⟩ {criticized} [the board’s lack of budget discipline].", Indirect, "Republican lawmakers", ""},
	}, ""},
	{"called with a complement", []pinned{
		{"⟨Mr Lavrov⟩ {called} [the meeting “a first step”].", Mixed, "Lavrov", "Russia"},
	}, ""},
	{"a clause of its own ends the content", []pinned{
		{"⟨Mr Waltz⟩ {said} [Kyiv should return to the table], as the White House defended its decision.", Indirect, "Waltz", "US"},
		{"Mr Waltz said Kyiv should return to the table, as ⟨the White House⟩ {defended} [its decision].", Indirect, "the White House", "US"},
	}, ""},
	{"relative clause off the subject", []pinned{
		{"⟨European governments⟩, whose leaders met in Lisbon at the invitation of Marta Lindqvist, have {pressed for} [a role].", Indirect, "European governments", "Europe"},
	}, ""},
}

// TestAttitudes checks stance verbs: the pinned forms, and inanimate
// subjects, pure actions, nouns, hypotheticals and stances reported inside
// another speaker's statement, which are none.
func TestAttitudes(t *testing.T) {
	a := newTest(t)
	for _, tc := range attitudeForms {
		t.Run(tc.name, func(t *testing.T) { tc.check(t, a.Statements) })
	}
	for _, text := range []string{
		"The talks rejected any change to the border.",          // not a speaker
		"Prices favoured exporters.",                            // not a speaker
		"Mr Zelensky postponed his trip to Riyadh.",             // an action
		"Mr Macron called the hospital.",                        // called with no complement
		"The Orlando attacks shocked the nation.",               // a noun
		"Trump’s support for the deal was clear.",               // a noun
		"Mr Scholz would welcome a ceasefire.",                  // not listed, and hypothetical
		"Berlin could oppose the plan.",                         // hypothetical
		"Mr Sybiha said Ukraine had defended itself for years.", // the stance is Mr Sybiha's claim
	} {
		got := a.Statements(text)
		for _, s := range got {
			if s.Cue != "said" {
				t.Errorf("%q: want no stance statement, got:\n%s", text, dumpStatements(text, got))
				break
			}
		}
	}
}
