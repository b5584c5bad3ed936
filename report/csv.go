// Package report writes slant's outputs: tidy CSV files, one row per
// observation, whose columns the README documents.
package report

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/slant-news/slant/analysis/compare"

	"github.com/gocarina/gocsv"

	"github.com/slant-news/slant/analysis"
	"github.com/slant-news/slant/corpus"
)

// The output files, in the order they are documented.
const (
	ArticlesFile    = "articles.csv"
	SentencesFile   = "sentences.csv"
	MentionsFile    = "mentions.csv"
	ActorsFile      = "actors.csv"
	OutletsFile     = "outlets.csv"
	QuotesFile      = "quotes.csv"
	BalanceFile     = "balance.csv"
	DifferencesFile = "differences.csv"
	SkippedFile     = "skipped.csv"
)

// Files lists the CSV files a run writes.
var Files = []string{ArticlesFile, SentencesFile, MentionsFile, ActorsFile, OutletsFile, QuotesFile, BalanceFile, DifferencesFile, SkippedFile}

type articleRow struct {
	ArticleID string `csv:"article_id"`
	Outlet    string `csv:"outlet"`
	Date      string `csv:"date"`
	Title     string `csv:"title"`
	URL       string `csv:"url"`
	Source    string `csv:"source"`
	Words     int    `csv:"words"`
	Sentences int    `csv:"sentences"`
	Line      int    `csv:"line"`
	Captions  string `csv:"captions"`
}

type sentenceRow struct {
	ArticleID      string `csv:"article_id"`
	Outlet         string `csv:"outlet"`
	Part           string `csv:"part"`
	Sentence       int    `csv:"sentence"`
	Start          int    `csv:"start"`
	End            int    `csv:"end"`
	Actors         string `csv:"actors"`
	SentimentVADER score  `csv:"sentiment_vader"`
	SentimentNB    score  `csv:"sentiment_nb"`
	Text           string `csv:"text"`
	Lead           bool   `csv:"lead"`
}

type mentionRow struct {
	ArticleID string `csv:"article_id"`
	Outlet    string `csv:"outlet"`
	Part      string `csv:"part"`
	Sentence  int    `csv:"sentence"`
	Start     int    `csv:"start"`
	End       int    `csv:"end"`
	Actor     string `csv:"actor"`
	Text      string `csv:"text"`
	Label     int    `csv:"label"`
	Score     score  `csv:"score"`
}

type actorRow struct {
	ArticleID     string `csv:"article_id"`
	Outlet        string `csv:"outlet"`
	Actor         string `csv:"actor"`
	Mentions      int    `csv:"mentions"`
	Sentences     int    `csv:"sentences"`
	Sentiment     score  `csv:"sentiment"`
	Positive      int    `csv:"positive"`
	Neutral       int    `csv:"neutral"`
	Negative      int    `csv:"negative"`
	TitleMentions int    `csv:"title_mentions"`
	LeadMentions  int    `csv:"lead_mentions"`
	Quotes        int    `csv:"quotes"`
	QuotedWords   int    `csv:"quoted_words"`
	VoiceShare    score  `csv:"voice_share"`
}

type outletRow struct {
	Outlet         string `csv:"outlet"`
	Actor          string `csv:"actor"`
	Articles       int    `csv:"articles"`
	Mentions       int    `csv:"mentions"`
	Sentiment      score  `csv:"sentiment"`
	OutletArticles int    `csv:"outlet_articles"`
	Sentences      int    `csv:"sentences"`
	Positive       int    `csv:"positive"`
	Neutral        int    `csv:"neutral"`
	Negative       int    `csv:"negative"`
	Quotes         int    `csv:"quotes"`
	VoiceShare     score  `csv:"voice_share"`
	// The comparison's columns: only ever appended, so that scripts reading
	// the columns above by position keep working.
	SentimentLow     score `csv:"sentiment_low"`
	SentimentHigh    score `csv:"sentiment_high"`
	MentionShare     score `csv:"mention_share"`
	MentionShareLow  score `csv:"mention_share_low"`
	MentionShareHigh score `csv:"mention_share_high"`
	VoiceShareLow    score `csv:"voice_share_low"`
	VoiceShareHigh   score `csv:"voice_share_high"`
}

type quoteRow struct {
	ArticleID       string `csv:"article_id"`
	Outlet          string `csv:"outlet"`
	Part            string `csv:"part"`
	Sentence        int    `csv:"sentence"`
	Start           int    `csv:"start"`
	End             int    `csv:"end"`
	Kind            string `csv:"kind"`
	Speaker         string `csv:"speaker"`
	SpeakerResolved string `csv:"speaker_resolved"`
	SpeakerActor    string `csv:"speaker_actor"`
	Cue             string `csv:"cue"`
	Words           int    `csv:"words"`
	Text            string `csv:"text"`
}

