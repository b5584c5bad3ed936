// Package timeline sums up coverage per period: each actor's mentions, tone
// and share of voice by day, week or month, per outlet and for all outlets
// together.
package timeline

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// Period lengths.
const (
	Day   = "day"
	Week  = "week" // ISO weeks, from Monday
	Month = "month"
)

// Periods lists the period lengths, shortest first.
var Periods = []string{Day, Week, Month}

// The default period, from the span between the first and the last date:
// days up to MaxDaySpan days, weeks up to MaxWeekSpan days, else months.
// A chart then has at most about 31, 26 or (for a span of years) a few dozen
// points a year: enough to see a trend, few enough to read.
const (
	MaxDaySpan  = 31
	MaxWeekSpan = 182
)

// MinArticles is the fewest articles with data for a figure (for tone: with
// a mention of the actor) that a period needs for an interval: a percentile
// bootstrap over fewer articles has intervals too narrow to mean much.
const MinArticles = 5

// AllOutlets is the outlet of the rows of all outlets together: a word, not
// an empty field, which pandas and readr would read as a missing value (an
// outlet of this name in the input would share its rows).
const AllOutlets = "(all)"

// Actor is what the timeline keeps of one actor in one article.
type Actor struct {
	Mentions     int
	Quotes       int     // statements whose speakers include the actor
	SentimentSum float64 // summed sentiment toward the actor's mentions
	SentimentN   int     // how many mentions that is
}

// Article is one article reduced to what the timeline needs: a fixed
// summary, so that a corpus never has to stay in memory.
type Article struct {
	ID         string  // orders the articles in a period before resampling
	Date       string  // ISO 8601 (2006-01-02, or RFC 3339); "" when unknown
	Outlet     string  // never "": the corpus names every outlet
	Actors     []Actor // one per actor of the table, in table order
	Statements int     // all statements; a joint one counts once here, once per actor above
}

// Config says how to sum up.
type Config struct {
	// Period is Day, Week or Month; "" chooses from the span of the dates
	// (see MaxDaySpan).
	Period string
	// Resamples is the number of bootstrap resamples behind the intervals;
	// 0 means none.
	Resamples int
	// Seed seeds the resampling, so that the intervals are reproducible.
	Seed uint64
	// Workers is how many goroutines resample; 0 means one per CPU. The
	// result is the same for any number.
	Workers int
}

// Interval is a 95% confidence interval; both ends are NaN without one.
type Interval struct{ Low, High float64 }

// OK reports whether the interval exists.
func (iv Interval) OK() bool { return !math.IsNaN(iv.Low) && !math.IsNaN(iv.High) }

func noInterval() Interval { return Interval{math.NaN(), math.NaN()} }

// Row is one actor in one period and outlet. Figures are NaN when there is
// nothing to divide by.
type Row struct {
	Period         string // the ISO date the period starts on
	Outlet         string // AllOutlets for all outlets together
	Actor          string
	Articles       int // the period's articles (of the outlet)
	Mentions       int
	MentionShare   float64 // the actor's mentions / all actor mentions
	MentionShareCI Interval
	Sentiment      float64 // mean sentiment toward the actor's mentions
	SentimentCI    Interval
	Quotes         int
	Statements     int     // all the period's statements, those of no actor included
	VoiceShare     float64 // the actor's statements / all statements
	VoiceShareCI   Interval
}

// Timeline is the result.
type Timeline struct {
	Period  string   // the period length used
	Actors  []string // the actor table
	Rows    []Row    // by period, outlet (AllOutlets first, then by name), actor in table order
	Dated   int      // articles with a date
	Undated int      // articles without one: counted here, in no row
}

// Builder collects article summaries. The zero value is not ready: use New.
type Builder struct {
	cfg      Config
	actors   []string
	articles []article // the dated ones
	undated  int
}

// article is an Article with its date parsed: days since 1970-01-01.
type article struct {
	day int64
	Article
}

// New returns an empty timeline of the given actors. It returns an error
// for an unknown period length.
func New(actors []string, cfg Config) (*Builder, error) {
	if cfg.Period != "" && !slices.Contains(Periods, cfg.Period) {
		return nil, fmt.Errorf("unknown period %q (want day, week or month)", cfg.Period)
	}
	return &Builder{cfg: cfg, actors: actors}, nil
}

