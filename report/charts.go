package report

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"sync"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/slant-news/slant/analysis/compare"
	"github.com/slant-news/slant/analysis/timeline"
)

// chart is one chart of the report: the page shows Title and Guide as HTML
// text and hands Options to ECharts, one option object per view of the
// outlets (see views); a chart that does not depend on the view has one.
type chart struct {
	ID, Title, Guide string
	// Axis names the chart's figures for the CSV download of its data.
	Columns []string
	Options []json.RawMessage
}

// palette gives each actor, in table order, the same colour in every chart
// and in the highlighted evidence (the page's CSS repeats it). It is safe
// for colour-blind readers: the Okabe-Ito colours, then Paul Tol's indigo,
// wine, olive and pink, then black. A table of more than twelve actors
// repeats colours from the first.
func palette() []string {
	return []string{
		"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442",
		"#332288", "#882255", "#999933", "#FFAABB", "#000000",
	}
}

// charter is what every go-echarts chart offers.
type charter interface {
	Validate()
	JSON() map[string]any
}

// options turns a go-echarts chart into the option JSON of the page, after
// raw additions go-echarts has no type for. Every chart draws without
// animation, so that the page is complete as soon as it has loaded, and its
// tooltips render as canvas text (richText), never as HTML: names from the
// input can then not inject markup, escaped or not. The page adds the
// toolbox (PNG, SVG, CSV) and the tooltip formatters, which are functions.
//
// The additions are set on c.JSON(), whose values are go-echarts' structs
// (withKeys sets keys in one), and the JSON is written as json.Marshal
// writes it decoded into maps (sortedJSON): keys sorted at every level,
// numbers as float64s, as they were when the additions were made on the
// decoded maps.
func options(c charter, patch func(map[string]any)) (json.RawMessage, error) {
	c.Validate()
	opt := c.JSON()
	opt["animation"] = false
	opt["tooltip"] = withKeys{opt["tooltip"], map[string]any{"show": true, "renderMode": "richText"}}
	opt["color"] = palette()
	if patch != nil {
		patch(opt)
	}
	raw, err := json.Marshal(opt) // escapes < > & and U+2028/9
	if err != nil {
		return nil, fmt.Errorf("chart options: %w", err)
	}
	out, err := sortedJSON(make([]byte, 0, len(raw)), raw)
	if err != nil {
		return nil, fmt.Errorf("chart options: %w", err)
	}
	return out, nil
}

// withKeys is a JSON object: v's members, then keys's (sorted). json.Unmarshal
// keeps the last of a key's members, and so does sortedJSON: a key of keys
// replaces v's own, as if set in v decoded into a map (TestWithKeys). A v
// that is JSON null counts as an empty object.
type withKeys struct {
	v    any
	keys map[string]any
}

func (w withKeys) MarshalJSON() ([]byte, error) {
	b, err := json.Marshal(w.v)
	if err != nil {
		return nil, err
	}
	k, err := json.Marshal(w.keys)
	if err != nil {
		return nil, err
	}
	switch {
	case string(b) == "null" || string(b) == "{}":
		return k, nil
	case b[0] != '{':
		return nil, fmt.Errorf("setting keys in %T, which is no JSON object", w.v)
	case len(k) == 2: // {}
		return b, nil
	}
	return append(append(b[:len(b)-1], ','), k[1:]...), nil
}

// seriesOf returns the option's series, nil if it has none.
func seriesOf(opt map[string]any) []any {
	ms, _ := opt["series"].(charts.MultiSeries)
	if ms == nil {
		return nil
	}
	out := make([]any, len(ms))
	for i, s := range ms {
		out[i] = s
	}
	return out
}

// setSymbols sets the symbol size of each of the option's series, and
// with show shows a line's symbols: the fields of go-echarts' series that
// JSON names symbolSize and showSymbol, as setting those keys with
// withKeys would, without writing each series twice (TestOptionKeys).
func setSymbols(opt map[string]any, size int, show bool) {
	ms, _ := opt["series"].(charts.MultiSeries)
	for i := range ms {
		ms[i].SymbolSize = size
		if show {
			ms[i].ShowSymbol = opts.Bool(true)
		}
	}
}

