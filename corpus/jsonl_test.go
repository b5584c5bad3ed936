package corpus

import (
	"errors"
	"strings"
	"testing"
)

const jsonlPath = "in/feed.jsonl"

var jsonlTests = []struct {
	name     string
	in       string
	articles []Article
	notices  []Notice
}{
	{
		name: "our names",
		in:   `{"id":"a1","outlet":"BBC","date":"2024-03-01","title":"  Title  ","url":"https://www.bbc.co.uk/x","text":"  Body text.\n"}`,
		articles: []Article{{ID: "a1", Outlet: "BBC", Date: "2024-03-01", Title: "Title", URL: "https://www.bbc.co.uk/x",
			Text: "  Body text.\n", Source: jsonlPath, Line: 1}},
	},
	{
		name: "news-please names",
		in:   `{"maintext":"Body","source_domain":"www.example.com","date_publish":"2024-03-01 10:20:00","date_download":"2024-03-02 00:00:00","title":"T","url":"https://www.example.com/a"}`,
		articles: []Article{{ID: "feed-1", Outlet: "www.example.com", Date: "2024-03-01T10:20:00Z", Title: "T",
			URL: "https://www.example.com/a", Text: "Body", Source: jsonlPath, Line: 1}},
	},
	{
		name: "Media Cloud names",
		in:   `{"stories_id":12345,"media_name":"The Guardian","publish_date":"2024-03-01 10:20:00.123456","title":"T","url":"u","text":"Body"}`,
		articles: []Article{{ID: "12345", Outlet: "The Guardian", Date: "2024-03-01T10:20:00Z", Title: "T", URL: "u",
			Text: "Body", Source: jsonlPath, Line: 1}},
	},
	{
		name:     "our names win, blank ones do not",
		in:       `{"id":"x","stories_id":7,"outlet":"A","source_domain":"b.com","text":"ours","maintext":"theirs","date":" ","publish_date":"2024-03-01"}`,
		articles: []Article{{ID: "x", Outlet: "A", Date: "2024-03-01", Text: "ours", Source: jsonlPath, Line: 1}},
	},
	{
		name: "numeric id, outlet from URL or unknown, nulls",
		in: `{"id":1.5e3,"url":"https://www.Example.com:8080/a","text":"t"}` + "\n" +
			`{"id":null,"title":null,"text":"t"}`,
		articles: []Article{
			{ID: "1.5e3", Outlet: "example.com", URL: "https://www.Example.com:8080/a", Text: "t", Source: jsonlPath, Line: 1},
			{ID: "feed-2", Outlet: "unknown", Text: "t", Source: jsonlPath, Line: 2},
		},
	},
	{
		name: "BOM, CRLF and blank lines",
		in:   "\ufeff{\"text\":\"one\"}\r\n\r\n  \n{\"text\":\"two\"}\r\n",
		articles: []Article{
			{ID: "feed-1", Outlet: "unknown", Text: "one", Source: jsonlPath, Line: 1},
			{ID: "feed-4", Outlet: "unknown", Text: "two", Source: jsonlPath, Line: 4},
		},
	},
	{
		name: "bad lines among good ones",
		in: `{"id":"good1","text":"first"}` + "\n" +
			`{"text": "cut` + "\n" +
			`[1, 2]` + "\n" +
			`{"text": 5}` + "\n" +
			`{"id": true, "text": "t"}` + "\n" +
			`{"text": " \n\t"}` + "\n" +
			`{"id":"good2","date":"someday","text":"second"}` + "\n" +
			`null` + "\n" +
			`{"text":"a"} {"text":"b"}`,
		articles: []Article{
			{ID: "good1", Outlet: "unknown", Text: "first", Source: jsonlPath, Line: 1},
			{ID: "good2", Outlet: "unknown", Text: "second", Source: jsonlPath, Line: 7},
		},
		notices: []Notice{
			{Path: jsonlPath, Line: 2, Skipped: true, Reason: "invalid JSON: "},
			{Path: jsonlPath, Line: 3, Skipped: true, Reason: "not a JSON object"},
			{Path: jsonlPath, Line: 4, Skipped: true, Reason: `field "text" is not a string`},
			{Path: jsonlPath, Line: 5, Skipped: true, Reason: `field "id" is not a string or number`},
			{Path: jsonlPath, Line: 6, ID: "feed-6", Skipped: true, Reason: "no title and no text"},
			{Path: jsonlPath, Line: 7, ID: "good2", Reason: `unparseable date "someday"`},
			{Path: jsonlPath, Line: 8, Skipped: true, Reason: "not a JSON object"},
			{Path: jsonlPath, Line: 9, Skipped: true, Reason: "invalid JSON: "},
		},
	},
	{
		name: "CR-only line ends (old Mac files)",
		in:   "{\"text\":\"one\"}\r{\"text\":\"two\"}\r\r{\"text\":\"four\"}\r\n{\"text\":\"five\"}\r",
		articles: []Article{
			{ID: "feed-1", Outlet: "unknown", Text: "one", Source: jsonlPath, Line: 1},
			{ID: "feed-2", Outlet: "unknown", Text: "two", Source: jsonlPath, Line: 2},
			{ID: "feed-4", Outlet: "unknown", Text: "four", Source: jsonlPath, Line: 4},
			{ID: "feed-5", Outlet: "unknown", Text: "five", Source: jsonlPath, Line: 5},
		},
	},
	{
		name: "duplicate keys, one written with an escape",
		in: `{"id":"d","text":"first","te\u0078t":"second","outlet":"A","outlet":"B","url":"u","nested":{"id":1,"id":2}}` + "\n" +
			`{"id":"e","text":"no \"text\": here","tags":["text","text"]}`,
		articles: []Article{
			{ID: "d", Outlet: "B", URL: "u", Text: "second", Source: jsonlPath, Line: 1},
			{ID: "e", Outlet: "unknown", Text: `no "text": here`, Source: jsonlPath, Line: 2},
		},
		notices: []Notice{
			{Path: jsonlPath, Line: 1, Reason: `duplicate key "text": the last value is used`},
			{Path: jsonlPath, Line: 1, Reason: `duplicate key "outlet": the last value is used`},
		},
	},
	{
		name: "outlet names that differ by invisible characters or white space",
		in: "{\"id\":\"a\",\"outlet\":\" The\\t Times \",\"text\":\"t\"}\n" +
			"{\"id\":\"b\",\"outlet\":\"The\u200b Times\u202e\",\"text\":\"t\"}\n" +
			"{\"id\":\"c\u2066\",\"outlet\":\"\ufeff\u200d\",\"url\":\"http://x.org/a\",\"text\":\"t\"}",
		articles: []Article{
			{ID: "a", Outlet: "The Times", Text: "t", Source: jsonlPath, Line: 1},
			{ID: "b", Outlet: "The Times", Text: "t", Source: jsonlPath, Line: 2},
			{ID: "c\u2066", Outlet: "x.org", URL: "http://x.org/a", Text: "t", Source: jsonlPath, Line: 3},
		},
		notices: []Notice{
			{Path: jsonlPath, Line: 2, ID: "b", Reason: `outlet "The\u200b Times\u202e": zero-width or bidi control characters removed`},
			{Path: jsonlPath, Line: 3, ID: "c\u2066", Reason: `outlet "\ufeff\u200d": zero-width or bidi control characters removed`},
			{Path: jsonlPath, Line: 3, ID: "c\u2066", Reason: `id "c\u2066" holds zero-width or bidi control characters (kept as given)`},
		},
	},
}

