package report

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

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
	GroupsFile      = "groups.csv"
	QuotesFile      = "quotes.csv"
	BalanceFile     = "balance.csv"
	DifferencesFile = "differences.csv"
	SkippedFile     = "skipped.csv"
)

// The tables of a run, one per file.
var articlesTable = define[articleRow](ArticlesFile, "one row per analysed article").
	key("article_id")
var sentencesTable = define[sentenceRow](SentencesFile, "one row per sentence").
	key("article_id", "sentence").ref(articlesTable.table, "article_id")
var mentionsTable = define[mentionRow](MentionsFile, "one row per actor mention").
	ref(sentencesTable.table, "article_id", "sentence").ref(actorsTable.table, "article_id", "actor")
var actorsTable = define[actorRow](ActorsFile, "one row per article and actor it mentions").
	key("article_id", "actor").ref(articlesTable.table, "article_id")
var outletsTable = define[outletRow](OutletsFile, "one row per outlet and actor").
	key("outlet", "actor")
var groupsTable = define[groupRow](GroupsFile, "one row per group of outlets and actor").
	key("group", "actor")
var quotesTable = define[quoteRow](QuotesFile, "one row per attributed statement in a body").
	ref(sentencesTable.table, "article_id", "sentence")
var balanceTable = define[balanceRow](BalanceFile, "one row per outlet, then per group, then per article").
	key("level", "id")

// differences.csv has neither a primary key nor references: outlet_b is
// empty against the rest, and outlet_a and outlet_b name groups on rows of
// level group.
var differencesTable = define[differenceRow](DifferencesFile, "one row per actor, figure and comparison: each outlet against the rest, pairs of outlets, pairs of groups")
var skippedTable = define[skippedRow](SkippedFile, "one row per input record that was not analysed")

// runTables are the tables of a run, in the order they are documented.
var runTables = []*table{
	articlesTable.table, sentencesTable.table, mentionsTable.table, actorsTable.table, outletsTable.table,
	groupsTable.table, quotesTable.table, balanceTable.table, differencesTable.table, timelineTable.table, skippedTable.table,
}

// Files lists the CSV files a run writes.
var Files = fileNames(runTables)

func fileNames(tables []*table) []string {
	names := make([]string, len(tables))
	for i, t := range tables {
		names[i] = t.file
	}
	return names
}

// The rows of each file. A field's doc tag describes its column, for the
// README and datapackage.json; {x} in it is the code x (a column, a value).

type articleRow struct {
	ArticleID string `csv:"article_id" doc:"the article's id (from the input, or derived from its file and line)"`
	Outlet    string `csv:"outlet" doc:"the outlet"`
	Date      string `csv:"date" doc:"publication date, ISO 8601 (a date, or a date and time in RFC 3339 when the input gave a time); empty when unknown"`
	Title     string `csv:"title" doc:"the headline"`
	URL       string `csv:"url" doc:"the URL, as given"`
	Source    string `csv:"source" doc:"the input file, as given on the command line or found in a directory"`
	Words     int    `csv:"words" doc:"words in the body"`
	Sentences int    `csv:"sentences" doc:"sentences in the title and the body"`
	Line      int    `csv:"line" doc:"the line of {source} where the article starts; for a WARC file, the record's number in it"`
	Captions  string `csv:"captions" doc:"alt texts of markup lines (images) in text files, {;}-separated"`
	Language  string `csv:"language" doc:"the article's language, ISO 639-1: the input's {language} field, else detected from the title and the start of the text; empty when unsure (a headline, a short text), which is taken for English. An article in another language has its mentions but no tone and no statements"`
	// The input fields named by {-keep} follow, as text (CSVConfig.Keep).
}

// keepDoc describes the articles.csv column of the input field name.
func keepDoc(name string) string {
	return "the input field {" + name + "}, as written, kept with {-keep}; empty when a record has none"
}

