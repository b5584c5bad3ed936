package main

import (
	"strings"
	"testing"

	"github.com/slant-news/slant/analysis/attribution"
)

func TestSameSpeaker(t *testing.T) {
	for _, c := range []struct {
		gold, speaker, resolved string
		want                    bool
	}{
		{"Mrs. Okafor", "she", "Dana Okafor", true},
		{"Dana Okafor", "Okafor", "Dana Okafor", true},
		{"the Chilean Embassy in Oslo", "the embassy", "the embassy", true},
		{"the Chilean Embassy in Oslo", "Oslo", "Oslo", false},
		{"Secretary of State Anne M. Holt", "she", "Anne M. Holt", true},
		{"the secretary of the Interior, Paul R. Dunn,", "Mr. Dunn", "Mr. Dunn", true},
		{"58 percent of nurses", "58 percent of nurses", "58 percent of nurses", true},
		{"Senior officials at the Labor Department", "a number of agency officials", "a number of agency officials", true},
		{"A sophomore named Rosa Lind", "Rosa Lind", "Rosa Lind", true},
		{"Mr. Pratt's", "Mr. Pratt", "Owen Pratt", true},
		{"The Daily Ledge", "The Daily Ledger", "The Daily Ledger", true},
		{"Oregon Gov. Carla Ruiz and Sen. Tom Brill as well as former Oregon Gov. Helen Marsh", "Helen Marsh", "Helen Marsh", true},
		// what describes the speaker is not the speaker
		{"Dana Okafor’s campaign manager Owen Pratt", "Dana Okafor", "Dana Okafor", false},
		{"Dana Okafor, 31, who was visiting Denver from Ohio,", "31, who was visiting Denver", "31, who was visiting Denver", false},
		{"Sen. Lee Varga, R-Ore.,", "R-Ore., appearing on a radio show", "R-Ore", false},
		{"Rep. Nina Ashby (D-Vt.), who drafted the measure", "D-Vt.), who drafted the measure", "D-Vt", false},
		{"Glen Ruiz, a bus driver from Enid, Okla., who belongs to a union", "Okla.", "Okla.", false},
		{"Ana Brill, the reporter who first exposed the dealings of Mayor Tom Hale", "Tom Hale", "Tom Hale", false},
		{"Voters leaving a nearly three-hour hearing in the Grange Hal", "Grange Hall", "Grange Hall", false},
	} {
		p := attribution.Statement{Speaker: c.speaker, Resolved: c.resolved}
		if got := sameSpeaker(p, c.gold); got != c.want {
			t.Errorf("sameSpeaker(%q / %q, %q) = %v, want %v", c.speaker, c.resolved, c.gold, got, c.want)
		}
	}
}

func TestAntecedent(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Senior officials at the Labor Department who", "Senior officials at the Labor Department"},
		{"It was reported by the Daily Ledger, which", "the Daily Ledger"},
		{"Okafor was out-shouting Lee Varga, who", "Lee Varga"},
		{"He left. Who", ""},
		{"A flaw in the “system” that", ""},
	} {
		at := strings.LastIndexByte(c.text, ' ') + 1 // the relative pronoun, last
		if got := antecedent(c.text, at); got != c.want {
			t.Errorf("antecedent(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestGroupLabel(t *testing.T) {
	for s, want := range map[string]bool{
		"Democratic Lawmakers": true, "House Republicans": true, "protestors": true, "Republican lawmakers": true,
		"Mike Pence": false, "Chris Coons": false, "Benjamin Netanyahu": false, "Joe Biden": false,
	} {
		if got := groupLabel(s); got != want {
			t.Errorf("groupLabel(%q) = %v, want %v", s, got, want)
		}
	}
}
