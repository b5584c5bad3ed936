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
	places := seeker{names: actors}
	for _, st := range a.Actors {
		i := places.find(st.Actor)
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

// A seeker finds names in a list, looking first after the last one found:
// an article's actors come in table order (see sum), so finding them all
// costs one pass over the table, not one for each.
type seeker struct {
	names []string
	at    int
}

// find returns the index of name in names, or -1.
func (s *seeker) find(name string) int {
	if i := slices.Index(s.names[s.at:], name); i >= 0 {
		s.at += i
		return s.at
	}
	return slices.Index(s.names, name)
}
