package attribution

import (
	"strings"
	"testing"
)

// cueForms pins cue forms that are also nouns read as verbs by their
// subject: a singular speaker or record noun before an -s form.
var cueForms = []pinnedCase{
	{"a title noun before an -s form", []pinned{
		{"⟨The candidate⟩ {claims} [his fortune has doubled].", Indirect, "The candidate", ""},
	}, ""},
	{"a lawsuit as a record", []pinned{
		{"⟨The suit⟩ {claims} that [the firm broke the law].", Indirect, "The suit", ""},
	}, ""},
	{"a poll puts", []pinned{
		{"⟨A new poll⟩ {puts} [the chancellor’s approval at 30 percent].", Indirect, "A new poll", ""},
	}, ""},
	{"a noun cue with its holder after \"by\"", []pinned{
		{"The {claim} by ⟨the Russian ministry⟩ that [the talks had failed] was denied.", Indirect, "the Russian ministry", "Russia"},
	}, ""},
	{"a record noun before an -s form", []pinned{
		{"⟨The survey⟩ {notes} that [most voters are undecided].", Indirect, "The survey", ""},
	}, ""},
}

// TestCueForms checks the pinned cue forms, and the nouns after a
// modifier they must not be taken for.
func TestCueForms(t *testing.T) {
	a := newTest(t)
	for _, tc := range cueForms {
		t.Run(tc.name, func(t *testing.T) { tc.check(t, a.Statements) })
	}
	wantNone(t, a, []string{
		"The news reports were wrong.",                 // a plural before the -s form: a compound noun
		"He spoke at a news briefing on Monday.",       // not an -s form
		"The latest reports were wrong.",               // an adjective before the noun
		"Mr. Sanders earned speaking fees from banks.", // "speaking" is no cue: mostly a modifier
	})
}

// FuzzMayBeHonorific holds mayBeHonorific to the lookup it spares: a word
// it turns away is no honorific. The seeds are every honorific, in
// capitals, and words about as long.
func FuzzMayBeHonorific(f *testing.F) {
	lx := defaultLexicon(f)
	for w, wi := range lx.infos {
		if wi.class&classHonorific != 0 {
			f.Add(strings.ToUpper(w))
		}
	}
	for _, w := range []string{"Messrs.", "said.", "K\u212a.", "", "."} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if !lx.mayBeHonorific(w) && lx.isFold(classHonorific, w) {
			t.Fatalf("mayBeHonorific(%q) = false for an honorific", w)
		}
	})
}