// value is a figure for ECharts: rounded to keep the page small, and "-"
// (ECharts' missing value) when undefined.
func value(f float64, decimals int) any {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "-"
	}
	p := math.Pow(10, float64(decimals))
	return math.Round(f*p) / p
}

// outletsInView is how many outlets a chart shows at once; with more, a
// slider under the chart scrolls through them, since bars and labels of a
// hundred outlets side by side cannot be read.
const outletsInView = 16

// zoom adds the slider to a chart of n outlets along its x axis.
func zoom(opt map[string]any, n int) {
	if n <= outletsInView {
		return
	}
	opt["dataZoom"] = []any{
		map[string]any{"type": "slider", "xAxisIndex": 0, "startValue": 0, "endValue": outletsInView - 1, "bottom": 5, "height": 18},
		map[string]any{"type": "inside", "xAxisIndex": 0},
	}
}

// largest are the views the page offers with many outlets: the largest N
// outlets by articles, each on its own, and the rest pooled as one; then
// every outlet.
var largest = []int{15, 30}

// restOutlet names the pooled rest of the outlets in a view.
const restOutlet = "other outlets"

// view is the outlets a chart shows: the largest first, then perhaps the
// rest pooled.
type view struct {
	label   string
	labels  []string                // "Outlet (articles)"
	outlets [][]compare.OutletActor // per outlet, one per actor in table order
	balance []compare.Balance       // per outlet
}

// views returns the views of the comparison's outlets: for each of largest
// below the number of outlets, that many and the rest; then all of them.
// Outlets go from the largest to the smallest (by name among equals).
func views(c *compare.Comparison) []view {
	type outlet struct {
		name     string
		articles int
		actors   []compare.OutletActor
		balance  compare.Balance
	}
	var all []outlet
	for _, b := range c.Balance {
		if b.Level != compare.LevelOutlet {
			continue
		}
		i := len(all)
		all = append(all, outlet{name: b.ID, articles: b.Articles, actors: c.Outlets[i*len(c.Actors) : (i+1)*len(c.Actors)], balance: b})
	}
	slices.SortStableFunc(all, func(x, y outlet) int { return cmp.Compare(y.articles, x.articles) })
	label := func(name string, n int) string { return name + " (" + strconv.Itoa(n) + ")" }
	var out []view
	for _, n := range largest {
		if n >= len(all) {
			break
		}
		v := view{label: fmt.Sprintf("the largest %d outlets and the other %d together", n, len(all)-n)}
		for _, o := range all[:n] {
			v.labels = append(v.labels, label(o.name, o.articles))
			v.outlets = append(v.outlets, o.actors)
			v.balance = append(v.balance, o.balance)
		}
		rest := map[string]bool{}
		for _, o := range all[n:] {
			rest[o.name] = true
		}
		pooled, balance := c.Pool(restOutlet, func(outlet string) bool { return rest[outlet] })
		v.labels = append(v.labels, label(restOutlet, balance.Articles))
		v.outlets = append(v.outlets, pooled)
		v.balance = append(v.balance, balance)
		out = append(out, v)
	}
	v := view{label: fmt.Sprintf("all %d outlets", len(all))}
	for _, o := range all {
		v.labels = append(v.labels, label(o.name, o.articles))
		v.outlets = append(v.outlets, o.actors)
		v.balance = append(v.balance, o.balance)
	}
	return append(out, v)
}

func base(id, xName string) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithInitializationOpts(opts.Initialization{ChartID: id}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0", Left: "0"}),
		charts.WithGridOpts(opts.Grid{Top: "40", Bottom: "110", Left: "70", Right: "70"}),
		charts.WithXAxisOpts(opts.XAxis{Name: xName, NameLocation: "middle", NameGap: 75, AxisLabel: &opts.AxisLabel{Rotate: 20, Interval: "0"}}),
	}
}

// outletAxis names the x axis of the outlet charts.
const outletAxis = "outlet (articles)"

