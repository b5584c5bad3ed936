package analysis

import (
	"hash/fnv"
	"math"
	"math/rand/v2"
)

// bootstrap holds one outlet's resampled figures: reps[actor][measure] has
// one value per resample (NaN where the resample had nothing to divide by).
// It is nil when the outlet gets no intervals.
type bootstrap struct {
	reps [][3][]float64
	// support[actor][measure] counts the articles with data for the
	// figure (a sentence about the actor, any mention, any statement): with
	// fewer than MinBootstrapArticles every resample that has the figure
	// at all has the same value, as with a single article.
	support [][3]int
}

// resample draws cfg.Resamples resamples of an outlet's articles, with
// replacement and as many as it has: the article is the unit, since an
// article's sentences are not independent of each other. Each outlet draws
// from its own PCG stream, seeded by cfg.Seed and the outlet's name.
func resample(arts []ArticleSummary, nActors int, cfg CompareConfig, outlet string) *bootstrap {
	if cfg.Resamples <= 0 || len(arts) < MinBootstrapArticles {
		return nil
	}
	h := fnv.New64a()
	h.Write([]byte(outlet))
	rng := rand.New(rand.NewPCG(cfg.Seed, h.Sum64()))
	b := &bootstrap{reps: make([][3][]float64, nActors), support: make([][3]int, nActors)}
	for j := range b.reps {
		for m := range b.reps[j] {
			b.reps[j][m] = make([]float64, cfg.Resamples)
		}
	}
	for i := range arts {
		a := &arts[i]
		mentions, quotes := a.mentions() > 0, a.quotes() > 0
		for j, x := range a.Actors {
			for m, has := range [3]bool{x.SentimentN > 0, mentions, quotes} {
				if has {
					b.support[j][m]++
				}
			}
		}
	}
	t := tally{actors: make([]ArticleActor, nActors)}
	for r := range cfg.Resamples {
		t.reset()
		for range arts {
			t.add(&arts[rng.IntN(len(arts))])
		}
		for j, est := range t.estimates() {
			for m, v := range est {
				b.reps[j][m][r] = v
			}
		}
	}
	return b
}

// interval returns the 95% percentile interval of one actor's measure.
func (b *bootstrap) interval(actor, measure int) Interval {
	if !b.supports(actor, measure) {
		return NoInterval()
	}
	return percentile95(b.reps[actor][measure])
}

// differenceInterval returns the 95% percentile interval of outlet a's
// figure minus outlet b's. The two were resampled independently, so pairing
// their resamples by index pairs independent draws. scratch is reused
// between calls to spare an allocation per pair.
func differenceInterval(a, b *bootstrap, actor, measure int, scratch *[]float64) Interval {
	if !a.supports(actor, measure) || !b.supports(actor, measure) {
		return NoInterval()
	}
	ra, rb := a.reps[actor][measure], b.reps[actor][measure]
	d := (*scratch)[:0]
	for i := range ra {
		if v := ra[i] - rb[i]; !math.IsNaN(v) && !math.IsInf(v, 0) {
			d = append(d, v)
		}
	}
	*scratch = d
	return finitePercentile95(d)
}

// supports reports whether enough articles have data for an interval.
func (b *bootstrap) supports(actor, measure int) bool {
	return b != nil && b.support[actor][measure] >= MinBootstrapArticles
}

// percentile95 returns the 2.5th and 97.5th percentiles of the finite
// values (linear interpolation between order statistics, R's type 7).
// Resamples in which the figure was undefined (an actor without any
// sentence, say) are left out; with none left there is no interval.
func percentile95(values []float64) Interval {
	xs := make([]float64, 0, len(values))
	for _, v := range values {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			xs = append(xs, v)
		}
	}
	return finitePercentile95(xs)
}

// finitePercentile95 is percentile95 of values that are all finite; it
// reorders xs. The four order statistics it needs are selected rather than
// sorted for: the same values, in linear rather than n log n time, which
// matters with thousands of outlet pairs.
func finitePercentile95(xs []float64) Interval {
	if len(xs) == 0 {
		return NoInterval()
	}
	lo, hi := quantileIndex(len(xs), 0.025), quantileIndex(len(xs), 0.975)
	selectNth(xs, lo)
	low := interpolate(xs, lo, 0.025)
	// Everything after lo is at least xs[lo]: the upper order statistics
	// are among them (or are xs[lo] itself).
	if hi > lo {
		selectNth(xs[lo+1:], hi-lo-1)
	}
	return Interval{low, interpolate(xs, hi, 0.975)}
}

// quantileIndex is the lower order statistic (0-based) that the p-quantile
// of n sorted values interpolates from.
func quantileIndex(n int, p float64) int {
	return int(math.Floor(p * float64(n-1)))
}

// interpolate returns the p-quantile of xs, given that xs[k] holds the k-th
// smallest value (k = quantileIndex) and nothing after it is smaller: the
// next order statistic is then the least value after k.
func interpolate(xs []float64, k int, p float64) float64 {
	if k+1 >= len(xs) {
		return xs[len(xs)-1]
	}
	next := xs[k+1]
	for _, v := range xs[k+2:] {
		if v < next {
			next = v
		}
	}
	h := p * float64(len(xs)-1)
	return xs[k] + (h-float64(k))*(next-xs[k])
}

// selectNth reorders xs (no NaNs) so that xs[k] holds the value sorting
// would put there, no value before it greater and none after it smaller
// (Hoare's quickselect, median-of-three pivot).
func selectNth(xs []float64, k int) {
	lo, hi := 0, len(xs)-1
	for lo < hi {
		mid := lo + (hi-lo)/2
		if xs[mid] < xs[lo] {
			xs[mid], xs[lo] = xs[lo], xs[mid]
		}
		if xs[hi] < xs[lo] {
			xs[hi], xs[lo] = xs[lo], xs[hi]
		}
		if xs[hi] < xs[mid] {
			xs[hi], xs[mid] = xs[mid], xs[hi]
		}
		p := xs[mid]
		i, j := lo, hi
		for i <= j {
			for xs[i] < p {
				i++
			}
			for xs[j] > p {
				j--
			}
			if i <= j {
				xs[i], xs[j] = xs[j], xs[i]
				i++
				j--
			}
		}
		// Now xs[lo..j] <= p <= xs[i..hi], and anything between equals p.
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return
		}
	}
}
