package attribution

import "testing"

// FuzzNextQuoteByte checks nextQuoteByte against a byte-by-byte scan.
func FuzzNextQuoteByte(f *testing.F) {
	for _, s := range []string{"", "plain text without marks", "he said “no” and 'yes'", "a\xc2\xabb", "12345678\"", "’’’’’’’’’"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i <= len(s); i++ {
			want := len(s)
			for k := i; k < len(s); k++ {
				if c := s[k]; c == '"' || c == '\'' || c == 0xe2 || c == 0xc2 {
					want = k
					break
				}
			}
			if got := nextQuoteByte(s, i, len(s)); got != want {
				t.Fatalf("nextQuoteByte(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	})
}
