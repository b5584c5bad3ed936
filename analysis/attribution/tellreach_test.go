package attribution

import "testing"

// TestTellReach holds a tell verb's "that" past its addressee and a long
// adverbial of place and time.
func TestTellReach(t *testing.T) {
	a := newTest(t)
	text := `Ms. Ortega assured farmers at the county fair in Salem on Friday that the levy would fall.`
	want{content: "the levy would fall", speaker: "Ms. Ortega", cue: "assured"}.check(t, text, a.Statements(text))
}
