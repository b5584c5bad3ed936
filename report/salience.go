package report

import (
	"cmp"
	"container/heap"
	"slices"
)

// MaxSalienceArticles bounds the articles the salience chart draws, and so
// what the report keeps of them in memory: beyond it, only those with the
// most actor mentions (the earlier among equals), so that a corpus of
// millions makes a chart, and a page, that still opens.
const MaxSalienceArticles = 2000

// salience keeps the points of the articles the salience chart draws.
type salience struct {
	kept   salienceHeap
	seen   int // articles with points
	nActor int
}

// article is one article's points on the salience chart.
type salienceArticle struct {
	seq, mentions int
	points        []point
}

// add offers an article's points.
func (s *salience) add(points []point) {
	if len(points) == 0 {
		return
	}
	a := salienceArticle{seq: s.seen, points: points}
	for _, p := range points {
		a.mentions += p.Mentions
	}
	s.seen++
	if len(s.kept) < MaxSalienceArticles {
		heap.Push(&s.kept, a)
	} else if s.kept.less(s.kept[0], a) {
		s.kept[0] = a
		heap.Fix(&s.kept, 0)
	}
}

// series returns the kept points per actor, articles in input order.
func (s *salience) series() (perActor [][]point, capped bool) {
	arts := slices.Clone([]salienceArticle(s.kept))
	slices.SortFunc(arts, func(a, b salienceArticle) int { return cmp.Compare(a.seq, b.seq) })
	perActor = make([][]point, s.nActor)
	for _, a := range arts {
		for _, p := range a.points {
			perActor[p.Actor] = append(perActor[p.Actor], p)
		}
	}
	return perActor, s.seen > len(s.kept)
}

// salienceHeap is a min-heap of the kept articles, the first to give way
// on top: fewest mentions, then latest.
type salienceHeap []salienceArticle

func (salienceHeap) less(a, b salienceArticle) bool {
	if a.mentions != b.mentions {
		return a.mentions < b.mentions
	}
	return a.seq > b.seq
}
func (h salienceHeap) Len() int           { return len(h) }
func (h salienceHeap) Less(i, j int) bool { return h.less(h[i], h[j]) }
func (h salienceHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *salienceHeap) Push(x any)        { *h = append(*h, x.(salienceArticle)) }
func (h *salienceHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
