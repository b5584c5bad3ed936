package report

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/slant-news/slant/analysis/compare"

	"github.com/slant-news/slant/analysis"
)

// HTMLFile is the interactive report a run writes next to the CSV files.
const HTMLFile = "report.html"

// Outputs lists every file a run writes.
func Outputs() []string { return append(slices.Clone(Files), HTMLFile) }

// EChartsVersion is the version of the inlined assets/echarts.min.js (npm
// package echarts).
const EChartsVersion = "6.1.0"

// BriefWords is the body length under which the report flags an article as
// a brief: a handful of mentions or statements make shares mean little.
const BriefWords = 150

//go:embed assets/echarts.min.js
var echartsJS string

//go:embed report.html.tmpl
var pageTemplate string

// HTML writes report.html: charts of the outlet comparison and a table of
// the articles with the evidence behind each figure. Article rows are
// rendered as articles stream in and kept in a temporary file until Close,
// so that no article text stays in memory.
type HTML struct {
	dir    string
	actors []string
	tmpl   *template.Template
	rows   *os.File
	buf    *bufio.Writer // rows are small: without it, a write per template piece
	quotes bool          // some article has a statement
	points salience      // the salience chart's
}

// HTMLRenderer returns an HTML that only renders rows (Render), for a run
// that writes them elsewhere: analyze -partial.
func HTMLRenderer(actors []string) (*HTML, error) {
	tmpl, err := template.New("report").Parse(pageTemplate)
	if err != nil {
		return nil, fmt.Errorf("report template: %w", err)
	}
	return &HTML{dir: ".", actors: actors, tmpl: tmpl}, nil
}

// CreateHTML prepares report.html in dir (which must exist) for the given
// actor table.
func CreateHTML(dir string, actors []string) (*HTML, error) {
	tmpl, err := template.New("report").Parse(pageTemplate)
	if err != nil {
		return nil, fmt.Errorf("report template: %w", err)
	}
	rows, err := os.CreateTemp(dir, ".report-rows-*.tmp")
	if err != nil {
		return nil, fmt.Errorf("creating the report: %w", err)
	}
	return &HTML{dir: dir, actors: actors, tmpl: tmpl, rows: rows, buf: bufio.NewWriterSize(rows, 64<<10)}, nil
}

// Article renders and writes the table row of one analysed article.
func (h *HTML) Article(a *analysis.Article) error {
	r, err := h.Render(a)
	if err != nil {
		return err
	}
	return h.WriteRow(&r)
}

// HTMLRow is an article's table row, rendered apart from writing so that
// the workers can render in parallel.
type HTMLRow struct {
	HTML   []byte
	Quotes bool    // the article has a statement
	Points []point // its points on the salience chart
}

// point is an article's actor on the salience chart: its share of the
// article's actor mentions against the tone toward it.
type point struct {
	Actor       int // in table order
	Name        string
	Mentions    int // the article's mentions of the actor
	Share, Tone float64
}

// pointName is what a point's tooltip says of its article.
func pointName(outlet, id string) string { return outlet + " · " + id }

// points returns the article's points on the salience chart.
func points(a *analysis.Article, actors []string) []point {
	total := 0
	for _, st := range a.Actors {
		total += st.Mentions
	}
	var out []point
	for _, st := range a.Actors {
		j := slices.Index(actors, st.Actor)
		if j < 0 || st.Mentions == 0 {
			continue
		}
		// as the comparison's summary has it: a sum over the mentions
		sum := st.Sentiment * float64(st.Mentions)
		out = append(out, point{Actor: j, Name: pointName(a.Outlet, a.ID), Mentions: st.Mentions,
			Share: float64(st.Mentions) / float64(total), Tone: sum / float64(st.Mentions)})
	}
	return out
}

// Render renders the table row of one analysed article. It is safe for
// concurrent use.
func (h *HTML) Render(a *analysis.Article) (HTMLRow, error) {
	r := tableRow(a, h.actors)
	var buf bytes.Buffer
	buf.Grow(4096) // a row's markup: growing from nothing took several copies
	if err := h.tmpl.ExecuteTemplate(&buf, "row", r); err != nil {
		return HTMLRow{}, fmt.Errorf("writing %s: %w", filepath.Join(h.dir, HTMLFile), err)
	}
	return HTMLRow{HTML: buf.Bytes(), Quotes: r.Quotes > 0, Points: points(a, h.actors)}, nil
}

// WriteRow writes a rendered row; rows go into the table in the order
// written.
func (h *HTML) WriteRow(r *HTMLRow) error {
	h.quotes = h.quotes || r.Quotes
	h.points.nActor = len(h.actors)
	h.points.add(r.Points)
	if _, err := h.buf.Write(r.HTML); err != nil {
		return fmt.Errorf("writing %s: %w", filepath.Join(h.dir, HTMLFile), err)
	}
	return nil
}

