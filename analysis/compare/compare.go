// Package compare compares outlets: the tone toward each actor, its share of
// mentions and of voice, with bootstrap confidence intervals, the balance of
// voices, and the differences between outlets (and groups of outlets)
// beyond the uncertainty.
//
// It keeps a few counts per article, so that a corpus never has to stay in
// memory, and its work grows linearly with the outlets: each outlet is
// compared with the rest of the corpus, and pair by pair only among the
// largest outlets and the pairs asked for.
package compare

import (
	"math"
	"slices"
)

// Measures compared between outlets, as named in the outputs.
const (
	MeasureSentiment    = "sentiment"
	MeasureMentionShare = "mention_share"
	MeasureVoiceShare   = "voice_share"
)

// Measures lists the compared measures in output order.
var Measures = []string{MeasureSentiment, MeasureMentionShare, MeasureVoiceShare}

// Levels of balance rows and differences.
const (
	LevelOutlet  = "outlet"
	LevelGroup   = "group"
	LevelArticle = "article"
)

// What a difference compares its A with.
const (
	VersusOutlet = "outlet" // another outlet (or, for groups, another group)
	VersusRest   = "rest"   // the rest of the corpus: every other outlet's articles
)

// DefaultResamples is the number of bootstrap resamples unless told
// otherwise: enough for stable 95% percentile intervals.
const DefaultResamples = 1000

// DefaultPairs is how many of the largest outlets are compared pair by pair
// unless told otherwise.
const DefaultPairs = 20

// AllPairs as Config.Pairs compares every pair of outlets: the number of
// rows and the time grow with the square of the outlets.
const AllPairs = -1

// MinBootstrapArticles is the fewest articles with data for a figure (for
// tone: with a sentence about the actor) that an outlet needs for an
// interval. Resampling a single article always gives the same article back,
// so its "interval" would have no width and claim a certainty the data
// cannot give.
const MinBootstrapArticles = 2

// Config says how to compare outlets. The zero value compares each outlet
// with the rest of the corpus, without intervals.
type Config struct {
	// Resamples is the number of bootstrap resamples; 0 means no intervals.
	Resamples int
	// Seed seeds the resampling, so that the intervals are reproducible.
	Seed uint64
	// Workers is how many goroutines resample and compute intervals; 0
	// means one per CPU. The result is the same for any number.
	Workers int
	// MinArticles is the fewest articles with data for a figure that an
	// interval (of a figure or a difference) needs; MinBootstrapArticles
	// when it is less.
	MinArticles int
	// Pairs is how many of the largest outlets (by articles, then by name)
	// are compared pair by pair; AllPairs for all of them.
	Pairs int
	// Named are pairs of outlets compared whatever their size.
	Named [][2]string
	// Groups maps a group's name to its outlets; an outlet may be in
	// several groups. Nil for none.
	Groups map[string][]string
}

// ArticleActor is what the outlet comparison keeps of one actor in one
// article.
type ArticleActor struct {
	Mentions     int
	Quotes       int     // statements whose speakers include the actor
	SentimentSum float64 // summed sentiment toward the actor's mentions
	SentimentN   int     // how many mentions that is
}

// ArticleSummary is one article reduced to its per-actor counts.
type ArticleSummary struct {
	ID, Outlet  string
	Source      string // the input file
	Words       int
	Actors      []ArticleActor // one per actor of the table, in table order
	OtherQuotes int            // statements credited to no actor of the table
	Statements  int            // all statements; a joint one counts once here, once per actor above
}

// Interval is a 95% confidence interval; both ends are NaN when there is
// none (too few articles, no resamples, or no data).
type Interval struct{ Low, High float64 }

// NoInterval returns the interval of a figure that has none.
func NoInterval() Interval { return Interval{math.NaN(), math.NaN()} }

// OK reports whether the interval exists.
func (iv Interval) OK() bool { return !math.IsNaN(iv.Low) && !math.IsNaN(iv.High) }

// ExcludesZero reports whether the interval exists and lies on one side of
// zero.
func (iv Interval) ExcludesZero() bool { return iv.OK() && (iv.Low > 0 || iv.High < 0) }

// OutletActor compares one actor across one outlet's articles (or a
// group's: Outlet is then the group's name). Figures are NaN when there is
// nothing to divide by.
type OutletActor struct {
	Outlet, Actor  string
	Outlets        int // outlets pooled: 1 for an outlet, the group's outlets in the corpus for a group
	Articles       int // the outlet's articles
	Mentions       int
	Quotes         int
	Sentiment      float64 // mean tone of the sentences that mention the actor
	SentimentCI    Interval
	MentionShare   float64 // the actor's mentions / all actor mentions in the outlet
	MentionShareCI Interval
	VoiceShare     float64 // the actor's statements / all statements in the outlet
	VoiceShareCI   Interval
}

// Balance is how evenly an article, an outlet or a group treats the actors.
// Indices are NaN when undefined.
type Balance struct {
	Level      string // LevelOutlet, LevelGroup or LevelArticle
	ID, Outlet string // ID is the outlet (or group) for LevelOutlet (LevelGroup), else the article
	// Voice and Mention are the normalised Shannon entropy of the actors'
	// statements and mentions: 1 when every actor has the same share, 0
	// when one has all.
	Voice, Mention float64
	// SentimentGap is the highest minus the lowest actor's mean tone.
	SentimentGap float64
	Articles     int
	Mentions     int
	Quotes       int
}

