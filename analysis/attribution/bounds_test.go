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
	{"a quote goes on after the cue's clause with a title in quotes", []pinned{
		{"“[We will win],” ⟨she⟩ {said} during an interview on “Morning Hour” Sunday. “[It is not close].”", Direct, "she", ""},
	}, ""},
	{"a quote goes on after an apposition with a relative clause", []pinned{
		{"\"[I like the plan],\" {said} ⟨Dana Holt⟩, a planner who advised the city. \"[It will work].\"", Direct, "Dana Holt", ""},
	}, ""},
	{"a quote goes on after a noun that is also a verb", []pinned{
		{"\"[I like the plan],\" ⟨Dana Holt⟩ {said} in reply. \"[It will work].\"", Direct, "Dana Holt", ""},
	}, ""},
	{"a quote goes on after a participle's clause", []pinned{
		{"\"[I like the plan],\" ⟨Dana Holt⟩ {said}, pointing out that voters agreed. \"[It will work].\"", Direct, "Dana Holt", ""},
	}, ""},
	{"then after the cue is an adverbial", []pinned{
		{"\"[I like the plan],\" ⟨Holt⟩ {said} then. \"[It will work].\"", Direct, "Holt", ""},
	}, ""},
	{"the addressee of told is a noun phrase with a head that is also a verb", []pinned{
		{"\"[I like the plan],\" ⟨Holt⟩ {told} a news briefing. \"[It will work].\"", Direct, "Holt", ""},
	}, ""},
	{"a quote goes on after a participle sharing the speaker", []pinned{
		{"\"[I like the plan],\" ⟨Dana Holt⟩ {said}, referring to the bridge. \"[It will work].\"", Direct, "Dana Holt", ""},
		{"\"I like the plan,\" ⟨Dana Holt⟩ said, {referring to} [the bridge]. \"It will work.\"", Indirect, "Dana Holt", ""},
	}, ""},
	{"a quote goes on after a relative clause on an inverted speaker", []pinned{
		{"\"[Revenues are up],\" {said} ⟨Mr. Halvorsen⟩, who added that costs had fallen. \"[Orders are steady].\"", Direct, "Mr. Halvorsen", ""},
		{"\"Revenues are up,\" said ⟨Mr. Halvorsen⟩, who {added} that [costs had fallen]. \"Orders are steady.\"", Indirect, "Mr. Halvorsen", ""},
	}, ""},
	{"a quote goes on past a hyphenated participle in the speaker's apposition", []pinned{
		{"\"[He sees the charter as vital],\" {said} ⟨Tom Berend⟩, the director of the Vasko-backing Harbour Workers League. \"[It is not that hard].\"", Direct, "Tom Berend", ""},
	}, "the participle of a compound adjective is taken for a stance too (attitudes.go): Sanders-{supporting} [Working Families Party]"},
	{"a quote goes on after when and a participle", []pinned{
		{"“[Jobs],” ⟨she⟩ {said} on Monday when questioned on the plan. “[Jobs for all].”", Direct, "she", ""},
	}, ""},
	{"another speaker's cue between keeps the quotes apart", []pinned{
		{"\"[I like the plan],\" ⟨Holt⟩ {said}, while Lee argued that it would fail. \"It will work.\"", Direct, "Holt", ""},
		{"\"I like the plan,\" Holt said, while ⟨Lee⟩ {argued} that [it would fail]. \"It will work.\"", Indirect, "Lee", ""},
		{"\"I like the plan,\" Holt said, while ⟨Lee⟩ argued that it would fail. \"[It will work].\"", Direct, "Lee", ""},
	}, ""},
	{"a quote goes on a mixed statement before its cue", []pinned{
		{"[The plan is “a good start,”] ⟨she⟩ {said}. “[It will pass].”", Mixed, "she", ""},
	}, ""},
	{"a subject set off by commas speaks, not the object after its verb", []pinned{
		{"⟨Ms. Lund⟩, along with Judge Okafor of the Ninth District and Ann Brill, a lecturer at the college in Derby, {wrote} [a review of tax rulings].", Indirect, "Ms. Lund", ""},
	}, ""},
	{"an inverted speaker after a comma", []pinned{
		{"[The plan will fail], {said} ⟨Jay Nixon⟩, the governor.", Indirect, "Jay Nixon", ""},
	}, ""},
	{"according to set off by commas inside a clause reports both sides", []pinned{
		{"[The plan], {according to} ⟨officials⟩, [will cost five billion dollars].", Indirect, "officials", ""},
	}, ""},
	{"according to after a colon opens the content", []pinned{
		{"The issue was clear: {According to} ⟨recent polls⟩, [the mayor has just 11 percent of the vote].", Indirect, "recent polls", ""},
	}, ""},
	{"according to after a copula reports the subject", []pinned{
		{"The rise was large. [That]’s {according to} ⟨the latest report⟩ by the bank.", Indirect, "the latest report", ""},
	}, ""},
	{"a span of time after the cue is an adverbial", []pinned{
		{"“[I cannot believe how calm it has been],” ⟨Trump⟩ {said} 20 minutes into the hearing.", Direct, "Trump", "US"},
	}, ""},
	{"the that after a long adverbial", []pinned{
		{"⟨Halvorsen⟩ {said} earlier on Monday at a press briefing that [he may wait until April].", Indirect, "Halvorsen", ""},
	}, ""},
	{"a participle's aside ends at the comma before its subject's verb", []pinned{
		{"⟨The guidelines⟩, {telling} [schools to open the gyms], have sparked legal challenges.", Indirect, "The guidelines", ""},
	}, ""},
	{"an inverted speaker with a relative clause and no comma", []pinned{
		{"\"[The plan was not collaborative],\" {said} ⟨one former executive⟩ who asked not to be named.", Direct, "one former executive", ""},
	}, ""},
	{"a cue inside a relative clause reports its pronoun and verb phrase", []pinned{
		{"Many joined, [which] ⟨Democrats⟩ {say} [could be helping the mayor].", Indirect, "Democrats", ""},
	}, ""},
	{"a non-restrictive relative clause ends at its comma", []pinned{
		{"The mailing list, [which] ⟨the club⟩ {says} [includes forty thousand names], is an asset.", Indirect, "the club", ""},
	}, ""},
	{"a relative clause with no pronoun", []pinned{
		{"It is the kind of leadership ⟨she⟩ {argues} [is required to mend the roads].", Indirect, "she", ""},
	}, ""},
	{"what a speaker said", []pinned{
		{"Shops adjust to [what] ⟨she⟩ {said} [is a rising taste for tea].", Indirect, "she", ""},
	}, ""},
	{"a no-break space between the cue's comma and the quote", []pinned{
		{"⟨Tuttle⟩ {added},\u00a0“[There are better deals].”", Direct, "Tuttle", ""},
	}, ""},
	{"a cue's colon ends its paragraph and the quote opens the next", []pinned{
		{"The senator spoke.\n\n⟨Vasko⟩ {continued}:\n\n\"[The water issue is local].\"", Direct, "Vasko", ""},
	}, ""},
	{"a colon a few words after the cue", []pinned{
		{"The senator spoke.\n\n⟨He⟩ {added} warily:\n\n“[We are not done].”", Direct, "He", ""},
	}, ""},
	{"a subject, a verb no list holds and a colon, the quote below", []pinned{
		{"The senator spoke.\n\n⟨The mayor⟩ {released the following statement:}\n\n“[We are saddened].”", Direct, "The mayor", ""},
	}, ""},
	{"a name after a dash and before a colon and a quote", []pinned{
		{"Polls of the young are problematic - ⟨Pew Research⟩{:} “[The samples include more engaged people].”", Direct, "Pew Research", ""},
	}, ""},
	{"a parenthesis that ends the content is the writer's aside", []pinned{
		{"⟨Farmers⟩ {said} [they had no idea who would pay] (the county, perhaps?).", Indirect, "Farmers", ""},
	}, ""},
	{"a parenthesis inside a quote stays", []pinned{
		{"⟨She⟩ {said}: “[We will win (and soon)].”", Direct, "She", ""},
	}, ""},
	{"a cue's sentence with no content takes the quote that opens the next", []pinned{
		{"⟨Ines Korda, the party's spokesman⟩, {said} in a statement. “[There are no ballots to recount].”", Direct, "Ines Korda", ""},
	}, ""},
	{"an adverbial before a clause inside the content is not cut off", []pinned{
		{"⟨Another memo⟩ {noted} that [in March 2019, the mayor could not explain how she voted].", Indirect, "Another memo", ""},
	}, ""},
	{"but and a speech verb start the speaker's next act", []pinned{
		{"⟨The campaign⟩ {said} [she would win the state], but acknowledged that the lead was fading.", Indirect, "The campaign", ""},
		{"⟨The campaign⟩ said she would win the state, but {acknowledged} that [the lead was fading].", Indirect, "The campaign", ""},
	}, ""},
	{"an adverb between and and the next speech verb", []pinned{
		{"⟨Vasko⟩ {said} [\"WKBN\" four times], and pointedly mentioned the station's hosts.", Mixed, "Vasko", ""},
		{"⟨Vasko⟩ said \"WKBN\" four times, and pointedly {mentioned} [the station's hosts].", Indirect, "Vasko", ""},
	}, ""},
	{"an object in quotes ends before and and the next act", []pinned{
		{"⟨The chief executive⟩ was blunt, {calling} [it \"absurd\"] and saying he wants to scrap it.", Mixed, "The chief executive", ""},
		{"⟨The chief executive⟩ was blunt, calling it \"absurd\" and {saying} [he wants to scrap it].", Indirect, "The chief executive", ""},
	}, ""},
	{"a quote after two adverbials set off by commas", []pinned{
		{"⟨She⟩ {announced} on Twitter on Monday, in a post to her fans, “[I am boarding the train!]”", Direct, "She", ""},
	}, ""},
	{"an as clause before what is said", []pinned{
		{"As ⟨Trump⟩ {said}, [the wall will be built].", Indirect, "Trump", "US"},
	}, ""},
	{"an as clause before a quote", []pinned{
		{"As ⟨one lawyer⟩ recently {put it}, “[Did he lower his taxes?]”", Direct, "one lawyer", ""},
	}, ""},
	{"a quotation that goes on in the next paragraph is one statement", []pinned{
		{"“[We will win],” ⟨she⟩ {told} reporters.\n\n“[It is not close].”\n\n“[They know it].”", Direct, "she", ""},
	}, ""},
	{"a quote after a signed one is not its signer's", []pinned{
		{"“[We will win].” ― ⟨Ann Lee⟩\n\n“We will lose.” ― Bo Park", Direct, "Ann Lee", ""},
		{"“We will win.” ― Ann Lee\n\n“[We will lose].” ― ⟨Bo Park⟩", Direct, "Bo Park", ""},
	}, ""},
}