// articlesFor is articles.csv's table with the columns cfg.Keep adds.
func articlesFor(cfg CSVConfig) *table { return articlesTable.withExtra(cfg.Keep, keepDoc) }

// CheckKeep tells what is wrong with names as -keep columns of
// articles.csv: a name given twice, empty, the name of a fixed column, or
// one a spreadsheet would run as a formula.
func CheckKeep(names []string) error {
	for i, name := range names {
		switch {
		case name == "" || strings.TrimSpace(name) != name:
			return fmt.Errorf("%q: want a field name, without spaces around it", name)
		case evaluated(name) || strings.ContainsAny(name, "\r\n\"{}"):
			return fmt.Errorf("%q: a column name may not start with =, +, -, @ nor hold quotes, braces or line breaks", name)
		case slices.Contains(articlesTable.names(), name):
			return fmt.Errorf("%s is a column of %s already; its value is there", name, ArticlesFile)
		case slices.Contains(names[:i], name):
			return fmt.Errorf("%s given twice", name)
		}
	}
	return nil
}

type sentenceRow struct {
	ArticleID      string `csv:"article_id" doc:"the article (joins {articles.csv})"`
	Outlet         string `csv:"outlet" doc:"the article's outlet"`
	Part           string `csv:"part" doc:"{title} or {body}"`
	Sentence       int    `csv:"sentence" doc:"the sentence's number in the article, from 1, title first"`
	Start          int    `csv:"start" doc:"byte offset of the sentence's start in its part"`
	End            int    `csv:"end" doc:"byte offset of the sentence's end in its part"`
	Actors         string `csv:"actors" doc:"actors mentioned, {;}-separated, in order of first mention"`
	SentimentVADER score  `csv:"sentiment_vader" doc:"VADER compound score, [-1, 1], as the authors' vaderSentiment computes it (see [VADER](#vader)); empty in an article not in English"`
	SentimentNB    score  `csv:"sentiment_nb" doc:"Naive Bayes P(positive) - P(negative), [-1, 1]; empty unless {-nb}, and in an article not in English"`
	Text           string `csv:"text" doc:"the sentence"`
	Lead           bool   `csv:"lead" doc:"{true} for sentences of the lead"`
}

type mentionRow struct {
	ArticleID string `csv:"article_id" doc:"the article"`
	Outlet    string `csv:"outlet" doc:"the article's outlet"`
	Part      string `csv:"part" doc:"{title} or {body}"`
	Sentence  int    `csv:"sentence" doc:"the sentence's number (joins {sentences.csv})"`
	Start     int    `csv:"start" doc:"byte offset of the mention's start in its part"`
	End       int    `csv:"end" doc:"byte offset of the mention's end in its part"`
	Actor     string `csv:"actor" doc:"the actor (joins {actors.csv})"`
	Text      string `csv:"text" doc:"the mention as written (a possessive's ’s left out)"`
	Label     label  `csv:"label" doc:"sentiment toward the mention: -1, 0 or 1 (the {-sentiment} target scorer; for {logreg} the most probable class); empty in an article not in English ({articles.csv}'s {language})"`
	Score     score  `csv:"score" doc:"sentiment toward the mention in [-1, 1] (for {logreg}, P(positive) - P(negative)); empty in an article not in English"`
}