type balanceRow struct {
	Level          string `csv:"level"`
	ID             string `csv:"id"`
	Outlet         string `csv:"outlet"`
	VoiceBalance   score  `csv:"voice_balance"`
	MentionBalance score  `csv:"mention_balance"`
	SentimentGap   score  `csv:"sentiment_gap"`
	Articles       int    `csv:"articles"`
	Mentions       int    `csv:"mentions"`
	Quotes         int    `csv:"quotes"`
}

type differenceRow struct {
	Actor       string  `csv:"actor"`
	Measure     string  `csv:"measure"`
	OutletA     string  `csv:"outlet_a"`
	OutletB     string  `csv:"outlet_b"`
	Difference  score   `csv:"difference"`
	Low         score   `csv:"low"`
	High        score   `csv:"high"`
	Significant verdict `csv:"significant"`
}

type skippedRow struct {
	Source    string `csv:"source"`
	Line      int    `csv:"line"`
	ArticleID string `csv:"article_id"`
	Reason    string `csv:"reason"`
}

// score is a tone in [-1, 1], a share or an index, written with four
// decimals, and empty when it is undefined (NaN).
type score float64

func (s score) MarshalCSV() (string, error) { return s.text(), nil }

func (s score) text() string { return fixed(float64(s), 4) }

// fixed formats f with the given decimals, never as a negative zero; NaN
// gives "".
func fixed(f float64, decimals int) string {
	if math.IsNaN(f) {
		return ""
	}
	out := strconv.FormatFloat(f, 'f', decimals, 64)
	if strings.Trim(out, "-0.") == "" {
		out = strings.TrimPrefix(out, "-")
	}
	return out
}

// verdict says whether an interval excludes zero; it is empty when there is
// no interval, since "false" would claim a test that was never made.
type verdict struct{ iv compare.Interval }

func (v verdict) MarshalCSV() (string, error) {
	if !v.iv.OK() {
		return "", nil
	}
	return strconv.FormatBool(v.iv.ExcludesZero()), nil
}

// CSV writes the CSV files of one run as articles stream in.
type CSV struct {
	dir     string
	files   []*os.File
	bufs    map[string]*bufio.Writer // one per file, under its gocsv writer
	writers map[string]*gocsv.SafeCSVWriter
}

// CreateCSV creates dir if needed and the CSV files in it, with their header
// rows.
func CreateCSV(dir string) (*CSV, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("creating the output directory: %w", err)
	}
	c := &CSV{dir: dir, bufs: map[string]*bufio.Writer{}, writers: map[string]*gocsv.SafeCSVWriter{}}
	headers := map[string]any{
		ArticlesFile:    []articleRow{},
		SentencesFile:   []sentenceRow{},
		MentionsFile:    []mentionRow{},
		ActorsFile:      []actorRow{},
		OutletsFile:     []outletRow{},
		QuotesFile:      []quoteRow{},
		BalanceFile:     []balanceRow{},
		DifferencesFile: []differenceRow{},
		SkippedFile:     []skippedRow{},
	}
	for _, name := range Files {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			c.closeFiles()
			return nil, err
		}
		c.files = append(c.files, f)
		// The bufio.Writer lets rendered rows go to the file in order with
		// what the gocsv writer writes.
		buf := bufio.NewWriterSize(f, 64<<10)
		c.bufs[name] = buf
		cw := csv.NewWriter(buf)
		cw.UseCRLF = true // RFC 4180
		w := gocsv.NewSafeCSVWriter(cw)
		c.writers[name] = w
		if err := gocsv.MarshalCSV(headers[name], w); err != nil {
			c.closeFiles()
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	return c, nil
}

func (c *CSV) write(name string, rows any) error {
	if err := gocsv.MarshalCSVWithoutHeaders(rows, c.writers[name]); err != nil {
		return fmt.Errorf("writing %s: %w", filepath.Join(c.dir, name), err)
	}
	return nil
}

// articleFiles returns the files with rows per article, in the order of
// CSVRows.
func articleFiles() [5]string {
	return [...]string{ArticlesFile, SentencesFile, MentionsFile, ActorsFile, QuotesFile}
}

// CSVRows are one article's rows of each of articleFiles, rendered apart
// from writing so that the workers can render in parallel and the writer
// only copies bytes in input order.
type CSVRows [5][]byte

// Article writes the rows of one analysed article.
func (c *CSV) Article(a *analysis.Article) error {
	rows, err := RenderCSV(a)
	if err != nil {
		return err
	}
	return c.WriteRows(&rows)
}

