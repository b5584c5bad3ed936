package analysis

import (
	"slices"

	"github.com/slant-news/slant/analysis/compare"
)

// Summary reduces an analysed article to what the outlet comparison needs,
// for the actors given (the table's, in order).
func (a *Article) Summary(actors []string) compare.ArticleSummary {
	s := compare.ArticleSummary{ID: a.ID, Outlet: a.Outlet, Source: a.Source, Words: a.Words, Actors: make([]compare.ArticleActor, len(actors)), Statements: len(a.Quotes)}
	for _, q := range a.Quotes {
		if len(q.Actors) == 0 {
			s.OtherQuotes++
		}
	}
	for _, st := range a.Actors {
		i := slices.Index(actors, st.Actor)
		if i < 0 {
			continue
		}
		s.Actors[i] = compare.ArticleActor{
			Mentions: st.Mentions,
			Quotes:   st.Quotes,
		}
		if n := st.scored(); n > 0 {
			s.Actors[i].SentimentSum = st.Sentiment * float64(n)
			s.Actors[i].SentimentN = n
		}
	}
	return s
}
