package attribution

import "testing"

// TestAttitudes checks stance verbs: a speaker-like subject with a position
// as object is an indirect statement; inanimate subjects, pure actions,
// nouns, hypotheticals and stances reported inside another speaker's
// statement are not.
func TestAttitudes(t *testing.T) {
	a := newTest(t)
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"called for", "Mr Macron called for a ceasefire in Ukraine.",
			[]want{{Indirect, "a ceasefire in Ukraine", "Mr Macron", "Macron", "Europe", "called for"}}},
		{"rejected", "Zelensky rejected the outcome of the talks.",
			[]want{{Indirect, "the outcome of the talks", "Zelensky", "Zelensky", "Ukraine", "rejected"}}},
		{"accused ... of", "The Kremlin accused Kyiv of dragging out the war.",
			[]want{{Indirect, "Kyiv of dragging out the war", "The Kremlin", "The Kremlin", "Russia", "accused"}}},
		{"group of people", "Republican lawmakers criticized the party’s lack of environmental awareness.",
			[]want{{Indirect, "the party’s lack of environmental awareness", "Republican lawmakers", "Republican lawmakers", "", "criticized"}}},
		{"called with a complement", "Mr Lavrov called the meeting “a first step”.",
			[]want{{Mixed, "the meeting “a first step”", "Mr Lavrov", "Lavrov", "Russia", "called"}}},
		{"a clause of its own ends the content", "Mr Waltz said Kyiv should return to the table, as the White House defended its decision.",
			[]want{
				{Indirect, "Kyiv should return to the table", "Mr Waltz", "Waltz", "US", "said"},
				{Indirect, "its decision", "the White House", "the White House", "US", "defended"},
			}},
		{"relative clause off the subject", "European governments, whose leaders met in Paris at the invitation of Emmanuel Macron, have pressed for a role.",
			[]want{{Indirect, "a role", "European governments", "European governments", "Europe", "pressed for"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := a.Statements(tc.text)
			for _, w := range tc.want {
				w.check(t, tc.text, got)
			}
			if len(got) != len(tc.want) {
				t.Errorf("got %d statements, want %d:\n%s", len(got), len(tc.want), dumpStatements(tc.text, got))
			}
		})
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
