package compare

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// Result computes the comparison. Each outlet's articles are resampled in a
// canonical order (by a hash of their ids) from the outlet's own random
// stream, derived from the seed and its name: the intervals depend on the
// set of articles, not on the order they came in, nor on the number of
// workers.
//
// The corpus's resamples are the sums of its outlets' resamples (a
// bootstrap stratified by outlet), so the rest of the corpus is the total
// less the outlet. A first pass sums the outlets' resamples and a second
// draws each outlet's again, the same draws from the same stream, to compare
// it with the rest: memory holds the resamples of the corpus, of the groups
// and of the outlets compared pair by pair, never of every outlet.
func (c *Compare) Result() Comparison {
	outs := c.store.outlets()
	res := Comparison{Config: c.cfg, Actors: c.actors, Articles: len(c.store.arts)}
	for i := range outs {
		res.points = append(res.points, outs[i].point)
	}
	e := newEngine(c, outs)
	groups, ungrouped, unknown := e.groups(c.cfg.Groups)
	pairs, unknownPairs := e.pairs()
	res.Ungrouped = ungrouped
	res.Unknown = sortedSet(append(unknown, unknownPairs...))

	e.firstPass(groups, pairs)
	for i := range outs {
		res.Outlets = append(res.Outlets, e.figures(outs[i].name, 1, len(outs[i].arts), outs[i].point, e.outletIntervals[i])...)
		res.Balance = append(res.Balance, e.balance(LevelOutlet, outs[i].name, len(outs[i].arts), outs[i].point))
	}
	for _, g := range groups {
		res.Groups = append(res.Groups, e.figures(g.name, len(g.members), g.articles, g.point, g.intervals)...)
		res.Balance = append(res.Balance, e.balance(LevelGroup, g.name, g.articles, g.point))
	}

	// Every difference as an item of 3×actors cells, then the rows in
	// actor, measure, item order.
	type item struct {
		level, versus, a, b string
		cells               []cell
	}
	var items []item
	rest := e.restCells()
	for i := range outs {
		items = append(items, item{LevelOutlet, VersusRest, outs[i].name, "", rest[i]})
	}
	pc := e.pairCells(pairs)
	for k, p := range pairs {
		items = append(items, item{LevelOutlet, VersusOutlet, outs[p[0]].name, outs[p[1]].name, pc[k]})
	}
	var gpairs [][2]int
	for x := range groups {
		for y := x + 1; y < len(groups); y++ {
			gpairs = append(gpairs, [2]int{x, y})
		}
	}
	gc := e.groupPairCells(groups, gpairs)
	for k, p := range gpairs {
		items = append(items, item{LevelGroup, VersusOutlet, groups[p[0]].name, groups[p[1]].name, gc[k]})
	}
	for j, actor := range c.actors {
		for m, measure := range Measures {
			for _, it := range items {
				x := it.cells[3*j+m]
				if math.IsNaN(x.diff) {
					continue // nothing to compare
				}
				res.Differences = append(res.Differences, Difference{
					Actor: actor, Measure: measure, Level: it.level, Versus: it.versus,
					OutletA: it.a, OutletB: it.b, Difference: x.diff, CI: x.ci, P: x.p,
				})
			}
		}
	}
	adjust(res.Differences)
	return res
}

// cell is one difference of one actor's measure.
type cell struct {
	diff float64 // NaN when either side has no figure
	ci   Interval
	p    float64
}

// engine resamples the outlets of one comparison.
type engine struct {
	s      *store
	cfg    Config
	actors []string
	nA, w  int
	outs   []outlet
	// bySize is the outlets by index, largest first: the order the
	// workers take them in, so that the last to finish are the smallest
	// (in name order, one large outlet taken last kept a core busy while
	// the other waited).
	bySize  []int
	reps    int // resamples
	workers int
	// minArticles is the fewest articles with data for a figure that an
	// interval needs: Config.MinArticles, at least MinBootstrapArticles.
	minArticles int

	// total holds the sums over the resampled outlets of their resamples,
	// one tally per resample; fixed the sum of the others' articles,
	// which are in every resample as they are.
	total           []int64
	fixed           tally
	point           tally             // every article
	support         []int             // over the resampled outlets
	outletIntervals [][]Interval      // per outlet, [actor*3+measure]
	kept            map[int][]float64 // outlets compared pair by pair: [(actor*3+measure)*reps + r]
	draws           [][]int64         // per outlet, its resamples from the first pass if kept for the second
}

