package analysis

import (
	"reflect"
	"testing"

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
