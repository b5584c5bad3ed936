package report

import (
	"encoding/json"
	"fmt"
	"html/template"
	"math"

	"github.com/slant-news/slant/analysis/compare"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// chart is one chart of the report: the page shows Title and Guide as HTML
// text and hands Options to ECharts.
type chart struct {
	ID, Title, Guide string
	// Options is the ECharts option object as JSON, with < > & escaped
	// (encoding/json's default), so that no outlet name or article id can
	// end the script element it sits in.
	Options template.JS
}

// palette gives each actor, in table order, the same colour in every chart
// and in the highlighted evidence (the page's CSS repeats it).
func palette() []string {
	return []string{"#5470c6", "#91cc75", "#fac858", "#ee6666", "#73c0de", "#3ba272", "#fc8452", "#9a60b4", "#ea7ccc"}
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
// input can then not inject markup, escaped or not.
func options(c charter, patch func(map[string]any)) (template.JS, error) {
	c.Validate()
	raw, err := json.Marshal(c.JSON())
	if err != nil {
		return "", fmt.Errorf("chart options: %w", err)
	}
	var opt map[string]any
	if err := json.Unmarshal(raw, &opt); err != nil {
		return "", fmt.Errorf("chart options: %w", err)
	}
	opt["animation"] = false
	tooltip, _ := opt["tooltip"].(map[string]any)
	if tooltip == nil {
		tooltip = map[string]any{}
	}
	tooltip["show"] = true
	tooltip["renderMode"] = "richText"
	opt["tooltip"] = tooltip
	opt["color"] = palette()
	if patch != nil {
		patch(opt)
	}
	out, err := json.Marshal(opt) // escapes < > & and U+2028/9
	if err != nil {
		return "", fmt.Errorf("chart options: %w", err)
	}
	return template.JS(out), nil
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
const outletsInView = 15

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

// outletNames returns the compared outlets in order.
func outletNames(cmp *compare.Comparison) []string {
	var names []string
	for _, o := range cmp.Outlets {
		if len(names) == 0 || names[len(names)-1] != o.Outlet {
			names = append(names, o.Outlet)
		}
	}
	return names
}

// at returns the comparison of outlet i and actor j.
func at(cmp *compare.Comparison, i, j int) compare.OutletActor {
	return cmp.Outlets[i*len(cmp.Actors)+j]
}

func base(id string) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithInitializationOpts(opts.Initialization{ChartID: id}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0"}),
		charts.WithGridOpts(opts.Grid{Top: "40", Bottom: "90", Left: "60", Right: "30"}),
		charts.WithXAxisOpts(opts.XAxis{AxisLabel: &opts.AxisLabel{Rotate: 20, Interval: "0"}}),
	}
}

// buildCharts returns the report's charts in page order.
func buildCharts(cmp *compare.Comparison, points [][]point, capped bool) ([]chart, error) {
	salience := func(cmp *compare.Comparison) (chart, error) { return salienceChart(cmp, points, capped) }
	builders := []func(*compare.Comparison) (chart, error){
		sentimentChart, voiceChart, mentionChart, heatmapChart, salience, balanceChart,
	}
	out := make([]chart, 0, len(builders))
	for _, build := range builders {
		c, err := build(cmp)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

func sentimentChart(cmp *compare.Comparison) (chart, error) {
	c := chart{
		ID:    "chart-sentiment",
		Title: "Tone toward each actor, by outlet",
		Guide: "Bars are the mean sentiment toward the actor's mentions (-1 to 1, rated mention by mention); whiskers, where drawn, are 95% bootstrap intervals over the outlet's articles (an outlet needs two articles for one).",
	}
	names := outletNames(cmp)
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(base(c.ID),
		charts.WithYAxisOpts(opts.YAxis{Name: "mean tone"}),
		charts.WithTooltipOpts(opts.Tooltip{Trigger: "axis"}),
	)...)
	bar.SetXAxis(names)
	var bars [][]any // [outlet, low, high, actor, actors]: the whiskers
	for j, actor := range cmp.Actors {
		data := make([]opts.BarData, len(names))
		for i := range names {
			o := at(cmp, i, j)
			data[i] = opts.BarData{Value: value(o.Sentiment, 4)}
			if o.SentimentCI.OK() {
				bars = append(bars, []any{i, value(o.SentimentCI.Low, 4), value(o.SentimentCI.High, 4), j, len(cmp.Actors)})
			}
		}
		bar.AddSeries(actor, data, charts.WithBarChartOpts(opts.BarChart{BarGap: "0%", BarCategoryGap: "20%"}))
	}
	var err error
	c.Options, err = options(bar, func(opt map[string]any) {
		zoom(opt, len(names))
		if len(bars) == 0 {
			return
		}
		series, _ := opt["series"].([]any)
		// The page's script supplies renderItem, which JSON cannot carry:
		// it draws each whisker over its bar (the layout is fixed by the
		// bar gaps above).
		opt["series"] = append(series, map[string]any{
			"type": "custom", "id": "errorbars", "name": "95% interval", "z": 10,
			"encode":    map[string]any{"x": 0, "y": []int{1, 2}},
			"itemStyle": map[string]any{"color": "#333"},
			"data":      bars,
		})
	})
	return c, err
}

// shareChart draws 100% stacked bars of a share per outlet.
func shareChart(cmp *compare.Comparison, c chart, share func(compare.OutletActor) float64, empty string) (chart, error) {
	names := outletNames(cmp)
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(base(c.ID),
		charts.WithYAxisOpts(opts.YAxis{Name: "%", Max: 100, Min: 0}),
		charts.WithTooltipOpts(opts.Tooltip{Trigger: "axis"}),
	)...)
	bar.SetXAxis(names)
	some := false
	for j, actor := range cmp.Actors {
		data := make([]opts.BarData, len(names))
		for i := range names {
			s := share(at(cmp, i, j))
			data[i] = opts.BarData{Value: value(100*s, 1)}
			some = some || !math.IsNaN(s)
		}
		bar.AddSeries(actor, data, charts.WithBarChartOpts(opts.BarChart{Stack: "share", BarCategoryGap: "30%"}))
	}
	var err error
	c.Options, err = options(bar, func(opt map[string]any) {
		zoom(opt, len(names))
		if !some {
			opt["graphic"] = map[string]any{
				"type": "text", "left": "center", "top": "middle",
				"style": map[string]any{"text": empty, "fontSize": 16, "fill": "#888"},
			}
		}
	})
	return c, err
}

func voiceChart(cmp *compare.Comparison) (chart, error) {
	return shareChart(cmp, chart{
		ID:    "chart-voice",
		Title: "Share of voice, by outlet",
		Guide: "Each bar splits the outlet's statements among the actors: who gets to speak. What is missing to 100% are speakers of no actor.",
	}, func(o compare.OutletActor) float64 { return o.VoiceShare }, "No statements found")
}

func mentionChart(cmp *compare.Comparison) (chart, error) {
	return shareChart(cmp, chart{
		ID:    "chart-mentions",
		Title: "Share of mentions, by outlet",
		Guide: "Each bar splits the outlet's actor mentions among the actors: who the coverage is about.",
	}, func(o compare.OutletActor) float64 { return o.MentionShare }, "No actor mentioned")
}

func heatmapChart(cmp *compare.Comparison) (chart, error) {
	c := chart{
		ID:    "chart-heatmap",
		Title: "Tone by outlet and actor",
		Guide: "Red is negative, blue positive, white neutral; a blank cell means the outlet never mentions the actor.",
	}
	names := outletNames(cmp)
	hm := charts.NewHeatMap()
	hm.SetGlobalOptions(append(base(c.ID),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: names, SplitArea: &opts.SplitArea{Show: opts.Bool(true)}, AxisLabel: &opts.AxisLabel{Rotate: 20, Interval: "0"}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: cmp.Actors, SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
	)...)
	hm.SetXAxis(names)
	var data []opts.HeatMapData
	extent := 0.1
	for i := range names {
		for j := range cmp.Actors {
			s := at(cmp, i, j).Sentiment
			data = append(data, opts.HeatMapData{Value: []any{i, j, value(s, 2)}})
			if !math.IsNaN(s) {
				extent = max(extent, math.Abs(s))
			}
		}
	}
	extent = math.Ceil(extent*10) / 10 // symmetric, so that white is 0
	hm.AddSeries("tone", data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true)}))
	var err error
	c.Options, err = options(hm, func(opt map[string]any) {
		opt["legend"] = map[string]any{"show": false}
		opt["grid"] = map[string]any{"top": 50, "bottom": 90, "left": 80, "right": 30}
		opt["visualMap"] = map[string]any{
			"min": -extent, "max": extent, "calculable": true, "orient": "horizontal",
			"right": 30, "top": 0, "precision": 2,
			"inRange": map[string]any{"color": []string{"#b2182b", "#f7f7f7", "#2166ac"}},
		}
		zoom(opt, len(names))
	})
	return c, err
}