func newEngine(c *Compare, outs []outlet) *engine {
	nA := len(c.actors)
	e := &engine{s: &c.store, cfg: c.cfg, actors: c.actors, nA: nA, w: tallyWidth(nA), outs: outs, reps: max(c.cfg.Resamples, 0),
		workers: c.cfg.Workers, minArticles: max(c.cfg.MinArticles, MinBootstrapArticles), fixed: newTally(nA), point: newTally(nA), support: make([]int, 3*nA)}
	if e.workers <= 0 {
		e.workers = runtime.NumCPU()
	}
	e.bySize = make([]int, len(outs))
	for i := range e.bySize {
		e.bySize[i] = i
	}
	slices.SortStableFunc(e.bySize, func(a, b int) int { return cmp.Compare(len(outs[b].arts), len(outs[a].arts)) })
	for i := range outs {
		outs[i].addTo(e.point, e.fixed, e.support)
	}
	return e
}

// addTo adds the outlet to the sums of a set of outlets (the corpus, a
// group): its figures to point, and to fixed if it is not resampled, else
// its support.
func (o *outlet) addTo(point, fixed tally, support []int) {
	point.plus(o.point)
	if !o.resampled {
		fixed.plus(o.point)
		return
	}
	for k, v := range o.support {
		support[k] += v
	}
}

// group is a group of outlets.
type group struct {
	name      string
	members   []int // indices into outs
	articles  int
	point     tally
	fixed     tally   // its outlets not resampled
	support   []int   // over its resampled outlets
	reps      []int64 // its resampled outlets' resamples summed
	mu        sync.Mutex
	intervals []Interval
}

func (e *engine) groups(cfg map[string][]string) (out []*group, ungrouped, unknown []string) {
	if cfg == nil {
		return nil, nil, nil
	}
	index := map[string]int{}
	for i := range e.outs {
		index[e.outs[i].name] = i
	}
	inGroup := make([]bool, len(e.outs))
	for _, name := range sortedKeys(cfg) {
		g := &group{name: name, point: newTally(e.nA), fixed: newTally(e.nA), support: make([]int, 3*e.nA)}
		for _, o := range cfg[name] {
			i, ok := index[o]
			if !ok {
				unknown = append(unknown, o)
				continue
			}
			inGroup[i] = true
			g.members = append(g.members, i)
		}
		// An outlet listed twice counts once: sorted and compacted rather
		// than looked for among the members at each, which grew with the
		// square of a group's outlets.
		slices.Sort(g.members)
		g.members = slices.Compact(g.members)
		for _, i := range g.members {
			g.articles += len(e.outs[i].arts)
			e.outs[i].addTo(g.point, g.fixed, g.support)
		}
		g.reps = make([]int64, e.reps*e.w)
		out = append(out, g)
	}
	for i, in := range inGroup {
		if !in {
			ungrouped = append(ungrouped, e.outs[i].name)
		}
	}
	return out, ungrouped, unknown
}

// pairs returns the pairs of outlets compared with each other, by index in
// name order: those among the cfg.Pairs largest and those named.
func (e *engine) pairs() (pairs [][2]int, unknown []string) {
	n := len(e.outs)
	k := e.cfg.Pairs
	if k < 0 || k > n {
		k = n
	}
	bySize := make([]int, n)
	for i := range bySize {
		bySize[i] = i
	}
	slices.SortStableFunc(bySize, func(a, b int) int { return cmp.Compare(len(e.outs[b].arts), len(e.outs[a].arts)) })
	largest := bySize[:k]
	slices.Sort(largest)
	seen := map[[2]int]bool{}
	for x := range largest {
		for y := x + 1; y < len(largest); y++ {
			seen[[2]int{largest[x], largest[y]}] = true
		}
	}
	index := map[string]int{}
	for i := range e.outs {
		index[e.outs[i].name] = i
	}
	for _, p := range e.cfg.Named {
		a, okA := index[p[0]]
		b, okB := index[p[1]]
		if !okA {
			unknown = append(unknown, p[0])
		}
		if !okB {
			unknown = append(unknown, p[1])
		}
		if !okA || !okB || a == b {
			continue
		}
		if a > b {
			a, b = b, a
		}
		seen[[2]int{a, b}] = true
	}
	for p := range seen {
		pairs = append(pairs, p)
	}
	slices.SortFunc(pairs, func(x, y [2]int) int {
		if c := cmp.Compare(x[0], y[0]); c != 0 {
			return c
		}
		return cmp.Compare(x[1], y[1])
	})
	return pairs, unknown
}

