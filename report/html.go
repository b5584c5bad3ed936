package report

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/klauspost/compress/gzip"

	"github.com/slant-news/slant/analysis"
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
	index   actorIndex // of actors
	tmpl    *template.Template
	rows    *os.File // the table's rows, compressed (see packer)
	ev      *os.File // the evidence, compressed
	pack    *packer
	chunk   []byte // the evidence chunk being filled: a JSON array's elements
	inChunk int    // articles in the chunk
	rowsBuf []byte // table rows not yet handed to pack
	written int    // rows written
	gz      *gzip.Writer
	quotes  bool     // some article has a statement
	points  salience // the salience chart's
	// renderers are Render's buffers, one per worker at a time.
	renderers sync.Pool
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
	return &HTML{dir: ".", actors: actors, index: indexOf(actors), tmpl: tmpl}, nil
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
		dir: dir, actors: actors, index: indexOf(actors), tmpl: tmpl, rows: rows, ev: ev, gz: gz,
		pack: newPacker(bufio.NewWriterSize(ev, 64<<10), bufio.NewWriterSize(rows, 64<<10)),
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
func points(a *analysis.Article, index actorIndex) []point {
	total := 0
	for _, st := range a.Actors {
		total += st.Mentions
	}
	var out []point
	for _, st := range a.Actors {
		j, ok := index[st.Actor]
		if !ok || st.Mentions == 0 {
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
	r := tableRow(a, h.index)
	s, _ := h.renderers.Get().(*htmlRenderer)
	if s == nil {
		s = new(htmlRenderer)
	}
	defer h.renderers.Put(s)
	buf := appendRow(s.buf[:0], &r)
	n := len(buf)
	s.buf = appendEvidence(buf, a, &r, h.index, &s.evidence)
	// The row and the evidence in one copy handed out.
	all := bytes.Clone(s.buf)
	return HTMLRow{HTML: all[:n:n], Evidence: all[n:], Quotes: r.Quotes > 0, Points: points(a, h.index)}, nil
}

// htmlRenderer is Render's buffers, reused from one article to the next.
type htmlRenderer struct {
	buf      []byte
	evidence evidence
}

// WriteRow writes a rendered row; rows go into the table in the order
// written.
func (h *HTML) WriteRow(r *HTMLRow) error {
	h.quotes = h.quotes || r.Quotes
	h.points.add(r.Points)
	h.rowsBuf = append(h.rowsBuf, `<tr data-i="`...)
	h.rowsBuf = strconv.AppendInt(h.rowsBuf, int64(h.written), 10)
	h.rowsBuf = append(h.rowsBuf, `">`...)
	h.rowsBuf = append(h.rowsBuf, r.HTML...)
	h.written++
	if h.inChunk > 0 {
		h.chunk = append(h.chunk, ',')
	}
	h.chunk = append(h.chunk, r.Evidence...)
	h.inChunk++
	if h.inChunk == EvidenceChunk {
		h.flushChunk()
	}
	return nil
}

// rowsHandOff is how many bytes of table rows WriteRow gathers before it
// hands them to the packer.
const rowsHandOff = 64 << 10

// flushChunk hands the evidence chunk, and the table rows gathered, to the
// packer. Errors writing them are Close's.
func (h *HTML) flushChunk() {
	if h.inChunk > 0 {
		h.pack.chunk(h.chunk)
		h.chunk = make([]byte, 0, cap(h.chunk))
		h.inChunk = 0
	}
	if len(h.rowsBuf) >= rowsHandOff {
		h.flushRows()
	}
}

func (h *HTML) flushRows() {
	if len(h.rowsBuf) > 0 {
		h.pack.tableRows(h.rowsBuf)
		h.rowsBuf = make([]byte, 0, cap(h.rowsBuf))
	}
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
	h.flushChunk()
	h.flushRows()
	if err := h.pack.wait(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if tl == nil {
		tl = &timeline.Timeline{Period: timeline.Day, Actors: cmp.Actors}
	}
	page, err := newPage(cmp, tl, m, h.quotes, &h.points)
	if err != nil {
		return err
	}
	// The chart options are compressed beside the writing of the page up to
	// them (ECharts, the evidence), which takes about as long: after the
	// last article the rest of the run waits for this goroutine.
	packed := make(chan []byte, 1)
	go func() { packed <- h.pack64(page.data) }()
	page.packed = packed
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
	if err == nil {
		_, err = io.WriteString(w, `<script type="application/octet-stream" id="slant-data">`)
	}
	if err == nil {
		_, err = w.Write(<-p.packed)
	}
	if err == nil {
		_, err = io.WriteString(w, "</script>\n")
	}
	if err == nil {
		_, err = io.WriteString(w, `<script type="application/octet-stream" id="slant-rows">`)
	}
	if err == nil {
		_, err = io.Copy(w, h.rows) // compressed already
	}
	if err == nil {
		_, err = io.WriteString(w, "</script>\n")
	}
	return err
}

// pack64 returns data gzipped and in base64.
func (h *HTML) pack64(data []byte) []byte {
	var b bytes.Buffer
	enc := base64.NewEncoder(base64.StdEncoding, &b)
	h.gz.Reset(enc)
	h.gz.Write(data) // into memory: no error
	h.gz.Close()
	enc.Close()
	return b.Bytes()
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
	data           []byte        // the charts' options and the page's settings, as JSON
	packed         <-chan []byte // data, gzipped and in base64
}

// chartData is a chart as the page's script reads it.
type chartData struct {
	Options []json.RawMessage `json:"options"`
	Columns []string          `json:"columns"`
	Kind    string            `json:"kind"` // "time", "view" or "fixed": which selector switches its options
}

// pageData returns the page's data, the JSON object {"charts": charts,
// "chunk": chunk, "palette": palette}, as json.Marshal writes it, but for
// the charts' options, which are json.Marshal's already (see options):
// json.Marshal would compact each again, a megabyte on the sample, on the
// one goroutine the end of a run waits for (TestPageData).
func pageData(charts map[string]chartData, chunk int, palette []string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`{"charts":{`)
	for i, id := range slices.Sorted(maps.Keys(charts)) {
		c := charts[id]
		if i > 0 {
			b.WriteByte(',')
		}
		key, err := json.Marshal(id)
		if err != nil {
			return nil, err
		}
		b.Write(key)
		b.WriteString(`:{"options":`)
		if c.Options == nil {
			b.WriteString("null")
		} else {
			b.WriteByte('[')
			for k, o := range c.Options {
				if k > 0 {
					b.WriteByte(',')
				}
				if o == nil {
					o = json.RawMessage("null")
				}
				b.Write(o)
			}
			b.WriteByte(']')
		}
		rest, err := json.Marshal(struct {
			Columns []string `json:"columns"`
			Kind    string   `json:"kind"`
		}{c.Columns, c.Kind})
		if err != nil {
			return nil, err
		}
		b.WriteByte(',')
		b.Write(rest[1:]) // after its {
	}
	tail, err := json.Marshal(struct {
		Chunk   int      `json:"chunk"`
		Palette []string `json:"palette"`
	}{chunk, palette})
	if err != nil {
		return nil, err
	}
	b.WriteString("},")
	b.Write(tail[1:])
	return b.Bytes(), nil
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
	charts := map[string]chartData{}
	for _, c := range all {
		kind := "view"
		switch {
		case strings.HasPrefix(c.ID, "chart-time-"):
			kind = "time"
		case len(c.Options) == 1:
			kind = "fixed"
		}
		charts[c.ID] = chartData{Options: c.Options, Columns: c.Columns, Kind: kind}
	}
	p.data, err = pageData(charts, EvidenceChunk, palette())
	if err != nil {
		return nil, fmt.Errorf("chart options: %w", err)
	}
	return p, nil
}
