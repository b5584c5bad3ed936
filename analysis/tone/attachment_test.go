package tone

import (
	"slices"
	"strings"
	"testing"
)

// TestAttachment checks the attachment features of targets in sentences
// that show each case.
func TestAttachment(t *testing.T) {
	in := featureInputsT(t)
	tests := []struct {
		text, target string
		want, not    []string // features present, absent
	}{
		{"Zelensky said the attack was brutal.", "Zelensky", []string{"a:speaker"}, []string{"a:agent", "a:others"}},
		{"The attack was brutal, according to Kyiv.", "Kyiv", []string{"a:speaker"}, nil},
		{"The attack was brutal, said Lavrov.", "Lavrov", []string{"a:speaker"}, nil},
		{"Russia killed the civilians.", "Russia", []string{"a:subj-"}, []string{"a:speaker", "a:obj-", "a:others"}},
		{"Critics praised Ukraine.", "Ukraine", []string{"a:obj+"}, []string{"a:subj+"}},
		{"The civilians were killed by Russia.", "Russia", []string{"a:agent", "a:obj-"}, nil},
		{"Biden met Putin, who was condemned.", "Biden", []string{"a:other-", "a:others"}, nil},
	}
	f := newFeatures(true)
	for _, tt := range tests {
		var s targetSentence
		s.reset(tt.text)
		start := strings.Index(tt.text, tt.target)
		targetFeatures(&f, in, &s, start, start+len(tt.target))
		for _, name := range tt.want {
			if !slices.Contains(f.names, name) {
				t.Errorf("%q, target %q: no %s", tt.text, tt.target, name)
			}
		}
		for _, name := range tt.not {
			if slices.Contains(f.names, name) {
				t.Errorf("%q, target %q: %s, want none", tt.text, tt.target, name)
			}
		}
	}
}