// WriteRows writes an article's rendered rows.
func (c *CSV) WriteRows(rows *CSVRows) error {
	// The article files get rows only from here, so nothing waits in
	// their gocsv writers to go before.
	for i, name := range articleFiles() {
		if _, err := c.bufs[name].Write(rows[i]); err != nil {
			return fmt.Errorf("writing %s: %w", filepath.Join(c.dir, name), err)
		}
	}
	return nil
}

// RenderCSV renders the rows of one analysed article, as gocsv would
// marshal the row structs (see recorder). It is safe for concurrent use.
func RenderCSV(a *analysis.Article) (CSVRows, error) {
	var out CSVRows
	id, outlet := a.ID, a.Outlet
	sentences := make([]sentenceRow, len(a.Sentences))
	for i, s := range a.Sentences {
		sentences[i] = sentenceRow{
			ArticleID: id, Outlet: outlet, Part: s.Part, Sentence: s.N,
			Start: s.Start, End: s.End, Actors: strings.Join(s.Actors, ";"),
			SentimentVADER: score(s.VADER), SentimentNB: score(s.NB),
			Text: s.Text, Lead: s.Lead,
		}
	}
	mentions := make([]mentionRow, len(a.Mentions))
	for i, m := range a.Mentions {
		mentions[i] = mentionRow{
			ArticleID: id, Outlet: outlet, Part: m.Part, Sentence: m.Sentence,
			Start: m.Start, End: m.End, Actor: m.Actor, Text: m.Text,
			Label: m.Label, Score: score(m.Score),
		}
	}
	actors := make([]actorRow, len(a.Actors))
	for i, s := range a.Actors {
		actors[i] = actorRow{
			ArticleID: id, Outlet: outlet, Actor: s.Actor,
			Mentions: s.Mentions, Sentences: s.Sentences, Sentiment: score(s.Sentiment),
			Positive: s.Positive, Neutral: s.Neutral, Negative: s.Negative,
			TitleMentions: s.TitleMentions, LeadMentions: s.LeadMentions,
			Quotes: s.Quotes, QuotedWords: s.QuotedWords, VoiceShare: score(s.VoiceShare),
		}
	}
	quotes := make([]quoteRow, len(a.Quotes))
	for i, q := range a.Quotes {
		quotes[i] = quoteRow{
			ArticleID: id, Outlet: outlet, Part: analysis.Body, Sentence: q.Sentence,
			Start: q.Start, End: q.End, Kind: q.Kind, Speaker: q.Speaker,
			SpeakerResolved: q.Resolved, SpeakerActor: strings.Join(q.Actors, ";"),
			Cue: q.Cue, Words: q.Words, Text: q.Text,
		}
	}
	article := []articleRow{{
		ArticleID: id, Outlet: outlet, Date: a.Date, Title: a.Title, URL: a.URL,
		Source: a.Source, Words: a.Words, Sentences: len(a.Sentences),
		Line: a.Line, Captions: strings.Join(a.Captions, ";"),
	}}
	var r rowRenderer
	out[0] = renderRows(&r, article)
	out[1] = renderRows(&r, sentences)
	out[2] = renderRows(&r, mentions)
	out[3] = renderRows(&r, actors)
	out[4] = renderRows(&r, quotes)
	return out, nil
}

// recorder is a row type that lists its fields as gocsv would write them.
// gocsv's reflection per field was a tenth of the run, so the per-article
// rows are written through encoding/csv directly (gocsv itself writes on top
// of it); TestRecords holds each record to gocsv's marshalling of the
// struct, whose tags stay the definition of the columns.
type recorder interface{ record([]string) []string }

// rowRenderer renders rows with encoding/csv, reusing its buffers.
type rowRenderer struct {
	buf    bytes.Buffer
	cw     *csv.Writer // writes into buf
	fields []string
}

func renderRows[T any, P interface {
	*T
	recorder
}](r *rowRenderer, rows []T) []byte {
	if len(rows) == 0 {
		return nil
	}
	r.buf.Reset()
	if r.cw == nil {
		r.cw = csv.NewWriter(&r.buf)
		r.cw.UseCRLF = true // RFC 4180
	}
	for i := range rows {
		r.fields = P(&rows[i]).record(r.fields[:0])
		r.cw.Write(r.fields) // only the buffer's errors, which it has none of
	}
	r.cw.Flush()
	return bytes.Clone(r.buf.Bytes())
}

func itoa(n int) string { return strconv.Itoa(n) }

func (r *articleRow) record(f []string) []string {
	return append(f, r.ArticleID, r.Outlet, r.Date, r.Title, r.URL, r.Source,
		itoa(r.Words), itoa(r.Sentences), itoa(r.Line), r.Captions)
}

