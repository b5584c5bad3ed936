package main

import (
	"math"
	"slices"

	"github.com/slant-news/slant/analysis/tone"
)

// Where a mention is, for the weights of the label.
const (
	placeTitle = iota
	placeLead
	placeOther
	places
)

// entityTone is one gold judgement of BASIL with slant's figures for its
// entity in its article.
type entityTone struct {
	gold      int
	event     string
	found     bool    // the entity has mentions
	sentiment float64 // actors.csv's sentiment
	label     int     // actors.csv's label
	sum       [places]float64
	n         [places]int // mentions and their summed scores by place
}

// rawMean is the plain mean mention score.
func (t *entityTone) rawMean() float64 {
	return (t.sum[0] + t.sum[1] + t.sum[2]) / float64(t.n[0]+t.n[1]+t.n[2])
}

// weight is the mentions' summed weight by l.
func (t *entityTone) weight(l tone.Levels) float64 {
	return l.Weight(t.n[placeTitle], t.n[placeLead], t.n[placeOther])
}

// labelBy is the label levels l give t: neutral when never found.
func (t *entityTone) labelBy(l tone.Levels) int {
	if !t.found {
		return 0
	}
	return l.Read(t.weighted(l)-l.Level, t.weight(l))
}

// weighted is the mean mention score with the title's and the lead's
// mentions weighed by l.
func (t *entityTone) weighted(l tone.Levels) float64 {
	w := [places]float64{l.Title, l.Lead, 1}
	var s, n float64
	for p := range w {
		s += w[p] * t.sum[p]
		n += w[p] * float64(t.n[p])
	}
	return s / n
}

// calibrationWeights are the headline's and the lead's weights: double. Of
// 1, 2 and 3 for each, measured by choosing the levels on 4/5 of BASIL's
// events and scoring the rest, double both did best (0.43 against 0.37 to
// 0.42).
var calibrationWeights = [2]float64{2, 2}

// shrinkGrid are the Shrink values calibrate tries (see tone.Levels).
var shrinkGrid = []float64{0, 1, 2, 4, 8}

// thresholdGrid are the thresholds calibrate tries, for either side.
func thresholdGrid() []float64 {
	var g []float64
	for i := 1; i <= 30; i++ {
		g = append(g, float64(i)/50)
	}
	return g
}

// calibrate chooses the levels of one scorer on the judgements its: the
// level is the mean weighted tone of those the coders call neutral, and
// the shrink and the thresholds those of best macro-F1 (the smallest on
// ties). Of the ways to read the levels tried by event folds (see the
// README), shrinking the tone of few mentions did best. The
// entities never found count as neutral, as they do in actors.csv (no
// row).
func calibrate(its []entityTone) (tone.Levels, float64) {
	l := tone.Levels{Title: calibrationWeights[0], Lead: calibrationWeights[1]}
	var sum, n float64
	for _, it := range its {
		if it.found && it.gold == 0 {
			sum, n = sum+it.weighted(l), n+1
		}
	}
	if n > 0 {
		l.Level = math.Round(sum/n*1e4) / 1e4 // four decimals: finer is noise
	}
	best, bestF1 := l, -1.0
	for _, shrink := range shrinkGrid {
		for _, neg := range thresholdGrid() {
			for _, pos := range thresholdGrid() {
				c := l
				c.Negative, c.Positive, c.Shrink = neg, pos, shrink
				if f1 := labelF1(its, c); f1 > bestF1 {
					best, bestF1 = c, f1
				}
			}
		}
	}
	return best, bestF1
}

// labelF1 is the macro-F1 of the labels levels l give the judgements.
func labelF1(its []entityTone, l tone.Levels) float64 {
	var c confusion
	for _, it := range its {
		c.add(it.gold, it.labelBy(l))
	}
	return c.macroF1()
}

// byEvent is the macro-F1 of labels whose levels were chosen without the
// article's event: the events in five folds, levels chosen on four, each
// fold scored with its own.
func byEvent(its []entityTone) float64 {
	var events []string
	for _, it := range its {
		if !slices.Contains(events, it.event) {
			events = append(events, it.event)
		}
	}
	slices.Sort(events)
	const folds = 5
	fold := func(it entityTone) int { return slices.Index(events, it.event) % folds }
	var c confusion
	for f := range folds {
		var train []entityTone
		for _, it := range its {
			if fold(it) != f {
				train = append(train, it)
			}
		}
		l, _ := calibrate(train)
		for _, it := range its {
			if fold(it) != f {
				continue
			}
			c.add(it.gold, it.labelBy(l))
		}
	}
	return c.macroF1()
}

// pearson is Pearson's correlation of xs and ys; NaN for fewer than two
// pairs or no variance.
func pearson(xs, ys []float64) float64 {
	n := float64(len(xs))
	if len(xs) < 2 {
		return math.NaN()
	}
	var mx, my float64
	for i := range xs {
		mx, my = mx+xs[i], my+ys[i]
	}
	mx, my = mx/n, my/n
	var sxy, sxx, syy float64
	for i := range xs {
		dx, dy := xs[i]-mx, ys[i]-my
		sxy, sxx, syy = sxy+dx*dy, sxx+dx*dx, syy+dy*dy
	}
	return sxy / math.Sqrt(sxx*syy)
}
