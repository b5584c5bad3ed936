// Package compare compares outlets: the tone toward each actor, its share of
// mentions and of voice, with bootstrap confidence intervals, the balance of
// voices, and the differences between outlets beyond the uncertainty.
//
// It works on ArticleSummary values, a few counts per article, so that a
// corpus never has to stay in memory.
package compare

import (
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// Measures compared between outlets, as named in the outputs.
const (
	MeasureSentiment    = "sentiment"
	MeasureMentionShare = "mention_share"
	MeasureVoiceShare   = "voice_share"
)

// Measures lists the compared measures in output order.
var Measures = []string{MeasureSentiment, MeasureMentionShare, MeasureVoiceShare}

// Balance levels.
const (
	LevelOutlet  = "outlet"
	LevelArticle = "article"
)

// DefaultResamples is the number of bootstrap resamples unless told
// otherwise: enough for stable 95% percentile intervals.
const DefaultResamples = 1000

// MinBootstrapArticles is the fewest articles with data for a figure (for
// tone: with a sentence about the actor) that an outlet needs for an
// interval. Resampling a single article always gives the same article back,
// so its "interval" would have no width and claim a certainty the data
// cannot give.
const MinBootstrapArticles = 2

// Config says how to compare outlets.
type Config struct {
	// Resamples is the number of bootstrap resamples; 0 means no intervals.
	Resamples int
	// Seed seeds the resampling, so that the intervals are reproducible.
	Seed uint64
	// Workers is how many goroutines resample and compute intervals; 0
	// means one per CPU. The result is the same for any number.
	Workers int
}

// ArticleActor is what the outlet comparison keeps of one actor in one
// article: a few counts, so that a corpus never has to stay in memory.
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

// mentions returns the article's actor mentions; quotes its statements,
// those credited to no actor included.
func (s *ArticleSummary) mentions() int {
	n := 0
	for _, a := range s.Actors {
		n += a.Mentions
	}
	return n
}

func (s *ArticleSummary) quotes() int { return s.Statements }

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

// OutletActor compares one actor across one outlet's articles. Figures are
// NaN when there is nothing to divide by.
type OutletActor struct {
	Outlet, Actor  string
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

// Balance is how evenly an article or an outlet treats the actors. Indices
// are NaN when undefined.
type Balance struct {
	Level      string // LevelOutlet or LevelArticle
	ID, Outlet string // ID is the outlet for LevelOutlet, else the article
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

// Difference is outlet A's figure minus outlet B's for one actor and
// measure, with a bootstrap interval that resamples each outlet on its own.
type Difference struct {
	Actor, Measure   string
	OutletA, OutletB string
	Difference       float64
	CI               Interval
}

// Comparison holds the outlet comparison of a corpus.
type Comparison struct {
	Config      Config
	Actors      []string
	Articles    []ArticleSummary // input order
	Outlets     []OutletActor    // outlets sorted by name, actors in table order
	Balance     []Balance        // outlets sorted by name, then articles in input order
	Differences []Difference     // by actor, measure, then outlet pair
}

// Compare collects article summaries for the outlet comparison. The zero
// value is not ready: use New.
type Compare struct {
	cfg      Config
	actors   []string
	articles []ArticleSummary // input order
}

// New returns an empty comparison of the given actors.
func New(actors []string, cfg Config) *Compare {
	return &Compare{cfg: cfg, actors: actors}
}

// Add keeps one article summary; its Actors must follow the actor
// table given to New.
func (c *Compare) Add(s ArticleSummary) { c.articles = append(c.articles, s) }

// Result computes the comparison. The resampling happens here, after every
// article is in and outlet by outlet in sorted order, each outlet with its
// own random stream derived from the seed and its name: the result depends
// on neither the order in which workers finished nor on which other outlets
// are in the corpus.
func (c *Compare) Result() Comparison {
	byOutlet := map[string][]ArticleSummary{}
	for _, a := range c.articles {
		byOutlet[a.Outlet] = append(byOutlet[a.Outlet], a)
	}
	names := make([]string, 0, len(byOutlet))
	for name := range byOutlet {
		names = append(names, name)
	}
	slices.Sort(names)

	res := Comparison{Config: c.cfg, Actors: c.actors, Articles: c.articles}
	// Each outlet resamples from its own stream, so they can go in parallel.
	boots := make([]*bootstrap, len(names))
	parallel(len(names), c.cfg.Workers, func(i int, _ *[]float64) {
		boots[i] = resample(byOutlet[names[i]], len(c.actors), c.cfg, names[i])
	})
	for i, name := range names {
		arts := byOutlet[name]
		total := pool(arts, len(c.actors))
		est := total.estimates()
		for j, actor := range c.actors {
			a := total.actors[j]
			res.Outlets = append(res.Outlets, OutletActor{
				Outlet: name, Actor: actor, Articles: len(arts),
				Mentions: a.Mentions, Quotes: a.Quotes,
				Sentiment: est[j][0], SentimentCI: boots[i].interval(j, 0),
				MentionShare: est[j][1], MentionShareCI: boots[i].interval(j, 1),
				VoiceShare: est[j][2], VoiceShareCI: boots[i].interval(j, 2),
			})
		}
		b := BalanceOf(total.actors, total.statements)
		b.Level, b.ID, b.Outlet, b.Articles = LevelOutlet, name, name, len(arts)
		res.Balance = append(res.Balance, b)
	}
	for _, a := range c.articles {
		b := BalanceOf(a.Actors, a.Statements)
		b.Level, b.ID, b.Outlet, b.Articles = LevelArticle, a.ID, a.Outlet, 1
		res.Balance = append(res.Balance, b)
	}

	type pair struct{ x, y, actor, measure int }
	var pairs []pair
	for j, actor := range c.actors {
		for m, measure := range Measures {
			for x := range names {
				for y := x + 1; y < len(names); y++ {
					ex := res.Outlets[x*len(c.actors)+j].measure(m)
					ey := res.Outlets[y*len(c.actors)+j].measure(m)
					if math.IsNaN(ex) || math.IsNaN(ey) {
						continue // nothing to compare
					}
					res.Differences = append(res.Differences, Difference{
						Actor: actor, Measure: measure, OutletA: names[x], OutletB: names[y],
						Difference: ex - ey,
					})
					pairs = append(pairs, pair{x, y, j, m})
				}
			}
		}
	}
	// The intervals, the bulk of the work with many outlets, are independent.
	parallel(len(pairs), c.cfg.Workers, func(i int, scratch *[]float64) {
		p := pairs[i]
		res.Differences[i].CI = differenceInterval(boots[p.x], boots[p.y], p.actor, p.measure, scratch)
	})
	return res
}

// parallel calls f(i) for every i in [0, n) on workers goroutines (0 means
// one per CPU), handing each goroutine its own scratch slice.
func parallel(n, workers int, f func(i int, scratch *[]float64)) {
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	workers = min(workers, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			var scratch []float64
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i, &scratch)
			}
		})
	}
	wg.Wait()
}