func TestReadJSONL(t *testing.T) {
	for _, tt := range jsonlTests {
		t.Run(tt.name, func(t *testing.T) {
			r := collect(func(emit func(Article) error, notice func(Notice)) error {
				return readJSONL(strings.NewReader(tt.in), jsonlPath, emit, notice, 0)
			})
			r.check(t, tt.articles, tt.notices)
		})
	}
}

func TestReadJSONLLongLine(t *testing.T) {
	text := strings.Repeat("word ", 100_000) // well over bufio.Scanner's 64 KiB
	in := `{"text":"short"}` + "\n" + `{"text":"` + text + `"}` + "\n"
	r := collect(func(emit func(Article) error, notice func(Notice)) error {
		return readJSONL(strings.NewReader(in), jsonlPath, emit, notice, 0)
	})
	if r.err != nil || len(r.articles) != 2 || r.articles[1].Text != text || r.articles[1].Line != 2 {
		t.Fatalf("got %d articles, error %v", len(r.articles), r.err)
	}
}

func TestReadJSONLEmitError(t *testing.T) {
	stop := errors.New("stop")
	calls := 0
	err := readJSONL(strings.NewReader("{\"text\":\"a\"}\n{\"text\":\"b\"}\n"), jsonlPath,
		func(Article) error { calls++; return stop }, func(Notice) {}, 0)
	if err != stop || calls != 1 {
		t.Fatalf("got %v after %d calls, want the emit error after 1", err, calls)
	}
}

func FuzzJSONL(f *testing.F) {
	for _, tt := range jsonlTests {
		f.Add(tt.in)
	}
	addBadFiles(f, ".jsonl")
	f.Add(strings.Repeat("\x00", 3000)) // /dev/zero
	f.Fuzz(func(t *testing.T, in string) {
		// With no limit, and with one that records often pass.
		for _, max := range []int{0, 40} {
			r := collect(func(emit func(Article) error, notice func(Notice)) error {
				return readJSONL(strings.NewReader(in), jsonlPath, emit, notice, max)
			})
			lines := len(textLines([]byte(in)))
			// Only a line with no end in skipFactor times the limit stops it.
			if e := (*Error)(nil); r.err != nil && (max == 0 || !errors.As(r.err, &e) || e.Line < 1 || e.Line > lines) {
				t.Fatalf("error %v from a reader that cannot fail", r.err)
			}
			checkArticles(t, r.articles, jsonlPath, lines)
			for _, n := range r.notices {
				if n.Line < 1 || n.Line > lines || n.Reason == "" {
					t.Errorf("bad notice %+v", n)
				}
			}
		}
	})
}
