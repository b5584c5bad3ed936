package attribution

import (
	"slices"
	"testing"
)

// stanceForms pins the attitude forms that need a shape after the verb:
// a to-infinitive ([attitude-infinitive]), an object and "as"
// ([attitude-as]), an object that is something said
// ([attitude-speech-object]), a complement ("called X Y").
var stanceForms = []pinnedCase{
	{"declined to", []pinned{
		{"⟨The ministry⟩ {declined} [to comment on the talks].", Indirect, "The ministry", ""},
	}, ""},
	{"agreed to", []pinned{
		{"⟨The company⟩ {agreed} [to pay $20 million to settle the claims].", Indirect, "The company", ""},
	}, ""},
	{"had hoped to", []pinned{
		{"⟨Mr Scholz⟩ had {hoped} [to visit Kyiv in the spring].", Indirect, "Scholz", "Europe"},
	}, ""},
	{"sees ... as", []pinned{
		{"⟨Mr Macron⟩ {sees} [the talks as a first step].", Indirect, "Macron", "Europe"},
	}, ""},
	{"called with an adjective the tagger finds", []pinned{
		{"⟨The governor⟩ {called} [the long delays unacceptable].", Indirect, "The governor", ""},
	}, ""},
	{"called with an adjective by its ending", []pinned{
		{"⟨Mr Lavrov⟩ {called} [the decision disrespectful to Moscow].", Indirect, "Lavrov", "Russia"},
	}, ""},
	{"called with an adjective past a preposition in the object", []pinned{
		{"⟨Mr Lavrov⟩ {called} [the quarrel with the agencies unusual].", Indirect, "Lavrov", "Russia"},
	}, ""},
	{"called with a noun after a plural", []pinned{
		{"⟨Mr Lavrov⟩ has {called} [Western diplomats hypocrites].", Indirect, "Lavrov", "Russia"},
	}, ""},
	{"offered a speech noun", []pinned{
		{"⟨Mr Lavrov⟩ {offered} [a gloomy assessment of the talks].", Indirect, "Lavrov", "Russia"},
	}, ""},
	{"gave a speech noun", []pinned{
		{"⟨The minister⟩ {gave} [quick instructions to the staff].", Indirect, "The minister", ""},
	}, ""},
	{"called with a quote later in the clause", []pinned{
		{"⟨Mr Lavrov⟩ {called} [the plans to station troops in Poland “a provocation”].", Mixed, "Lavrov", "Russia"},
	}, ""},
	{"called with a demonstrative object", []pinned{
		{"⟨Mr Lavrov⟩ {called} [that idea “a dead end”].", Mixed, "Lavrov", "Russia"},
	}, ""},
	{"a headline in title case", []pinned{
		{"⟨Mr Lavrov⟩ {Calls} [Kyiv’s Plan ‘A Provocation’ After Talks]", Mixed, "Lavrov", "Russia"},
	}, ""},
	{"the subject's next act ends the content, past a quote", []pinned{
		{"⟨Mr Lavrov⟩ {called} [the plan “a provocation”] and walked out.", Mixed, "Lavrov", "Russia"},
	}, ""},
	{"will, an announced stance", []pinned{
		{"⟨Mr Lavrov⟩ will {discuss} [the prisoner exchange].", Indirect, "Lavrov", "Russia"},
	}, ""},
	{"laid out", []pinned{
		{"⟨Mr Macron⟩ {laid out} [his plan for a European army].", Indirect, "Macron", "Europe"},
	}, ""},
	{"doubled down on", []pinned{
		{"⟨Mr Lavrov⟩ {doubled down on} [his threats against Kyiv].", Indirect, "Lavrov", "Russia"},
	}, ""},
	{"a relative clause between the subject and the verb", []pinned{
		{"⟨The ministry⟩, which had been silent on the decision, {called} [it an attempt to silence the press].", Indirect, "The ministry", ""},
	}, ""},
	{"ordered", []pinned{
		{"⟨A federal judge⟩ {ordered} [the ministry to release the files].", Indirect, "A federal judge", ""},
	}, ""},
	{"sees, present, any object", []pinned{
		{"⟨Mr Macron⟩ {sees} [parallels between the two wars].", Indirect, "Macron", "Europe"},
	}, ""},
	{"presents itself as", []pinned{
		{"⟨The Kremlin⟩ {presents} [itself as a remedy for the West].", Indirect, "The Kremlin", "Russia"},
	}, ""},
	{"view ... as, a pronoun object", []pinned{
		{"⟨Many Republicans⟩ {view} [him as a liability].", Indirect, "Many Republicans", ""},
	}, ""},
}

// TestStances checks the pinned stance forms, and the same verbs without
// the shape they need, which are none.
func TestStances(t *testing.T) {
	a := newTest(t)
	for _, tc := range stanceForms {
		t.Run(tc.name, func(t *testing.T) { tc.check(t, a.Statements) })
	}
	wantNone(t, a, []string{
		"Shares of the utility declined 5 percent on Monday.",              // no infinitive
		"The court decided the case in March.",                             // an object
		"Exports declined to a low of $3 billion.",                         // "to" and a noun phrase
		"The board agreed on a new chairman.",                              // no infinitive
		"Ms. Harris expected a long night.",                                // an object
		"The sandwiches, as ordered, came at noon.",                        // no speaker
		"The company offered a discount to its customers.",                 // no speech noun
		"The governor gave money to the charity.",                          // no speech noun
		"The governor called his wife, “my rock,” on Monday.",              // the quote set off by a comma
		"The governor called reporters in and handed out “Vote Yes” pins.", // the quote is in another clause
		"The minister wrote angrily on Facebook.",                          // an adverb, no object
		"The governor called an emergency meeting.",                        // no complement
		"The governor called his wife Tuesday night.",                      // a time, no complement
		"Mr Macron saw the president in Paris.",                            // no "as"
		"The minister viewed the damage as a reporter watched.",            // "as" opens a clause of the writer's
	})
}

// wantNone checks that each text has no statement.
func wantNone(t *testing.T, a testAttributor, texts []string) {
	t.Helper()
	for _, text := range texts {
		if got := a.Statements(text); len(got) > 0 {
			t.Errorf("%q: want no statement, got:\n%s", text, dumpStatements(text, got))
		}
	}
}

// FuzzStances runs the statements' checks (FuzzStatements') on texts grown
// from the pinned stances, cue forms, feelings, agents and perspectives of
// this package's tests.
func FuzzStances(f *testing.F) {
	for _, tc := range slices.Concat(stanceForms, cueForms, feelingForms, agentForms, perspectiveForms, trailingForms, complementForms) {
		f.Add(tc.text())
	}
	a := newTest(f)
	f.Fuzz(func(t *testing.T, text string) {
		checkStatements(t, text, a.Statements(text))
	})
}
