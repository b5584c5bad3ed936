package attribution

import (
	"slices"
	"testing"
)

// judgedForms pins the passive judgments with no one named who judges:
// statements of no source, the subject and the judgment their content.
var judgedCases = []pinnedCase{
	{"known for", []pinned{
		{"[The mayor] {is known} [for her short speeches].", Indirect, "", ""},
	}, ""},
	{"considered and a noun phrase", []pinned{
		{"[The bridge] {is widely considered} [a landmark].", Indirect, "", ""},
	}, ""},
	{"criticized as, the cue's auxiliaries before it", []pinned{
		{"[The new tax] {was roundly criticized} [as unfair], but it passed.", Indirect, "", ""},
	}, ""},
	{"thought to", []pinned{
		{"[The ship] {is not thought} [to be seaworthy].", Indirect, "", ""},
	}, ""},
	{"a relative pronoun is the subject", []pinned{
		{"They hired a chef, [who] {is known} [for his soups].", Indirect, "", ""},
	}, ""},
	{"the judgment ends the clause", []pinned{
		{"[The verdict] {has never been questioned}.", Indirect, "", ""},
	}, ""},
	{"is widely known, alone", []pinned{
		{"[The recipe] {is widely known} — and often copied.", Indirect, "", ""},
	}, ""},
	{"labeled and a quote", []pinned{
		{"[The claim] {was labeled} “[Mostly False].”", Mixed, "", ""},
	}, ""},
	{"a speech act in the passive ending its clause", []pinned{
		{"[The merger] {was announced}.", Indirect, "", ""},
	}, ""},
	{"a judgment and when", []pinned{
		{"[The new stadium] {was much derided} at first.", Indirect, "", ""},
	}, ""},
	{"an adverb of connection in the verb group", []pinned{
		{"[The old method] {is nonetheless considered} [a good one].", Indirect, "", ""},
	}, ""},
	{"it has been reported that", []pinned{
		{"{It has been reported} that [the factory will close].", Indirect, "", ""},
	}, ""},
}

// reducedCases pins the participles of a name or a judgment after the
// noun they qualify, with no "be".
var reducedCases = []pinnedCase{
	{"known as after a noun", []pinned{
		{"The plant runs on [solvents] {known} [as glycols].", Indirect, "", ""},
	}, ""},
	{"an apposition, adverb and all", []pinned{
		{"[The old mill], {now known} [as the Granary], was sold.", Indirect, "", ""},
	}, ""},
	{"referred to as", []pinned{
		{"[Smith], {referred to} [as the town's best baker], retired.", Indirect, "", ""},
	}, ""},
	{"now called and a name", []pinned{
		{"They met at [the old mill], {now called} [Granary Hall], last May.", Indirect, "", ""},
	}, ""},
	{"a title in quotes", []pinned{
		{"The band released [an album] {titled} “[Rain].”", Mixed, "", ""},
	}, ""},
}

// praisedCases pins a judgment before the noun it judges.
var praisedCases = []pinnedCase{
	{"much-praised and a noun", []pinned{
		{"The band played songs from its {much-praised} [debut album].", Indirect, "", ""},
	}, ""},
	{"widely panned", []pinned{
		{"It began with a {widely panned} [remake of the film], then worse.", Indirect, "", ""},
	}, ""},
}

// TestJudged checks the passive judgments: the pinned forms, and acts,
// agents, infinitives and judgments inside another statement, which are
// none of their own.
func TestJudged(t *testing.T) {
	a := newTest(t)
	for _, tc := range slices.Concat(judgedCases, reducedCases, praisedCases) {
		t.Run(tc.name, func(t *testing.T) { tc.check(t, a.Statements) })
	}
	noSourceless(t, a, []string{
		"The treaty was signed in May.",                            // an act
		"The plan was criticized by the union.",                    // the agent speaks, if anyone
		"The mayor has been called a hero by her rivals.",          // the agent after the judgment
		"She wants to be considered a candidate.",                  // not yet judged
		"The bill must be considered for debate.",                  // considered for: weighed, not judged
		"Mr Lavrov said the plan was widely criticized as unfair.", // Lavrov's claim
		"The town is known.",                                       // known, alone, judges nothing
		"The voters whom she described as angry stayed home.",      // the active voice
		"Trump described as unfair the rules of the debate.",       // a name: the active voice
		"The mayor also called Smith a liar.",                      // the active "called"
		"Critics have long praised her work.",                      // a verb, the critics'
	})
}

// noSourceless checks that no text has a statement of no source.
func noSourceless(t *testing.T, a testAttributor, texts []string) {
	t.Helper()
	for _, text := range texts {
		got := a.Statements(text)
		for _, s := range got {
			if s.Speaker == "" {
				t.Errorf("%q: want no statement of no source, got:\n%s", text, dumpStatements(text, got))
				break
			}
		}
	}
}
