package compare

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestPoint checks that Point gives exactly what Result gives for the
// articles of one outlet without resamples.
func TestPoint(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	odd := []ArticleSummary{
		{ID: "none", Outlet: "O", Actors: []ArticleActor{{}, {}}},
		{ID: "neg", Outlet: "O", Statements: -2, Actors: []ArticleActor{{Mentions: -1, SentimentSum: 0.1, SentimentN: 1}, {}}},
		{ID: "fine", Outlet: "O", Statements: 3, Actors: []ArticleActor{{Mentions: 2, Quotes: 1, SentimentSum: 1.0 / 3, SentimentN: 2}, {Quotes: 2}}},
	}
	for _, sums := range [][]ArticleSummary{odd[:1], odd, simulated(rng, "O", 1, 0.3), simulated(rng, "O", 40, -0.2)} {
		c := New([]string{"a", "b"}, Config{})
		for _, s := range sums {
			c.Add(s)
		}
		res := c.Result()
		outlets, balance := Point([]string{"a", "b"}, "O", sums)
		if got, want := fmt.Sprint(outlets, balance), fmt.Sprint(res.Outlets, res.Balance[0]); got != want {
			t.Errorf("%d articles: Point = %s, Result %s", len(sums), got, want)
		}
	}
}

// TestMinArticles checks that Config.MinArticles takes away the intervals
// of figures with less support and no other.
func TestMinArticles(t *testing.T) {
	sums := simulated(rand.New(rand.NewPCG(5, 6)), "O", 12, 0.1)
	for i := 3; i < len(sums); i++ {
		sums[i].Actors[0].SentimentSum, sums[i].Actors[0].SentimentN = 0, 0 // tone in 3 articles
	}
	result := func(min int) Comparison {
		c := New([]string{"a", "b"}, Config{Resamples: 200, Seed: 1, Workers: 1, MinArticles: min})
		for _, s := range sums {
			c.Add(s)
		}
		return c.Result()
	}
	all, some := result(0), result(5)
	if !all.Outlets[0].SentimentCI.OK() || some.Outlets[0].SentimentCI.OK() {
		t.Errorf("tone in 3 articles: interval %v by default, %v with MinArticles 5", all.Outlets[0].SentimentCI, some.Outlets[0].SentimentCI)
	}
	some.Outlets[0].SentimentCI = all.Outlets[0].SentimentCI
	if got, want := fmt.Sprint(some.Outlets), fmt.Sprint(all.Outlets); got != want {
		t.Errorf("MinArticles 5 changed other intervals:\n%s\nwant\n%s", got, want)
	}
}
