package actor

import (
	"errors"
	"strings"
	"testing"

	"github.com/slant-news/slant/corpus"
)

const testActors = `
Ukraine: [Ukrain*, Kyiv, Volodymyr Zelensky, Zelensky]
Russia:
  - Russia*
  - Vladimir Putin
  - Putin
  - kremlin
US: [US, U.S., United States, White House, Trump]
Europe:
  leaders: [Macron]
  places: [Europe*, EU]
`

func TestMatch(t *testing.T) {
	actors, err := Parse("test.yaml", []byte(testActors))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want string // "text=Actor" joined by "|"
	}{
		{"Russia and Ukraine", "Russia=Russia|Ukraine=Ukraine"},
		{"Ukrainian troops and Russians", "Ukrainian=Ukraine|Russians=Russia"},
		{"let us talk about the US", "US=US"},                                    // smart case: US is case-sensitive
		{"The KREMLIN and the Kremlin's aides", "KREMLIN=Russia|Kremlin=Russia"}, // lowercase pattern: any case
		{"Kyiv’s absence and Russia's war", "Kyiv=Ukraine|Russia=Russia"},        // possessives
		{"Vladimir Putin met Putin", "Vladimir Putin=Russia|Putin=Russia"},       // longest match wins
		{"Volodymyr\nZelensky said", "Volodymyr\nZelensky=Ukraine"},              // a phrase across a line break
		{"Volodymyr, Zelensky", "Zelensky=Ukraine"},                              // not across punctuation
		{"the U.S. and the U.S", "U.S.=US|U.S=US"},
		{"US-Russia talks; pro-Russian; anti-EU", "US=US|Russia=Russia|Russian=Russia|EU=Europe"},
		{"Kyivstar and Trumpet, Europeans", "Europeans=Europe"}, // word boundaries
		{"the United States and the White House", "United States=US|White House=US"},
		{"Macron in Europe", "Macron=Europe|Europe=Europe"}, // nested patterns merge into the actor
		{"", ""},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range actors.Match(tt.text) {
			got = append(got, tt.text[m.Start:m.End]+"="+m.Actor)
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("Match(%q) = %q, want %q", tt.text, g, tt.want)
		}
	}
}

func TestParseActorsErrors(t *testing.T) {
	tests := []struct {
		yaml string
		line int
		msg  string
	}{
		{"Ukraine: [Kyiv\nRussia: [Moscow]\n", 1, "invalid YAML"},
		{"Ukraine: [Kyiv]\nRussia: [Moscow]\nUS: Trump: Rubio\n", 3, "invalid YAML"},
		{"Ukraine:\n  - Kyiv\n  - ''\n", 3, "no words"},
		{"Ukraine:\n  - Kyiv\n  - '*'\n", 3, "every word"},
		{"Ukraine: [Kyiv]\nUkraine: [Kiev]\n", 2, "already defined at line 1"},
		{"Ukraine: []\n", 1, "no patterns"},
		{"- Kyiv\n", 1, "want a mapping"},
		{"", 0, "no actors"},
	}
	for _, tt := range tests {
		_, err := Parse("a.yaml", []byte(tt.yaml))
		var e *corpus.Error
		if !errors.As(err, &e) {
			t.Errorf("ParseActors(%q): error %v, want a *corpus.Error", tt.yaml, err)
			continue
		}
		if e.Path != "a.yaml" || e.Line != tt.line || !strings.Contains(e.Error(), tt.msg) {
			t.Errorf("ParseActors(%q) = %q (line %d), want line %d and %q", tt.yaml, e, e.Line, tt.line, tt.msg)
		}
	}
}

func TestDefaultActors(t *testing.T) {
	a := Default()
	if got := strings.Join(a.Names(), ","); got != "Ukraine,Russia,US,Europe" {
		t.Errorf("default actors = %s", got)
	}
}

func FuzzMatch(f *testing.F) {
	f.Add("Russia and the U.S. and Kyiv’s Zelensky")
	f.Add("Vladimir Putin\n\nPutin's")
	actors := Default()
	f.Fuzz(func(t *testing.T, text string) {
		last := 0
		for _, m := range actors.Match(text) {
			if m.Start < last || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("Match(%q): bad span %+v after %d", text, m, last)
			}
			last = m.End
		}
	})
}

func FuzzParseActors(f *testing.F) {
	f.Add(testActors)
	f.Add(string(defaultActors))
	f.Fuzz(func(t *testing.T, yaml string) {
		a, err := Parse("f.yaml", []byte(yaml))
		if err == nil {
			a.Match("Russia and Ukraine, U.S.")
		}
	})
}