type actorRow struct {
	ArticleID     string `csv:"article_id" doc:"the article (joins {articles.csv})"`
	Outlet        string `csv:"outlet" doc:"the article's outlet"`
	Actor         string `csv:"actor" doc:"the actor"`
	Mentions      int    `csv:"mentions" doc:"mentions in the title and the body"`
	Sentences     int    `csv:"sentences" doc:"sentences that mention the actor"`
	Sentiment     score  `csv:"sentiment" doc:"mean {score} of the actor's mentions ({mentions.csv}) less the scorer's neutral level, so that 0 is what an article the coders call neutral gets on average (see [Tone levels](#tone-levels)); empty without scored mentions"`
	Positive      int    `csv:"positive" doc:"of the actor's mentions, how many have {label} 1"`
	Neutral       int    `csv:"neutral" doc:"of the actor's mentions, how many have {label} 0"`
	Negative      int    `csv:"negative" doc:"of the actor's mentions, how many have {label} -1"`
	TitleMentions int    `csv:"title_mentions" doc:"mentions in the title"`
	LeadMentions  int    `csv:"lead_mentions" doc:"mentions in the lead"`
	Quotes        int    `csv:"quotes" doc:"attributed statements whose speakers include the actor"`
	QuotedWords   int    `csv:"quoted_words" doc:"words in those statements' content"`
	VoiceShare    score  `csv:"voice_share" doc:"{quotes} / all attributed statements in the article (voices of no actor included); empty when the article has none"`
	Label         label  `csv:"label" doc:"the article's tone toward the actor: -1, 0 or 1, the mean {score} of its mentions with the headline's and the lead's weighted double, shrunk toward neutral when the mentions are few, read against thresholds chosen on BASIL (see [Tone levels](#tone-levels)); empty without scored mentions"`
}

type outletRow struct {
	Outlet         string `csv:"outlet" doc:"the outlet"`
	Actor          string `csv:"actor" doc:"the actor"`
	Articles       int    `csv:"articles" doc:"the outlet's articles that mention the actor"`
	Mentions       int    `csv:"mentions" doc:"mentions in those articles"`
	Sentiment      score  `csv:"sentiment" doc:"mean {score} of all the actor's mentions in the outlet's articles less the scorer's neutral level, as in {actors.csv}; empty when there are none"`
	OutletArticles int    `csv:"outlet_articles" doc:"all articles from the outlet"`
	Sentences      int    `csv:"sentences" doc:"sentences that mention the actor"`
	Positive       int    `csv:"positive" doc:"of the actor's mentions, how many have {label} 1"`
	Neutral        int    `csv:"neutral" doc:"of the actor's mentions, how many have {label} 0"`
	Negative       int    `csv:"negative" doc:"of the actor's mentions, how many have {label} -1"`
	Quotes         int    `csv:"quotes" doc:"attributed statements in the outlet's articles whose speakers include the actor"`
	VoiceShare     score  `csv:"voice_share" doc:"{quotes} / all attributed statements in the outlet's articles; empty when there are none"`
	// The comparison's columns: only ever appended, so that scripts reading
	// the columns above by position keep working.
	SentimentLow     score `csv:"sentiment_low" doc:"low end of the 95% bootstrap interval of {sentiment}; empty without one (fewer than two articles with mentions of the actor, or {-resamples 0})"`
	SentimentHigh    score `csv:"sentiment_high" doc:"high end of the 95% bootstrap interval of {sentiment}"`
	MentionShare     score `csv:"mention_share" doc:"the actor's mentions / all actor mentions in the outlet; empty when the outlet mentions no actor"`
	MentionShareLow  score `csv:"mention_share_low" doc:"low end of the 95% bootstrap interval of {mention_share}"`
	MentionShareHigh score `csv:"mention_share_high" doc:"high end of the 95% bootstrap interval of {mention_share}"`
	VoiceShareLow    score `csv:"voice_share_low" doc:"low end of the 95% bootstrap interval of the actor's voice share; empty without one"`
	VoiceShareHigh   score `csv:"voice_share_high" doc:"high end of the 95% bootstrap interval of the actor's voice share"`
	Label            label `csv:"label" doc:"the outlet's tone toward the actor: -1, 0 or 1, as {actors.csv}'s {label} over all the outlet's mentions of the actor; empty without scored mentions"`
}

