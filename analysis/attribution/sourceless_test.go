package attribution

import (
	"slices"
	"testing"
)

// askedCases pins the questions and requests put to someone by no one
// named: statements of no source, the question or the request their
// content.
var askedCases = []pinnedCase{
	{"was asked to", []pinned{
		{"The mayor {was asked} [to plant a tree].", Indirect, "", ""},
	}, ""},
	{"was asked a question", []pinned{
		{"The senator {was asked} [a question about the budget].", Indirect, "", ""},
	}, ""},
	{"was asked, and the question quoted", []pinned{
		{"The mayor {was asked}, “[Will you run again?]”", Direct, "", ""},
	}, ""},
	{"when asked, an adverb before the question", []pinned{
		{"The coach smiled when {asked} later [whether the team was tired].", Indirect, "", ""},
	}, ""},
}

// reportedlyCases pins "reportedly" after a common noun's phrase that
// no name or pronoun opens.
var reportedlyCases = []pinnedCase{
	{"a common noun's phrase after an opening clause", []pinned{
		{"When the whistle blew, [angry fans {reportedly} ran onto the pitch].", Indirect, "", ""},
	}, ""},
}

// looksCases pins how someone or something looks, to no one named: an
// adjective or "like" after a verb of seemForms.
var looksCases = []pinnedCase{
	{"looks and an adjective", []pinned{
		{"[The bridge] {looks} [increasingly shaky].", Indirect, "", ""},
	}, ""},
	{"seemed and an adjective", []pinned{
		{"[The old bridge] {seemed} [unsafe], so the town closed it.", Indirect, "", ""},
	}, ""},
	{"it seemed like", []pinned{
		{"{It seemed} like [the talks had stalled].", Indirect, "", ""},
	}, ""},
}

// expectedCases pins what is expected by no one named: with a modal, and
// with when rather than what.
var expectedCases = []pinnedCase{
	{"could be expected to", []pinned{
		{"[The defeated club] could {be expected} [to appeal].", Indirect, "", ""},
	}, ""},
	{"expected and when", []pinned{
		{"[A verdict] {is expected} [in early June].", Indirect, "", ""},
	}, ""},
}

// TestExpected checks what is expected, reported and how things look, by
// no one named.
func TestExpected(t *testing.T) {
	a := newTest(t)
	for _, tc := range slices.Concat(expectedCases, reportedlyCases, looksCases) {
		t.Run(tc.name, func(t *testing.T) { tc.check(t, a.Statements) })
	}
	noSourceless(t, a, []string{
		"The results were better than expected.", // no be before it
		"The rain was expected.",                 // nothing expected of it
		"The team looks to build on its lead.",   // an aim, the team's
		"The soup seemed cold to me.",            // to whom: the source
	})
}

// TestAsked checks the questions put by no one named: the pinned forms,
// and "asked" of a speaker or with no question, which are none.
func TestAsked(t *testing.T) {
	a := newTest(t)
	for _, tc := range askedCases {
		t.Run(tc.name, func(t *testing.T) { tc.check(t, a.Statements) })
	}
	noSourceless(t, a, []string{
		"The mayor was asked.",                        // no question
		"He asked the waiter for the bill.",           // asked by someone
		"The mayor was asked by reporters to resign.", // the asker is named
	})
}
