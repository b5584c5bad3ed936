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
		{"Mrs. Clinton", "she", "Hillary Clinton", true},
		{"Hillary Clinton", "Clinton", "Hillary Clinton", true},
		{"the Russian Embassy in London", "the embassy", "the embassy", true},
		{"the Russian Embassy in London", "London", "London", false},
		{"Secretary of State John F. Kerry", "he", "John F. Kerry", true},
		{"the secretary of the Treasury, Jacob J. Lew,", "Mr. Lew", "Mr. Lew", true},
		{"72 percent of Democrats", "72 percent of Democrats", "72 percent of Democrats", true},
		{"Senior officials at the Justice Department", "a number of administration officials", "a number of administration officials", true},
		{"A freshman named Hailey Puckett", "Hailey Puckett", "Hailey Puckett", true},
		{"Mr. Obama's", "Mr. Obama", "Barack Obama", true},
		{"The Wall Street Journa", "The Wall Street Journal", "The Wall Street Journal", true},
		{"Vermont Gov. Peter Shumlin and Sen. Patrick Leahy as well as former Vermont Gov. Howard Dean", "Howard Dean", "Howard Dean", true},
		// what describes the speaker is not the speaker
		{"Hillary Clinton’s campaign manager Robby Mook", "Hillary Clinton", "Hillary Clinton", false},
		{"Jacob Shiansky, 24, who was visiting Manhattan from South Carolina,", "24, who was visiting Manhattan", "24, who was visiting Manhattan", false},
		{"Sen. Marco Rubio, R-Fla.,", "R-Fla., appearing on Fox News", "R-Fla", false},
		{"Rep. Zoe Lofgren (D-Calif.), who introduced a bill", "D-Calif.), who introduced a bill", "D-Calif", false},
		{"Paul Porter, a truck driver from Ava, Mo., who is a member", "Mo.", "Mo.", false},
		{"Michael Isikoff, the reporter who is credited with uncovering the indiscretions of Bill Clinton", "Bill Clinton", "Bill Clinton", false},
		{"Democrats leaving a nearly two-hour discussion in the U.S. Capito", "U.S. Capitol", "U.S. Capitol", false},
	} {
		p := attribution.Statement{Speaker: c.speaker, Resolved: c.resolved}
		if got := sameSpeaker(p, c.gold); got != c.want {
			t.Errorf("sameSpeaker(%q / %q, %q) = %v, want %v", c.speaker, c.resolved, c.gold, got, c.want)
		}
	}
}

func TestAntecedent(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Senior officials at the Justice Department who", "Senior officials at the Justice Department"},
		{"It was reported by the Associated Press, which", "the Associated Press"},
		{"Trump was out-brutalizing Ted Cruz, who", "Ted Cruz"},
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
