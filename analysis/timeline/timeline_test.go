package timeline

import (
	"fmt"
	"math"
	"runtime"
	"testing"

	"github.com/slant-news/slant/analysis/compare"
)

func TestChoose(t *testing.T) {
	tests := []struct {
		first, last, want string
	}{
		{"2025-02-18", "2025-02-21", Day},
		{"2025-01-01", "2025-02-01", Day},
		{"2025-01-01", "2025-02-02", Week},
		{"2025-01-01", "2025-07-02", Week},
		{"2025-01-01", "2025-07-03", Month},
		{"2016-01-01", "2020-12-31", Month},
	}
	for _, tt := range tests {
		if got := Choose(day(tt.first), day(tt.last)); got != tt.want {
			t.Errorf("Choose(%s, %s) = %s, want %s", tt.first, tt.last, got, tt.want)
		}
	}
}

func TestStart(t *testing.T) {
	tests := []struct {
		date, period, want string
	}{
		{"2025-02-19", Day, "2025-02-19"},
		{"2025-02-19", Week, "2025-02-17"}, // a Wednesday: its Monday
		{"2025-02-17", Week, "2025-02-17"},
		{"2025-02-23", Week, "2025-02-17"}, // Sunday ends the ISO week
		{"2025-01-01", Week, "2024-12-30"},
		{"2025-02-19", Month, "2025-02-01"},
		{"2025-02-19T23:30:00+01:00", Day, "2025-02-19"}, // the date as written
	}
	for _, tt := range tests {
		if got := start(day(tt.date), tt.period).Format("2006-01-02"); got != tt.want {
			t.Errorf("start(%s, %s) = %s, want %s", tt.date, tt.period, got, tt.want)
		}
	}
}

func TestResult(t *testing.T) {
	b, err := New([]string{"A", "B"}, Config{Resamples: 200, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	art := func(date, outlet string, ma, mb, qa, statements int) Article {
		n++
		return Article{Date: date, ArticleSummary: compare.ArticleSummary{ID: fmt.Sprint(n), Outlet: outlet, Statements: statements, Actors: []compare.ArticleActor{
			{Mentions: ma, Quotes: qa, SentimentSum: 0.5 * float64(ma), SentimentN: ma},
			{Mentions: mb, SentimentSum: -0.5 * float64(mb), SentimentN: mb},
		}}}
	}
	b.Add(art("2025-02-19", "Y", 3, 1, 1, 2))
	b.Add(art("2025-02-18", "X", 1, 1, 0, 0))
	b.Add(art("", "X", 2, 0, 0, 0)) // counted, in no row
	for range MinArticles {
		b.Add(art("2025-02-20", "X", 1, 3, 1, 1))
	}
	tl := b.Result()
	if tl.Period != Day || tl.Dated != 2+MinArticles || tl.Undated != 1 {
		t.Fatalf("period %s, dated %d, undated %d", tl.Period, tl.Dated, tl.Undated)
	}
	var keys []string
	for _, r := range tl.Rows {
		keys = append(keys, r.Period+"|"+r.Outlet+"|"+r.Actor)
	}
	want := []string{
		"2025-02-18|(all)|A", "2025-02-18|(all)|B", "2025-02-18|X|A", "2025-02-18|X|B",
		"2025-02-19|(all)|A", "2025-02-19|(all)|B", "2025-02-19|Y|A", "2025-02-19|Y|B",
		"2025-02-20|(all)|A", "2025-02-20|(all)|B", "2025-02-20|X|A", "2025-02-20|X|B",
	}
	if len(keys) != len(want) {
		t.Fatalf("rows %v\nwant %v", keys, want)
	}
	for i := range want {
		if keys[i] != want[i] {
			t.Fatalf("row %d is %s, want %s", i, keys[i], want[i])
		}
	}
	y := tl.Rows[6] // 2025-02-19, Y, A
	if y.Articles != 1 || y.Mentions != 3 || y.MentionShare != 0.75 || y.Sentiment != 0.5 || y.VoiceShare != 0.5 {
		t.Errorf("Y's row: %+v", y)
	}
	if y.SentimentCI.OK() {
		t.Errorf("an interval from one article: %+v", y.SentimentCI)
	}
	if r := tl.Rows[2]; !math.IsNaN(r.VoiceShare) {
		t.Errorf("voice share without statements: %v", r.VoiceShare)
	}
	x := tl.Rows[10] // 2025-02-20, X, A: identical articles, a zero-width interval
	if !x.MentionShareCI.OK() || x.MentionShareCI.Low != 0.25 || x.MentionShareCI.High != 0.25 {
		t.Errorf("X's interval: %+v", x.MentionShareCI)
	}
}

// TestDeterministic checks that the rows do not depend on the order of the
// articles or the number of workers.
func TestDeterministic(t *testing.T) {
	var arts []Article
	for i := range 60 {
		arts = append(arts, Article{
			Date: "2025-03-" + string(rune('1'+i%3)) + "0",
			ArticleSummary: compare.ArticleSummary{
				ID: string(rune('a' + i)), Outlet: string(rune('P' + i%4)), Statements: i % 3,
				Actors: []compare.ArticleActor{{Mentions: i % 5, Quotes: i % 2, SentimentSum: float64(i%7-3) / 4, SentimentN: i % 5}},
			},
		})
	}
	run := func(workers int, reverse bool) []Row {
		b, _ := New([]string{"A"}, Config{Resamples: 100, Seed: 7, Workers: workers})
		for i := range arts {
			if reverse {
				i = len(arts) - 1 - i
			}
			b.Add(arts[i])
		}
		return b.Result().Rows
	}
	a, b := run(1, false), run(3, true)
	if len(a) != len(b) {
		t.Fatalf("%d rows against %d", len(a), len(b))
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.Period != y.Period || x.Outlet != y.Outlet || (x.SentimentCI != y.SentimentCI && x.SentimentCI.OK()) || (x.VoiceShareCI != y.VoiceShareCI && x.VoiceShareCI.OK()) {
			t.Fatalf("row %d: %+v against %+v", i, x, y)
		}
	}
}

func TestNewPeriod(t *testing.T) {
	if _, err := New(nil, Config{Period: "year"}); err == nil {
		t.Error("an unknown period was accepted")
	}
}

// TestBytesPerArticle measures what the timeline keeps per dated article.
func TestBytesPerArticle(t *testing.T) {
	const n = 200_000
	actors := make([]string, 17) // the built-in table's size
	for i := range actors {
		actors[i] = fmt.Sprint("actor ", i)
	}
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("https://example.com/news/2025/02/%08d", i)
	}
	b, err := New(actors, Config{})
	if err != nil {
		t.Fatal(err)
	}
	s := compare.ArticleSummary{Actors: make([]compare.ArticleActor, len(actors)), Statements: 3}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for i := range n {
		clear(s.Actors)
		for k := range 5 { // a news article names a handful of the actors
			s.Actors[(i+3*k)%len(actors)] = compare.ArticleActor{Mentions: 2, Quotes: 1, SentimentSum: 0.3, SentimentN: 2}
		}
		s.ID, s.Outlet = ids[i], fmt.Sprint("outlet ", i%5000)
		b.Add(Article{Date: "2025-02-18", ArticleSummary: s})
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	per := float64(after.HeapAlloc-before.HeapAlloc) / n
	t.Logf("%.0f bytes per dated article, beside its id", per)
	if per > 250 {
		t.Errorf("%.0f bytes per dated article, want at most 250", per)
	}
	runtime.KeepAlive(b)
	runtime.KeepAlive(ids)
}