// buildCharts returns the report's charts in page order, and the labels of
// the views of the outlets they offer.
func buildCharts(c *compare.Comparison, tl *timeline.Timeline, points *salience) ([]chart, []string, error) {
	vs := views(c)
	labels := make([]string, len(vs))
	for i, v := range vs {
		labels[i] = v.label
	}
	perView := []func(*compare.Comparison, view) (chart, error){
		sentimentChart, voiceChart, mentionChart, heatmapChart, balanceChart,
	}
	// Every chart and view is built on its own goroutine (each marshals
	// its options twice), then put in order.
	type built struct {
		ch  chart
		err error
	}
	views := make([][]built, len(perView))
	var wg sync.WaitGroup
	for k, build := range perView {
		views[k] = make([]built, len(vs))
		for i, v := range vs {
			wg.Go(func() {
				x, err := build(c, v)
				views[k][i] = built{x, err}
			})
		}
	}
	var sc chart
	var tcs []chart
	var scErr, tcsErr error
	wg.Go(func() { sc, scErr = salienceChart(c, points) })
	wg.Go(func() { tcs, tcsErr = timeCharts(c.Actors, tl) })
	wg.Wait()
	var out []chart
	for k := range perView {
		var ch chart
		for _, x := range views[k] {
			if x.err != nil {
				return nil, nil, x.err
			}
			if ch.ID == "" {
				ch = x.ch
			} else {
				ch.Options = append(ch.Options, x.ch.Options...)
			}
		}
		out = append(out, ch)
	}
	if scErr != nil {
		return nil, nil, scErr
	}
	out = slices.Insert(out, 4, sc)
	if tcsErr != nil {
		return nil, nil, tcsErr
	}
	return append(tcs, out...), labels, nil
}

// axis is a named value axis with a fixed range, so that charts of
// different runs and outlets can be set side by side.
func axis(name string, lo, hi float64) opts.YAxis {
	return opts.YAxis{Type: "value", Name: name, NameLocation: "middle", NameGap: 45, Min: lo, Max: hi}
}

func sentimentChart(c *compare.Comparison, v view) (chart, error) {
	ch := chart{
		ID:      "chart-sentiment",
		Title:   "Tone toward each actor, by outlet",
		Guide:   "Bars are the mean sentiment toward the actor's mentions (-1 to 1, rated mention by mention, 0 the level of an article human coders call neutral); whiskers, where drawn, are 95% bootstrap intervals over the outlet's articles (an outlet needs two articles for one; the pooled other outlets get none).",
		Columns: []string{"actor", "outlet", "tone"},
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(base(ch.ID, outletAxis),
		charts.WithYAxisOpts(axis("tone toward the actor", -1, 1)),
		charts.WithTooltipOpts(opts.Tooltip{Trigger: "axis"}),
	)...)
	bar.SetXAxis(v.labels)
	var bars [][]any // [outlet, low, high, actor, actors, point]: the whiskers
	for j, actor := range c.Actors {
		data := make([]opts.BarData, len(v.labels))
		for i, o := range v.outlets {
			data[i] = opts.BarData{Value: value(o[j].Sentiment, 4)}
			if o[j].SentimentCI.OK() {
				bars = append(bars, []any{i, value(o[j].SentimentCI.Low, 4), value(o[j].SentimentCI.High, 4), j, len(c.Actors), i})
			}
		}
		bar.AddSeries(actor, data, charts.WithBarChartOpts(opts.BarChart{BarGap: "0%", BarCategoryGap: "20%"}))
	}
	o, err := options(bar, func(opt map[string]any) {
		zoom(opt, len(v.labels))
		if len(bars) == 0 {
			return
		}
		// The page's script supplies renderItem, which JSON cannot carry:
		// it draws each whisker over its bar (the layout is fixed by the
		// bar gaps above).
		opt["series"] = append(seriesOf(opt), map[string]any{
			"type": "custom", "id": "errorbars", "name": "95% interval", "z": 10,
			"encode":    map[string]any{"x": 0, "y": []int{1, 2}},
			"itemStyle": map[string]any{"color": "#555"},
			"data":      bars,
		})
	})
	ch.Options = []json.RawMessage{o}
	return ch, err
}