func salienceChart(cmp *compare.Comparison, points [][]point, capped bool) (chart, error) {
	c := chart{
		ID:    "chart-salience",
		Title: "Salience against tone, one point per article and actor",
		Guide: "Right means the actor takes a larger share of the article's actor mentions, up means a warmer sentiment toward its mentions; hover a point for its outlet and article.",
	}
	if capped {
		c.Guide += fmt.Sprintf(" Only the %d articles with the most actor mentions are drawn.", MaxSalienceArticles)
	}
	sc := charts.NewScatter()
	sc.SetGlobalOptions(append(base(c.ID),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: "share of mentions", Min: 0, Max: 1}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: "mean tone"}),
	)...)
	for j, actor := range cmp.Actors {
		var data []opts.ScatterData
		if j < len(points) {
			for _, p := range points[j] {
				data = append(data, opts.ScatterData{Name: p.Name, Value: []any{value(p.Share, 4), value(p.Tone, 4)}})
			}
		}
		sc.AddSeries(actor, data)
	}
	var err error
	c.Options, err = options(sc, func(opt map[string]any) {
		opt["grid"] = map[string]any{"top": 40, "bottom": 50, "left": 60, "right": 90}
	})
	return c, err
}

func balanceChart(cmp *compare.Comparison) (chart, error) {
	c := chart{
		ID:    "chart-balance",
		Title: "Balance by outlet",
		Guide: "Voice and mention balance run from 0 (one actor has everything) to 1 (all actors equal); the sentiment gap is the warmest minus the coldest actor's tone.",
	}
	var names []string
	var voice, mention, gap []opts.BarData
	for _, b := range cmp.Balance {
		if b.Level != compare.LevelOutlet {
			continue
		}
		names = append(names, b.ID)
		voice = append(voice, opts.BarData{Value: value(b.Voice, 4)})
		mention = append(mention, opts.BarData{Value: value(b.Mention, 4)})
		gap = append(gap, opts.BarData{Value: value(b.SentimentGap, 4)})
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(base(c.ID),
		charts.WithTooltipOpts(opts.Tooltip{Trigger: "axis"}),
	)...)
	bar.SetXAxis(names).
		AddSeries("voice balance", voice).
		AddSeries("mention balance", mention).
		AddSeries("sentiment gap", gap)
	var err error
	c.Options, err = options(bar, func(opt map[string]any) {
		opt["color"] = []string{"#9a60b4", "#73c0de", "#fc8452"} // not the actors' colours
		zoom(opt, len(names))
	})
	return c, err
}
