package report

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/base64"
	"encoding/json"
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

	"github.com/slant-news/slant/analysis"
	"github.com/slant-news/slant/analysis/attribution"
	"github.com/slant-news/slant/analysis/compare"
	"github.com/slant-news/slant/analysis/timeline"
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

// HTML writes report.html: charts of the outlet comparison and of the
// coverage over time, a table of the articles with the evidence behind each
// figure, and the methods. Article rows are rendered as articles stream in
// and kept in a temporary file until Close, so that no article text stays
// in memory; the evidence (the sentences and statements behind an
// article's figures, the bulk of the page) goes, gzip-compressed in chunks
// of EvidenceChunk articles and base64-encoded, into a second one, and the
// page decompresses a chunk (DecompressionStream) when an article of it is
// opened. The rows and the chart options are compressed likewise into the
// page and decompressed as it opens.
type HTML struct {
	dir     string
	actors  []string
	tmpl    *template.Template
	rows    *os.File
	buf     *bufio.Writer // rows are small: without it, a write per template piece
	ev      *os.File
	evBuf   *bufio.Writer
	chunk   bytes.Buffer // the evidence chunk being filled: a JSON array's elements
	inChunk int          // articles in the chunk
	chunks  int          // chunks written
	written int          // rows written
	gz      *gzip.Writer // reused for every chunk
	quotes  bool         // some article has a statement
	points  salience     // the salience chart's
}

// EvidenceChunk is how many articles' evidence the page compresses
// together: large enough for gzip to find repeats, small enough that
// opening an article decompresses little.
const EvidenceChunk = 50

// CreateHTML prepares report.html in dir (which must exist) for the given
// actor table.
// HTMLRenderer returns an HTML that only renders rows (Render), for a run
// that writes them elsewhere: analyze -partial.
func HTMLRenderer(actors []string) (*HTML, error) {
	tmpl, err := template.New("report").Parse(pageTemplate)
	if err != nil {
		return nil, fmt.Errorf("report template: %w", err)
	}
	return &HTML{dir: ".", actors: actors, tmpl: tmpl}, nil
}

func CreateHTML(dir string, actors []string) (*HTML, error) {
	tmpl, err := template.New("report").Parse(pageTemplate)
	if err != nil {
		return nil, fmt.Errorf("report template: %w", err)
	}
	rows, err := os.CreateTemp(dir, ".report-rows-*.tmp")
	if err != nil {
		return nil, fmt.Errorf("creating the report: %w", err)
	}
	ev, err := os.CreateTemp(dir, ".report-evidence-*.tmp")
	if err != nil {
		return nil, errors.Join(fmt.Errorf("creating the report: %w", err), rows.Close(), os.Remove(rows.Name()))
	}
	gz, _ := gzip.NewWriterLevel(io.Discard, gzip.DefaultCompression) // the level is valid
	return &HTML{
		dir: dir, actors: actors, tmpl: tmpl,
		rows: rows, buf: bufio.NewWriterSize(rows, 64<<10),
		ev: ev, evBuf: bufio.NewWriterSize(ev, 64<<10), gz: gz,
	}, nil
}

// Article renders and writes the table row of one analysed article.
func (h *HTML) Article(a *analysis.Article) error {
	r, err := h.Render(a)
	if err != nil {
		return err
	}
	return h.WriteRow(&r)
}

// HTMLRow is an article's table row and evidence, rendered apart from
// writing so that the workers can render in parallel.
type HTMLRow struct {
	HTML     []byte
	Evidence []byte  // a JSON string: the evidence's markup
	Quotes   bool    // the article has a statement
	Points   []point // its points on the salience chart
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
	buf.Grow(1024)
	if err := h.tmpl.ExecuteTemplate(&buf, "row", r); err != nil {
		return HTMLRow{}, fmt.Errorf("writing %s: %w", filepath.Join(h.dir, HTMLFile), err)
	}
	ev, err := json.Marshal(r.evidence())
	if err != nil {
		return HTMLRow{}, fmt.Errorf("writing %s: %w", filepath.Join(h.dir, HTMLFile), err)
	}
	return HTMLRow{HTML: buf.Bytes(), Evidence: ev, Quotes: r.Quotes > 0, Points: points(a, h.actors)}, nil
}

// WriteRow writes a rendered row; rows go into the table in the order
// written.
func (h *HTML) WriteRow(r *HTMLRow) error {
	h.quotes = h.quotes || r.Quotes
	h.points.add(r.Points)
	fmt.Fprintf(h.buf, `<tr data-i="%d">`, h.written)
	h.written++
	if _, err := h.buf.Write(r.HTML); err != nil {
		return fmt.Errorf("writing %s: %w", filepath.Join(h.dir, HTMLFile), err)
	}
	if h.inChunk > 0 {
		h.chunk.WriteByte(',')
	}
	h.chunk.Write(r.Evidence)
	h.inChunk++
	if h.inChunk == EvidenceChunk {
		return h.flushChunk()
	}
	return nil
}

