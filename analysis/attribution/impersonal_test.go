package attribution

import "testing"

// impersonalCases pins the impersonal judgments: statements of no source,
// the clause after the adjective their content.
var impersonalCases = []pinnedCase{
	{"it's unclear if", []pinned{
		{"{It’s unclear} [if the mayor will run again].", Indirect, "", ""},
	}, ""},
	{"it is not clear, a clause with no that", []pinned{
		{"{It is not clear} [either side is ready to talk].", Indirect, "", ""},
	}, ""},
	{"nor is it clear", []pinned{
		{"{Nor is it clear} that [the tariffs will help].", Indirect, "", ""},
	}, ""},
	{"it should be obvious", []pinned{
		{"{It should be obvious} that [the bridge needs repairs].", Indirect, "", ""},
	}, ""},
	{"it was unclear exactly when", []pinned{
		{"{It was unclear} exactly [when the ferry would sail].", Indirect, "", ""},
	}, ""},
	{"there is no evidence that", []pinned{
		{"{There is no evidence} that [the dam leaked].", Indirect, "", ""},
	}, ""},
	{"there are fears, no that", []pinned{
		{"{There are fears} [the storm will flood the port].", Indirect, "", ""},
	}, ""},
	{"the content ends before a clause of its own after but", []pinned{
		{"{It is still unknown} [if more files exist], but the letter was never sent.", Indirect, "", ""},
	}, ""},
}

// TestImpersonal checks the impersonal judgments: the pinned forms, and
// adjectives with no clause, a subject other than "it", and a certainty
// with no "that", which are none.
func TestImpersonal(t *testing.T) {
	a := newTest(t)
	for _, tc := range impersonalCases {
		t.Run(tc.name, func(t *testing.T) { tc.check(t, a.Statements) })
	}
	noSourceless(t, a, []string{
		"The water is clear.",                       // no clause
		"It is clear.",                              // no clause
		"The plan is unclear whether or not.",       // not "it"
		"It is clear the road is closed.",           // a certainty needs "that"
		"It was obvious to everyone in the room.",   // no clause
		"There is a fear of heights in the family.", // no clause
		"There are concerns.",                       // no clause
	})
}
