package segment

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestSentencesBounded checks that no sentence runs past MaxSentenceBytes:
// a long one is cut at a space, or within a run with none at a character's
// start, and the pieces cover it in order.
func TestSentencesBounded(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"words", strings.Repeat("Ukraine and Russia and the plan works, ", 300)},
		{"no space", strings.Repeat("x", 3*MaxSentenceBytes+7)},
		{"no space, multibyte", strings.Repeat("ü", 2*MaxSentenceBytes)},
		{"one over", strings.Repeat("a", MaxSentenceBytes-1) + " b"},
		{"exactly", strings.Repeat("a", MaxSentenceBytes)},
	}
	p := testPunkt()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sentences(p, tt.text)
			end := 0
			for _, sp := range got {
				if n := sp.End - sp.Start; n > MaxSentenceBytes || n <= 0 {
					t.Errorf("sentence %v is %d bytes", sp, n)
				}
				if strings.TrimSpace(tt.text[end:sp.Start]) != "" {
					t.Errorf("text %d-%d in no sentence", end, sp.Start)
				}
				if !utf8.ValidString(tt.text[sp.Start:sp.End]) {
					t.Errorf("sentence %v cuts a character", sp)
				}
				end = sp.End
			}
			if strings.TrimSpace(tt.text[end:]) != "" {
				t.Errorf("text after %d in no sentence", end)
			}
			if len(tt.text) <= MaxSentenceBytes && len(got) != 1 {
				t.Errorf("%d sentences, want 1", len(got))
			}
		})
	}
}