// flushChunk compresses the evidence chunk into the evidence file as a
// JSON string of base64: characters that cannot end a script element.
func (h *HTML) flushChunk() error {
	if h.inChunk == 0 {
		return nil
	}
	var z bytes.Buffer
	h.gz.Reset(&z)
	h.gz.Write([]byte("["))
	h.gz.Write(h.chunk.Bytes())
	h.gz.Write([]byte("]"))
	if err := h.gz.Close(); err != nil {
		return fmt.Errorf("compressing the evidence: %w", err)
	}
	if h.chunks > 0 {
		h.evBuf.WriteByte(',')
	}
	h.evBuf.WriteByte('"')
	enc := base64.NewEncoder(base64.StdEncoding, h.evBuf)
	enc.Write(z.Bytes())
	enc.Close()
	if err := h.evBuf.WriteByte('"'); err != nil {
		return fmt.Errorf("writing %s: %w", filepath.Join(h.dir, HTMLFile), err)
	}
	h.chunks++
	h.chunk.Reset()
	h.inChunk = 0
	return nil
}

// Close writes report.html from the comparison, the timeline, the
// manifest and the rows so far, and removes the temporary files. tl and m
// may be nil.
func (h *HTML) Close(cmp *compare.Comparison, tl *timeline.Timeline, m *Manifest) (err error) {
	path := filepath.Join(h.dir, HTMLFile)
	defer func() {
		for _, f := range []*os.File{h.rows, h.ev} {
			err = errors.Join(err, f.Close(), os.Remove(f.Name()))
		}
	}()
	if err := errors.Join(h.flushChunk(), h.buf.Flush(), h.evBuf.Flush()); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if tl == nil {
		tl = &timeline.Timeline{Period: timeline.Day, Actors: cmp.Actors}
	}
	page, err := newPage(cmp, tl, m, h.quotes, &h.points)
	if err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("creating the report: %w", err)
	}
	w := bufio.NewWriterSize(f, 64<<10)
	werr := errors.Join(
		h.tmpl.ExecuteTemplate(w, "head", page),
		h.tmpl.ExecuteTemplate(w, "middle", page),
		h.blobs(w, page),
		h.tmpl.ExecuteTemplate(w, "tail", page),
		w.Flush(),
		f.Close(),
	)
	if werr != nil {
		return fmt.Errorf("writing %s: %w", path, werr)
	}
	return nil
}

// blobs writes the page's data as script elements the page's script
// decodes: the chart options and the article table (each base64 of gzip),
// and the evidence (a JSON array of such chunks). Base64 has no character
// that could end a script element.
func (h *HTML) blobs(w io.Writer, p *page) error {
	compressed := func(id string, parts ...io.Reader) error {
		if _, err := fmt.Fprintf(w, `<script type="application/octet-stream" id="%s">`, id); err != nil {
			return err
		}
		enc := base64.NewEncoder(base64.StdEncoding, w)
		h.gz.Reset(enc)
		for _, r := range parts {
			if _, err := io.Copy(h.gz, r); err != nil {
				return err
			}
		}
		err := errors.Join(h.gz.Close(), enc.Close())
		_, werr := io.WriteString(w, "</script>\n")
		return errors.Join(err, werr)
	}
	if _, err := h.rows.Seek(0, io.SeekStart); err != nil {
		return err
	}
	if _, err := h.ev.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err := io.WriteString(w, `<script type="application/json" id="slant-evidence">[`)
	if err == nil {
		_, err = io.Copy(w, h.ev)
	}
	if err == nil {
		_, err = io.WriteString(w, "]</script>\n")
	}
	return errors.Join(err,
		compressed("slant-data", bytes.NewReader(p.data)),
		compressed("slant-rows", h.rows))
}

//go:embed accuracy.md
var accuracyTables string

// accuracyTable is one of the README's accuracy tables, which the methods
// section repeats (TestAccuracyTables holds them to the README).
type accuracyTable struct {
	Caption string
	Header  []string
	Rows    [][]string
}

