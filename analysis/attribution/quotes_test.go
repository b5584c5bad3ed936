package attribution

import (
	"os"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/slant-news/slant/analysis/actor"
	"github.com/slant-news/slant/analysis/segment"
)

// testAttributor has the built-in word lists and actor table and a
// segmenter, to find the statements of plain texts.
type testAttributor struct {
	*Attributor
	seg *segment.Punkt
}

var newTestAttributor = sync.OnceValues(func() (testAttributor, error) {
	seg, err := segment.NewPunkt()
	if err != nil {
		return testAttributor{}, err
	}
	at, err := New(nil, actor.Default())
	return testAttributor{at, seg}, err
})

// newTest returns the attributor the tests share.
func newTest(t testing.TB) testAttributor {
	a, err := newTestAttributor()
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// Statements finds the statements of text, each cue its own.
func (a testAttributor) Statements(text string) []Statement {
	return a.Attributor.Statements(segment.Split(a.seg, text))
}

// entries finds the statements of text one per sentence and speaker.
func (a testAttributor) entries(text string) []Statement {
	return a.Entries(segment.Split(a.seg, text))
}

// want is one expected statement: its content (a substring of the text),
// kind, speaker phrase, resolved speaker, actors and cue.
type want struct {
	kind, content, speaker, resolved, actors, cue string
}

func (w want) check(t *testing.T, text string, got []Statement) {
	t.Helper()
	for _, s := range got {
		if !strings.Contains(text[s.Start:s.End], w.content) && !strings.Contains(w.content, text[s.Start:s.End]) {
			continue
		}
		if s.Speaker != w.speaker || (w.resolved != "" && s.Resolved != w.resolved) || (w.kind != "" && s.Kind != w.kind) ||
			strings.Join(s.Actors, ";") != w.actors || (w.cue != "-" && s.Cue != w.cue) {
			t.Errorf("%q:\n got  %s [%s] -> %q %v cue %q\n want %s [%s] -> %q %s cue %q",
				w.content, s.Kind, s.Speaker, s.Resolved, s.Actors, s.Cue, w.kind, w.speaker, w.resolved, w.actors, w.cue)
		}
		return
	}
	t.Errorf("no statement holds %q; got:\n%s", w.content, dumpStatements(text, got))
}

func dumpStatements(text string, ss []Statement) string {
	var b strings.Builder
	for _, s := range ss {
		b.WriteString("  " + s.Kind + " [" + s.Speaker + "] -> " + s.Resolved + " (" + strings.Join(s.Actors, ";") + ") cue " + s.Cue + ": " + text[s.Start:s.End] + "\n")
	}
	return b.String()
}

func TestStatementForms(t *testing.T) {
	a := newTest(t)
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"cue after, comma", "“The talks went well,” Mr Putin said.",
			[]want{{Direct, "The talks went well", "Mr Putin", "Putin", "Russia", "said"}}},
		{"cue after, no comma", "“We are ready” the Russian foreign minister said.",
			[]want{{Direct, "We are ready", "the Russian foreign minister", "", "Russia", "said"}}},
		{"inverted", "“Nothing was agreed,” said Mr Lavrov.",
			[]want{{Direct, "Nothing was agreed", "Mr Lavrov", "Lavrov", "Russia", "said"}}},
		{"cue before, colon", "Marco Rubio spoke first. He added: “The work starts now.”",
			[]want{{Direct, "The work starts now.", "He", "Marco Rubio", "US", "added"}}},
		{"split by the cue", "Sergey Lavrov met him. “We not only listened,” he said, “but heard each other.”",
			[]want{{Direct, "We not only listened,” he said, “but heard each other.", "he", "Sergey Lavrov", "Russia", "said"}}},
		{"several sentences", "“We came. We talked. We left,” Zelensky said.",
			[]want{{Direct, "We came. We talked. We left", "Zelensky", "Zelensky", "Ukraine", "said"}}},
		{"nested quote", "“He told me, ‘Go home,’ and I did,” Mr Macron said.",
			[]want{{Direct, "He told me, ‘Go home,’ and I did", "Mr Macron", "Macron", "Europe", "said"}}},
		{"continued paragraph", "“This is the first part,” Donald Trump said.\n“And this goes on without a new cue.”",
			[]want{
				{Direct, "This is the first part", "Donald Trump", "Donald Trump", "US", "said"},
				{Direct, "And this goes on without a new cue.", "Donald Trump", "Donald Trump", "US", ""},
			}},
		{"mixed", "Mr Rubio said ending the war could “unlock the door” for trade.",
			[]want{{Mixed, "ending the war could “unlock the door” for trade", "Mr Rubio", "Rubio", "US", "said"}}},
		{"indirect", "Zelensky said his country would not accept the outcome.",
			[]want{{Indirect, "his country would not accept the outcome", "Zelensky", "Zelensky", "Ukraine", "said"}}},
		{"indirect with that and auxiliaries", "European allies have also expressed concerns that they are being sidelined.",
			[]want{{Indirect, "they are being sidelined", "European allies", "European allies", "Europe", "expressed concerns"}}},
		{"told reporters that", "Mr Lavrov told reporters that the talks were useful.",
			[]want{{Indirect, "the talks were useful", "Mr Lavrov", "Lavrov", "Russia", "told reporters"}}},
		{"according to", "The meeting will be in Riyadh, according to Kremlin officials.",
			[]want{{Indirect, "The meeting will be in Riyadh", "Kremlin officials", "Kremlin officials", "Russia", "according to"}}},
		{"according to first", "According to Ukrainian officials, the drones hit a refinery.",
			[]want{{Indirect, "the drones hit a refinery", "Ukrainian officials", "Ukrainian officials", "Ukraine", "According to"}}},
		{"wrote on social media", "Mr Macron wrote on social media that peace must be lasting.",
			[]want{{Indirect, "peace must be lasting", "Mr Macron", "Macron", "Europe", "wrote"}}},
		{"cue at the end", "The war must end soon, the two countries’ top diplomats said.",
			[]want{{Indirect, "The war must end soon", "the two countries’ top diplomats", "", "", "said"}}},
		{"several speakers", "Mr Ushakov and Mr Waltz said no date has been set.",
			[]want{{Indirect, "no date has been set", "Mr Ushakov and Mr Waltz", "Ushakov; Waltz", "Russia;US", "said"}}},
		{"apposition learnt", "Russian foreign minister Sergey Lavrov arrived late. The talks were long. “We are ready,” the foreign minister said.",
			[]want{{Direct, "We are ready", "the foreign minister", "Sergey Lavrov", "Russia", "said"}}},
		{"participle shares the subject", "Mr Trump spoke for an hour, saying the war should never have started.",
			[]want{{Indirect, "the war should never have started", "Mr Trump", "Trump", "US", "saying"}}},
		{"and shares the subject: one speaker, one entry", "“Peace is near,” Mr Macron said and vowed to “keep working”.",
			[]want{{Direct, "Peace is near", "Mr Macron", "Macron", "Europe", "said"}}},
		{"two verbs, one speaker", "Mr Lavrov said the talks were useful, adding that Moscow was ready.",
			[]want{{Indirect, "the talks were useful", "Mr Lavrov", "Lavrov", "Russia", "said"}}},
		{"voice of no actor", "A local farmer said the harvest was poor.",
			[]want{{Indirect, "the harvest was poor", "A local farmer", "A local farmer", "", "said"}}},
		{"straight quotes", "\"It is over,\" Pete Hegseth said.",
			[]want{{Direct, "It is over", "Pete Hegseth", "Pete Hegseth", "US", "said"}}},
		{"guillemets", "«Nous sommes prêts», Mr Macron said.",
			[]want{{Direct, "Nous sommes prêts", "Mr Macron", "Macron", "Europe", "said"}}},
		{"middle initial", "''We were not happy,'' said Jock A. Finlayson.",
			[]want{{Direct, "We were not happy", "Jock A. Finlayson", "Jock A. Finlayson", "", "said"}}},
		{"a record shows a noun phrase", "A new poll shows Mr Zelensky and Mr Macron in a dead heat.",
			[]want{{Indirect, "Mr Zelensky and Mr Macron in a dead heat", "A new poll", "A new poll", "", "shows"}}},
		{"colon after a verb no list holds", "Mr Tusk gloated: “I told you so.”",
			[]want{{Direct, "I told you so.", "Mr Tusk", "Tusk", "Europe", "gloated:"}}},
		{"called him divisive", "Sen. Bernie Sanders (I-Vt.) called him divisive.",
			[]want{{Indirect, "him divisive", "Sen. Bernie Sanders", "Bernie Sanders", "", "called"}}},
		{"stance with a preposition", "Mr Lavrov talked about the sanctions at length.",
			[]want{{Indirect, "the sanctions at length", "Mr Lavrov", "Lavrov", "Russia", "talked about"}}},
		{"description, then the name", "Mr. Trump's campaign manager, Kellyanne Conway, said the race was close.",
			[]want{{Indirect, "the race was close", "Mr. Trump's campaign manager, Kellyanne Conway", "Kellyanne Conway", "US", "said"}}},
		{"last name, then a description", "Christie, New Jersey’s sitting governor, said he would run.",
			[]want{{Indirect, "he would run", "Christie, New Jersey’s sitting governor", "Christie", "", "said"}}},
		{"several phrases between speaker and cue", "Elward Edd, an official at the housing authority in Arizona, which has a backlog of 500 homes, said the rule would force him to cut hiring.",
			[]want{{Indirect, "the rule would force him to cut hiring", "Elward Edd, an official at the housing authority in Arizona, which has a backlog of 500 homes", "Elward Edd", "", "said"}}},
		{"headline in title case", "Chris Christie Says He Would Issue A Quarantine",
			[]want{{Indirect, "He Would Issue A Quarantine", "Chris Christie", "Chris Christie", "", "Says"}}},
		{"want as a stance", "Mr Macron wants a seat for Europe at the table.",
			[]want{{Indirect, "a seat for Europe at the table", "Mr Macron", "Macron", "Europe", "wants"}}},
		{"appeared to", "Mr Lavrov appeared to rule out any ceasefire.",
			[]want{{Indirect, "to rule out any ceasefire", "Mr Lavrov", "Lavrov", "Russia", "appeared"}}},
		{"and a second speech verb ends the content", "Mr Lavrov said the talks were ''useful'' and repeated his demands.",
			[]want{{Mixed, "the talks were ''useful''", "Mr Lavrov", "Lavrov", "Russia", "said"}}},
		{"the text ends after the cue's adverbial and a comma", "“The talks will go on,” Mr Lavrov said in Geneva,...",
			[]want{{Direct, "The talks will go on", "Mr Lavrov", "Lavrov", "Russia", "said"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := a.entries(tc.text)
			for _, w := range tc.want {
				w.check(t, tc.text, got)
			}
			if len(got) != len(tc.want) {
				t.Errorf("got %d statements, want %d:\n%s", len(got), len(tc.want), dumpStatements(tc.text, got))
			}
		})
	}
}