type groupRow struct {
	Group            string `csv:"group" doc:"the group, as named in the -groups file"`
	Actor            string `csv:"actor" doc:"the actor"`
	Outlets          int    `csv:"outlets" doc:"the group's outlets in the corpus"`
	Articles         int    `csv:"articles" doc:"their articles"`
	Mentions         int    `csv:"mentions" doc:"the actor's mentions in them"`
	Quotes           int    `csv:"quotes" doc:"attributed statements in them whose speakers include the actor"`
	Sentiment        score  `csv:"sentiment" doc:"mean {score} of the actor's mentions; empty when there are none"`
	SentimentLow     score  `csv:"sentiment_low" doc:"low end of the 95% bootstrap interval of {sentiment}, resampling articles within each outlet; empty without one"`
	SentimentHigh    score  `csv:"sentiment_high" doc:"high end of the 95% bootstrap interval of {sentiment}"`
	MentionShare     score  `csv:"mention_share" doc:"the actor's mentions / all actor mentions in the group's articles"`
	MentionShareLow  score  `csv:"mention_share_low" doc:"low end of the 95% bootstrap interval of {mention_share}"`
	MentionShareHigh score  `csv:"mention_share_high" doc:"high end of the 95% bootstrap interval of {mention_share}"`
	VoiceShare       score  `csv:"voice_share" doc:"{quotes} / all attributed statements in the group's articles"`
	VoiceShareLow    score  `csv:"voice_share_low" doc:"low end of the 95% bootstrap interval of {voice_share}"`
	VoiceShareHigh   score  `csv:"voice_share_high" doc:"high end of the 95% bootstrap interval of {voice_share}"`
}

type quoteRow struct {
	ArticleID       string `csv:"article_id" doc:"the article"`
	Outlet          string `csv:"outlet" doc:"the article's outlet"`
	Part            string `csv:"part" doc:"{body}"`
	Sentence        int    `csv:"sentence" doc:"the number of the sentence the content starts in (joins {sentences.csv})"`
	Start           int    `csv:"start" doc:"byte offset of the content's start in the body (for a split quotation, of its first piece)"`
	End             int    `csv:"end" doc:"byte offset of the content's end in the body (for a split quotation, of its last piece)"`
	Kind            string `csv:"kind" doc:"{direct} (all in quotation marks), {mixed} (reported speech with quoted fragments) or {indirect}"`
	Speaker         string `csv:"speaker" doc:"the speaker as written (\"he\", \"the French president\", \"Kaja Kallas, the EU's foreign policy chief\"); for a continued quotation, the speaker of the quotation it continues; empty for a statement with no source (\"Clinton is expected to win\", \"It's unclear whether ...\", \"she was asked whether ...\")"`
	SpeakerResolved string `csv:"speaker_resolved" doc:"whom the speaker denotes: the person's full name for names, pronouns and descriptions (\"Emmanuel Macron\"), \"X's office\" for \"his office\", else the phrase itself; {;}-separated for joint speakers"`
	SpeakerActor    string `csv:"speaker_actor" doc:"the speaker's actors, {;}-separated; empty for a voice of no actor and for a statement with no source"`
	Cue             string `csv:"cue" doc:"the reporting verb or phrase (\"said\", \"told reporters\", \"According to\"); empty for a continued quotation"`
	Words           int    `csv:"words" doc:"words in the content"`
	Text            string `csv:"text" doc:"the content, without quotation marks; the pieces of a quotation split by its cue are joined by \" … \""`
}

type balanceRow struct {
	Level          string `csv:"level" doc:"{outlet}, {group} or {article}"`
	ID             string `csv:"id" doc:"the outlet's or the group's name, or the article's id"`
	Outlet         string `csv:"outlet" doc:"the outlet; empty for a group"`
	VoiceBalance   score  `csv:"voice_balance" doc:"normalised entropy of the actors' statements, [0, 1]; empty without statements"`
	MentionBalance score  `csv:"mention_balance" doc:"normalised entropy of the actors' mentions, [0, 1]; empty without mentions"`
	SentimentGap   score  `csv:"sentiment_gap" doc:"highest minus lowest actor {sentiment}, [0, 2]; empty with fewer than two actors mentioned"`
	Articles       int    `csv:"articles" doc:"articles behind the row (1 for an article)"`
	Mentions       int    `csv:"mentions" doc:"actor mentions"`
	Quotes         int    `csv:"quotes" doc:"statements, those by speakers outside the actor table included"`
}

