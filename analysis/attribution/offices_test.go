package attribution

import (
	"testing"

	"github.com/slant-news/slant/analysis/segment"
)

// TestOfficeBound holds a subject read past an office ("Republican
// presidential nominee Donald Trump") to maxSpeakerWords, as every speaker
// phrase: the capitalised run after the office stops there, not at the cue.
func TestOfficeBound(t *testing.T) {
	a := newTest(t)
	for _, c := range []struct{ text, speaker string }{
		{"Republican presidential nominee Donald Trump went to Iowa and said the economy was weak.",
			"Republican presidential nominee Donald Trump"},
		{"Republican presidential nominee Donald Trump Alpha Beta Gamma Delta Epsilon Zeta Theta Iota Kappa Lambda Omicron Sigma Upsilon Omega went to Iowa and said the economy was weak.",
			"Republican presidential nominee Donald Trump Alpha Beta Gamma Delta Epsilon Zeta Theta"},
	} {
		got := a.Statements(c.text)
		if len(got) != 1 {
			t.Errorf("%q: %d statements, want 1", c.text, len(got))
			continue
		}
		if sp := got[0].Speaker; sp != c.speaker {
			t.Errorf("%q: speaker %q, want %q", c.text, sp, c.speaker)
		}
		if n := len(segment.Tokenize(got[0].Speaker, nil, false)); n > maxSpeakerWords {
			t.Errorf("%q: a speaker of %d words, over maxSpeakerWords (%d)", c.text, n, maxSpeakerWords)
		}
	}
}