func (r *sentenceRow) record(f []string) []string {
	return append(f, r.ArticleID, r.Outlet, r.Part, itoa(r.Sentence), itoa(r.Start), itoa(r.End),
		r.Actors, r.SentimentVADER.text(), r.SentimentNB.text(), r.Text, strconv.FormatBool(r.Lead))
}

func (r *mentionRow) record(f []string) []string {
	return append(f, r.ArticleID, r.Outlet, r.Part, itoa(r.Sentence), itoa(r.Start), itoa(r.End),
		r.Actor, r.Text, itoa(r.Label), r.Score.text())
}

func (r *actorRow) record(f []string) []string {
	return append(f, r.ArticleID, r.Outlet, r.Actor, itoa(r.Mentions), itoa(r.Sentences),
		r.Sentiment.text(), itoa(r.Positive), itoa(r.Neutral), itoa(r.Negative),
		itoa(r.TitleMentions), itoa(r.LeadMentions), itoa(r.Quotes), itoa(r.QuotedWords), r.VoiceShare.text())
}

func (r *quoteRow) record(f []string) []string {
	return append(f, r.ArticleID, r.Outlet, r.Part, itoa(r.Sentence), itoa(r.Start), itoa(r.End),
		r.Kind, r.Speaker, r.SpeakerResolved, r.SpeakerActor, r.Cue, itoa(r.Words), r.Text)
}

// Skipped records an input record that was not analysed.
func (c *CSV) Skipped(n corpus.Notice) error {
	return c.write(SkippedFile, []skippedRow{{Source: n.Path, Line: n.Line, ArticleID: n.ID, Reason: n.Reason}})
}

// Close writes the outlet figures and the comparison, and closes the files.
func (c *CSV) Close(outlets []analysis.OutletStats, cmp *compare.Comparison) error {
	type key struct{ outlet, actor string }
	compared := map[key]compare.OutletActor{}
	for _, o := range cmp.Outlets {
		compared[key{o.Outlet, o.Actor}] = o
	}
	rows := make([]outletRow, len(outlets))
	for i, o := range outlets {
		rows[i] = outletRow{
			Outlet: o.Outlet, Actor: o.Actor, Articles: o.Articles, Mentions: o.Mentions,
			Sentiment: score(o.Sentiment), OutletArticles: o.OutletArticles,
			Sentences: o.Sentences, Positive: o.Positive, Neutral: o.Neutral, Negative: o.Negative,
			Quotes: o.Quotes, VoiceShare: score(o.VoiceShare),
		}
		x, ok := compared[key{o.Outlet, o.Actor}]
		if !ok { // not compared: every figure undefined
			x.SentimentCI, x.MentionShareCI, x.VoiceShareCI = compare.NoInterval(), compare.NoInterval(), compare.NoInterval()
			x.MentionShare = math.NaN()
		}
		r := &rows[i]
		r.SentimentLow, r.SentimentHigh = score(x.SentimentCI.Low), score(x.SentimentCI.High)
		r.MentionShare = score(x.MentionShare)
		r.MentionShareLow, r.MentionShareHigh = score(x.MentionShareCI.Low), score(x.MentionShareCI.High)
		r.VoiceShareLow, r.VoiceShareHigh = score(x.VoiceShareCI.Low), score(x.VoiceShareCI.High)
	}
	balance := make([]balanceRow, len(cmp.Balance))
	for i, b := range cmp.Balance {
		balance[i] = balanceRow{
			Level: b.Level, ID: b.ID, Outlet: b.Outlet,
			VoiceBalance: score(b.Voice), MentionBalance: score(b.Mention), SentimentGap: score(b.SentimentGap),
			Articles: b.Articles, Mentions: b.Mentions, Quotes: b.Quotes,
		}
	}
	diffs := make([]differenceRow, len(cmp.Differences))
	for i, d := range cmp.Differences {
		diffs[i] = differenceRow{
			Actor: d.Actor, Measure: d.Measure, OutletA: d.OutletA, OutletB: d.OutletB,
			Difference: score(d.Difference), Low: score(d.CI.Low), High: score(d.CI.High),
			Significant: verdict{d.CI},
		}
	}
	err := errors.Join(
		c.write(OutletsFile, rows),
		c.write(BalanceFile, balance),
		c.write(DifferencesFile, diffs),
	)
	for _, name := range Files {
		w := c.writers[name]
		w.Flush()
		err = errors.Join(err, w.Error(), c.bufs[name].Flush())
	}
	return errors.Join(err, c.closeFiles())
}

func (c *CSV) closeFiles() error {
	var err error
	for _, f := range c.files {
		err = errors.Join(err, f.Close())
	}
	c.files = nil
	return err
}