type differenceRow struct {
	Actor       string  `csv:"actor" doc:"the actor"`
	Measure     string  `csv:"measure" doc:"{sentiment}, {mention_share} or {voice_share}"`
	OutletA     string  `csv:"outlet_a" doc:"the first outlet (or group)"`
	OutletB     string  `csv:"outlet_b" doc:"the second outlet (or group); empty against the rest"`
	Difference  score   `csv:"difference" doc:"A's figure minus B's"`
	Low         score   `csv:"low" doc:"low end of the 95% bootstrap interval of the difference; empty when either side has no interval"`
	High        score   `csv:"high" doc:"high end of the 95% bootstrap interval of the difference"`
	Significant verdict `csv:"significant" doc:"{true} when the interval excludes zero, {false} when it holds zero, empty without an interval"`
	// Only ever appended, as in outlets.csv.
	Level  string `csv:"level" doc:"{outlet} (A and B are outlets) or {group} (groups of -groups)"`
	Versus string `csv:"versus" doc:"{rest}: A against every other outlet's articles together; {outlet}: against B"`
	PValue pvalue `csv:"p_value" doc:"two-sided bootstrap p-value of no difference, (0, 1]; empty without an interval"`
	QValue pvalue `csv:"q_value" doc:"Benjamini-Hochberg adjusted p-value over all the rows with a {p_value}: the rows with {q_value} at most 0.05 hold at most 5% false discoveries"`
}

// pvalue is a p- or q-value, written with six significant digits (a
// fixed number of decimals would round small p-values to 0), and empty
// when undefined (NaN).
type pvalue float64

func (p pvalue) MarshalCSV() (string, error) {
	if math.IsNaN(float64(p)) {
		return "", nil
	}
	return strconv.FormatFloat(float64(p), 'g', 6, 64), nil
}

type skippedRow struct {
	Source    string `csv:"source" doc:"the input file"`
	Line      int    `csv:"line" doc:"the line the record starts on (0 for the whole file)"`
	ArticleID string `csv:"article_id" doc:"its id, when it could be read"`
	Reason    string `csv:"reason" doc:"why it was skipped"`
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
	dir      string
	cfg      CSVConfig
	articles *table // articles.csv's, with the -keep columns
	files    []*os.File
	bufs     map[*table]*bufio.Writer // one per file, under its gocsv writer
	writers  map[*table]*gocsv.SafeCSVWriter
	// The articles' rows of balance.csv wait in a temporary file until
	// the outlets' rows are written before them, so that none stays in
	// memory.
	balance    *os.File
	balanceBuf *bufio.Writer
	// renderers are Render's buffers, one per worker at a time.
	renderers sync.Pool
}

// CSVRenderer returns a CSV that only renders rows (Render,
// RenderBalance), for a run that writes them elsewhere: analyze -partial.
func CSVRenderer(cfg CSVConfig) *CSV { return &CSV{cfg: cfg, articles: articlesFor(cfg)} }

// CreateCSV creates dir if needed and the CSV files in it, with their header
// rows.
func CreateCSV(dir string, cfg CSVConfig) (*CSV, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("creating the output directory: %w", err)
	}
	c := &CSV{dir: dir, cfg: cfg, articles: articlesFor(cfg), bufs: map[*table]*bufio.Writer{}, writers: map[*table]*gocsv.SafeCSVWriter{}}
	for _, t := range runTables {
		f, err := os.Create(filepath.Join(dir, t.file))
		if err != nil {
			c.closeFiles()
			return nil, err
		}
		c.files = append(c.files, f)
		// The bufio.Writer lets rendered rows go to the file in order with
		// what the gocsv writer writes.
		buf := bufio.NewWriterSize(f, 64<<10)
		c.bufs[t] = buf
		w := gocsv.NewSafeCSVWriter(newCSVWriter(buf))
		c.writers[t] = w
		h := t
		if t == articlesTable.table {
			h = c.articles
		}
		if err := h.header(w); err != nil {
			c.closeFiles()
			return nil, fmt.Errorf("%s: %w", t.file, err)
		}
	}
	f, err := os.CreateTemp(dir, ".balance-rows-*.tmp")
	if err != nil {
		c.closeFiles()
		return nil, err
	}
	c.balance, c.balanceBuf = f, bufio.NewWriterSize(f, 64<<10)
	return c, nil
}

