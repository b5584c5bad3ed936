package analysis

import (
	"math"
	"testing"

	"github.com/slant-news/slant/analysis/actor"
	"github.com/slant-news/slant/analysis/attribution"
	"github.com/slant-news/slant/analysis/tone"
	"github.com/slant-news/slant/corpus"
)

// TestToneLevels checks how the tone levels make an actor's sentiment,
// tone and label in an article, and an outlet's: sentiment is the plain
// mean less the level, tone weighs the headline's and the lead's mentions,
// and the label reads the tone.
func TestToneLevels(t *testing.T) {
	table, err := actor.Parse("test", []byte("Kyiv:\n  - Kyiv\nMoscow:\n  - Moscow\nRome:\n  - Rome\n"))
	if err != nil {
		t.Fatal(err)
	}
	levels := tone.Levels{Level: -0.1, Negative: 0.1, Positive: 0.3, Title: 2, Lead: 3}
	art := &Article{
		Sentences: []Sentence{{N: 1, Part: Title}, {N: 2, Part: Body, Lead: true}, {N: 3, Part: Body}},
		Mentions: []Mention{
			{Sentence: 1, Actor: "Kyiv", Score: 0.5},
			{Sentence: 3, Actor: "Kyiv", Score: -0.4},
			{Sentence: 2, Actor: "Moscow", Score: -0.6},
			{Sentence: 3, Actor: "Moscow", Score: 0.2},
		},
		Quotes: []Quote{{Statement: attribution.Statement{Actors: []string{"Rome"}}}},
	}
	stats := sum(table, art, levels)
	want := map[string]struct {
		sentiment, tone float64
		label           int
	}{
		// (0.5 - 0.4) / 2 + 0.1; (2×0.5 - 0.4) / 3 + 0.1
		"Kyiv": {0.15, 0.3, 1},
		// (-0.6 + 0.2) / 2 + 0.1; (3×-0.6 + 0.2) / 4 + 0.1
		"Moscow": {-0.1, -0.3, -1},
	}
	for _, st := range stats {
		w, ok := want[st.Actor]
		if !ok {
			if st.Mentions != 0 || !math.IsNaN(st.Tone) || !math.IsNaN(st.Sentiment) || st.Label != 0 {
				t.Errorf("%s: quoted, never named: %+v", st.Actor, st)
			}
			continue
		}
		if math.Abs(st.Sentiment-w.sentiment) > 1e-12 || math.Abs(st.Tone-w.tone) > 1e-12 || st.Label != w.label {
			t.Errorf("%s: sentiment %v, tone %v, label %d; want %v, %v, %d", st.Actor, st.Sentiment, st.Tone, st.Label, w.sentiment, w.tone, w.label)
		}
	}
	// An outlet of this article and one with Kyiv once in its body at
	// -0.4: tone (3×0.3 + 1×-0.4) / 4 = 0.125, below the positive
	// threshold.
	art.Actors, art.Levels, art.Article = stats, levels, corpus.Article{Outlet: "o"}
	other := &Article{Article: corpus.Article{Outlet: "o"}, Levels: levels,
		Actors: []ActorStats{{Actor: "Kyiv", Mentions: 1, Negative: 1, Sentiment: -0.4, Tone: -0.4, Label: -1}}}
	o := NewOutlets([]string{"Kyiv", "Moscow", "Rome"}, levels)
	o.Add(art)
	o.Add(other)
	for _, s := range o.Stats() {
		switch s.Actor {
		case "Kyiv":
			if math.Abs(s.Tone-0.125) > 1e-12 || s.Label != 0 || math.Abs(s.Sentiment-(-0.1/3)) > 1e-12 {
				t.Errorf("outlet, Kyiv: %+v, want tone 0.125, label 0, sentiment -0.0333", s)
			}
		case "Rome":
			if !math.IsNaN(s.Tone) || s.Label != 0 {
				t.Errorf("outlet, Rome (no mentions): %+v", s)
			}
		}
	}
}
