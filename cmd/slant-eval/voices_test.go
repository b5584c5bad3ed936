package main

import (
	"math"
	"testing"

	"github.com/slant-news/slant/analysis/actor"
	"github.com/slant-news/slant/analysis/postag"
)

func TestRankCorrelations(t *testing.T) {
	for _, c := range []struct {
		xs, ys   []float64
		rho, tau float64
	}{
		{[]float64{1, 2, 3, 4}, []float64{10, 20, 30, 40}, 1, 1},
		{[]float64{1, 2, 3, 4}, []float64{4, 3, 2, 1}, -1, -1},
		{[]float64{1, 2, 3}, []float64{1, 3, 2}, 0.5, 1.0 / 3},
		{[]float64{1, 1, 2}, []float64{1, 2, 3}, math.Sqrt(3) / 2, math.Sqrt(2.0 / 3)},
		{[]float64{1, 1, 1}, []float64{1, 2, 3}, math.NaN(), math.NaN()},
	} {
		rho, tau := spearman(c.xs, c.ys), kendall(c.xs, c.ys)
		if !near(rho, c.rho) || !near(tau, c.tau) {
			t.Errorf("%v, %v: ρ %v τ %v, want %v %v", c.xs, c.ys, rho, tau, c.rho, c.tau)
		}
	}
}

func near(a, b float64) bool {
	if math.IsNaN(b) {
		return math.IsNaN(a)
	}
	return math.Abs(a-b) < 1e-9
}

func TestSourceKind(t *testing.T) {
	tagger, err := postag.New()
	if err != nil {
		t.Fatal(err)
	}
	for phrase, want := range map[string]sourceKind{
		"Donald Trump": sourceName, "Sen. Ted Cruz": sourceName, "he": sourcePronoun,
		"They": sourcePronoun, "the Trump campaign": sourceDescription, "officials": sourceDescription,
	} {
		if got := sourceKindOf(tagger, phrase); got != want {
			t.Errorf("%q: %v, want %v", phrase, got, want)
		}
	}
}

func TestCampaignActors(t *testing.T) {
	table, err := actor.Parse("campaign.yaml", campaignYAML)
	if err != nil {
		t.Fatal(err)
	}
	for phrase, want := range map[string]string{
		"Donald J. Trump": "Trump", "Mrs. Clinton's campaign": "Clinton", "Sen. Bernie Sanders": "Sanders",
		"Ted Cruz": "Cruz", "President Obama": "Obama", "Marco Rubio": "Rubio",
	} {
		got := sourceActors(table, phrase)
		if len(got) != 1 || table.List[got[0]].Name != want {
			t.Errorf("%q: actors %v, want %s", phrase, got, want)
		}
	}
	for _, phrase := range []string{"Bill Clinton", "Michelle Obama", "Donald Trump Jr."} {
		if got := sourceActors(table, phrase); len(got) != 0 {
			t.Errorf("%q: actors %v, want none (a relative)", phrase, got)
		}
	}
	if got := sourceActors(table, "Trump and Clinton"); len(got) != 2 {
		t.Errorf("a joint source: actors %v, want two", got)
	}
}
