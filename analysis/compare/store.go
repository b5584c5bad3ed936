package compare

import (
	"cmp"
	"hash/fnv"
	"math"
	"slices"
)

// toneScale is the unit of the kept sentiment sums, which are integers
// (in 1/toneScale) so that sums come out the same in any order: the
// corpus's resampled totals are added up by several workers, and the rest
// of the corpus is the total less one outlet, exactly.
const toneScale = 1 << 28

// stored is an article as the comparison keeps it: 24 bytes, and 24 more
// per actor it mentions or quotes (in store.counts).
type stored struct {
	key        uint64 // FNV-1a of the id: the canonical order within the outlet
	outlet     uint32 // index into store.names
	statements uint32
	first, n   uint32 // its counts are store.counts[first : first+n]
}

// count is one actor's counts in one article.
type count struct {
	tone                    int64 // summed sentiment × toneScale
	mentions, quotes, toneN uint32
	actor                   uint32
}

// store holds the articles compactly: outlet names interned, the counts of
// actors an article has none of left out.
type store struct {
	nActors int
	ids     map[string]uint32 // outlet name -> index into names
	names   []string
	arts    []stored
	counts  []count
}

func newStore(nActors int) store {
	return store{nActors: nActors, ids: map[string]uint32{}}
}

func (s *store) add(a *ArticleSummary) {
	o, ok := s.ids[a.Outlet]
	if !ok {
		o = uint32(len(s.names))
		s.ids[a.Outlet] = o
		s.names = append(s.names, a.Outlet)
	}
	h := fnv.New64a()
	h.Write([]byte(a.ID))
	st := stored{key: h.Sum64(), outlet: o, statements: clamp(a.Statements), first: uint32(len(s.counts))}
	for j, x := range a.Actors {
		if x == (ArticleActor{}) {
			continue
		}
		s.counts = append(s.counts, countOf(j, x))
	}
	st.n = uint32(len(s.counts)) - st.first
	s.arts = append(s.arts, st)
}

// countOf returns the counts kept of actor j in an article.
func countOf(j int, x ArticleActor) count {
	return count{
		tone:     int64(math.Round(x.SentimentSum * toneScale)),
		mentions: clamp(x.Mentions), quotes: clamp(x.Quotes), toneN: clamp(x.SentimentN),
		actor: uint32(j),
	}
}

func clamp(n int) uint32 { return uint32(min(max(n, 0), math.MaxUint32)) }

// outlet is one outlet's articles, after sorting.
type outlet struct {
	name      string
	arts      []stored // in canonical order
	point     tally    // the sums over its articles
	support   []int    // [actor*3+measure]: its articles with data for the figure
	resampled bool     // it has articles enough to resample
}

// outlets sorts the articles by outlet name, then by key (ties in the
// order added), and returns the outlets in name order.
func (s *store) outlets() []outlet {
	rank := make([]uint32, len(s.names))
	order := make([]int, len(s.names))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(s.names[a], s.names[b]) })
	for r, i := range order {
		rank[i] = uint32(r)
	}
	slices.SortStableFunc(s.arts, func(a, b stored) int {
		if c := cmp.Compare(rank[a.outlet], rank[b.outlet]); c != 0 {
			return c
		}
		return cmp.Compare(a.key, b.key)
	})
	out := make([]outlet, len(order))
	for r, i := range order {
		out[r].name = s.names[i]
	}
	start := 0
	for i := range s.arts {
		if i+1 == len(s.arts) || s.arts[i+1].outlet != s.arts[i].outlet {
			o := &out[rank[s.arts[i].outlet]]
			o.arts = s.arts[start : i+1]
			start = i + 1
		}
	}
	for i := range out {
		o := &out[i]
		o.point = newTally(s.nActors)
		o.support = make([]int, 3*s.nActors)
		for k := range o.arts {
			a := &o.arts[k]
			s.addTo(o.point, a)
			mentions := false
			for _, c := range s.counts[a.first : a.first+a.n] {
				if c.toneN > 0 {
					o.support[3*int(c.actor)]++
				}
				mentions = mentions || c.mentions > 0
			}
			for j := range s.nActors {
				if mentions {
					o.support[3*j+1]++
				}
				if a.statements > 0 {
					o.support[3*j+2]++
				}
			}
		}
		o.resampled = len(o.arts) >= MinBootstrapArticles
	}
	return out
}

// tally sums articles: per actor mentions, quotes, summed tone and mentions
// with a tone, then all statements and all actor mentions.
type tally []int64

const (
	tMentions = iota
	tQuotes
	tTone
	tToneN
	perActor
)

func tallyWidth(nActors int) int { return perActor*nActors + 2 }

func newTally(nActors int) tally { return make(tally, tallyWidth(nActors)) }

func (t tally) statements() int64 { return t[len(t)-2] }
func (t tally) mentions() int64   { return t[len(t)-1] }

// addTo adds article a to t.
func (s *store) addTo(t tally, a *stored) {
	for _, c := range s.counts[a.first : a.first+a.n] {
		t.addCount(c)
	}
	t[len(t)-2] += int64(a.statements)
}

// addCount adds one actor's counts in an article to t.
func (t tally) addCount(c count) {
	x := t[perActor*int(c.actor):]
	x[tMentions] += int64(c.mentions)
	x[tQuotes] += int64(c.quotes)
	x[tTone] += c.tone
	x[tToneN] += int64(c.toneN)
	t[len(t)-1] += int64(c.mentions)
}

// plus adds u to t.
func (t tally) plus(u tally) {
	for i, v := range u {
		t[i] += v
	}
}

// estimate returns the figure of Measures[m] for actor j.
func (t tally) estimate(j, m int) float64 {
	x := t[perActor*j:]
	switch m {
	case 0:
		return ratio(float64(x[tTone])/toneScale, x[tToneN])
	case 1:
		return ratio(float64(x[tMentions]), t.mentions())
	default:
		return ratio(float64(x[tQuotes]), t.statements())
	}
}

// figure is where a tally of width w holds the numerator and the
// denominator of Measures[jm%3] for actor jm/3, and the numerator's scale
// (1/toneScale or 1): estimate without its switch, for the loops over
// resamples.
type figure struct {
	num, den int
	scale    float64
}

func figureOf(w, jm int) figure {
	x := perActor * (jm / 3)
	switch jm % 3 {
	case 0:
		return figure{x + tTone, x + tToneN, 1.0 / toneScale}
	case 1:
		return figure{x + tMentions, w - 1, 1}
	default:
		return figure{x + tQuotes, w - 2, 1}
	}
}

// at returns the figure of the tally at reps[base:], the same as its
// estimate: the scale is a power of two, by which a product is exact, as
// the quotient by its inverse is.
func (f figure) at(reps []int64, base int) float64 {
	return ratio(float64(reps[base+f.num])*f.scale, reps[base+f.den])
}

// actors returns the tally as per-actor counts, for BalanceOf.
func (t tally) actors(nActors int) []ArticleActor {
	out := make([]ArticleActor, nActors)
	for j := range out {
		x := t[perActor*j:]
		out[j] = ArticleActor{Mentions: int(x[tMentions]), Quotes: int(x[tQuotes]),
			SentimentSum: float64(x[tTone]) / toneScale, SentimentN: int(x[tToneN])}
	}
	return out
}

func ratio(x float64, n int64) float64 {
	if n == 0 {
		return math.NaN()
	}
	return x / float64(n)
}
