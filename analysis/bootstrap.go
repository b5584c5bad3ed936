package analysis

import (
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
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
// their resamples by index pairs independent draws.
func differenceInterval(a, b *bootstrap, actor, measure int) Interval {
	if !a.supports(actor, measure) || !b.supports(actor, measure) {
		return NoInterval()
	}
	ra, rb := a.reps[actor][measure], b.reps[actor][measure]
	d := make([]float64, len(ra))
	for i := range ra {
		d[i] = ra[i] - rb[i]
	}
	return percentile95(d)
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
	if len(xs) == 0 {
		return NoInterval()
	}
	slices.Sort(xs)
	return Interval{quantile(xs, 0.025), quantile(xs, 0.975)}
}

// quantile returns the p-quantile of sorted, non-empty xs.
func quantile(xs []float64, p float64) float64 {
	h := p * float64(len(xs)-1)
	lo := int(math.Floor(h))
	if lo+1 >= len(xs) {
		return xs[len(xs)-1]
	}
	return xs[lo] + (h-float64(lo))*(xs[lo+1]-xs[lo])
}