// Add keeps one article summary; its Actors must follow the actor table
// given to New. An article without a date is only counted.
func (b *Builder) Add(a Article) {
	d := day(a.Date)
	if d < 0 {
		b.undated++
		return
	}
	b.articles = append(b.articles, article{day: d, Article: a})
}

// day returns the days since 1970-01-01 of an ISO 8601 date (a time after
// the date is ignored), or -1 when there is none.
func day(date string) int64 {
	if len(date) < 10 {
		return -1
	}
	t, err := time.Parse(time.DateOnly, date[:10])
	if err != nil {
		return -1
	}
	return t.Unix() / 86400
}

// Choose returns the period length for dates spanning first to last (days
// since 1970-01-01).
func Choose(first, last int64) string {
	switch span := last - first; {
	case span <= MaxDaySpan:
		return Day
	case span <= MaxWeekSpan:
		return Week
	default:
		return Month
	}
}

// start returns the first day of the period that holds d.
func start(d int64, period string) time.Time {
	t := time.Unix(d*86400, 0).UTC()
	switch period {
	case Week:
		return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)) // Monday
	case Month:
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}

// cell is the articles of one period and outlet.
type cell struct {
	period, outlet string
	articles       []*article
}

// Result sums up the articles so far. Each cell (period and outlet) draws
// its resamples from its own stream, seeded by Config.Seed, the period and
// the outlet, so the intervals depend neither on the order the articles
// came in nor on the other cells.
func (b *Builder) Result() Timeline {
	tl := Timeline{Period: b.cfg.Period, Actors: b.actors, Dated: len(b.articles), Undated: b.undated}
	first, last := int64(math.MaxInt64), int64(math.MinInt64)
	for i := range b.articles {
		first, last = min(first, b.articles[i].day), max(last, b.articles[i].day)
	}
	if tl.Period == "" {
		tl.Period = Day
		if tl.Dated > 0 {
			tl.Period = Choose(first, last)
		}
	}
	cells := b.cells(tl.Period)
	rows := make([][]Row, len(cells))
	parallel(len(cells), b.cfg.Workers, func(i int) {
		rows[i] = b.sum(&cells[i])
	})
	for _, r := range rows {
		tl.Rows = append(tl.Rows, r...)
	}
	return tl
}

// cells groups the articles by period and outlet, in output order.
func (b *Builder) cells(period string) []cell {
	type key struct{ period, outlet string }
	byKey := map[key]*cell{}
	for i := range b.articles {
		a := &b.articles[i]
		p := start(a.day, period).Format(time.DateOnly)
		for _, outlet := range []string{AllOutlets, a.Outlet} {
			k := key{p, outlet}
			c := byKey[k]
			if c == nil {
				c = &cell{period: p, outlet: outlet}
				byKey[k] = c
			}
			c.articles = append(c.articles, a)
		}
	}
	out := make([]cell, 0, len(byKey))
	for _, c := range byKey {
		// A canonical order before resampling: the intervals then do not
		// depend on the order of the input files.
		slices.SortStableFunc(c.articles, func(x, y *article) int {
			return cmp.Or(cmp.Compare(x.day, y.day), cmp.Compare(x.Outlet, y.Outlet), cmp.Compare(x.ID, y.ID))
		})
		out = append(out, *c)
	}
	slices.SortFunc(out, func(x, y cell) int {
		return cmp.Or(cmp.Compare(x.period, y.period), cmp.Compare(rank(x.outlet), rank(y.outlet)), cmp.Compare(x.outlet, y.outlet))
	})
	return out
}

// rank puts all outlets together before the outlets.
func rank(outlet string) int {
	if outlet == AllOutlets {
		return 0
	}
	return 1
}

