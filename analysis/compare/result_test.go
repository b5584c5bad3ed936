package compare

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"runtime"
	"testing"
)

// corpus simulates articles of a few outlets of different sizes.
func corpus(seed uint64) []ArticleSummary {
	rng := rand.New(rand.NewPCG(seed, 1))
	var arts []ArticleSummary
	for i, n := range []int{40, 25, 12, 3, 1} {
		for _, a := range simulated(rng, fmt.Sprint("outlet ", i), n, 0.3-0.1*float64(i)) {
			a.ID = fmt.Sprint(len(arts))
			arts = append(arts, a)
		}
	}
	return arts
}

func compareAll(cfg Config, arts []ArticleSummary) Comparison {
	c := New([]string{"A", "B"}, cfg)
	for _, a := range arts {
		c.Add(a)
	}
	return comparable(c.Result())
}

// The intervals depend on the set of articles, not on their order, nor on
// the number of workers.
func TestResultOrder(t *testing.T) {
	arts := corpus(1)
	cfg := Config{Resamples: 300, Seed: 3, Pairs: AllPairs, Workers: 1,
		Groups: map[string][]string{"big": {"outlet 0", "outlet 1"}, "small": {"outlet 3", "outlet 4"}}}
	want := compareAll(cfg, arts)
	rng := rand.New(rand.NewPCG(9, 9))
	for i := range 3 {
		shuffled := append([]ArticleSummary(nil), arts...)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		cfg.Workers = 1 + 3*i
		got := compareAll(cfg, shuffled)
		got.Config.Workers = want.Config.Workers
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("shuffle %d, %d workers: the comparison differs", i, cfg.Workers)
		}
	}
}

// With two outlets the rest of one is the other: the difference with the
// rest is the pair's difference, resample by resample.
func TestResultRest(t *testing.T) {
	var arts []ArticleSummary
	for _, a := range corpus(2) {
		if a.Outlet == "outlet 0" || a.Outlet == "outlet 1" {
			arts = append(arts, a)
		}
	}
	res := compareAll(Config{Resamples: 200, Seed: 5, Pairs: DefaultPairs}, arts)
	byKey := map[string]Difference{}
	for _, d := range res.Differences {
		byKey[d.Actor+d.Measure+d.Versus+d.OutletA] = d
	}
	for _, actor := range []string{"A", "B"} {
		for _, m := range Measures {
			rest, pair := byKey[actor+m+VersusRest+"outlet 0"], byKey[actor+m+VersusOutlet+"outlet 0"]
			if rest.OutletB != "" || pair.OutletB != "outlet 1" {
				t.Fatalf("%s %s: rest %+v, pair %+v", actor, m, rest, pair)
			}
			if !near(rest.Difference, pair.Difference) || !near(rest.CI.Low, pair.CI.Low) || !near(rest.CI.High, pair.CI.High) || !near(rest.P, pair.P) {
				t.Errorf("%s %s: against the rest %+v, against the other outlet %+v", actor, m, rest, pair)
			}
		}
	}
}

// A group of one outlet has the outlet's figures and intervals; a group's
// differences come from its outlets' resamples.
func TestResultGroups(t *testing.T) {
	arts := corpus(3)
	res := compareAll(Config{Resamples: 200, Seed: 5, Groups: map[string][]string{
		"one":  {"outlet 1"},
		"rest": {"outlet 0", "outlet 2", "outlet 3", "outlet 3", "nowhere"},
	}}, arts)
	if want := []string{"outlet 4"}; !reflect.DeepEqual(res.Ungrouped, want) {
		t.Errorf("ungrouped = %q, want %q", res.Ungrouped, want)
	}
	if want := []string{"nowhere"}; !reflect.DeepEqual(res.Unknown, want) {
		t.Errorf("unknown = %q, want %q", res.Unknown, want)
	}
	if len(res.Groups) != 4 || res.Groups[0].Outlet != "one" || res.Groups[2].Outlet != "rest" || res.Groups[2].Outlets != 3 || res.Groups[2].Articles != 40+12+3 {
		t.Fatalf("groups = %+v", res.Groups)
	}
	one, outlet := res.Groups[0], res.Outlets[2] // outlet 1, actor A
	one.Outlet, one.Outlets = outlet.Outlet, outlet.Outlets
	if one != outlet {
		t.Errorf("a group of one outlet: %+v, the outlet: %+v", one, outlet)
	}
	n := 0
	for _, d := range res.Differences {
		if d.Level == LevelGroup {
			n++
			if d.OutletA != "one" || d.OutletB != "rest" || !d.CI.OK() {
				t.Errorf("group difference %+v", d)
			}
		}
	}
	if n != 6 {
		t.Errorf("%d group differences, want 2 actors × 3 measures", n)
	}
}

// TestBytesPerArticle measures what the comparison keeps per article: at
// most 300 bytes, so that a million articles take under 300 MB.
func TestBytesPerArticle(t *testing.T) {
	const n = 200_000
	actors := make([]string, 17) // the built-in table's size
	for i := range actors {
		actors[i] = fmt.Sprint("actor ", i)
	}
	rng := rand.New(rand.NewPCG(1, 1))
	s := ArticleSummary{Actors: make([]ArticleActor, len(actors)), Statements: 3}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	c := New(actors, Config{})
	for i := range n {
		clear(s.Actors)
		for range 5 { // a news article names a handful of the actors
			s.Actors[rng.IntN(len(actors))] = ArticleActor{Mentions: 2, Quotes: 1, SentimentSum: 0.3, SentimentN: 2}
		}
		s.ID = fmt.Sprintf("https://example.com/news/2025/02/%08d", i)
		s.Outlet = fmt.Sprint("outlet ", i%5000)
		c.Add(s)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	per := float64(after.HeapAlloc-before.HeapAlloc) / n
	t.Logf("%.0f bytes per article summary", per)
	if per > 300 {
		t.Errorf("%.0f bytes per article summary, want at most 300", per)
	}
	runtime.KeepAlive(c)
}