// workspace is one worker's scratch.
type workspace struct {
	reps  []int64   // one outlet's resamples
	total []int64   // the resamples of the outlets it drew, summed
	t     tally     // one resample's tally
	tails []float64 // slabs for tails

	// draw's scratch: how often each article was drawn, the outlet's
	// terms, its articles' statements and its columns, the terms of each
	// actor
	drawn      []int64
	terms      []term
	packed     []packedTerm
	packs      bool // the terms are in packed
	statements []int64
	cols       []column
	actorN     []int
}

func (e *engine) newWorkspace() *workspace {
	return &workspace{t: newTally(e.nA)}
}

// release hands the workspaces' resample buffers back for reuse.
func release(wss []*workspace) {
	for _, ws := range wss {
		putReps(ws.reps)
		putReps(ws.total)
		ws.reps, ws.total = nil, nil
	}
}

// repsPool recycles the buffers of resamples (resamples × tally width,
// 144 KB for 4 actors and 1,000 resamples) from one result to the next:
// the timeline computes one for each period and outlet, and allocating
// them afresh made most of its time.
var repsPool sync.Pool // of *[]int64

// getReps returns n zeroed int64s.
func getReps(n int) []int64 {
	if p, _ := repsPool.Get().(*[]int64); p != nil && cap(*p) >= n {
		s := (*p)[:n]
		clear(s)
		return s
	}
	return make([]int64, n)
}

func putReps(s []int64) {
	if s != nil {
		repsPool.Put(&s)
	}
}

// firstPass resamples every outlet: its own intervals, the corpus's and the
// groups' resamples, and the kept resamples of the outlets in pairs.
func (e *engine) firstPass(groups []*group, pairs [][2]int) {
	e.outletIntervals = make([][]Interval, len(e.outs))
	for i := range e.outletIntervals {
		e.outletIntervals[i] = noIntervals(3 * e.nA)
	}
	e.kept = map[int][]float64{}
	if e.reps == 0 {
		for _, g := range groups {
			g.intervals = noIntervals(3 * e.nA)
		}
		return
	}
	inPairs := map[int]bool{}
	for _, p := range pairs {
		inPairs[p[0]], inPairs[p[1]] = true, true
	}
	memberOf := make([][]*group, len(e.outs))
	for _, g := range groups {
		for _, i := range g.members {
			memberOf[i] = append(memberOf[i], g)
		}
	}
	var mu sync.Mutex
	e.draws = e.keptDraws()
	wss := parallel(len(e.outs), e.workers, e.newWorkspace, func(k int, ws *workspace) {
		i := e.bySize[k]
		o := &e.outs[i]
		if !o.resampled {
			return
		}
		// The corpus's resamples serve to compare an outlet with the rest,
		// which a lone outlet (a cell of the timeline) has not.
		if ws.total == nil && len(e.outs) > 1 {
			ws.total = getReps(e.reps * e.w)
		}
		reps := e.draws[i]
		if reps == nil {
			if ws.reps == nil {
				ws.reps = getReps(e.reps * e.w)
			}
			reps = ws.reps
		}
		clear(reps)
		e.draw(o, reps, ws)
		if ws.total != nil {
			for k, v := range reps {
				ws.total[k] += v
			}
		}
		for _, g := range memberOf[i] {
			g.mu.Lock()
			for k, v := range reps {
				g.reps[k] += v
			}
			g.mu.Unlock()
		}
		ivs := e.outletIntervals[i]
		var kept []float64
		if inPairs[i] {
			kept = make([]float64, 3*e.nA*e.reps)
		}
		for jm := range ivs {
			if o.support[jm] < e.minArticles {
				if kept != nil {
					for r := range e.reps {
						kept[jm*e.reps+r] = math.NaN()
					}
				}
				continue
			}
			t := newTails(e.reps, &ws.tails)
			f := figureOf(e.w, jm)
			for r := range e.reps {
				v := f.at(reps, r*e.w)
				t.add(v)
				if kept != nil {
					kept[jm*e.reps+r] = v
				}
			}
			ivs[jm] = t.interval()
		}
		if kept != nil {
			mu.Lock()
			e.kept[i] = kept
			mu.Unlock()
		}
	})
	e.sumTotal(wss)
	release(wss)
	parallel(len(groups), e.workers, e.newWorkspace, func(i int, ws *workspace) {
		g := groups[i]
		g.intervals = noIntervals(3 * e.nA)
		for r := range e.reps {
			tally(g.reps[r*e.w : (r+1)*e.w]).plus(g.fixed)
		}
		for jm := range g.intervals {
			if g.support[jm] < e.minArticles {
				continue
			}
			t := newTails(e.reps, &ws.tails)
			f := figureOf(e.w, jm)
			for r := range e.reps {
				t.add(f.at(g.reps, r*e.w))
			}
			g.intervals[jm] = t.interval()
		}
	})
}