// sum returns the rows of one cell, one per actor.
func (b *Builder) sum(c *cell) []Row {
	t := newTally(len(b.actors))
	for _, a := range c.articles {
		t.add(a)
	}
	est := t.estimates()
	cis := b.intervals(c)
	rows := make([]Row, len(b.actors))
	for j, actor := range b.actors {
		rows[j] = Row{
			Period: c.period, Outlet: c.outlet, Actor: actor, Articles: len(c.articles),
			Mentions: t.actors[j].Mentions, Quotes: t.actors[j].Quotes, Statements: t.statements,
			MentionShare: est[j][mentionShare], MentionShareCI: cis[j][mentionShare],
			Sentiment: est[j][sentiment], SentimentCI: cis[j][sentiment],
			VoiceShare: est[j][voiceShare], VoiceShareCI: cis[j][voiceShare],
		}
	}
	return rows
}

// The figures, as indices of an estimate.
const (
	sentiment = iota
	mentionShare
	voiceShare
	figures
)

// intervals returns the percentile bootstrap intervals of each actor's
// figures over the cell's articles: resampled with replacement, as many as
// it has, since the article is the unit (its sentences are not
// independent).
func (b *Builder) intervals(c *cell) [][figures]Interval {
	out := make([][figures]Interval, len(b.actors))
	support := make([][figures]int, len(b.actors))
	for _, a := range c.articles {
		mentions := 0
		for _, x := range a.Actors {
			mentions += x.Mentions
		}
		for j, x := range a.Actors {
			for f, has := range [figures]bool{x.SentimentN > 0, mentions > 0, a.Statements > 0} {
				if has {
					support[j][f]++
				}
			}
		}
	}
	some := false
	for j := range out {
		for f := range out[j] {
			out[j][f] = noInterval()
			some = some || support[j][f] >= MinArticles
		}
	}
	if b.cfg.Resamples <= 0 || !some {
		return out
	}
	h := fnv.New64a()
	h.Write([]byte(c.period))
	h.Write([]byte{0})
	h.Write([]byte(c.outlet))
	rng := rand.New(rand.NewPCG(b.cfg.Seed, h.Sum64()))
	reps := make([][figures][]float64, len(b.actors))
	t := newTally(len(b.actors))
	for range b.cfg.Resamples {
		t.reset()
		for range c.articles {
			t.add(c.articles[rng.IntN(len(c.articles))])
		}
		for j, est := range t.estimates() {
			for f, v := range est {
				if !math.IsNaN(v) {
					reps[j][f] = append(reps[j][f], v)
				}
			}
		}
	}
	for j := range out {
		for f := range out[j] {
			if support[j][f] >= MinArticles && len(reps[j][f]) > 0 {
				out[j][f] = percentile95(reps[j][f])
			}
		}
	}
	return out
}

// percentile95 returns the 2.5th and 97.5th percentiles of xs (sorted in
// place), interpolating between order statistics.
func percentile95(xs []float64) Interval {
	slices.Sort(xs)
	q := func(p float64) float64 {
		pos := p * float64(len(xs)-1)
		i := int(pos)
		if i+1 >= len(xs) {
			return xs[len(xs)-1]
		}
		return xs[i] + (pos-float64(i))*(xs[i+1]-xs[i])
	}
	return Interval{q(0.025), q(0.975)}
}

// tally sums articles: the sufficient statistics of every figure.
type tally struct {
	actors     []Actor
	statements int
}

func newTally(n int) tally { return tally{actors: make([]Actor, n)} }

func (t *tally) add(a *article) {
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

// estimates returns each actor's figures.
func (t *tally) estimates() [][figures]float64 {
	mentions := 0
	for _, a := range t.actors {
		mentions += a.Mentions
	}
	out := make([][figures]float64, len(t.actors))
	for j, a := range t.actors {
		out[j][sentiment] = ratio(a.SentimentSum, a.SentimentN)
		out[j][mentionShare] = ratio(float64(a.Mentions), mentions)
		out[j][voiceShare] = ratio(float64(a.Quotes), t.statements)
	}
	return out
}

func ratio(x float64, n int) float64 {
	if n == 0 {
		return math.NaN()
	}
	return x / float64(n)
}

// parallel calls f(i) for every i in [0, n) on workers goroutines (0 means
// one per CPU).
func parallel(n, workers int, f func(i int)) {
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	workers = min(workers, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}