// Close writes report.html from the comparison and the rows so far, and
// removes the temporary file.
func (h *HTML) Close(cmp *compare.Comparison) (err error) {
	path := filepath.Join(h.dir, HTMLFile)
	defer func() {
		name := h.rows.Name()
		err = errors.Join(err, h.rows.Close(), os.Remove(name))
	}()
	if err := h.buf.Flush(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	points, capped := h.points.series()
	page, err := newPage(cmp, h.quotes, points, capped)
	if err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("creating the report: %w", err)
	}
	w := bufio.NewWriterSize(f, 64<<10)
	werr := h.tmpl.ExecuteTemplate(w, "head", page)
	if werr == nil {
		if _, werr = h.rows.Seek(0, io.SeekStart); werr == nil {
			_, werr = io.Copy(w, h.rows)
		}
	}
	if werr == nil {
		werr = h.tmpl.ExecuteTemplate(w, "tail", page)
	}
	if werr == nil {
		werr = w.Flush()
	}
	if werr = errors.Join(werr, f.Close()); werr != nil {
		return fmt.Errorf("writing %s: %w", path, werr)
	}
	return nil
}

// page is what the head and the tail of the page show.
type page struct {
	ECharts        template.JS
	EChartsVersion string
	Colors         []template.CSS
	Actors         []string
	Articles       int
	Outlets        int
	Single         int // outlets with a single article: no intervals
	Resamples      int
	Seed           uint64
	Quotes         bool
	Charts         []chart
	Options        template.JS // {"chart id": options, ...}
}

func newPage(cmp *compare.Comparison, quotes bool, points [][]point, capped bool) (*page, error) {
	charts, err := buildCharts(cmp, points, capped)
	if err != nil {
		return nil, err
	}
	p := &page{
		ECharts:        template.JS(echartsJS),
		EChartsVersion: EChartsVersion,
		Actors:         cmp.Actors,
		Articles:       cmp.Articles,
		Resamples:      cmp.Config.Resamples,
		Seed:           cmp.Config.Seed,
		Quotes:         quotes,
		Charts:         charts,
	}
	for _, c := range palette() {
		p.Colors = append(p.Colors, template.CSS(c))
	}
	for _, b := range cmp.Balance {
		if b.Level == compare.LevelOutlet {
			p.Outlets++
			if b.Articles < compare.MinBootstrapArticles {
				p.Single++
			}
		}
	}
	var opts bytes.Buffer
	opts.WriteString("{")
	for i, c := range charts {
		if i > 0 {
			opts.WriteString(",")
		}
		fmt.Fprintf(&opts, "%q:%s", c.ID, c.Options) // IDs are ours: plain ASCII
	}
	opts.WriteString("}")
	p.Options = template.JS(opts.String())
	return p, nil
}

// row is one article of the table.
type row struct {
	ID, Outlet, Title, Date, URL string
	Words                        int
	Brief                        bool
	BriefWords                   int
	Quotes                       int
	Actors                       []rowActor
}

// rowActor is one actor of an article with the evidence behind its figures.
type rowActor struct {
	Name      string
	Color     int // index into palette
	Mentions  int
	Quotes    int // statements whose speakers include the actor
	Sentences int
	Tone      string
	// Evidence and Statements are the sentences about the actor and its
	// statements (the evidence behind its voice), rendered here rather than
	// by the template: they are the bulk of a row, and html/template's
	// reflection made them slower than analysing the article.
	Evidence   template.HTML
	Statements template.HTML
}

// statement is one attributed statement behind an actor's voice.
type statement struct {
	N                  int // the number of the sentence it starts in
	Speaker, Kind, Cue string
	Text               string
}

// evidence is one sentence behind an actor's figures.
type evidence struct {
	N     int // the sentence's number, as in sentences.csv
	Tone  string
	Spans []span
}

// span is a run of a sentence's text: plain or an actor mention.
type span struct {
	Kind  string // "" or "mention"
	Color int    // the mentioned actor's palette index
	Text  string
}