// shareChart draws 100% stacked bars of a share per outlet.
func shareChart(c *compare.Comparison, v view, ch chart, yName string, share func(compare.OutletActor) float64, empty string) (chart, error) {
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(base(ch.ID, outletAxis),
		charts.WithYAxisOpts(axis(yName, 0, 100)),
		charts.WithTooltipOpts(opts.Tooltip{Trigger: "axis"}),
	)...)
	bar.SetXAxis(v.labels)
	some := false
	for j, actor := range c.Actors {
		data := make([]opts.BarData, len(v.labels))
		for i, o := range v.outlets {
			s := share(o[j])
			data[i] = opts.BarData{Value: value(100*s, 1)}
			some = some || !math.IsNaN(s)
		}
		bar.AddSeries(actor, data, charts.WithBarChartOpts(opts.BarChart{Stack: "share", BarCategoryGap: "30%"}))
	}
	o, err := options(bar, func(opt map[string]any) {
		zoom(opt, len(v.labels))
		if !some {
			opt["graphic"] = map[string]any{
				"type": "text", "left": "center", "top": "middle",
				"style": map[string]any{"text": empty, "fontSize": 16, "fill": "#888"},
			}
		}
	})
	ch.Options = []json.RawMessage{o}
	return ch, err
}

func voiceChart(c *compare.Comparison, v view) (chart, error) {
	return shareChart(c, v, chart{
		ID:      "chart-voice",
		Title:   "Share of voice, by outlet",
		Guide:   "Each bar splits the outlet's statements among the actors: who gets to speak. What is missing to 100% are speakers of no actor.",
		Columns: []string{"actor", "outlet", "percent of statements"},
	}, "% of statements", func(o compare.OutletActor) float64 { return o.VoiceShare }, "No statements found")
}

func mentionChart(c *compare.Comparison, v view) (chart, error) {
	return shareChart(c, v, chart{
		ID:      "chart-mentions",
		Title:   "Share of mentions, by outlet",
		Guide:   "Each bar splits the outlet's actor mentions among the actors: who the coverage is about.",
		Columns: []string{"actor", "outlet", "percent of mentions"},
	}, "% of actor mentions", func(o compare.OutletActor) float64 { return o.MentionShare }, "No actor mentioned")
}

func heatmapChart(c *compare.Comparison, v view) (chart, error) {
	ch := chart{
		ID:      "chart-heatmap",
		Title:   "Tone by outlet and actor",
		Guide:   "Red is negative, blue positive, white neutral, on the fixed scale -1 to 1; a blank cell means the outlet never mentions the actor.",
		Columns: []string{"series", "outlet", "actor", "tone"},
	}
	hm := charts.NewHeatMap()
	hm.SetGlobalOptions(append(base(ch.ID, outletAxis),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Name: outletAxis, NameLocation: "middle", NameGap: 75, Data: v.labels, SplitArea: &opts.SplitArea{Show: opts.Bool(true)}, AxisLabel: &opts.AxisLabel{Rotate: 20, Interval: "0"}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Name: "actor", Data: c.Actors, SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
	)...)
	hm.SetXAxis(v.labels)
	var data []opts.HeatMapData
	for i, o := range v.outlets {
		for j := range c.Actors {
			data = append(data, opts.HeatMapData{Value: []any{i, j, value(o[j].Sentiment, 2)}})
		}
	}
	hm.AddSeries("tone", data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true)}))
	o, err := options(hm, func(opt map[string]any) {
		opt["legend"] = map[string]any{"show": false}
		opt["grid"] = map[string]any{"top": 50, "bottom": 110, "left": 90, "right": 30}
		opt["visualMap"] = map[string]any{
			"min": -1, "max": 1, "calculable": true, "orient": "horizontal",
			"right": 30, "top": 0, "precision": 2, "text": []string{"1", "-1"},
			"inRange": map[string]any{"color": []string{"#b2182b", "#f7f7f7", "#2166ac"}}, // ColorBrewer RdBu: colour-blind safe
		}
		zoom(opt, len(v.labels))
	})
	ch.Options = []json.RawMessage{o}
	return ch, err
}