// sumTotal sums the workers' sums of resamples into the corpus's, if
// there is more than one outlet (see firstPass).
func (e *engine) sumTotal(wss []*workspace) {
	if len(e.outs) < 2 {
		return
	}
	e.total = getReps(e.reps * e.w)
	for _, ws := range wss {
		for k, v := range ws.total {
			e.total[k] += v
		}
	}
	for k := range e.reps {
		tally(e.total[k*e.w : (k+1)*e.w]).plus(e.fixed)
	}
}

// keepDrawsBytes bounds the resamples that the first pass keeps for the
// second, which would otherwise draw them again: those of the outlets with
// the most articles, which cost the most to draw.
const keepDrawsBytes = 16 << 20

// keptDraws returns, per outlet, a buffer for its resamples if they are
// kept from the first pass to the second, else nil.
func (e *engine) keptDraws() [][]int64 {
	out := make([][]int64, len(e.outs))
	size := e.reps * e.w
	kept := 0
	for _, i := range e.bySize {
		if !e.outs[i].resampled {
			continue
		}
		kept++
		if kept*size*8 > keepDrawsBytes {
			break
		}
		out[i] = getReps(size)
	}
	return out
}

// restCells compares each outlet with the rest of the corpus, drawing each
// outlet's resamples again.
func (e *engine) restCells() [][]cell {
	out := make([][]cell, len(e.outs))
	defer func() {
		putReps(e.total)
		for _, d := range e.draws {
			putReps(d)
		}
	}()
	wss := parallel(len(e.outs), e.workers, e.newWorkspace, func(k int, ws *workspace) {
		i := e.bySize[k]
		o := &e.outs[i]
		rest := slices.Clone(e.point)
		for k, v := range o.point {
			rest[k] -= v
		}
		cells := pointCells(e.nA, o.point, rest)
		out[i] = cells
		if e.reps == 0 || !o.resampled {
			return
		}
		restSupport := func(jm int) int { return e.support[jm] - o.support[jm] }
		var ds []dist
		var jms []int
		for jm := range cells {
			if !math.IsNaN(cells[jm].diff) && o.support[jm] >= e.minArticles && restSupport(jm) >= e.minArticles {
				jms = append(jms, jm)
			}
		}
		if len(jms) == 0 {
			return
		}
		ds = newDists(len(jms), e.reps, &ws.tails)
		reps := e.draws[i]
		if reps == nil {
			if ws.reps == nil {
				ws.reps = getReps(e.reps * e.w)
			}
			reps = ws.reps
			clear(reps)
			e.draw(o, reps, ws)
		}
		figs := make([]figure, len(jms))
		for d, jm := range jms {
			figs[d] = figureOf(e.w, jm)
		}
		for r := range e.reps {
			own := tally(reps[r*e.w : (r+1)*e.w])
			total := e.total[r*e.w : (r+1)*e.w]
			for k := range ws.t {
				ws.t[k] = total[k] - own[k]
			}
			for d, f := range figs {
				ds[d].add(f.at(reps, r*e.w) - f.at(ws.t, 0))
			}
		}
		for d, jm := range jms {
			cells[jm].ci, cells[jm].p = ds[d].result()
		}
	})
	release(wss)
	return out
}

