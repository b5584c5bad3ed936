package attribution

import "testing"

// TestTitleInAdverbial holds a cue's "that" past a show's name in quotes
// inside the adverbial after the cue (the archives' two single quotes).
func TestTitleInAdverbial(t *testing.T) {
	a := newTest(t)
	text := `Ms. Lee, who ran the campaign, said on WKBN's ''Morning Desk'' on Sunday that the race was close.`
	want{content: "the race was close", speaker: "Ms. Lee, who ran the campaign", cue: "said"}.check(t, text, a.Statements(text))
}