// accuracy parses accuracy.md: paragraphs, each caption followed by a
// Markdown table (header, alignment row, rows).
func accuracy() []accuracyTable {
	cells := func(line string) []string {
		f := strings.Split(strings.Trim(strings.TrimSpace(line), "|"), "|")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		return f
	}
	var out []accuracyTable
	for _, block := range strings.Split(strings.TrimSpace(accuracyTables), "\n\n") {
		lines := strings.Split(strings.TrimSpace(block), "\n")
		if !strings.HasPrefix(lines[0], "|") {
			out = append(out, accuracyTable{Caption: strings.Join(lines, " ")})
			continue
		}
		if len(out) == 0 || len(lines) < 2 {
			continue // a table without a caption: not ours to guess
		}
		t := &out[len(out)-1]
		t.Header = cells(lines[0])
		for _, l := range lines[2:] {
			t.Rows = append(t.Rows, cells(l))
		}
	}
	return out
}

// page is what the parts of the page show.
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
	TimeCharts     []chart
	Views          []string // the choices of outlets, see views
	TimeOutlets    []string // the choices of the timeline selector
	Period         string
	Dated, Undated int
	Manifest       *Manifest
	Settings       [][2]string
	MoreInputs     int // input files the page leaves to manifest.json
	Accuracy       []accuracyTable
	data           []byte // the charts' options and the page's settings, as JSON
}

// maxInputsShown bounds the input files the methods list; manifest.json
// has them all.
const maxInputsShown = 20

