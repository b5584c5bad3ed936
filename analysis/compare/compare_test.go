package compare

import (
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

func near(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) < 1e-9
}

func TestEvenness(t *testing.T) {
	tests := []struct {
		name   string
		counts []float64
		want   float64
	}{
		{"all equal", []float64{3, 3, 3, 3}, 1},
		{"one voice", []float64{0, 5, 0, 0}, 0},
		{"two of four", []float64{1, 1, 0, 0}, 0.5}, // log 2 / log 4
		{"nothing", []float64{0, 0, 0}, math.NaN()},
		{"one category", []float64{7}, math.NaN()},
		{"no categories", nil, math.NaN()},
	}
	for _, tt := range tests {
		if got := Evenness(tt.counts); !near(got, tt.want) {
			t.Errorf("%s: Evenness(%v) = %v, want %v", tt.name, tt.counts, got, tt.want)
		}
	}
}

func TestPercentile95(t *testing.T) {
	seq := make([]float64, 41) // 0, 1, ..., 40
	for i := range seq {
		seq[i] = float64(40 - i) // unsorted on purpose
	}
	tests := []struct {
		name   string
		values []float64
		want   Interval
	}{
		{"sequence", seq, Interval{1, 39}},
		{"constant", []float64{2, 2, 2}, Interval{2, 2}},
		{"NaN left out", []float64{math.NaN(), 1, 1, math.NaN()}, Interval{1, 1}},
		{"all NaN", []float64{math.NaN()}, NoInterval()},
		{"empty", nil, NoInterval()},
		{"interpolated", []float64{0, 1}, Interval{0.025, 0.975}},
	}
	for _, tt := range tests {
		got := percentile95(tt.values)
		if !near(got.Low, tt.want.Low) || !near(got.High, tt.want.High) {
			t.Errorf("%s: percentile95 = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestBalance(t *testing.T) {
	tests := []struct {
		name       string
		actors     []ArticleActor
		statements int
		want       Balance
	}{
		{
			name: "one voice, two tones",
			actors: []ArticleActor{
				{Mentions: 2, Quotes: 4, SentimentSum: 1, SentimentN: 2},
				{Mentions: 2, SentimentSum: -0.6, SentimentN: 2},
			},
			statements: 4,
			want:       Balance{Voice: 0, Mention: 1, SentimentGap: 0.8, Mentions: 4, Quotes: 4},
		},
		{
			name:   "no quotes, one tone",
			actors: []ArticleActor{{Mentions: 3, SentimentSum: 0.3, SentimentN: 1}, {}},
			want:   Balance{Voice: math.NaN(), Mention: 0, SentimentGap: math.NaN(), Mentions: 3},
		},
		{
			name:       "statements by others count as quotes but not in the balance",
			actors:     []ArticleActor{{Mentions: 1, Quotes: 1}, {Mentions: 1, Quotes: 1}},
			statements: 4,
			want:       Balance{Voice: 1, Mention: 1, SentimentGap: math.NaN(), Mentions: 2, Quotes: 4},
		},
	}
	for _, tt := range tests {
		got := BalanceOf(tt.actors, tt.statements)
		if !near(got.Voice, tt.want.Voice) || !near(got.Mention, tt.want.Mention) ||
			!near(got.SentimentGap, tt.want.SentimentGap) ||
			got.Mentions != tt.want.Mentions || got.Quotes != tt.want.Quotes {
			t.Errorf("%s: balance = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

// article makes a summary of two actors: A with the given tone over two
// sentences and mentions, B neutral with one mention.
func article(id, outlet string, tone float64, mentionsA, quotesA int) ArticleSummary {
	return ArticleSummary{ID: id, Outlet: outlet, Statements: quotesA + 1, Actors: []ArticleActor{
		{Mentions: mentionsA, Quotes: quotesA, SentimentSum: 2 * tone, SentimentN: 2},
		{Mentions: 1, Quotes: 1, SentimentN: 1},
	}}
}

func TestCompareEstimates(t *testing.T) {
	c := New([]string{"A", "B"}, Config{Pairs: DefaultPairs}) // no resamples
	c.Add(article("x1", "X", 0.5, 3, 1))
	c.Add(article("y1", "Y", -0.5, 1, 0))
	c.Add(article("x2", "X", 0.1, 1, 3))
	res := c.Result()
	if len(res.Outlets) != 4 {
		t.Fatalf("%d outlet rows, want 4", len(res.Outlets))
	}
	x := res.Outlets[0] // X, A
	if x.Outlet != "X" || x.Actor != "A" || x.Articles != 2 || x.Mentions != 4 || x.Quotes != 4 {
		t.Errorf("X/A = %+v", x)
	}
	if !near(x.Sentiment, 0.3) || !near(x.MentionShare, 4.0/6) || !near(x.VoiceShare, 4.0/6) {
		t.Errorf("X/A figures = %v %v %v, want 0.3 0.667 0.667", x.Sentiment, x.MentionShare, x.VoiceShare)
	}
	if x.SentimentCI.OK() {
		t.Errorf("no resamples, yet an interval %v", x.SentimentCI)
	}
	if len(res.Balance) != 2 || res.Balance[0].ID != "X" || res.Balance[1].ID != "Y" || res.Balance[0].Articles != 2 {
		t.Errorf("balance = %+v, want X and Y", res.Balance)
	}
	// Y/B has a tone of 0 and X/B too: a difference of 0 is still written.
	var got []string
	for _, d := range res.Differences {
		if d.Actor == "A" && d.Measure == MeasureSentiment {
			got = append(got, d.Versus+" "+d.OutletA+"-"+d.OutletB)
			if !near(d.Difference, 0.8) && !near(d.Difference, -0.8) || d.CI.OK() {
				t.Errorf("difference = %+v, want ±0.8 without interval", d)
			}
		}
	}
	// X against the rest (Y), Y against the rest (X), then the pair.
	if want := []string{"rest X-", "rest Y-", "outlet X-Y"}; !reflect.DeepEqual(got, want) {
		t.Errorf("sentiment differences of A: %q, want %q", got, want)
	}
}

// simulated makes n articles of an outlet whose tone toward actor A is
// drawn around mean.
func simulated(rng *rand.Rand, outlet string, n int, mean float64) []ArticleSummary {
	out := make([]ArticleSummary, n)
	for i := range out {
		out[i] = article(outlet, outlet, mean+0.2*rng.NormFloat64(), 1+rng.IntN(5), rng.IntN(3))
	}
	return out
}

func TestCompareBootstrap(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	warm := simulated(rng, "Warm", 30, 0.4)
	cold := simulated(rng, "Cold", 30, -0.4)
	warm2 := simulated(rng, "Warm too", 30, 0.4)
	single := simulated(rng, "Single", 1, 0)

	run := func(cfg Config, sets ...[]ArticleSummary) Comparison {
		c := New([]string{"A", "B"}, cfg)
		for _, set := range sets {
			for _, a := range set {
				c.Add(a)
			}
		}
		return c.Result()
	}
	cfg := Config{Resamples: 500, Seed: 7, Pairs: DefaultPairs}
	res := run(cfg, warm, cold, warm2, single)

	get := func(res Comparison, outlet, actor string) OutletActor {
		for _, o := range res.Outlets {
			if o.Outlet == outlet && o.Actor == actor {
				return o
			}
		}
		t.Fatalf("no row for %s/%s", outlet, actor)
		return OutletActor{}
	}
	for _, name := range []string{"Warm", "Cold"} {
		o := get(res, name, "A")
		if !o.SentimentCI.OK() || o.SentimentCI.Low > o.Sentiment || o.SentimentCI.High < o.Sentiment {
			t.Errorf("%s: interval %v does not hold the estimate %v", name, o.SentimentCI, o.Sentiment)
		}
		if o.SentimentCI.High-o.SentimentCI.Low > 0.4 {
			t.Errorf("%s: interval %v too wide for 30 articles", name, o.SentimentCI)
		}
	}
	if iv := get(res, "Single", "A").SentimentCI; iv.OK() {
		t.Errorf("one article, yet an interval %v", iv)
	}
	// B has a constant tone of 0: the interval has no width.
	if iv := get(res, "Warm", "B").SentimentCI; iv != (Interval{0, 0}) {
		t.Errorf("constant tone: interval %v, want [0, 0]", iv)
	}

	diff := func(res Comparison, a, b, actor, measure string) Difference {
		for _, d := range res.Differences {
			if d.OutletA == a && d.OutletB == b && d.Actor == actor && d.Measure == measure {
				return d
			}
		}
		t.Fatalf("no difference %s-%s %s %s", a, b, actor, measure)
		return Difference{}
	}
	tests := []struct {
		a, b        string
		significant bool
	}{
		{"Cold", "Warm", true},
		{"Cold", "Warm too", true},
		{"Warm", "Warm too", false},
		{"Cold", "Single", false}, // no interval at all
	}
	for _, tt := range tests {
		d := diff(res, tt.a, tt.b, "A", MeasureSentiment)
		if d.CI.ExcludesZero() != tt.significant {
			t.Errorf("%s - %s: difference %v, interval %v: significant = %v, want %v",
				tt.a, tt.b, d.Difference, d.CI, !tt.significant, tt.significant)
		}
	}

	// Same seed, same intervals; and an outlet's intervals do not depend on
	// which other outlets are in the corpus.
	if again := run(cfg, warm, cold, warm2, single); !reflect.DeepEqual(comparable(again), comparable(res)) {
		t.Error("two runs with the same seed differ")
	}
	alone := run(cfg, warm)
	if a, b := get(alone, "Warm", "A").SentimentCI, get(res, "Warm", "A").SentimentCI; a != b {
		t.Errorf("Warm's interval changed with the other outlets: %v vs %v", a, b)
	}
	other := run(Config{Resamples: 500, Seed: 8}, warm)
	if a, b := get(alone, "Warm", "A").SentimentCI, get(other, "Warm", "A").SentimentCI; a == b {
		t.Error("another seed, yet the same interval")
	}
}

// comparable replaces NaN, which never equals itself, for DeepEqual.
func comparable(c Comparison) Comparison {
	fix := func(f *float64) {
		if math.IsNaN(*f) {
			*f = -999
		}
	}
	for i := range c.Outlets {
		o := &c.Outlets[i]
		for _, f := range []*float64{&o.Sentiment, &o.MentionShare, &o.VoiceShare,
			&o.SentimentCI.Low, &o.SentimentCI.High, &o.MentionShareCI.Low, &o.MentionShareCI.High,
			&o.VoiceShareCI.Low, &o.VoiceShareCI.High} {
			fix(f)
		}
	}
	for i := range c.Balance {
		b := &c.Balance[i]
		fix(&b.Voice)
		fix(&b.Mention)
		fix(&b.SentimentGap)
	}
	for i := range c.Differences {
		fix(&c.Differences[i].CI.Low)
		fix(&c.Differences[i].CI.High)
		fix(&c.Differences[i].P)
		fix(&c.Differences[i].Q)
	}
	return c
}

// An outlet needs two articles with data for a figure, not just two
// articles: else every resample with the figure has the same value.
func TestCompareSupport(t *testing.T) {
	c := New([]string{"A", "B"}, Config{Resamples: 200, Seed: 1})
	c.Add(ArticleSummary{ID: "1", Outlet: "O", Actors: []ArticleActor{{Mentions: 2, SentimentSum: 0.5, SentimentN: 1}, {Mentions: 1}}})
	c.Add(ArticleSummary{ID: "2", Outlet: "O", Actors: []ArticleActor{{}, {Mentions: 3}}})
	c.Add(ArticleSummary{ID: "3", Outlet: "O", Actors: []ArticleActor{{}, {Mentions: 1, Quotes: 1}}})
	res := c.Result()
	a, b := res.Outlets[0], res.Outlets[1]
	tests := []struct {
		name string
		iv   Interval
		want bool
	}{
		{"A's tone: one article with a sentence", a.SentimentCI, false},
		{"A's mention share: three articles with mentions", a.MentionShareCI, true},
		{"B's tone: no sentence at all", b.SentimentCI, false},
		{"B's voice share: one article with a statement", b.VoiceShareCI, false},
	}
	for _, tt := range tests {
		if tt.iv.OK() != tt.want {
			t.Errorf("%s: interval %v, want one: %v", tt.name, tt.iv, tt.want)
		}
	}
}

// sortedPercentile95 is percentile95 by its definition: sort the finite
// values and interpolate.
func sortedPercentile95(values []float64) Interval {
	var xs []float64
	for _, v := range values {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			xs = append(xs, v)
		}
	}
	if len(xs) == 0 {
		return NoInterval()
	}
	slices.Sort(xs)
	q := func(p float64) float64 {
		h := p * float64(len(xs)-1)
		lo := int(math.Floor(h))
		if lo+1 >= len(xs) {
			return xs[len(xs)-1]
		}
		return xs[lo] + (h-float64(lo))*(xs[lo+1]-xs[lo])
	}
	return Interval{q(0.025), q(0.975)}
}

// sameBits compares intervals bit for bit: NaN equals NaN, 0 not -0.
func sameBits(a, b Interval) bool {
	return math.Float64bits(a.Low) == math.Float64bits(b.Low) && math.Float64bits(a.High) == math.Float64bits(b.High)
}

// TestPercentile95Sorted checks that keeping the ends of the values gives
// exactly what sorting them all gives: ties, signed zeros, values left out
// and all.
func TestPercentile95Sorted(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	notFinite := []float64{math.NaN(), math.Inf(1), math.Inf(-1)}
	tests := []struct {
		name  string
		value func(i, n int) float64
	}{
		{"normal", func(int, int) float64 { return rng.NormFloat64() }},
		{"many ties", func(_, n int) float64 { return float64(rng.IntN(max(1, n/20))) / 7 }},
		{"signed zeros", func(int, int) float64 { return []float64{0, math.Copysign(0, -1), 1, -1}[rng.IntN(4)] }},
		{"a third not finite", func(int, int) float64 {
			if rng.IntN(3) == 0 {
				return notFinite[rng.IntN(3)]
			}
			return rng.NormFloat64()
		}},
		{"mostly NaN", func(int, int) float64 {
			if rng.IntN(20) > 0 {
				return math.NaN()
			}
			return rng.NormFloat64()
		}},
		{"all NaN", func(int, int) float64 { return math.NaN() }},
		{"ascending", func(i, _ int) float64 { return float64(i) }},
		// The values a selection samples are the extremes: its bound from
		// them leaves out most of the end.
		{"sample unlike the rest", func(i, n int) float64 {
			if n >= sampleSize && i%(n/sampleSize) == 0 {
				return float64(i%2*2-1) * float64(1000+i)
			}
			return rng.NormFloat64()
		}},
		{"descending", func(i, _ int) float64 { return -float64(i) }},
		// The bounds of the two ends meet: each end is taken on its own.
		{"all equal", func(int, int) float64 { return 0.5 }},
		{"mostly equal", func(int, int) float64 { return float64(rng.IntN(40)/39) / 3 }},
	}
	sizes := []int{999, 1000, 1001, 2500, 10000}
	for n := range 120 {
		sizes = append(sizes, n)
	}
	for _, tt := range tests {
		for _, n := range sizes {
			values := make([]float64, n)
			for i := range values {
				values[i] = tt.value(i, n)
			}
			want := sortedPercentile95(values)
			if got := percentile95(values); !sameBits(got, want) {
				t.Errorf("%s, n=%d: percentile95 = %v, sorting gives %v", tt.name, n, got, want)
			}
		}
	}
}

// TestDistSorted checks a difference's interval against sorting the
// differences, and its p-value against counting them, with one scratch
// slice over streams of every length.
func TestDistSorted(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var scratch []float64
	for _, n := range []int{1000, 2, 3, 41, 1000, 5000, 7} {
		diffs := make([]float64, n)
		d := newDist(n, &scratch)
		le, ge, finite := 0, 0, 0
		for i := range n {
			diffs[i] = rng.NormFloat64() + 0.5 - float64(rng.IntN(10))/10
			if rng.IntN(10) == 0 {
				diffs[i] = math.NaN() // a resample without the figure
			}
			if rng.IntN(20) == 0 {
				diffs[i] = 0
			}
			d.add(diffs[i])
			if !math.IsNaN(diffs[i]) {
				finite++
				if diffs[i] <= 0 {
					le++
				}
				if diffs[i] >= 0 {
					ge++
				}
			}
		}
		want := sortedPercentile95(diffs)
		got, p := d.result()
		if !sameBits(got, want) {
			t.Errorf("n=%d: interval = %v, sorting gives %v", n, got, want)
		}
		wantP := min(1, 2*float64(min(le, ge)+1)/float64(finite+1))
		if p != wantP {
			t.Errorf("n=%d: p = %v, want %v", n, p, wantP)
		}
	}
}

func TestAdjust(t *testing.T) {
	// R: p.adjust(c(0.01, 0.04, 0.03, 0.2), "BH") = 0.04 0.0533 0.0533 0.2
	ds := []Difference{{P: 0.01}, {P: 0.04}, {P: math.NaN()}, {P: 0.03}, {P: 0.2}}
	adjust(ds)
	want := []float64{0.04, 0.04 * 4 / 3, math.NaN(), 0.04 * 4 / 3, 0.2}
	for i, d := range ds {
		if !near(d.Q, want[i]) {
			t.Errorf("row %d: q = %v, want %v", i, d.Q, want[i])
		}
	}
}

// BenchmarkResult compares the same articles spread over few and many
// outlets: the time grows with the articles and the outlets, not with the
// square of the outlets.
func BenchmarkResult(b *testing.B) {
	for _, outlets := range []int{10, 1000} {
		b.Run(fmt.Sprintf("2000 articles, %d outlets", outlets), func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, 2))
			arts := simulated(rng, "", 2000, 0.1)
			for i := range arts {
				arts[i].ID = fmt.Sprint(i)
				arts[i].Outlet = fmt.Sprint("outlet ", i%outlets)
			}
			for b.Loop() {
				c := New([]string{"A", "B"}, Config{Resamples: DefaultResamples, Seed: 1, Pairs: DefaultPairs})
				for _, a := range arts {
					c.Add(a)
				}
				c.Result()
			}
		})
	}
}

// TestParallelPanic checks that a worker's panic reaches the caller's
// goroutine, where the command recovers it (a panic in a worker would end
// the process with Go's exit status 2).
func TestParallelPanic(t *testing.T) {
	defer func() {
		if r := recover(); r != "boom" {
			t.Errorf("recovered %v, want boom", r)
		}
	}()
	parallel(100, 4, func() *int { return new(int) }, func(i int, _ *int) {
		if i == 7 {
			panic("boom")
		}
	})
	t.Error("no panic reached the caller")
}

// TestGroupListsOutletTwice: an outlet listed twice in a group counts once.
func TestGroupListsOutletTwice(t *testing.T) {
	c := New([]string{"A", "B"}, Config{Groups: map[string][]string{"g": {"Y", "X", "Y", "X"}}})
	c.Add(article("x1", "X", 0.5, 3, 1))
	c.Add(article("y1", "Y", -0.5, 1, 0))
	c.Add(article("x2", "X", 0.1, 1, 3))
	res := c.Result()
	if len(res.Groups) != 2 || res.Groups[0].Outlet != "g" || res.Groups[0].Articles != 3 || res.Groups[0].Mentions != 5 {
		t.Errorf("groups = %+v, want g/A of 3 articles and 5 mentions", res.Groups)
	}
}

// TestCount checks that count draws what math/rand/v2 draws from the same
// stream, and sums the weights drawn: powers of two and the sizes of
// outlets, then the draws after.
func TestCount(t *testing.T) {
	for _, n := range []int{1, 2, 3, 7, 64, 100, 177, 1000, 1024, 4099} {
		want := rand.New(rand.NewPCG(1, uint64(n)))
		weight := make([]int64, n)
		for i := range weight {
			weight[i] = int64(i*i%7) - 2
		}
		wantDrawn := make([]int64, n)
		wantSum := int64(0)
		for range 3 * n {
			i := want.IntN(n)
			wantDrawn[i]++
			wantSum += weight[i]
		}
		src := pcg{1, uint64(n)}
		drawn := make([]int64, n)
		sum := int64(0)
		for range 3 {
			sum += src.count(drawn, weight)
		}
		if !slices.Equal(drawn, wantDrawn) || sum != wantSum {
			t.Fatalf("n=%d: count drew %v (weights %d), math/rand/v2 %v (%d)", n, drawn, sum, wantDrawn, wantSum)
		}
		if _, _, v := step(src.hi, src.lo); v != want.Uint64() {
			t.Fatalf("n=%d: the stream after count is not math/rand/v2's", n)
		}
	}
}

// TestRedraw checks count's draw with redraw on sizes large enough to be
// rejected and drawn again, which no outlet is.
func TestRedraw(t *testing.T) {
	for _, n := range []uint64{3, 1<<40 + 1, 1<<63 + 5, math.MaxUint64} {
		want := rand.New(rand.NewPCG(1, n))
		hi, lo := uint64(1), n
		for i := range 10000 {
			var v uint64
			hi, lo, v = step(hi, lo)
			x, frac := bits.Mul64(v, n)
			if frac < n {
				hi, lo, x = redraw(hi, lo, n, x, frac)
			}
			if w := want.Uint64N(n); x != w {
				t.Fatalf("n=%d, draw %d: %d, math/rand/v2 draws %d", n, i, x, w)
			}
		}
	}
}
