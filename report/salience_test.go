package report

import (
	"cmp"
	"reflect"
	"slices"
	"testing"
)

// The salience chart's kept points are those that sorting all of them by
// their article's mentions and cutting at maxScatterPoints gives.
func TestSalienceBound(t *testing.T) {
	for _, n := range []int{10, maxScatterPoints/2 + 7, 3 * maxScatterPoints} {
		var s salience
		type all struct {
			mentions int
			p        point
		}
		var every []all
		for i := range n {
			pts := []point{{Actor: 0, Mentions: i % 7, Name: "a"}, {Actor: 1, Mentions: 1 + i%3, Name: "b"}}
			s.add(pts)
			for _, p := range pts {
				every = append(every, all{pts[0].Mentions + pts[1].Mentions, p})
			}
		}
		if len(every) > maxScatterPoints {
			slices.SortStableFunc(every, func(a, b all) int { return cmp.Compare(b.mentions, a.mentions) })
			every = every[:maxScatterPoints]
		}
		var want []point
		for _, a := range every {
			want = append(want, a.p)
		}
		got, total := s.drawn()
		if total != 2*n || !reflect.DeepEqual(got, want) {
			t.Errorf("%d articles: %d points drawn of %d, want %d of %d", n, len(got), total, len(want), 2*n)
		}
		if s.points > maxScatterPoints+2 {
			t.Errorf("%d articles: %d points kept", n, s.points)
		}
	}
}