// maxScatterPoints bounds the salience chart: beyond it, only the points of
// articles with the most actor mentions are drawn (said in the guide), so
// that the page stays small and the chart readable.
const maxScatterPoints = 4000

func salienceChart(c *compare.Comparison, kept *salience) (chart, error) {
	ch := chart{
		ID:      "chart-salience",
		Title:   "Salience against tone, one point per article and actor",
		Guide:   "Right means the actor takes a larger share of the article's actor mentions, up means a warmer sentiment toward its mentions; hover a point for its outlet and article.",
		Columns: []string{"actor", "share of mentions", "tone", "article"},
	}
	points, total := kept.drawn()
	if total > maxScatterPoints {
		ch.Guide += fmt.Sprintf(" Of %d points, the %d of the articles with the most actor mentions are drawn.", total, maxScatterPoints)
	}
	sc := charts.NewScatter()
	sc.SetGlobalOptions(append(base(ch.ID, "share of the article's actor mentions"),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: "share of the article's actor mentions", NameLocation: "middle", NameGap: 30, Min: 0, Max: 1}),
		charts.WithYAxisOpts(axis("tone toward the actor", -1, 1)),
	)...)
	for j, actor := range c.Actors {
		var data []opts.ScatterData
		for _, p := range points {
			if p.Actor == j {
				data = append(data, opts.ScatterData{Value: []any{value(p.Share, 3), value(p.Tone, 3), p.Name}})
			}
		}
		sc.AddSeries(actor, data, charts.WithItemStyleOpts(opts.ItemStyle{Opacity: opts.Float(0.6)}))
	}
	o, err := options(sc, func(opt map[string]any) {
		opt["grid"] = map[string]any{"top": 40, "bottom": 60, "left": 70, "right": 70}
		setSymbols(opt, 6, false)
	})
	ch.Options = []json.RawMessage{o}
	return ch, err
}

func balanceChart(c *compare.Comparison, v view) (chart, error) {
	ch := chart{
		ID:      "chart-balance",
		Title:   "Balance by outlet",
		Guide:   "Voice and mention balance (left axis) run from 0 (one actor has everything) to 1 (all actors equal); the sentiment gap (right axis, 0 to 2) is the warmest minus the coldest actor's tone.",
		Columns: []string{"index", "outlet", "value"},
	}
	var voice, mention, gap []opts.BarData
	for _, b := range v.balance {
		voice = append(voice, opts.BarData{Value: value(b.Voice, 4)})
		mention = append(mention, opts.BarData{Value: value(b.Mention, 4)})
		gap = append(gap, opts.BarData{Value: value(b.SentimentGap, 4)})
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(base(ch.ID, outletAxis),
		charts.WithTooltipOpts(opts.Tooltip{Trigger: "axis"}),
		charts.WithYAxisOpts(axis("balance", 0, 1)),
	)...)
	bar.ExtendYAxis(axis("sentiment gap", 0, 2))
	bar.SetXAxis(v.labels).
		AddSeries("voice balance", voice).
		AddSeries("mention balance", mention).
		AddSeries("sentiment gap", gap, charts.WithBarChartOpts(opts.BarChart{YAxisIndex: 1}))
	o, err := options(bar, func(opt map[string]any) {
		opt["color"] = []string{"#4d4d4d", "#a6a6a6", "#ffffff"} // not the actors' colours
		s := seriesOf(opt)
		s[2] = withKeys{s[2], map[string]any{"itemStyle": map[string]any{"borderColor": "#222", "borderWidth": 1, "decal": map[string]any{"symbol": "rect", "dashArrayX": []int{1, 0}, "dashArrayY": []int{2, 4}, "rotation": -0.785, "color": "#222"}}}}
		opt["series"] = s
		zoom(opt, len(v.labels))
	})
	ch.Options = []json.RawMessage{o}
	return ch, err
}

// periodMillis is the shortest period of each length, for the time axis.
var periodMillis = map[string]int64{timeline.Day: 86400e3, timeline.Week: 7 * 86400e3, timeline.Month: 28 * 86400e3}

