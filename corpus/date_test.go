package corpus

import (
	"strings"
	"testing"
)

var dateTests = []struct {
	in   string
	want string // "" when not a date
}{
	{"2024-03-01T10:20:30Z", "2024-03-01T10:20:30Z"},
	{"2024-03-01T10:20:30.123456+02:00", "2024-03-01T10:20:30+02:00"},
	{"2024-03-01T10:20:30-0500", "2024-03-01T10:20:30-05:00"},
	{"2024-03-01T10:20:30", "2024-03-01T10:20:30Z"},
	{"2024-03-01T10:20", "2024-03-01T10:20:00Z"},
	{"2024-03-01 10:20:30", "2024-03-01T10:20:30Z"},
	{"2024-03-01 10:20:30.5", "2024-03-01T10:20:30Z"},
	{"2024-03-01 10:20:30+01:00", "2024-03-01T10:20:30+01:00"},
	{"2024-03-01 10:20:30 +0100", "2024-03-01T10:20:30+01:00"},
	{"2024-03-01", "2024-03-01"},
	{"  2024-03-01\n", "2024-03-01"},
	{"2024/03/01", "2024-03-01"},
	{"March 1, 2024", "2024-03-01"},
	{"Mar 1, 2024", "2024-03-01"},
	{"1 March 2024", "2024-03-01"},
	{"01 Mar 2024", "2024-03-01"},
	{"Friday, March 1, 2024", "2024-03-01"},
	{"Fri, 01 Mar 2024 10:20:30 GMT", "2024-03-01T10:20:30Z"},
	{"Fri, 01 Mar 2024 10:20:30 +0100", "2024-03-01T10:20:30+01:00"},
	{"Fri, 1 Mar 2024 10:20:30 -0700", "2024-03-01T10:20:30-07:00"},
	{"Friday, 01-Mar-24 10:20:30 UTC", "2024-03-01T10:20:30Z"},
	{"Fri Mar  1 10:20:30 2024", "2024-03-01T10:20:30Z"},
	{"", ""},
	{"yesterday", ""},
	{"2024-02-30", ""},
	{"2024-13-01", ""},
	{"2024-03-01T25:00:00Z", ""},
	{"2024-03-01 10:20:30 +9900", ""},
}

func TestParseDate(t *testing.T) {
	for _, tt := range dateTests {
		got, ok := ParseDate(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, tt := range dateTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := ParseDate(s)
		// Passing over the layouts with a time of day changes nothing.
		if every, everyOK := parseDate(strings.TrimSpace(s), true); got != every || ok != everyOK {
			t.Fatalf("ParseDate(%q) = %q, %v; with every layout %q, %v", s, got, ok, every, everyOK)
		}
		if !ok {
			if got != "" {
				t.Fatalf("ParseDate(%q) = %q, false", s, got)
			}
			return
		}
		// What ParseDate writes, it reads back unchanged.
		if again, ok := ParseDate(got); !ok || again != got {
			t.Fatalf("ParseDate(%q) = %q, but ParseDate(%q) = %q, %v", s, got, got, again, ok)
		}
	})
}
