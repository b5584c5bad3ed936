package report

import (
	"encoding/json"
	"testing"
)

var jsonStrings = []string{
	"",
	"plain text",
	`<li value="3"><mark class="a1">Ukraine</mark> &amp; 'it' said "no" \ back</li>`,
	"tab\tnew\nline\rcarriage\bbell\ffeed\x00nul\x1funit\x7fdel",
	"caf\u00e9 \u2014 \u201cquoted\u201d \u2028line\u2029para \U0001F600",
	"bad \xff utf-8 \xe2\x80 cut \xed\xa0\x80 surrogate",
	"\u2027\u202a",
}

func TestJSONString(t *testing.T) {
	for _, s := range jsonStrings {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	}
}

func FuzzJSONString(f *testing.F) {
	for _, s := range jsonStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := appendJSONString([]byte("x"), s); string(got[1:]) != string(want) {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got[1:], want)
		}
	})
}
