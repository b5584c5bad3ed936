package corpus

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// objectTests are objects scanObject must read as encoding/json does, and
// things it must leave to encoding/json.
var objectTests = []string{
	`{}`,
	` {"text": "a"} ` + "\n",
	`{"id": 12, "text": "a\nb \"q\" \\ \/ \b\f\r\t \u00e9 \ud83d\ude00 \ud83d \ude00x \ud83dz"}`,
	`{"a": [1, -0.5e+3, true, false, null, {"b": {}}, []], "a": "last"}`,
	`{"k\u0065y": 1, "key": 2, "key": 3}`,
	"{\"text\": \"caf\xe9 \xff\xfe\"}",
	"{\"t\xe9xt\": \"x\"}",
	`{"text": "a"} {}`,
	`{"text": "a",}`,
	`{"text": 01}`,
	`{"text": 1.}`,
	`{"text": -}`,
	`{"text": "\x"}`,
	`{"text": "\u12"}`,
	"{\"text\": \"a\tb\"}",
	`{"text": tru}`,
	`{"text" "a"}`,
	`{"text": "a"`,
	`["text"]`,
	`null`,
	`"text"`,
	strings.Repeat(`{"a":`, 70) + "1" + strings.Repeat("}", 70),
	strings.Repeat(`{"a":`, 60) + "1" + strings.Repeat("}", 60),
}

func TestScanObject(t *testing.T) {
	for _, in := range objectTests {
		checkScanObject(t, in)
	}
}

func FuzzScanObject(f *testing.F) {
	for _, in := range objectTests {
		f.Add(in)
	}
	for _, tt := range jsonlTests {
		f.Add(tt.in)
	}
	f.Fuzz(checkScanObject)
}

// checkScanObject holds scanObject and unquote to encoding/json on in.
func checkScanObject(t *testing.T, in string) {
	var want map[string]json.RawMessage
	err := json.Unmarshal([]byte(in), &want)
	obj, ok := scanObject([]byte(in), nil)
	if !ok {
		if err == nil && want != nil && strings.Count(in, "{")+strings.Count(in, "[") < maxScanDepth {
			t.Errorf("scanObject(%q) refused an object encoding/json reads", in)
		}
		return
	}
	if err != nil || want == nil {
		t.Fatalf("scanObject(%q) read what encoding/json does not: %v", in, err)
	}
	var keys []string
	for _, m := range obj {
		if !slices.Contains(keys, string(m.key)) {
			keys = append(keys, string(m.key))
		}
	}
	if len(keys) != len(want) {
		t.Fatalf("scanObject(%q): keys %q, want %d", in, keys, len(want))
	}
	for key, raw := range want {
		got := obj.get(key)
		if string(got) != string(raw) {
			t.Errorf("scanObject(%q)[%q] = %s, want %s", in, key, got, raw)
		}
		var s string
		jerr := json.Unmarshal(raw, &s)
		us, uok := unquote(got)
		if uok != (jerr == nil) || us != s {
			t.Errorf("unquote(%s) = %q, %v; encoding/json %q, %v", got, us, uok, s, jerr)
		}
		if utf8.ValidString(in) {
			if vs, vok := unquoteValid(got, true); vs != us || vok != uok {
				t.Errorf("unquoteValid(%s, true) = %q, %v; unquote %q, %v", got, vs, vok, us, uok)
			}
		}
	}
	if dups := obj.duplicates(); !slices.Equal(dups, duplicateKeys([]byte(in), len(want))) {
		t.Errorf("duplicates of %q = %q, want %q", in, dups, duplicateKeys([]byte(in), len(want)))
	}
}

// hasControlBytewise is hasControl a byte at a time.
func hasControlBytewise(b []byte) bool {
	for _, c := range b {
		if c < ' ' {
			return true
		}
	}
	return false
}

// TestHasControl holds the word-at-a-time hasControl to the byte loop at
// every position and length, for each kind of byte.
func TestHasControl(t *testing.T) {
	for _, c := range []byte{0, 0x01, 0x1f, ' ', '!', '"', '\\', 0x7f, 0x80, 0x9f, 0xa0, 0xff} {
		for n := 0; n <= 72; n++ { // past two steps of 32 bytes
			for at := -1; at < n; at++ {
				b := make([]byte, n)
				for i := range b {
					b[i] = "aé€ zZ~"[i%9]
				}
				if at >= 0 {
					b[at] = c
				}
				if got, want := hasControl(b), hasControlBytewise(b); got != want {
					t.Fatalf("hasControl(%q) = %v, want %v", b, got, want)
				}
			}
		}
	}
}

// FuzzHasControl holds hasControl to the byte loop on any bytes, with any
// number of control characters, whose flags in a word may borrow from each
// other.
func FuzzHasControl(f *testing.F) {
	f.Add([]byte("ab\x00\x01\"\\c\x1f\x20\x21é"))
	f.Add([]byte("0123456789abcdef\x01\x00\x01\x00"))
	f.Add([]byte("0123456789abcde\x20\x20\x21"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := hasControl(b), hasControlBytewise(b); got != want {
			t.Fatalf("hasControl(%q) = %v, want %v", b, got, want)
		}
	})
}
