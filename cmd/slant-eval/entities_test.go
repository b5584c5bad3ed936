package main

import (
	"slices"
	"testing"
)

func TestLastName(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Joe Sestak", "Sestak"},
		{"Hillary Rodham Clinton", "Clinton"},
		{"Obama administration", ""},
		{"Congress", ""},
		{"Democratic National Committee Chair Person", ""},
	}
	for _, tt := range tests {
		if got := lastName(tt.name); got != tt.want {
			t.Errorf("lastName(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestEntityActors(t *testing.T) {
	a, err := entityActors("test", []string{"Bill Clinton", "Hillary Clinton", "Joe Sestak", "Obama administration", "Joe Sestak"})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"Bill Clinton"}, {"Hillary Clinton"}, {"Joe Sestak", "Sestak"}, {"Obama administration"}}
	if len(a.List) != len(want) {
		t.Fatalf("got %d actors, want %d: %+v", len(a.List), len(want), a.List)
	}
	for i, x := range a.List {
		if !slices.Equal(x.Patterns, want[i]) {
			t.Errorf("%s: patterns %q, want %q", x.Name, x.Patterns, want[i])
		}
	}
	text := "Mr. Sestak said Bill Clinton called him; Clinton denied it."
	var got []string
	for _, m := range a.Match(text) {
		got = append(got, m.Actor+"="+text[m.Start:m.End])
	}
	if w := []string{"Joe Sestak=Sestak", "Bill Clinton=Bill Clinton"}; !slices.Equal(got, w) {
		t.Errorf("matches %q, want %q", got, w)
	}
}