// write writes rows, a slice of t's row type, after what t's gocsv writer
// wrote (its header): by appendRecord, which TestRecords holds to gocsv,
// since gocsv's reflection for every field made these files (the timeline's,
// the comparison's) a step of the end of a run.
func (c *CSV) write(t *table, rows any) error {
	w := c.writers[t]
	w.Flush()
	err := w.Error()
	v := reflect.ValueOf(rows)
	if v.Type() != reflect.TypeOf(t.empty) {
		panic(fmt.Sprintf("report: %s: rows of %s, want %T", t.file, v.Type(), t.empty)) // appendRecord reads them as t's
	}
	var buf []byte
	for i := 0; i < v.Len() && err == nil; i++ {
		buf = t.appendRecord(buf, v.Index(i).Addr().UnsafePointer(), nil, c.cfg.Raw)
		if len(buf) >= 64<<10 || i == v.Len()-1 {
			_, err = c.bufs[t].Write(buf)
			buf = buf[:0]
		}
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", filepath.Join(c.dir, t.file), err)
	}
	return nil
}

// articleTables are the tables with rows per article, in the order of
// CSVRows.
var articleTables = [...]*table{articlesTable.table, sentencesTable.table, mentionsTable.table, actorsTable.table, quotesTable.table}

// CSVRows are one article's rows of each of articleTables, rendered apart
// from writing so that the workers can render in parallel and the writer
// only copies bytes in input order.
type CSVRows [len(articleTables)][]byte

// WriteRows writes an article's rendered rows.
func (c *CSV) WriteRows(rows *CSVRows) error {
	// The article files get rows only from here, so nothing waits in
	// their gocsv writers to go before.
	for i, t := range articleTables {
		if _, err := c.bufs[t].Write(rows[i]); err != nil {
			return fmt.Errorf("writing %s: %w", filepath.Join(c.dir, t.file), err)
		}
	}
	return nil
}