// measure returns the figure for Measures[m].
func (o *OutletActor) measure(m int) float64 {
	switch m {
	case 0:
		return o.Sentiment
	case 1:
		return o.MentionShare
	default:
		return o.VoiceShare
	}
}

// tally sums article summaries: the sufficient statistics of every figure.
type tally struct {
	actors     []ArticleActor
	statements int
}

func pool(arts []ArticleSummary, nActors int) tally {
	t := tally{actors: make([]ArticleActor, nActors)}
	for i := range arts {
		t.add(&arts[i])
	}
	return t
}

func (t *tally) add(a *ArticleSummary) {
	for j, x := range a.Actors {
		s := &t.actors[j]
		s.Mentions += x.Mentions
		s.Quotes += x.Quotes
		s.SentimentSum += x.SentimentSum
		s.SentimentN += x.SentimentN
	}
	t.statements += a.Statements
}

func (t *tally) reset() {
	clear(t.actors)
	t.statements = 0
}

// estimates returns, per actor, the figure of each of Measures.
func (t *tally) estimates() [][3]float64 {
	mentions, quotes := 0, t.statements
	for _, a := range t.actors {
		mentions += a.Mentions
	}
	out := make([][3]float64, len(t.actors))
	for j, a := range t.actors {
		out[j] = [3]float64{
			ratio(a.SentimentSum, a.SentimentN),
			ratio(float64(a.Mentions), mentions),
			ratio(float64(a.Quotes), quotes),
		}
	}
	return out
}

func ratio(x float64, n int) float64 {
	if n == 0 {
		return math.NaN()
	}
	return x / float64(n)
}

// BalanceOf computes the BalanceOf indices of pooled counts.
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
