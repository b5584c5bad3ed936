package tone

import (
	"bytes"
	"testing"
)

func TestLevels(t *testing.T) {
	l := Levels{Level: -0.1, Negative: 0.08, Positive: 0.36, Title: 2, Lead: 2}
	tests := []struct {
		tone float64
		want int
	}{
		{0, 0}, {-0.08, -1}, {-0.079, 0}, {0.36, 1}, {0.359, 0}, {-1, -1}, {1, 1},
	}
	for _, tt := range tests {
		if got := l.Label(tt.tone); got != tt.want {
			t.Errorf("Label(%v) = %d, want %d", tt.tone, got, tt.want)
		}
	}
	if w := l.Weight(1, 2, 3); w != 2+4+3 {
		t.Errorf("Weight(1, 2, 3) = %v, want 9", w)
	}
	for _, scorer := range TargetScorers {
		if _, err := LevelsFor(scorer); err != nil {
			t.Errorf("%s: %v", scorer, err)
		}
	}
	if _, err := LevelsFor("nope"); err == nil {
		t.Error("levels for an unknown scorer: no error")
	}
}

func TestParseLevels(t *testing.T) {
	data := FormatLevels("# a header\n", []string{"a", "b"}, map[string]Levels{
		"a": {Level: -0.1171, Negative: 0.08, Positive: 0.36, Title: 2, Lead: 2},
		"b": {Level: 0.34, Negative: 0.02, Positive: 0.44, Title: 1, Lead: 3},
	})
	got, err := ParseLevels(data)
	if err != nil {
		t.Fatal(err)
	}
	if again := FormatLevels("# a header\n", []string{"a", "b"}, got); !bytes.Equal(again, data) {
		t.Errorf("format, parse, format:\n%s\nthen\n%s", data, again)
	}
	bad := []string{
		"a 0 0.1 0.1 2\n",                    // a field short
		"a 0 0.1 0.1 2 x\n",                  // not a number
		"a 0 0 0.1 2 2\n",                    // a threshold not positive
		"a 0 0.1 0.1 2 2\na 0 0.1 0.1 2 2\n", // twice
	}
	for _, b := range bad {
		if _, err := ParseLevels([]byte(b)); err == nil {
			t.Errorf("ParseLevels(%q): no error", b)
		}
	}
}

// FuzzParseLevels holds ParseLevels to an error or levels that format and
// parse back the same.
func FuzzParseLevels(f *testing.F) {
	f.Add(DefaultLevels())
	f.Add([]byte("a 0 0.1 0.1 2 2\n# c\n\nb -1 1 1 1 1"))
	f.Add([]byte("a 0 0.1 0.1 2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := ParseLevels(data)
		if err != nil {
			return
		}
		var names []string
		for n := range got {
			names = append(names, n)
		}
		again, err := ParseLevels(FormatLevels("", names, got))
		if err != nil {
			t.Fatalf("formatted levels do not parse: %v", err)
		}
		for n, l := range got {
			if a := again[n]; a != l {
				t.Fatalf("%s: %+v, then %+v", n, l, a)
			}
		}
	})
}
