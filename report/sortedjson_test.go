package report

import (
	"encoding/json"
	"maps"
	"testing"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// sortedJSONCases seed FuzzSortedJSON: the shapes of the chart options
// (go-echarts' structs in field order, data points, rounded figures, the
// members withKeys adds after an object's own) and the corners of
// json.Marshal's numbers and strings.
var sortedJSONCases = []string{
	`{}`, `[]`, `null`, `true`, `false`, `0`, `-0`, `"x"`, `""`,
	`{"title":{},"legend":{"show":true,"top":"0","left":"0"},"series":[{"name":"A","type":"bar","data":[{"value":0.1234},{"value":"-"}]}]}`,
	`{"value":["2014-04-01",-0.062,31]}`,
	`{"show":false,"trigger":"axis","show":true,"renderMode":"richText"}`,
	`{"b":1,"a":2,"b":3,"a":{"z":[1,2,{"y":1,"x":2}]}}`,
	`[0.5,12.25,-0.000001,0.0000001,1e-7,1E21,1e21,123456789012345,1234567890123456,0.10,1.0,100,2419200000,-0.785,0.6,3.4028234663852886e38]`,
	`[1e400]`, `[-1e-400]`, `[0.1000000000000000055511151231257827]`, `[99999999999999999999999]`,
	`["<b> & \u2028 \u2029", "a\"b\\c\/d", "\u00e9\u0000\u001f\t\n\b\f", "\ud800", "\udc00x", "·", "é"]`,
	" { \"a\" : [ 1 , 2 ] , \"b\" : { } }\n",
	`{"\u0062":1,"a":2,"a\u0000":3,"<":4,"&":5,"\u2028":6}`,
	"[\"\xff\xfe\", \"a\xc3\"]", "{\"\xff\":1,\"\xfe\":2}",
	`{"x":1`, `[1,]`, `{"a" 1}`, `tru`, `"abc`, `01`, `-`, `1.`, `{"a":1}x`, ``,
}

// FuzzSortedJSON holds sortedJSON to json.Unmarshal into an any and
// json.Marshal again, on any JSON that json.Unmarshal takes; on anything
// else it must not panic.
func FuzzSortedJSON(f *testing.F) {
	for _, c := range sortedJSONCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		got, err := sortedJSON(nil, src)
		var v any
		if json.Unmarshal(src, &v) != nil {
			return
		}
		want, werr := json.Marshal(v)
		if werr != nil {
			t.Fatal(werr)
		}
		if err != nil || string(got) != string(want) {
			t.Errorf("sortedJSON(%q) = %q, %v; json.Marshal of json.Unmarshal gives %q", src, got, err, want)
		}
	})
}

// TestSortedJSONErrors checks that what json.Unmarshal refuses among the
// cases, sortedJSON does not take silently as JSON either, but for what it
// leaves to its caller (src is json.Marshal's output).
func TestSortedJSONErrors(t *testing.T) {
	for _, c := range []string{`{"x":1`, `[1,]`, `{"a" 1}`, `tru`, `"abc`, `-`, `{"a":1}x`, ``, `[1e400]`, `{"a":1,}`, `[1 2]`, `{1:2}`} {
		if _, err := sortedJSON(nil, []byte(c)); err == nil {
			t.Errorf("sortedJSON(%q): no error", c)
		}
	}
}

// TestOptionKeys holds the ways options sets keys in go-echarts' values
// (withKeys; setSymbols in a chart's series) to setting them in the value
// decoded into a map, as options did before sortedJSON.
func TestOptionKeys(t *testing.T) {
	// decodedWith is json.Marshal of v decoded, with keys set.
	decodedWith := func(v any, keys map[string]any) string {
		raw, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		if m == nil {
			m = map[string]any{}
		}
		maps.Copy(m, keys)
		out, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}
	sorted := func(v any) string {
		raw, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		out, err := sortedJSON(nil, raw)
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}
	keys := map[string]any{"show": true, "renderMode": "richText", "minInterval": int64(86400e3), "itemStyle": map[string]any{"decal": map[string]any{"rotation": -0.785}}}
	for _, v := range []any{
		nil, map[string]any{}, map[string]any{"show": false, "b": 1},
		opts.Tooltip{}, opts.Tooltip{Show: opts.Bool(false), Trigger: "axis"},
		opts.XAxis{Type: "time", Name: "period start (day)", AxisLabel: &opts.AxisLabel{Formatter: "{yyyy}-{MM}-{dd}"}},
		charts.SingleSeries{Name: "A & <B>", Type: "bar", ItemStyle: &opts.ItemStyle{Color: "#555", Opacity: opts.Float(0.6)}, Data: []opts.BarData{{Value: 0.25}}},
	} {
		for _, k := range []map[string]any{{}, keys} {
			if got, want := sorted(withKeys{v, k}), decodedWith(v, k); got != want {
				t.Errorf("withKeys{%#v, %v}:\n%s\nset in the decoded map:\n%s", v, k, got, want)
			}
		}
	}
	if _, err := json.Marshal(withKeys{[]int{1}, keys}); err == nil {
		t.Error("withKeys in an array: no error")
	}

	for _, show := range []bool{false, true} {
		line := charts.NewLine()
		line.AddSeries("A", []opts.LineData{{Value: []any{"2024-01-01", 0.5, 3}}}, charts.WithLineChartOpts(opts.LineChart{SymbolSize: 3, ShowSymbol: opts.Bool(false)}))
		line.AddSeries("B", nil)
		line.Validate()
		opt := line.JSON()
		var want []string
		keys := map[string]any{"symbolSize": 7}
		if show {
			keys["showSymbol"] = true
		}
		for _, s := range opt["series"].(charts.MultiSeries) {
			want = append(want, decodedWith(s, keys))
		}
		setSymbols(opt, 7, show)
		for i, s := range opt["series"].(charts.MultiSeries) {
			if got := sorted(s); got != want[i] {
				t.Errorf("setSymbols(7, %v), series %d:\n%s\nkeys set in the decoded map:\n%s", show, i, got, want[i])
			}
		}
	}
}
