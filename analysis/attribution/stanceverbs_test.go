package attribution

import "testing"

// TestMoreStanceVerbs holds the stance verbs added in the recall round,
// each with a speaker and an object; "embraced" and "renounced" are no
// stances here (an embrace is as often an act, and "until the bank
// renounced ..." is another statement's content).
func TestMoreStanceVerbs(t *testing.T) {
	a := newTest(t)
	for _, c := range []struct {
		text string
		want want
	}{
		{`Ms. Ortega reprimanded the board in a letter.`,
			want{content: "the board in a letter", speaker: "Ms. Ortega", cue: "reprimanded"}},
		{`Mr. Varga quickly disavowed the flyer.`,
			want{content: "the flyer", speaker: "Mr. Varga", cue: "disavowed"}},
		{`The governor extolled the crews for their courage.`,
			want{content: "the crews for their courage", speaker: "The governor", cue: "extolled"}},
		{`Ms. Ortega unveiled a plan to rebuild the bridges.`,
			want{content: "a plan to rebuild the bridges", speaker: "Ms. Ortega", cue: "unveiled"}},
		{`Ms. Ortega lit into the council over the delays.`,
			want{content: "the council over the delays", speaker: "Ms. Ortega", cue: "lit into"}},
		{`Mr. Varga anticipated a long fight over the budget.`,
			want{content: "a long fight over the budget", speaker: "Mr. Varga", cue: "anticipated"}},
		{`Ms. Ortega identified the levy as the main hurdle.`,
			want{content: "the levy as the main hurdle", speaker: "Ms. Ortega", cue: "identified"}},
		{`Ms. Ortega loves the school her son attends.`,
			want{content: "the school her son attends", speaker: "Ms. Ortega", cue: "loves"}},
		{`The mayor has spoken about the cost of the dam.`,
			want{content: "the cost of the dam", speaker: "The mayor", cue: "spoken about"}},
		{`Ms. Ortega campaigned for paid leave.`,
			want{content: "paid leave", speaker: "Ms. Ortega", cue: "campaigned for"}},
		{`The council has been mulling new fees.`,
			want{content: "new fees", speaker: "The council", cue: "mulling"}},
		{`The union is suing the city over the fees.`,
			want{content: "the city over the fees", speaker: "The union", cue: "suing"}},
		{`The governor stumped for Ms. Ortega in the valley.`,
			want{content: "Ms. Ortega in the valley", speaker: "The governor", cue: "stumped for"}},
		{`Mr. Varga alluded to the audit.`,
			want{content: "the audit", speaker: "Mr. Varga", cue: "alluded to"}},
	} {
		c.want.check(t, c.text, a.Statements(c.text))
	}
	wantNone(t, a, []string{"The mayor embraced her son at the gate."})
}

// TestRequestVerbs holds the verbs of request added in the recall round,
// with an object and a to-infinitive.
func TestRequestVerbs(t *testing.T) {
	a := newTest(t)
	text := `The chairman implored the crews to finish the bridge by May.`
	want{content: "the crews to finish the bridge by May", speaker: "The chairman", cue: "implored"}.check(t, text, a.Statements(text))
}

// TestLikePhrase holds a comparison with "like" after "and" as no speaker
// of the cue after it.
func TestLikePhrase(t *testing.T) {
	a := newTest(t)
	text := `Ms. Reyes chairs the panel and like Mr. Varga has spoken about rising rents.`
	for _, st := range a.Statements(text) {
		if st.Speaker == "like Mr. Varga" || st.Speaker == "Mr. Varga" {
			t.Errorf("%q: a comparison is no speaker:\n%s", text, dumpStatements(text, []Statement{st}))
		}
	}
}
