package analysis

import "slices"

// Summary reduces an analysed article to what the outlet comparison needs,
// for the actors given (the table's, in order).
func (a *Article) Summary(actors []string) ArticleSummary {
	s := ArticleSummary{ID: a.ID, Outlet: a.Outlet, Source: a.Source, Words: a.Words, Actors: make([]ArticleActor, len(actors)), Statements: len(a.Quotes)}
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
		s.Actors[i] = ArticleActor{
			Mentions: st.Mentions,
			Quotes:   st.Quotes,
		}
		if st.Mentions > 0 {
			s.Actors[i].SentimentSum = st.Sentiment * float64(st.Mentions)
			s.Actors[i].SentimentN = st.Mentions
		}
	}
	return s
}