// MaxTimelineOutlets bounds the outlets the timeline charts offer one by
// one: the largest by articles; all outlets together are always there.
const MaxTimelineOutlets = 20

// timeFigure is one chart over time.
type timeFigure struct {
	chart
	yName  string
	lo, hi float64
	scale  float64                                  // of the figure on the axis: 100 for a share in percent
	point  func(r timeline.Row, mentions int) []any // [period, value, count, of]
	ci     func(r timeline.Row) compare.Interval
}

// timeCharts returns the charts over time: one option object per choice of
// the page's outlet selector, all outlets together first.
func timeCharts(actors []string, tl *timeline.Timeline) ([]chart, error) {
	figures := []timeFigure{
		{chart{ID: "chart-time-mentions", Title: "Share of mentions over time",
			Guide:   "Each actor's share of the period's actor mentions. Hover a point for the counts: the actor's mentions of all actor mentions.",
			Columns: []string{"actor", "period", "percent of mentions", "mentions", "all actor mentions"}},
			"% of actor mentions", 0, 100, 100,
			func(r timeline.Row, total int) []any {
				return []any{r.Period, value(100*r.MentionShare, 1), r.Mentions, total}
			},
			func(r timeline.Row) compare.Interval { return r.MentionShareCI }},
		{chart{ID: "chart-time-tone", Title: "Tone toward each actor over time",
			Guide:   "The mean sentiment toward the actor's mentions in the period (-1 to 1). Hover a point for the number of mentions behind it.",
			Columns: []string{"actor", "period", "tone", "mentions"}},
			"tone toward the actor", -1, 1, 1,
			func(r timeline.Row, _ int) []any {
				return []any{r.Period, value(r.Sentiment, 3), r.Mentions}
			},
			func(r timeline.Row) compare.Interval { return r.SentimentCI }},
		{chart{ID: "chart-time-voice", Title: "Share of voice over time",
			Guide:   "Each actor's share of the period's statements (speakers of no actor make up the rest). Hover a point for the counts: the actor's statements of all statements.",
			Columns: []string{"actor", "period", "percent of statements", "statements", "all statements"}},
			"% of statements", 0, 100, 100,
			func(r timeline.Row, _ int) []any {
				return []any{r.Period, value(100*r.VoiceShare, 1), r.Quotes, r.Statements}
			},
			func(r timeline.Row) compare.Interval { return r.VoiceShareCI }},
	}
	if len(actors) == 0 {
		return nil, nil
	}
	outlets, _ := timelineOutlets(tl)
	rows := rowsByOutlet(tl.Rows, len(actors), outlets)
	// Each figure and outlet on a goroutine of its own, as buildCharts
	// builds the views: one after another, these were the last of the
	// page's charts to be done, after the last article.
	type built struct {
		o   json.RawMessage
		err error
	}
	made := make([][]built, len(figures))
	var wg sync.WaitGroup
	for k, f := range figures {
		made[k] = make([]built, len(outlets))
		for i, outlet := range outlets {
			wg.Go(func() {
				o, err := timeOption(f, actors, tl.Period, rows[outlet])
				made[k][i] = built{o, err}
			})
		}
	}
	wg.Wait()
	var out []chart
	for k, f := range figures {
		ch := f.chart
		ch.Guide += fmt.Sprintf(" Vertical lines are 95%% bootstrap intervals over the period's articles, where at least %d have data for the figure.", timeline.MinArticles)
		for _, b := range made[k] {
			if b.err != nil {
				return nil, b.err
			}
			ch.Options = append(ch.Options, b.o)
		}
		out = append(out, ch)
	}
	return out, nil
}

// rowsByOutlet returns the rows of each of outlets among a timeline's
// rows, cells of n rows (one per actor), in the timeline's order: one pass
// over the rows, where each outlet's chart read them all.
func rowsByOutlet(rows []timeline.Row, n int, outlets []string) map[string][]timeline.Row {
	out := make(map[string][]timeline.Row, len(outlets))
	for _, o := range outlets {
		out[o] = nil
	}
	if n == 0 {
		return out
	}
	for ; len(rows) >= n; rows = rows[n:] {
		if cells, ok := out[rows[0].Outlet]; ok {
			out[rows[0].Outlet] = append(cells, rows[:n]...)
		}
	}
	return out
}

