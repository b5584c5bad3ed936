// Package timeline sums up coverage per period: each actor's mentions, tone
// and share of voice by day, week or month, per outlet and for all outlets
// together.
package timeline

import (
	"cmp"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/slant-news/slant/analysis/compare"
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
// bootstrap over fewer articles has intervals too narrow to mean much (the
// outlet comparison gives one from compare.MinBootstrapArticles, and says
// to read those from fewer than about ten articles as rough).
const MinArticles = 5

// AllOutlets is the outlet of the rows of all outlets together: a word, not
// an empty field, which pandas and readr would read as a missing value (an
// outlet of this name in the input would share its rows).
const AllOutlets = "(all)"

// Article is one article reduced to what the timeline needs: its date and
// the outlet comparison's summary (a few counts per actor), so that a corpus
// never has to stay in memory.
type Article struct {
	Date string // ISO 8601 (2006-01-02, or RFC 3339); "" when unknown
	compare.ArticleSummary
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
	// Workers is how many periods and outlets are summed up at once; 0
	// means one per CPU. The result is the same for any number.
	Workers int
}

// Row is one actor in one period and outlet. Figures are NaN when there is
// nothing to divide by.
type Row struct {
	Period         string // the ISO date the period starts on
	Outlet         string // AllOutlets for all outlets together
	Actor          string
	Articles       int // the period's articles (of the outlet)
	Mentions       int
	MentionShare   float64 // the actor's mentions / all actor mentions
	MentionShareCI compare.Interval
	Sentiment      float64 // mean sentiment toward the actor's mentions
	SentimentCI    compare.Interval
	Quotes         int
	Statements     int     // all the period's statements, those of no actor included
	VoiceShare     float64 // the actor's statements / all statements
	VoiceShareCI   compare.Interval
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
	articles []article         // the dated ones
	outlets  map[string]string // each outlet's name, shared
	undated  int
}

// article is what Builder keeps of an Article: its date as days since
// 1970-01-01, and its summary with only the actors it has counts for, the
// outlet's name shared, so that a corpus of millions fits in memory.
type article struct {
	day        int64
	id, outlet string
	statements int
	actors     []actorCount
}

// actorCount is one actor's counts in an article: 24 bytes.
type actorCount struct {
	actor, mentions, quotes, toneN int32
	toneSum                        float64
}

// summary returns the article's summary for a table of n actors.
func (a *article) summary(n int) compare.ArticleSummary {
	s := compare.ArticleSummary{ID: a.id, Outlet: a.outlet, Statements: a.statements, Actors: make([]compare.ArticleActor, n)}
	for _, x := range a.actors {
		s.Actors[x.actor] = compare.ArticleActor{Mentions: int(x.mentions), Quotes: int(x.quotes), SentimentSum: x.toneSum, SentimentN: int(x.toneN)}
	}
	return s
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
	outlet, ok := b.outlets[a.Outlet]
	if !ok {
		if b.outlets == nil {
			b.outlets = map[string]string{}
		}
		outlet = a.Outlet
		b.outlets[outlet] = outlet
	}
	k := article{day: d, id: a.ID, outlet: outlet, statements: a.Statements}
	n := 0
	for _, x := range a.Actors {
		if x != (compare.ArticleActor{}) {
			n++
		}
	}
	k.actors = make([]actorCount, 0, n)
	for j, x := range a.Actors {
		if x != (compare.ArticleActor{}) {
			k.actors = append(k.actors, actorCount{int32(j), int32(x.Mentions), int32(x.Quotes), int32(x.SentimentN), x.SentimentSum})
		}
	}
	b.articles = append(b.articles, k)
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
	workers := b.cfg.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	// The cells are independent: workers goroutines take them in turn. A
	// panic is raised again here, in the caller's goroutine, where the
	// command can recover it.
	var next atomic.Int64
	var failed atomic.Value
	var wg sync.WaitGroup
	for range min(workers, len(cells)) {
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					failed.CompareAndSwap(nil, panicked{r})
					next.Store(int64(len(cells)))
				}
			}()
			for i := int(next.Add(1)) - 1; i < len(cells); i = int(next.Add(1)) - 1 {
				rows[i] = b.sum(&cells[i])
			}
		})
	}
	wg.Wait()
	if p, ok := failed.Load().(panicked); ok {
		panic(p.value)
	}
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
		for _, outlet := range []string{AllOutlets, a.outlet} {
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
			return cmp.Or(cmp.Compare(x.day, y.day), cmp.Compare(x.outlet, y.outlet), cmp.Compare(x.id, y.id))
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

// sum returns the rows of one cell, one per actor: the cell compared as
// one outlet, so that its figures and intervals are those of outlets.csv,
// from a random stream of its own (seeded by Config.Seed, the period and
// the outlet). An interval needs MinArticles articles with data for the
// figure here, where the comparison needs fewer.
func (b *Builder) sum(c *cell) []Row {
	key := c.period + "\x00" + c.outlet
	support := make([][3]int, len(b.actors)) // articles with a tone, a mention, a statement
	sums := make([]compare.ArticleSummary, len(c.articles))
	most := 0 // the largest support
	for i, a := range c.articles {
		s := a.summary(len(b.actors))
		s.Outlet = key
		sums[i] = s
		mentions := 0
		for _, x := range s.Actors {
			mentions += x.Mentions
		}
		for j, x := range s.Actors {
			for f, has := range [3]bool{x.SentimentN > 0, mentions > 0, s.Statements > 0} {
				if has {
					support[j][f]++
					most = max(most, support[j][f])
				}
			}
		}
	}
	// A cell without MinArticles articles for any figure has no interval:
	// its resamples would be thrown away.
	resamples := b.cfg.Resamples
	if most < MinArticles {
		resamples = 0
	}
	var outlets []compare.OutletActor
	var balance compare.Balance
	if resamples == 0 {
		// The figures of Result, without building its resampling.
		outlets, balance = compare.Point(b.actors, key, sums)
	} else {
		one := compare.New(b.actors, compare.Config{Resamples: resamples, Seed: b.cfg.Seed, Workers: 1, MinArticles: MinArticles})
		for i := range sums {
			one.Add(sums[i])
		}
		res := one.Result()
		outlets, balance = res.Outlets, res.Balance[0]
	}
	enough := func(iv compare.Interval, n int) compare.Interval {
		if n < MinArticles {
			return compare.NoInterval()
		}
		return iv
	}
	rows := make([]Row, len(b.actors))
	for j, o := range outlets {
		rows[j] = Row{
			Period: c.period, Outlet: c.outlet, Actor: o.Actor, Articles: o.Articles,
			Mentions: o.Mentions, Quotes: o.Quotes, Statements: balance.Quotes,
			MentionShare: o.MentionShare, MentionShareCI: enough(o.MentionShareCI, support[j][1]),
			Sentiment: o.Sentiment, SentimentCI: enough(o.SentimentCI, support[j][0]),
			VoiceShare: o.VoiceShare, VoiceShareCI: enough(o.VoiceShareCI, support[j][2]),
		}
	}
	return rows
}

// panicked holds a worker's panic value (atomic.Value takes one type).
type panicked struct{ value any }