func TestBoundaryForms(t *testing.T) {
	a := newTest(t)
	for _, tc := range boundaryForms {
		t.Run(tc.name, func(t *testing.T) { tc.check(t, a.Statements) })
	}
}

// entryForms are boundaryForms where Entries, one per sentence and
// speaker, differ from Statements.
var entryForms = []pinnedCase{
	{"a quotation that goes on in the next paragraph is an entry a paragraph", []pinned{
		{"“[We will win],” ⟨she⟩ {told} reporters.\n\n“It is not close.”", Direct, "she", ""},
		{"“We will win,” ⟨she⟩ told reporters.\n\n“[It is not close].”", Direct, "she", ""},
	}, ""},
}

func TestEntryForms(t *testing.T) {
	a := newTest(t)
	for _, tc := range entryForms {
		t.Run(tc.name, func(t *testing.T) { tc.check(t, a.entries) })
	}
}

// TestBoundaryNone holds texts whose shapes a boundary rule must not take
// for a statement.
func TestBoundaryNone(t *testing.T) {
	a := newTest(t)
	for _, text := range []string{
		"He gave a one-word answer. “Denver.”", // a noun that is also a cue takes no quote after its sentence
		"Meanwhile, the governor reminds.",     // an opening connective is no content before the cue
		"A few days later, Vance was speaking.",
	} {
		if got := a.Statements(text); len(got) > 0 {
			t.Errorf("%q: want no statements, got:\n%s", text, dumpStatements(text, got))
		}
	}
}
