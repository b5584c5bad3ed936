package report

import "testing"

// The salience chart keeps the articles with the most mentions, in input
// order, and no more than MaxSalienceArticles.
func TestSalienceBound(t *testing.T) {
	s := salience{nActor: 2}
	n := MaxSalienceArticles + 500
	for i := range n {
		s.add([]point{{Actor: i % 2, Mentions: i % (n / 2)}}) // the second half repeats the first
	}
	perActor, capped := s.series()
	if !capped || len(perActor[0])+len(perActor[1]) != MaxSalienceArticles {
		t.Fatalf("capped %v, %d+%d points", capped, len(perActor[0]), len(perActor[1]))
	}
	min := n/2 - MaxSalienceArticles/2 // each count of mentions twice: the top ones
	for _, series := range perActor {
		for _, p := range series {
			if p.Mentions < min {
				t.Fatalf("kept a point with %d mentions, fewer than %d", p.Mentions, min)
			}
		}
	}
	if got, capped := (&salience{nActor: 1}).series(); capped || len(got[0]) != 0 {
		t.Errorf("empty: %v %v", got, capped)
	}
}
