package main

import "testing"

func TestPrintable(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"testdata/corpus/a b.json", "testdata/corpus/a b.json"},
		{"Café “quoted”", "Café “quoted”"},
		{"", ""},
		{"a\nb", `"a\nb"`},
		{"a\r\nb", `"a\r\nb"`},
		{"tab\there", `"tab\there"`},
		{"esc\x1b[2J", `"esc\x1b[2J"`},
		{"bidi\u202egnp.exe", `"bidi\u202egnp.exe"`},
		{"bad \xff utf-8", `"bad \xff utf-8"`},
		{`"a\nb"`, `"\"a\\nb\""`}, // not to be taken for a quoted id
	}
	for _, tt := range tests {
		if got := printable(tt.in); got != tt.want {
			t.Errorf("printable(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
