package attribution

import (
	"slices"
	"strings"
	"testing"

	"github.com/slant-news/slant/analysis/segment"
)

// TestStatementsCutInsideWord runs every pinned form inside a sentence that
// segment.MaxSentenceBytes cuts inside a word (a sentence of no spaces is
// cut at the bound), the cut at each byte of the form: a token then ends
// past its sentence's end, which rules slicing from a token's end to the
// sentence's end have crashed on (quoteAfterCueSentence, in CI's fuzzing).
func TestStatementsCutInsideWord(t *testing.T) {
	a := newTest(t)
	forms := slices.Concat(statementForms, attitudeForms, boundaryForms, entryForms, judgedCases, reducedCases, praisedCases,
		impersonalCases, askedCases, expectedCases, reportedlyCases, looksCases, stanceForms, cueForms, feelingForms, agentForms, perspectiveForms)
	for _, tc := range forms {
		form := tc.text()
		for off := 0; off <= len(form) && off < segment.MaxSentenceBytes; off++ {
			// No space before the bound, so the cut falls at it: tabs
			// in the form's part before it.
			filler := strings.Repeat("x\t", segment.MaxSentenceBytes)[:segment.MaxSentenceBytes-off]
			text := filler + strings.ReplaceAll(form[:off], " ", "\t") + form[off:]
			checkStatements(t, text, a.Statements(text))
		}
	}
}