func newPage(cmp *compare.Comparison, tl *timeline.Timeline, m *Manifest, quotes bool, points *salience) (*page, error) {
	all, viewLabels, err := buildCharts(cmp, tl, points)
	if err != nil {
		return nil, err
	}
	_, timeLabels := timelineOutlets(tl)
	p := &page{
		ECharts:        template.JS(echartsJS),
		EChartsVersion: EChartsVersion,
		Actors:         cmp.Actors,
		Articles:       cmp.Articles,
		Resamples:      cmp.Config.Resamples,
		Seed:           cmp.Config.Seed,
		Quotes:         quotes,
		TimeOutlets:    timeLabels,
		Period:         tl.Period,
		Dated:          tl.Dated,
		Undated:        tl.Undated,
		Accuracy:       accuracy(),
		Views:          viewLabels,
	}
	for _, c := range all {
		if strings.HasPrefix(c.ID, "chart-time-") {
			p.TimeCharts = append(p.TimeCharts, c)
		} else {
			p.Charts = append(p.Charts, c)
		}
	}
	if m != nil {
		mc := *m
		if len(mc.Inputs) > maxInputsShown {
			p.MoreInputs = len(mc.Inputs) - maxInputsShown
			mc.Inputs = mc.Inputs[:maxInputsShown]
		}
		p.Manifest = &mc
		keys := make([]string, 0, len(m.Settings))
		for k := range m.Settings {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			p.Settings = append(p.Settings, [2]string{k, fmt.Sprint(m.Settings[k])})
		}
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
	type chartData struct {
		Options []json.RawMessage `json:"options"`
		Columns []string          `json:"columns"`
		Kind    string            `json:"kind"` // "time", "view" or "fixed": which selector switches its options
	}
	data := struct {
		Charts  map[string]chartData `json:"charts"`
		Chunk   int                  `json:"chunk"`
		Palette []string             `json:"palette"`
	}{Charts: map[string]chartData{}, Chunk: EvidenceChunk, Palette: palette()}
	for _, c := range all {
		kind := "view"
		switch {
		case strings.HasPrefix(c.ID, "chart-time-"):
			kind = "time"
		case len(c.Options) == 1:
			kind = "fixed"
		}
		data.Charts[c.ID] = chartData{Options: c.Options, Columns: c.Columns, Kind: kind}
	}
	p.data, err = json.Marshal(data)
	if err != nil {
		return nil, fmt.Errorf("chart options: %w", err)
	}
	return p, nil
}

// row is one article of the table.
type row struct {
	ID, Outlet, Title, Date, URL string
	Words                        int
	Brief                        bool
	BriefWords                   int
	Quotes                       int
	Mentions                     int // of all actors: the table sorts by it
	Actors                       []rowActor
	// Sentences and Statements are the evidence behind the figures, as
	// list items, rendered here rather than by the template: they are the
	// bulk of a row, and html/template's reflection made them slower than
	// analysing the article.
	Sentences, Statements string
}

// evidence renders the evidence the page shows when the article is opened:
// each actor's figures, then the sentences that mention any actor, each
// once, with the tone toward each actor it mentions, then the statements
// that give an actor a voice.
func (r *row) evidence() string {
	var b strings.Builder
	for _, a := range r.Actors {
		b.WriteString(`<h4><span class="swatch a`)
		b.WriteString(strconv.Itoa(a.Color))
		b.WriteString(`"></span>`)
		escapeHTML(&b, a.Name)
		fmt.Fprintf(&b, ": %d mentions in %d sentences, tone ", a.Mentions, a.Sentences)
		escapeHTML(&b, a.Tone)
		fmt.Fprintf(&b, "; statements: %d</h4>", a.Quotes)
	}
	b.WriteString(`<ol>`)
	b.WriteString(r.Sentences)
	b.WriteString(`</ol>`)
	if r.Statements != "" {
		b.WriteString(`<ul class="statements">`)
		b.WriteString(r.Statements)
		b.WriteString(`</ul>`)
	}
	return b.String()
}

// rowActor is one actor of an article with the evidence behind its figures.
type rowActor struct {
	Name      string
	Color     int // index into palette
	Mentions  int
	Quotes    int // statements whose speakers include the actor
	Sentences int
	Tone      string
}

// statement is one attributed statement behind an actor's voice.
type statement struct {
	N                  int // the number of the sentence it starts in
	Speaker, Kind, Cue string
	Text               string
	Colors             []int // its actors' palette indices
}

// evidence is one sentence behind the actors' figures.
type evidence struct {
	N     int // the sentence's number, as in sentences.csv
	Tones []actorTone
	Spans []span
}

// actorTone is the sentiment toward one actor's mentions in a sentence.
type actorTone struct {
	Color int
	Tone  string
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
	for _, st := range a.Actors {
		r.Mentions += st.Mentions
	}
	color := func(actor string) int { return max(0, slices.Index(actors, actor)) % len(palette()) }
	bySentence := map[int][]analysis.Mention{}
	for _, m := range a.Mentions {
		bySentence[m.Sentence] = append(bySentence[m.Sentence], m)
	}
	for _, st := range a.Actors {
		r.Actors = append(r.Actors, rowActor{
			Name: st.Actor, Color: color(st.Actor), Mentions: st.Mentions,
			Quotes: st.Quotes, Sentences: st.Sentences, Tone: tone(st.Sentiment),
		})
	}
	var b strings.Builder
	for _, s := range a.Sentences {
		if len(s.Actors) == 0 {
			continue
		}
		e := evidence{N: s.N, Spans: spans(s, bySentence[s.N], color)}
		for _, actor := range s.Actors {
			e.Tones = append(e.Tones, actorTone{color(actor), tone(actorScore(bySentence[s.N], actor))})
		}
		e.render(&b)
	}
	r.Sentences = b.String()
	b.Reset()
	for _, q := range a.Quotes {
		if len(q.Actors) == 0 {
			continue // a voice of no actor: behind no actor's figure
		}
		st := statement{N: q.Sentence, Speaker: q.Speaker, Kind: q.Kind, Cue: q.Cue, Text: q.Text}
		for _, actor := range q.Actors {
			st.Colors = append(st.Colors, color(actor))
		}
		st.render(&b)
	}
	r.Statements = b.String()
	return r
}

// render writes the statement's list item: a direct quote in quotation
// marks, mixed and indirect speech without (their content is reported, not
// quoted word for word).
func (st statement) render(b *strings.Builder) {
	b.WriteString(`<li><span class="tone">`)
	b.WriteString(strconv.Itoa(st.N))
	if st.Kind == attribution.Direct {
		b.WriteString(`</span> <q>`)
		escapeHTML(b, st.Text)
		b.WriteString(`</q> — `)
	} else {
		b.WriteString(`</span> <span class="reported">`)
		escapeHTML(b, st.Text)
		b.WriteString(`</span> — `)
	}
	escapeHTML(b, st.Speaker)
	if st.Cue != "" {
		b.WriteString(", ")
		escapeHTML(b, st.Cue)
	}
	b.WriteString(` <span class="kind">`)
	escapeHTML(b, st.Kind)
	b.WriteString(`</span>`)
	for _, c := range st.Colors {
		b.WriteString(` <i class="swatch a`)
		b.WriteString(strconv.Itoa(c))
		b.WriteString(`"></i>`)
	}
	b.WriteString(`</li>`)
}

// render writes the sentence's list item: the tone toward each actor it
// mentions, then the sentence with the mentions highlighted.
func (e evidence) render(b *strings.Builder) {
	b.WriteString(`<li value="`)
	b.WriteString(strconv.Itoa(e.N))
	b.WriteString(`">`)
	for _, t := range e.Tones {
		b.WriteString(`<span class="tone"><i class="swatch a`)
		b.WriteString(strconv.Itoa(t.Color))
		b.WriteString(`"></i>`)
		escapeHTML(b, t.Tone)
		b.WriteString(`</span> `)
	}
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
