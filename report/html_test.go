package report

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	htmltemplate "html/template"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/slant-news/slant/analysis/compare"

	"github.com/slant-news/slant/analysis"
	"github.com/slant-news/slant/corpus"
)

func TestSpans(t *testing.T) {
	color := func(actor string) int { return len(actor) } // any stable index
	// The sentence starts at byte 10 of its part.
	s := analysis.Sentence{Start: 10, Text: "Kyiv and Moscow met."}
	m := func(start, end int, actor string) analysis.Mention {
		return analysis.Mention{Start: 10 + start, End: 10 + end, Actor: actor}
	}
	tests := []struct {
		name     string
		mentions []analysis.Mention
		want     []span
	}{
		{"none", nil, []span{{Text: "Kyiv and Moscow met."}}},
		{"two", []analysis.Mention{m(0, 4, "Ukraine"), m(9, 15, "Russia")}, []span{
			{Kind: "mention", Color: 7, Text: "Kyiv"}, {Text: " and "},
			{Kind: "mention", Color: 6, Text: "Moscow"}, {Text: " met."},
		}},
		{"outside the sentence: left plain", []analysis.Mention{m(-3, 2, "X"), m(18, 40, "X")}, []span{{Text: "Kyiv and Moscow met."}}},
		{"overlapping: the second left plain", []analysis.Mention{m(0, 8, "A"), m(5, 15, "B")}, []span{
			{Kind: "mention", Color: 1, Text: "Kyiv and"}, {Text: " Moscow met."},
		}},
		{"empty mention: ignored", []analysis.Mention{m(3, 3, "A")}, []span{{Text: "Kyiv and Moscow met."}}},
	}
	for _, tt := range tests {
		if got := appendSpans(nil, s, tt.mentions, color); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: spans = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestTone(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0.123, "0.12"}, {-0.001, "0.00"}, {-0.5, "-0.50"}, {math.NaN(), "–"},
	}
	for _, tt := range tests {
		if got := tone(tt.in); got != tt.want {
			t.Errorf("tone(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestHTMLEscapes writes a report whose every input text carries markup and
// checks that none of it reaches the page unescaped, in the table or in the
// chart options. TestReportInBrowser (cmd/slant) checks the same in a
// browser.
func TestHTMLEscapes(t *testing.T) {
	const probe = `</script><script>alert(1)</script><img src=x onerror=alert(2)>`
	an, err := analysis.New(analysis.Config{})
	if err != nil {
		t.Fatal(err)
	}
	actors := an.Actors().Names()
	cmp := compare.New(actors, compare.Config{Resamples: 50, Seed: 1})
	dir := t.TempDir()
	h, err := CreateHTML(dir, actors)
	if err != nil {
		t.Fatal(err)
	}
	for i, id := range []string{"one" + probe, "two"} {
		a := an.Analyze(corpus.Article{
			ID: id, Outlet: "Outlet" + probe, Title: probe + " Russia",
			URL:  "javascript:alert(3)",
			Text: "Kyiv said " + probe + ". Moscow disagreed" + strings.Repeat("!", i) + ".",
		})
		cmp.Add(a.Summary(actors))
		if err := h.Article(a); err != nil {
			t.Fatal(err)
		}
	}
	res := cmp.Result()
	if err := h.Close(&res, nil, nil); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(dir, HTMLFile))
	if err != nil {
		t.Fatal(err)
	}
	page = bytes.Replace(page, []byte(echartsJS), nil, 1)
	for _, bad := range []string{"<img", "alert(1)</script>", "javascript:"} {
		if bytes.Contains(page, []byte(bad)) {
			t.Errorf("the page holds %q unescaped", bad)
		}
	}
	if n := bytes.Count(page, []byte("<script")); n != 5 { // ECharts, evidence, data, rows, ours
		t.Errorf("%d script elements, want 5", n)
	}
	if data := blob(t, page, "slant-data"); !bytes.Contains(data, []byte(`Outlet\u003c/script\u003e`)) {
		t.Error("the outlet name is not in the chart options, JSON-escaped")
	}
	if rows := blob(t, page, "slant-rows"); !bytes.Contains(rows, []byte(`Outlet&lt;/script&gt;`)) || bytes.Contains(rows, []byte("<img")) || bytes.Contains(rows, []byte("javascript:")) {
		t.Error("the outlet name is not in the table, HTML-escaped")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 { // the temporary files are gone
		t.Errorf("files left in the output directory: %v", entries)
	}
}

// blob returns the decompressed content of the page's base64-of-gzip
// script element id.
func blob(t *testing.T, page []byte, id string) []byte {
	t.Helper()
	m := regexp.MustCompile(`id="` + id + `">([A-Za-z0-9+/=]*)</script>`).FindSubmatch(page)
	if m == nil {
		t.Fatalf("no %s in the page", id)
	}
	z, err := base64.StdEncoding.DecodeString(string(m[1]))
	if err != nil {
		t.Fatal(err)
	}
	r, err := gzip.NewReader(bytes.NewReader(z))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestAccuracyTables holds the methods section's accuracy tables
// (accuracy.md) to the README's: each caption's table is there verbatim.
func TestAccuracyTables(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	tables := accuracy()
	if len(tables) < 3 {
		t.Fatalf("%d accuracy tables, want at least 3", len(tables))
	}
	for _, block := range strings.Split(accuracyTables, "\n\n") {
		if strings.HasPrefix(block, "|") && !bytes.Contains(readme, []byte(strings.TrimSpace(block))) {
			t.Errorf("README.md does not hold this table of accuracy.md:\n%s", block)
		}
	}
	for _, tb := range tables {
		if len(tb.Rows) == 0 || len(tb.Header) < 3 {
			t.Errorf("table %q: %d columns, %d rows", tb.Caption, len(tb.Header), len(tb.Rows))
		}
	}
}

// TestEscapeHTML holds appendHTML to what html/template writes for text in
// element content and in a quoted attribute.
func TestEscapeHTML(t *testing.T) {
	for _, s := range []string{
		"", "plain", `<script>alert("x" + 'y')</script> & more`, "nul\x00byte",
		"invalid \xff\xfe utf-8 \xe2\x80", "“curly” — dash ’s", "\ufdd0\uffff", "a+b=c",
	} {
		checkEscapeHTML(t, s)
	}
}

// FuzzEscapeHTML holds appendHTML to html/template on any string.
func FuzzEscapeHTML(f *testing.F) {
	f.Add(`<a href="x">'&'+</a>`)
	f.Add("nul\x00 \xff\xe2\x80")
	f.Fuzz(checkEscapeHTML)
}

var escapeTemplate = htmltemplate.Must(htmltemplate.New("").Parse(`<p>{{.}}</p><p title="{{.}}"></p>`))

func checkEscapeHTML(t *testing.T, s string) {
	var want bytes.Buffer
	if err := escapeTemplate.Execute(&want, s); err != nil {
		t.Fatal(err)
	}
	e := string(appendHTML(nil, s))
	if got := "<p>" + e + `</p><p title="` + e + `"></p>`; got != want.String() {
		t.Errorf("appendHTML(%q) = %q, html/template gives %q", s, got, want.String())
	}
}

// TestPageData holds pageData to json.Marshal of the same object, for
// options that json.Marshal wrote, as options does.
func TestPageData(t *testing.T) {
	opt := func(v any) json.RawMessage {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	cases := []map[string]chartData{
		{},
		{"chart-a": {Options: []json.RawMessage{opt(map[string]any{"title": "<b> & \u2028", "x": []float64{1, 0.5}})}, Columns: []string{"outlet", "tone"}, Kind: "fixed"}},
		{"chart-b": {Kind: "view"}, "chart-a\"<": {Options: []json.RawMessage{opt(1), nil, opt("x")}, Columns: []string{}, Kind: "time"}, "": {Options: []json.RawMessage{}}},
	}
	for _, charts := range cases {
		want, err := json.Marshal(struct {
			Charts  map[string]chartData `json:"charts"`
			Chunk   int                  `json:"chunk"`
			Palette []string             `json:"palette"`
		}{charts, EvidenceChunk, palette()})
		if err != nil {
			t.Fatal(err)
		}
		got, err := pageData(charts, EvidenceChunk, palette())
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("pageData:\n%s\njson.Marshal:\n%s", got, want)
		}
	}
}