func TestStatementsNone(t *testing.T) {
	a := newTest(t)
	for _, text := range []string{
		"",
		"The reports were late and his claims were false.",
		"Mr Trump showed little patience for the “so-called” experts.",
		"He was told to leave.",
		"Russia and the US agreed to meet.",
		"Sales declined to $5 billion and prices appeared on the list.",
		"Russia And Ukraine Meet In Geneva",
		"On Thursday, however, Mr Trump spoke.",
		"Primaries in five states took place, and a Reuters report came out.",
		"Putin said in Moscow,", // the text ends where a content would start (issue 12)
		"Putin said in Moscow:",
	} {
		if got := a.Statements(text); len(got) > 0 {
			t.Errorf("%q: want no statements, got:\n%s", text, dumpStatements(text, got))
		}
	}
}

// seedBody reads the seed article as the corpus reader would: no title line,
// no <image> lines.
func seedBody(t testing.TB) string {
	data, err := os.ReadFile("../../testdata/corpus/seedwire/000_659cf921a0d61d3b.txt")
	if err != nil {
		t.Skipf("seed article not found: %v", err)
	}
	lines := strings.Split(string(data), "\n")
	var body []string
	for _, l := range lines[1:] {
		if !strings.HasPrefix(strings.TrimSpace(l), "<image>") {
			body = append(body, l)
		}
	}
	return strings.Join(body, "\n")
}