// timeOption returns the options of one chart over time for one outlet
// (timeline.AllOutlets for all outlets together), from its rows: a cell of
// a row per actor for each period.
func timeOption(f timeFigure, actors []string, period string, rows []timeline.Row) (json.RawMessage, error) {
	series := make([][]opts.LineData, len(actors))
	var bars [][]any // [period, low, high, actor, actors, point]: the intervals
	for ; len(rows) >= len(actors); rows = rows[len(actors):] {
		cell := rows[:len(actors)]
		mentions := 0
		for _, r := range cell {
			mentions += r.Mentions
		}
		for j, r := range cell {
			if iv := f.ci(r); iv.OK() {
				bars = append(bars, []any{r.Period, value(f.scale*iv.Low, 3), value(f.scale*iv.High, 3), j, len(actors), len(series[j])})
			}
			series[j] = append(series[j], opts.LineData{Value: f.point(r, mentions)})
		}
	}
	line := charts.NewLine()
	line.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: f.ID}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0", Left: "0"}),
		charts.WithGridOpts(opts.Grid{Top: "40", Bottom: "60", Left: "70", Right: "70"}),
		charts.WithXAxisOpts(opts.XAxis{Type: "time", Name: "period start (" + period + ")", NameLocation: "middle", NameGap: 30,
			AxisLabel: &opts.AxisLabel{Formatter: "{yyyy}-{MM}-{dd}", HideOverlap: opts.Bool(true)}}),
		charts.WithYAxisOpts(axis(f.yName, f.lo, f.hi)),
		charts.WithTooltipOpts(opts.Tooltip{Trigger: "item"}),
	)
	for j, actor := range actors {
		line.AddSeries(actor, series[j])
	}
	return options(line, func(opt map[string]any) {
		// No ticks between periods: a day has no hours here.
		x := opt["xAxis"].([]opts.XAxis)
		xs := []any{withKeys{x[0], map[string]any{"minInterval": periodMillis[period]}}}
		for _, a := range x[1:] {
			xs = append(xs, a)
		}
		opt["xAxis"] = xs
		setSymbols(opt, 7, true)
		if len(bars) > 0 {
			// The page's script supplies renderItem (timeWhisker).
			opt["series"] = append(seriesOf(opt), map[string]any{
				"type": "custom", "id": "timebars", "name": "95% interval", "z": 1,
				"encode":    map[string]any{"x": 0, "y": []int{1, 2}},
				"itemStyle": map[string]any{"color": "#555"},
				"data":      bars,
			})
		}
	})
}

// timelineOutlets returns the outlets of the timeline selector and their
// labels: timeline.AllOutlets, then the largest MaxTimelineOutlets by dated
// articles (by name among equals), each labelled with its dated articles.
func timelineOutlets(tl *timeline.Timeline) (names, labels []string) {
	if len(tl.Actors) == 0 {
		return []string{timeline.AllOutlets}, []string{"all outlets (0)"}
	}
	articles := map[string]int{}
	for i := 0; i < len(tl.Rows); i += len(tl.Actors) {
		articles[tl.Rows[i].Outlet] += tl.Rows[i].Articles
	}
	for name := range articles {
		if name != timeline.AllOutlets {
			names = append(names, name)
		}
	}
	slices.SortFunc(names, func(x, y string) int { return cmp.Or(cmp.Compare(articles[y], articles[x]), cmp.Compare(x, y)) })
	if len(names) > MaxTimelineOutlets {
		names = names[:MaxTimelineOutlets]
	}
	names = append([]string{timeline.AllOutlets}, names...)
	for _, name := range names {
		label := name
		if name == timeline.AllOutlets {
			label = "all outlets"
		}
		labels = append(labels, fmt.Sprintf("%s (%d)", label, articles[name]))
	}
	return names, labels
}