// Render renders the rows of one analysed article. It is safe for
// concurrent use.
func (c *CSV) Render(a *analysis.Article) (CSVRows, error) {
	var out CSVRows
	r, _ := c.renderers.Get().(*articleRenderer)
	if r == nil {
		r = new(articleRenderer)
	}
	defer c.renderers.Put(r)
	id, outlet := a.ID, a.Outlet
	sentences := slices.Grow(r.sentences[:0], len(a.Sentences))[:len(a.Sentences)]
	for i, s := range a.Sentences {
		sentences[i] = sentenceRow{
			ArticleID: id, Outlet: outlet, Part: s.Part, Sentence: s.N,
			Start: s.Start, End: s.End, Actors: strings.Join(s.Actors, ";"),
			SentimentVADER: score(s.VADER), SentimentNB: score(s.NB),
			Text: s.Text, Lead: s.Lead,
		}
	}
	mentions := slices.Grow(r.mentions[:0], len(a.Mentions))[:len(a.Mentions)]
	for i, m := range a.Mentions {
		mentions[i] = mentionRow{
			ArticleID: id, Outlet: outlet, Part: m.Part, Sentence: m.Sentence,
			Start: m.Start, End: m.End, Actor: m.Actor, Text: m.Text,
			Label: label{m.Label, !math.IsNaN(m.Score)}, Score: score(m.Score),
		}
	}
	actors := slices.Grow(r.actors[:0], len(a.Actors))[:len(a.Actors)]
	for i, s := range a.Actors {
		actors[i] = actorRow{
			ArticleID: id, Outlet: outlet, Actor: s.Actor,
			Mentions: s.Mentions, Sentences: s.Sentences, Sentiment: score(s.Sentiment),
			Positive: s.Positive, Neutral: s.Neutral, Negative: s.Negative,
			TitleMentions: s.TitleMentions, LeadMentions: s.LeadMentions,
			Quotes: s.Quotes, QuotedWords: s.QuotedWords, VoiceShare: score(s.VoiceShare),
			Label: label{s.Label, !math.IsNaN(s.Tone)},
		}
	}
	quotes := slices.Grow(r.quotes[:0], len(a.Quotes))[:len(a.Quotes)]
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
		Line: a.Line, Captions: strings.Join(a.Captions, ";"), Language: a.Language,
	}}
	var keep func(int) []string
	if len(c.cfg.Keep) > 0 {
		keep = func(int) []string {
			v := make([]string, len(c.cfg.Keep))
			for i, name := range c.cfg.Keep {
				v[i] = a.Fields[name]
			}
			return v
		}
	}
	// All five into one reused buffer, and one copy of it handed out.
	var ends [len(out)]int
	buf := tableOf[articleRow]{c.articles}.appendRows(r.buf[:0], article, c.cfg, keep)
	ends[0] = len(buf)
	buf = sentencesTable.appendArticleRows(buf, sentences, c.cfg)
	ends[1] = len(buf)
	buf = mentionsTable.appendArticleRows(buf, mentions, c.cfg)
	ends[2] = len(buf)
	buf = actorsTable.appendArticleRows(buf, actors, c.cfg)
	ends[3] = len(buf)
	buf = quotesTable.appendArticleRows(buf, quotes, c.cfg)
	ends[4] = len(buf)
	r.buf = buf
	// The rows are kept for the next article, not their text.
	clear(sentences)
	clear(mentions)
	clear(actors)
	clear(quotes)
	r.sentences, r.mentions, r.actors, r.quotes = sentences, mentions, actors, quotes
	all, start := bytes.Clone(buf), 0
	for i, end := range ends {
		if end > start {
			out[i] = all[start:end:end]
		}
		start = end
	}
	return out, nil
}

// articleRenderer is Render's buffers, reused from one article to the
// next: the bytes and the rows of each table.
type articleRenderer struct {
	rowRenderer
	sentences []sentenceRow
	mentions  []mentionRow
	actors    []actorRow
	quotes    []quoteRow
}

// RenderBalance renders an article's row of balance.csv. It is safe for
// concurrent use.
func (c *CSV) RenderBalance(s *compare.ArticleSummary) []byte {
	b := compare.BalanceOf(s.Actors, s.Statements)
	row := balanceRow{
		Level: compare.LevelArticle, ID: s.ID, Outlet: s.Outlet,
		VoiceBalance: score(b.Voice), MentionBalance: score(b.Mention), SentimentGap: score(b.SentimentGap),
		Articles: 1, Mentions: b.Mentions, Quotes: b.Quotes,
	}
	var r rowRenderer
	return balanceTable.render(&r, []balanceRow{row}, c.cfg)
}

// WriteBalance writes an article's rendered row of balance.csv; the rows
// go after the outlets' in the order written.
func (c *CSV) WriteBalance(row []byte) error {
	if _, err := c.balanceBuf.Write(row); err != nil {
		return fmt.Errorf("writing %s: %w", filepath.Join(c.dir, BalanceFile), err)
	}
	return nil
}

// Skipped records an input record that was not analysed.
func (c *CSV) Skipped(n corpus.Notice) error {
	return c.write(skippedTable.table, []skippedRow{{Source: n.Path, Line: n.Line, ArticleID: n.ID, Reason: n.Reason}})
}

