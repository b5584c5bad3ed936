package report

import (
	"cmp"
	"container/heap"
	"slices"
)

// salience keeps what the salience chart draws of the articles as they
// are written: the points of those with the most actor mentions, at least
// maxScatterPoints of them, so that the report holds a bounded number
// whatever the corpus.
type salience struct {
	kept   salienceHeap
	points int // kept
	total  int // seen
	seq    int // articles with points seen
}

// salienceArticle is one article's points on the salience chart.
type salienceArticle struct {
	seq, mentions int
	points        []point
}

// add offers an article's points.
func (s *salience) add(points []point) {
	if len(points) == 0 {
		return
	}
	a := salienceArticle{seq: s.seq, points: points}
	for _, p := range points {
		a.mentions += p.Mentions
	}
	s.seq++
	s.total += len(points)
	heap.Push(&s.kept, a)
	s.points += len(points)
	// The article on top has the fewest mentions (the latest among
	// equals): its points come after all the others', so it can go while
	// the others make enough.
	for s.points-len(s.kept[0].points) >= maxScatterPoints {
		s.points -= len(heap.Pop(&s.kept).(salienceArticle).points)
	}
}

// drawn returns the points to draw: all of them in input order when they
// are few enough, else the first maxScatterPoints of the articles with the
// most mentions (the earlier among equals); and how many there were.
func (s *salience) drawn() ([]point, int) {
	arts := slices.Clone([]salienceArticle(s.kept))
	slices.SortFunc(arts, func(a, b salienceArticle) int { return cmp.Compare(a.seq, b.seq) })
	if s.total > maxScatterPoints {
		slices.SortStableFunc(arts, func(a, b salienceArticle) int { return cmp.Compare(b.mentions, a.mentions) })
	}
	var out []point
	for _, a := range arts {
		out = append(out, a.points...)
	}
	return out[:min(len(out), maxScatterPoints)], s.total
}

// salienceHeap is a min-heap of the kept articles, the first to give way
// on top: fewest mentions, then latest.
type salienceHeap []salienceArticle

func (h salienceHeap) Len() int { return len(h) }
func (h salienceHeap) Less(i, j int) bool {
	if h[i].mentions != h[j].mentions {
		return h[i].mentions < h[j].mentions
	}
	return h[i].seq > h[j].seq
}
func (h salienceHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *salienceHeap) Push(x any)   { *h = append(*h, x.(salienceArticle)) }
func (h *salienceHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
