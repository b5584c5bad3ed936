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
	// Read shrinks a tone from few mentions toward neutral.
	l.Shrink = 4
	reads := []struct {
		tone, weight float64
		want         int
	}{
		{-0.1, 4, 0},    // -0.05: above the threshold
		{-0.1, 100, -1}, // -0.096
		{0.8, 4, 1},     // 0.4
		{0.6, 4, 0},     // 0.3: below
		{0.6, 36, 1},    // 0.54
		{0, 0, 0},
	}
	for _, tt := range reads {
		if got := l.Read(tt.tone, tt.weight); got != tt.want {
			t.Errorf("Read(%v, %v) = %d, want %d", tt.tone, tt.weight, got, tt.want)
		}
	}
	if l.Shrink = 0; l.Read(-0.08, 1) != -1 {
		t.Errorf("Read with no shrink is not Label")
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
		"b": {Level: 0.34, Negative: 0.02, Positive: 0.44, Title: 1, Lead: 3, Shrink: 4},
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
		"a 0 0.1 0.1 2 2 -1\n",               // a negative shrink
		"a 0 0.1 0.1 2 2 1 1\n",              // a field too many
	}
	// A file from before Shrink reads with none.
	if old, err := ParseLevels([]byte("a 0 0.1 0.1 2 2\n")); err != nil || old["a"].Shrink != 0 {
		t.Errorf("a line of six fields: %v, %v", old, err)
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
	f.Add([]byte("a 0 0.1 0.1 2 2 4\n"))
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