// Close writes the outlet figures and the comparison, and closes the files.
func (c *CSV) Close(outlets []analysis.OutletStats, cmp *compare.Comparison) error {
	err := errors.Join(
		c.write(outletsTable.table, outletRows(outlets, cmp)),
		c.write(groupsTable.table, groupRows(cmp)),
		c.write(balanceTable.table, balanceRows(cmp)),
		c.write(differencesTable.table, differenceRows(cmp)),
	)
	err = errors.Join(err, c.copyBalance())
	for _, t := range runTables {
		w := c.writers[t]
		w.Flush()
		err = errors.Join(err, w.Error(), c.bufs[t].Flush())
	}
	return errors.Join(err, c.closeFiles())
}

// copyBalance puts the articles' balance rows after the outlets', and
// removes their temporary file.
func (c *CSV) copyBalance() error {
	if c.balance == nil {
		return nil
	}
	name := c.balance.Name()
	err := c.balanceBuf.Flush()
	if err == nil {
		w := c.writers[balanceTable.table]
		w.Flush()
		if err = w.Error(); err == nil {
			if _, err = c.balance.Seek(0, io.SeekStart); err == nil {
				_, err = io.Copy(c.bufs[balanceTable.table], c.balance)
			}
		}
	}
	err = errors.Join(err, c.balance.Close(), os.Remove(name))
	c.balance = nil
	if err != nil {
		return fmt.Errorf("writing %s: %w", filepath.Join(c.dir, BalanceFile), err)
	}
	return nil
}

func outletRows(outlets []analysis.OutletStats, cmp *compare.Comparison) []outletRow {
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
			Label: label{o.Label, !math.IsNaN(o.Tone)},
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
	return rows
}

func groupRows(cmp *compare.Comparison) []groupRow {
	rows := make([]groupRow, len(cmp.Groups))
	for i, g := range cmp.Groups {
		rows[i] = groupRow{
			Group: g.Outlet, Actor: g.Actor, Outlets: g.Outlets, Articles: g.Articles,
			Mentions: g.Mentions, Quotes: g.Quotes,
			Sentiment: score(g.Sentiment), SentimentLow: score(g.SentimentCI.Low), SentimentHigh: score(g.SentimentCI.High),
			MentionShare: score(g.MentionShare), MentionShareLow: score(g.MentionShareCI.Low), MentionShareHigh: score(g.MentionShareCI.High),
			VoiceShare: score(g.VoiceShare), VoiceShareLow: score(g.VoiceShareCI.Low), VoiceShareHigh: score(g.VoiceShareCI.High),
		}
	}
	return rows
}

func balanceRows(cmp *compare.Comparison) []balanceRow {
	rows := make([]balanceRow, len(cmp.Balance))
	for i, b := range cmp.Balance {
		rows[i] = balanceRow{
			Level: b.Level, ID: b.ID, Outlet: b.Outlet,
			VoiceBalance: score(b.Voice), MentionBalance: score(b.Mention), SentimentGap: score(b.SentimentGap),
			Articles: b.Articles, Mentions: b.Mentions, Quotes: b.Quotes,
		}
	}
	return rows
}

func differenceRows(cmp *compare.Comparison) []differenceRow {
	rows := make([]differenceRow, len(cmp.Differences))
	for i, d := range cmp.Differences {
		rows[i] = differenceRow{
			Actor: d.Actor, Measure: d.Measure, OutletA: d.OutletA, OutletB: d.OutletB,
			Difference: score(d.Difference), Low: score(d.CI.Low), High: score(d.CI.High),
			Significant: verdict{d.CI}, Level: d.Level, Versus: d.Versus,
			PValue: pvalue(d.P), QValue: pvalue(d.Q),
		}
	}
	return rows
}

func (c *CSV) closeFiles() error {
	var err error
	if c.balance != nil {
		name := c.balance.Name()
		err = errors.Join(c.balance.Close(), os.Remove(name))
		c.balance = nil
	}
	for _, f := range c.files {
		err = errors.Join(err, f.Close())
	}
	c.files = nil
	return err
}