func TestStatementsSeed(t *testing.T) {
	text := seedBody(t)
	got := newTest(t).entries(text) // the README's entries: one per sentence and speaker
	for _, w := range []want{
		{Indirect, "Russia and the US agreed on Tuesday to start working towards ending the war", "the two countries’ top diplomats", "the two countries’ top diplomats", "Russia;US", "said"},
		{Indirect, "the two sides agreed broadly to pursue three goals", "US secretary of state Marco Rubio", "Marco Rubio", "US", "said"},
		{Indirect, "the talks — which were attended by his Russian counterpart", "He", "Marco Rubio", "US", "stressed"},
		{Direct, "the conversation was very useful", "Mr Lavrov", "Sergey Lavrov", "Russia", "told reporters"},
		{Direct, "We not only listened, but also heard each other", "he", "Sergey Lavrov", "Russia", "said"},
		{Indirect, "his country would not accept any outcome from the talks", "Ukrainian President Volodymyr Zelensky", "Volodymyr Zelensky", "Ukraine", "said"},
		{Indirect, "they are being sidelined", "European allies", "European allies", "Europe", "expressed concerns"},
		{Indirect, "Ukraine’s leaders never should have allowed the war to begin", "He", "Donald Trump", "US", "said"},
		{Direct, "Today I heard, ‘Oh, well, we weren’t invited.’", "Mr Trump", "Donald Trump", "US", "said"},
		{Direct, "You should have never started it. You could have made a deal.", "Mr Trump", "Donald Trump", "US", ""},
		{Mixed, "ending the war in Ukraine could “unlock the door”", "Mr Rubio", "Marco Rubio", "US", "said"},
		{Indirect, "no date has been set yet for that summit", "Mr Ushakov and Mr Waltz", "Yuri Ushakov; Michael Waltz", "Russia;US", "said"},
		{Mixed, "a meeting was “unlikely” to take place next week", "Mr Ushakov", "Yuri Ushakov", "Russia", "told Russian television"},
		{Indirect, "he thought it could be arranged in the coming weeks", "Mr Waltz", "Michael Waltz", "US", "said"},
		{Mixed, "Washington and Moscow agreed to appoint representatives", "Mr Lavrov", "Sergey Lavrov", "Russia", "said"},
		{Direct, "I have reason to believe that the American side", "the Russian foreign minister", "Sergey Lavrov", "Russia", "said"},
		{Indirect, "the talks were aimed at determining how serious the Russians are", "US State Department spokeswoman Tammy Bruce", "Tammy Bruce", "US", "said"},
		{Mixed, "there would be “engagement and consultation with Ukraine", "Mr Rubio", "Marco Rubio", "US", "said"},
		{Direct, "But ultimately, the Russian side will be indispensable", "He", "Marco Rubio", "US", "added"},
		{Mixed, "ending the conflict would require concessions from all sides", "Mr Rubio", "Marco Rubio", "US", "said"},
		{Indirect, "Nato membership for Ukraine was unrealistic", "US defence secretary Pete Hegseth", "Pete Hegseth", "US", "said"},
		{Indirect, "he spoke by phone to Mr Trump and Mr Zelensky", "French President Emmanuel Macron", "Emmanuel Macron", "Europe", "said"},
		{Direct, "We seek a strong and lasting peace in Ukraine", "Mr Macron", "Emmanuel Macron", "Europe", "wrote"},
		// "“...,” he said and vowed to “...”": one sentence, one speaker,
		// one entry (the corpus README's entry 24).
		{Direct, "To achieve this, Russia must end its aggression", "he", "Emmanuel Macron", "Europe", "said"},
	} {
		w.check(t, text, got)
	}
	if len(got) != 24 {
		t.Errorf("got %d statements, want the README's 24", len(got))
	}

	// The voice ranking: who speaks how often.
	voices := map[string]int{}
	for _, s := range got {
		for _, x := range s.Actors {
			voices[x]++
		}
	}
	t.Logf("seed voices: %v (%d statements)", voices, len(got))
	if !(voices["US"] > voices["Russia"] && voices["Russia"] > voices["Europe"] && voices["Russia"] > voices["Ukraine"]) {
		t.Errorf("voice ranking: want US, then Russia, then the others; got %v", voices)
	}
}