// Difference is A's figure minus B's for one actor and measure, with a
// bootstrap interval and p-value from resampling each outlet's articles on
// their own.
type Difference struct {
	Actor, Measure   string
	Level            string // LevelOutlet or LevelGroup
	Versus           string // VersusOutlet, or VersusRest: B is then every other outlet, and OutletB ""
	OutletA, OutletB string // outlets, or groups for LevelGroup
	Difference       float64
	CI               Interval
	// P is the two-sided bootstrap p-value of no difference; Q the
	// Benjamini-Hochberg adjusted p-value over all the differences. Both
	// are NaN without an interval.
	P, Q float64
}

// Comparison holds the outlet comparison of a corpus.
type Comparison struct {
	Config      Config
	Actors      []string
	Articles    int
	Outlets     []OutletActor // outlets sorted by name, actors in table order
	Groups      []OutletActor // groups sorted by name, actors in table order
	Balance     []Balance     // outlets sorted by name, then groups sorted by name
	Differences []Difference  // by actor, measure, then: each outlet against the rest, pairs of outlets, pairs of groups
	// Ungrouped lists the outlets of the corpus in no group, when there
	// are groups; Unknown the outlets named in pairs or groups that the
	// corpus does not have. Both sorted.
	Ungrouped, Unknown []string

	points []tally // per outlet of Outlets: the sums over its articles, for Pool
}

// Pool returns the figures and the balance of the outlets for which in is
// true, pooled as one outlet called name, without intervals: for a chart
// that shows many small outlets together.
func (c *Comparison) Pool(name string, in func(outlet string) bool) ([]OutletActor, Balance) {
	nA := len(c.Actors)
	if nA == 0 {
		return nil, Balance{Level: LevelOutlet, ID: name, Outlet: name, Voice: math.NaN(), Mention: math.NaN(), SentimentGap: math.NaN()}
	}
	t := newTally(nA)
	outlets, articles := 0, 0
	for i := range c.points {
		o := c.Outlets[i*nA]
		if in(o.Outlet) {
			t.plus(c.points[i])
			outlets++
			articles += o.Articles
		}
	}
	e := &engine{nA: nA, actors: c.Actors}
	b := e.balance(LevelOutlet, name, articles, t)
	return e.figures(name, outlets, articles, t, noIntervals(3*nA)), b
}

// Point returns the figures and the balance of the articles taken as one
// outlet called name, without intervals: what Result gives for them with
// no resamples, without the resampling's machinery, for callers that
// compare many small sets of articles.
func Point(actors []string, name string, sums []ArticleSummary) ([]OutletActor, Balance) {
	t := newTally(len(actors))
	for i := range sums {
		// What store.add keeps and store.addTo sums.
		for j, x := range sums[i].Actors {
			if x != (ArticleActor{}) {
				t.addCount(countOf(j, x))
			}
		}
		t[len(t)-2] += int64(clamp(sums[i].Statements))
	}
	e := &engine{nA: len(actors), actors: actors}
	return e.figures(name, 1, len(sums), t, noIntervals(3*len(actors))), e.balance(LevelOutlet, name, len(sums), t)
}

// Compare collects article summaries for the outlet comparison. The zero
// value is not ready: use New.
type Compare struct {
	cfg    Config
	actors []string
	store  store
}

// New returns an empty comparison of the given actors.
func New(actors []string, cfg Config) *Compare {
	return &Compare{cfg: cfg, actors: actors, store: newStore(len(actors))}
}

// Add keeps one article summary; its Actors must follow the actor table
// given to New.
func (c *Compare) Add(s ArticleSummary) { c.store.add(&s) }

// BalanceOf computes the balance indices of pooled counts.
func BalanceOf(actors []ArticleActor, statements int) Balance {
	mentions := make([]float64, len(actors))
	quotes := make([]float64, len(actors))
	b := Balance{Quotes: statements}
	lo, hi, withTone := math.Inf(1), math.Inf(-1), 0
	for i, a := range actors {
		mentions[i], quotes[i] = float64(a.Mentions), float64(a.Quotes)
		b.Mentions += a.Mentions
		if a.SentimentN > 0 {
			m := a.SentimentSum / float64(a.SentimentN)
			lo, hi = min(lo, m), max(hi, m)
			withTone++
		}
	}
	b.Voice = Evenness(quotes)
	b.Mention = Evenness(mentions)
	b.SentimentGap = math.NaN()
	if withTone >= 2 { // a gap needs two actors
		b.SentimentGap = hi - lo
	}
	return b
}

// Evenness is the Shannon entropy of the shares of counts, divided by its
// maximum log(len(counts)): 1 when all counts are equal, 0 when one holds
// everything. It is NaN when there is nothing to share or fewer than two
// categories.
func Evenness(counts []float64) float64 {
	total := 0.0
	for _, c := range counts {
		total += c
	}
	if total <= 0 || len(counts) < 2 {
		return math.NaN()
	}
	h := 0.0
	for _, c := range counts {
		if c > 0 {
			p := c / total
			h -= p * math.Log(p)
		}
	}
	return h / math.Log(float64(len(counts)))
}

// sortedKeys returns m's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