func tableRow(a *analysis.Article, actors []string) row {
	r := row{
		ID: a.ID, Outlet: a.Outlet, Title: a.Title, Date: a.Date, URL: a.URL,
		Words: a.Words, Brief: a.Words < BriefWords, BriefWords: BriefWords,
		Quotes: len(a.Quotes),
	}
	color := func(actor string) int { return max(0, slices.Index(actors, actor)) % len(palette()) }
	bySentence := map[int][]analysis.Mention{}
	for _, m := range a.Mentions {
		bySentence[m.Sentence] = append(bySentence[m.Sentence], m)
	}
	for _, st := range a.Actors {
		ra := rowActor{
			Name: st.Actor, Color: color(st.Actor), Mentions: st.Mentions,
			Quotes: st.Quotes, Sentences: st.Sentences, Tone: tone(st.Sentiment),
		}
		var b strings.Builder
		for _, q := range a.Quotes {
			if slices.Contains(q.Actors, st.Actor) {
				statement{N: q.Sentence, Speaker: q.Speaker, Kind: q.Kind, Cue: q.Cue, Text: q.Text}.render(&b)
			}
		}
		ra.Statements = template.HTML(b.String())
		b.Reset()
		for _, s := range a.Sentences {
			if slices.Contains(s.Actors, st.Actor) {
				evidence{N: s.N, Tone: tone(actorScore(bySentence[s.N], st.Actor)), Spans: spans(s, bySentence[s.N], color)}.render(&b)
			}
		}
		ra.Evidence = template.HTML(b.String())
		r.Actors = append(r.Actors, ra)
	}
	return r
}

// render writes the statement's list item as the template did:
// <li><span class="tone">{{.N}}</span> <q>{{.Text}}</q> — {{.Speaker}}{{with .Cue}}, {{.}}{{end}} <span class="kind">{{.Kind}}</span></li>
func (st statement) render(b *strings.Builder) {
	b.WriteString(`<li><span class="tone">`)
	b.WriteString(strconv.Itoa(st.N))
	b.WriteString(`</span> <q>`)
	escapeHTML(b, st.Text)
	b.WriteString(`</q> — `)
	escapeHTML(b, st.Speaker)
	if st.Cue != "" {
		b.WriteString(", ")
		escapeHTML(b, st.Cue)
	}
	b.WriteString(` <span class="kind">`)
	escapeHTML(b, st.Kind)
	b.WriteString(`</span></li>`)
}

// render writes the sentence's list item as the template did:
// <li value="{{.N}}"><span class="tone">{{.Tone}}</span> {{range .Spans}}{{if eq .Kind "mention"}}<mark class="a{{.Color}}">{{.Text}}</mark>{{else}}{{.Text}}{{end}}{{end}}</li>
func (e evidence) render(b *strings.Builder) {
	b.WriteString(`<li value="`)
	b.WriteString(strconv.Itoa(e.N))
	b.WriteString(`"><span class="tone">`)
	escapeHTML(b, e.Tone)
	b.WriteString(`</span> `)
	for _, sp := range e.Spans {
		if sp.Kind == "mention" {
			b.WriteString(`<mark class="a`)
			b.WriteString(strconv.Itoa(sp.Color))
			b.WriteString(`">`)
			escapeHTML(b, sp.Text)
			b.WriteString(`</mark>`)
		} else {
			escapeHTML(b, sp.Text)
		}
	}
	b.WriteString(`</li>`)
}

// escapeHTML writes s escaped as html/template escapes text in element
// content and quoted attributes (its htmlEscaper): NUL becomes U+FFFD, and
// " & ' + < > character references; all else, invalid UTF-8 included, is
// copied. TestEscapeHTML holds it to html/template.
func escapeHTML(b *strings.Builder, s string) {
	written := 0
	for i := 0; i < len(s); i++ {
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		default:
			continue
		}
		b.WriteString(s[written:i])
		b.WriteString(repl)
		written = i + 1
	}
	b.WriteString(s[written:])
}

// actorScore is the mean sentiment toward the actor's mentions among ms.
func actorScore(ms []analysis.Mention, actor string) float64 {
	sum, n := 0.0, 0
	for _, m := range ms {
		if m.Actor == actor {
			sum += m.Score
			n++
		}
	}
	if n == 0 {
		return math.NaN()
	}
	return sum / float64(n)
}

// spans cuts a sentence at its mentions. Mentions are byte offsets into the
// sentence's part; one that falls outside the sentence or overlaps the one
// before is left plain rather than trusted.
func spans(s analysis.Sentence, mentions []analysis.Mention, color func(string) int) []span {
	var out []span
	at := 0
	for _, m := range mentions {
		start, end := m.Start-s.Start, m.End-s.Start
		if start < at || end <= start || end > len(s.Text) {
			continue
		}
		if start > at {
			out = append(out, span{Text: s.Text[at:start]})
		}
		out = append(out, span{Kind: "mention", Color: color(m.Actor), Text: s.Text[start:end]})
		at = end
	}
	if at < len(s.Text) {
		out = append(out, span{Text: s.Text[at:]})
	}
	return out
}

// tone formats a tone for the page; – when there is none.
func tone(f float64) string {
	if math.IsNaN(f) {
		return "–"
	}
	return fixed(f, 2)
}