// pairCells compares the outlets of each pair from their kept resamples.
func (e *engine) pairCells(pairs [][2]int) [][]cell {
	out := make([][]cell, len(pairs))
	parallel(len(pairs), e.workers, func() *workspace { return &workspace{} }, func(k int, ws *workspace) {
		a, b := &e.outs[pairs[k][0]], &e.outs[pairs[k][1]]
		cells := pointCells(e.nA, a.point, b.point)
		out[k] = cells
		ka, kb := e.kept[pairs[k][0]], e.kept[pairs[k][1]]
		if ka == nil || kb == nil {
			return
		}
		for jm := range cells {
			if math.IsNaN(cells[jm].diff) || a.support[jm] < e.minArticles || b.support[jm] < e.minArticles {
				continue
			}
			ra, rb := ka[jm*e.reps:(jm+1)*e.reps], kb[jm*e.reps:(jm+1)*e.reps]
			d := newDist(e.reps, &ws.tails)
			for r := range ra {
				d.add(ra[r] - rb[r])
			}
			cells[jm].ci, cells[jm].p = d.result()
		}
	})
	return out
}

// groupPairCells compares the groups of each pair from their resamples.
func (e *engine) groupPairCells(groups []*group, pairs [][2]int) [][]cell {
	out := make([][]cell, len(pairs))
	parallel(len(pairs), e.workers, func() *workspace { return &workspace{} }, func(k int, ws *workspace) {
		a, b := groups[pairs[k][0]], groups[pairs[k][1]]
		cells := pointCells(e.nA, a.point, b.point)
		out[k] = cells
		if e.reps == 0 {
			return
		}
		for jm := range cells {
			if math.IsNaN(cells[jm].diff) || a.support[jm] < e.minArticles || b.support[jm] < e.minArticles {
				continue
			}
			d := newDist(e.reps, &ws.tails)
			f := figureOf(e.w, jm)
			for r := range e.reps {
				d.add(f.at(a.reps, r*e.w) - f.at(b.reps, r*e.w))
			}
			cells[jm].ci, cells[jm].p = d.result()
		}
	})
	return out
}

// pointCells returns the differences of a's figures less b's, without
// intervals.
func pointCells(nA int, a, b tally) []cell {
	out := make([]cell, 3*nA)
	for jm := range out {
		out[jm] = cell{diff: a.estimate(jm/3, jm%3) - b.estimate(jm/3, jm%3), ci: NoInterval(), p: math.NaN()}
	}
	return out
}

// figures returns the rows of one outlet or group.
func (e *engine) figures(name string, outlets, articles int, t tally, ivs []Interval) []OutletActor {
	out := make([]OutletActor, e.nA)
	for j := range out {
		x := t[perActor*j:]
		out[j] = OutletActor{
			Outlet: name, Actor: e.actors[j], Outlets: outlets, Articles: articles,
			Mentions: int(x[tMentions]), Quotes: int(x[tQuotes]),
			Sentiment: t.estimate(j, 0), SentimentCI: ivs[3*j],
			MentionShare: t.estimate(j, 1), MentionShareCI: ivs[3*j+1],
			VoiceShare: t.estimate(j, 2), VoiceShareCI: ivs[3*j+2],
		}
	}
	return out
}

func (e *engine) balance(level, name string, articles int, t tally) Balance {
	b := BalanceOf(t.actors(e.nA), int(t.statements()))
	b.Level, b.ID, b.Outlet, b.Articles = level, name, name, articles
	if level == LevelGroup {
		b.Outlet = ""
	}
	return b
}

func noIntervals(n int) []Interval {
	out := make([]Interval, n)
	for i := range out {
		out[i] = NoInterval()
	}
	return out
}

func sortedSet(s []string) []string {
	slices.Sort(s)
	return slices.Compact(s)
}

// parallel calls f(i) for every i in [0, n) on workers goroutines, each
// with its own workspace from newW, and returns the workspaces. A panic in
// f is raised again in the caller's goroutine, where the command can
// recover it, instead of ending the process from a worker.
func parallel[W any](n, workers int, newW func() *W, f func(i int, w *W)) []*W {
	workers = max(min(workers, n), 1)
	var next atomic.Int64
	var wg sync.WaitGroup
	var failed atomic.Value
	wss := make([]*W, workers)
	for g := range workers {
		wss[g] = newW()
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					failed.CompareAndSwap(nil, panicked{r})
					next.Store(int64(n)) // the others stop too
				}
			}()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i, wss[g])
			}
		})
	}
	wg.Wait()
	if p, ok := failed.Load().(panicked); ok {
		panic(p.value)
	}
	return wss
}

// panicked holds a worker's panic value (atomic.Value takes one type).
type panicked struct{ value any }
