package analysis

import (
	"math"
	"slices"

	"github.com/slant-news/slant/analysis/tone"
)

// OutletStats sums up one actor across one outlet's articles.
type OutletStats struct {
	Outlet         string
	Actor          string
	OutletArticles int // articles from the outlet
	Articles       int // of those, how many mention the actor
	Mentions       int
	Sentences      int     // sentences that mention the actor
	Sentiment      float64 // mean sentiment toward all its scored mentions, from the neutral level (see ActorStats); NaN when there are none
	// Tone and Label are as ActorStats's over all the outlet's mentions
	// of the actor; Tone is NaN when there are none.
	Tone       float64
	Label      int
	weight     float64 // of the mentions in Tone, a sum until Stats
	Positive   int     // mentions labelled positive
	Neutral    int
	Negative   int
	Quotes     int     // statements whose speakers include the actor
	VoiceShare float64 // Quotes / all statements in the outlet's articles; NaN when there are none
}

// Outlets adds up per-outlet figures one article at a time, so that a corpus
// never has to be held in memory. The zero value is not ready: use NewOutlets.
type Outlets struct {
	actors []string
	stats  map[string][]OutletStats // by outlet, one per actor in table order
	quotes map[string]int           // all statements by outlet, voices of no actor included
	levels tone.Levels              // the scorer's, which made the articles' (see Article.Levels)
}

// NewOutlets returns an empty tally for the given actors, whose tone the
// scorer's levels read (see Analyzer.Levels).
func NewOutlets(actors []string, levels tone.Levels) *Outlets {
	return &Outlets{actors: actors, stats: map[string][]OutletStats{}, quotes: map[string]int{}, levels: levels}
}

// Add counts one analysed article.
func (o *Outlets) Add(a *Article) { o.AddCounts(a.Outlet, a.Actors, len(a.Quotes)) }

// AddCounts counts one article of the outlet from its actors' figures and
// its number of statements, as Add does from the article.
func (o *Outlets) AddCounts(outlet string, actors []ActorStats, statements int) {
	st, ok := o.stats[outlet]
	if !ok {
		st = make([]OutletStats, len(o.actors))
		for i, actor := range o.actors {
			st[i] = OutletStats{Outlet: outlet, Actor: actor}
		}
		o.stats[outlet] = st
	}
	for i := range st {
		st[i].OutletArticles++
	}
	o.quotes[outlet] += statements
	places := seeker{names: o.actors}
	for _, as := range actors {
		i := places.find(as.Actor)
		s := &st[i]
		if as.Mentions > 0 {
			s.Articles++
		}
		s.Mentions += as.Mentions
		s.Sentences += as.Sentences
		if n := as.scored(); n > 0 { // an article not in English has none
			s.Sentiment += as.Sentiment * float64(n) // a sum until Stats
			w := o.levels.Weight(as.TitleMentions, as.LeadMentions, as.Mentions-as.TitleMentions-as.LeadMentions)
			s.Tone += as.Tone * w // a sum until Stats
			s.weight += w
		}
		s.Positive += as.Positive
		s.Neutral += as.Neutral
		s.Negative += as.Negative
		s.Quotes += as.Quotes
	}
}

// Stats returns one row per outlet and actor, outlets sorted by name and
// actors in table order; actors an outlet never mentions get zero counts.
func (o *Outlets) Stats() []OutletStats {
	names := make([]string, 0, len(o.stats))
	for name := range o.stats {
		names = append(names, name)
	}
	slices.Sort(names)
	var out []OutletStats
	for _, name := range names {
		for _, s := range o.stats[name] {
			s.Sentiment = mean(s.Sentiment, s.Positive+s.Neutral+s.Negative) // the scored mentions
			if s.weight > 0 {
				s.Tone /= s.weight
				s.Label = o.levels.Read(s.Tone, s.weight)
			} else {
				s.Tone = math.NaN()
			}
			s.VoiceShare = mean(float64(s.Quotes), o.quotes[name])
			out = append(out, s)
		}
	}
	return out
}