func checkStatements(t *testing.T, text string, ss []Statement) {
	for i, s := range ss {
		if s.Start < 0 || s.Start > s.End || s.End > len(text) ||
			s.SpeakerStart < 0 || s.SpeakerStart > s.SpeakerEnd || s.SpeakerEnd > len(text) ||
			s.CueStart < 0 || s.CueStart > s.CueEnd || s.CueEnd > len(text) {
			t.Fatalf("statement %d out of range in %q: %+v", i, text, s)
		}
		for _, sp := range s.Spans {
			if sp[0] < s.Start || sp[0] > sp[1] || sp[1] > s.End {
				t.Fatalf("statement %d: content piece %v outside [%d, %d] in %q", i, sp, s.Start, s.End, text)
			}
		}
		if s.Speaker != "" && text[s.SpeakerStart:s.SpeakerEnd] != s.Speaker {
			t.Fatalf("speaker %q is not text[%d:%d] in %q", s.Speaker, s.SpeakerStart, s.SpeakerEnd, text)
		}
		if i > 0 && ss[i-1].Start > s.Start {
			t.Fatalf("statements out of text order in %q", text)
		}
	}
}

func FuzzStatements(f *testing.F) {
	for _, s := range []string{
		"“We not only listened,” he said, “but heard each other.”",
		"Mr Rubio said ending the war could “unlock the door” for “incredible opportunities”.",
		"According to X, it was.\n\n\"Open quote\n“Unclosed", "‘single’ ’’ '' \"\" «» “”",
		"said said, said: “” according to", ", saying and vowed to", "He who, said",
		// Texts that end right after a cue's adverbial (issue 12: index out of range).
		"Putin said in Moscow,", "Putin said in Moscow:", "“The talks will go on,” she added in the letter,...",
	} {
		f.Add(s)
	}
	a := newTest(f)
	f.Fuzz(func(t *testing.T, text string) {
		ss := a.Statements(text)
		checkStatements(t, text, ss)
		_ = utf8.ValidString(text)
	})
}

func TestStatementsWellFormedOnEval(t *testing.T) {
	// Offsets and order on real articles, when the evaluation data is here.
	data, err := os.ReadFile("../../../shared/eval/corpora/allsides-leads.jsonl")
	if err != nil {
		t.Skip("evaluation data not found (../../../shared/eval): skipping")
	}
	a := newTest(t)
	n := 0
	for line := range strings.Lines(string(data)) {
		if n++; n > 300 {
			break
		}
		checkStatements(t, line, a.Statements(line))
	}
}
