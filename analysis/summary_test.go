package analysis

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/slant-news/slant/analysis/tone"

	"github.com/slant-news/slant/analysis/compare"
)

func TestSummarize(t *testing.T) {
	a := &Article{Actors: []ActorStats{
		{Actor: "Europe", Mentions: 2, Sentences: 2, Sentiment: 0.25, Positive: 1, Neutral: 1},
		{Actor: "Nobody", Mentions: 9}, // not in the table: ignored
	}}
	a.ID, a.Outlet, a.Words = "id", "O", 12
	got := a.Summary([]string{"Ukraine", "Europe"})
	want := compare.ArticleSummary{ID: "id", Outlet: "O", Words: 12, Actors: []compare.ArticleActor{{}, {Mentions: 2, SentimentSum: 0.5, SentimentN: 2}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Summary = %+v, want %+v", got, want)
	}
}

// TestSeeker: names are found in any order, those in order in one pass.
func TestSeeker(t *testing.T) {
	s := seeker{names: []string{"a", "b", "c", "d"}}
	var got []int
	for _, n := range []string{"b", "d", "a", "x", "c", "c"} {
		got = append(got, s.find(n))
	}
	if want := []int{1, 3, 0, -1, 2, 2}; !reflect.DeepEqual(got, want) {
		t.Errorf("find = %v, want %v", got, want)
	}
}

// BenchmarkSummaryManyActors sums up an article that names 1,000 actors of
// a table of n, as the comparison and the outlets' tally do: ns/op grows
// with n, not with n times the article's actors, when each actor is looked
// for after the last one.
func BenchmarkSummaryManyActors(b *testing.B) {
	for _, n := range []int{2000, 20000} {
		names := make([]string, n)
		for i := range names {
			names[i] = fmt.Sprintf("Actor %d", i)
		}
		a := &Article{}
		for i := 0; i < n; i += n / 1000 {
			a.Actors = append(a.Actors, ActorStats{Actor: names[i], Mentions: 1})
		}
		b.Run(fmt.Sprintf("actors=%d", n), func(b *testing.B) {
			o := NewOutlets(names, tone.Levels{})
			for b.Loop() {
				a.Summary(names)
				o.Add(a)
			}
		})
	}
}
