package corpus

import (
	"encoding/csv"
	"errors"
	"strings"
	"testing"
)

const csvPath = "in/feed.csv"

var csvTests = []struct {
	name     string
	in       string
	articles []Article
	notices  []Notice
}{
	{
		name: "our names, BOM, case and space in the header, CRLF, quoted newline",
		in:   "\ufeffID, Outlet ,Date,Title,URL,Text\r\nx1,BBC,2024-03-01,  T ,https://bbc.co.uk/a,\"Body, with comma\r\nand newline \"\r\n",
		articles: []Article{{ID: "x1", Outlet: "BBC", Date: "2024-03-01", Title: "T", URL: "https://bbc.co.uk/a",
			Text: "Body, with comma\nand newline ", Source: csvPath, Line: 2}},
	},
	{
		name: "news-please names",
		in:   "maintext,source_domain,date_publish,date_download,title,url\nBody,example.com,2024-03-01 10:20:00,2024-03-02,T,https://x.org/a\n",
		articles: []Article{{ID: "feed-2", Outlet: "example.com", Date: "2024-03-01T10:20:00Z", Title: "T", URL: "https://x.org/a",
			Text: "Body", Source: csvPath, Line: 2}},
	},
	{
		name: "Media Cloud names",
		in:   "stories_id,media_name,publish_date,title,url,text\n42,The Guardian,2024-03-01 10:20:00.5,T,https://www.theguardian.com/a,Body\n",
		articles: []Article{{ID: "42", Outlet: "The Guardian", Date: "2024-03-01T10:20:00Z", Title: "T",
			URL: "https://www.theguardian.com/a", Text: "Body", Source: csvPath, Line: 2}},
	},
	{
		name: "our names win, outlet from URL",
		in:   "text,maintext,url\nours,theirs,http://www.example.com/a\n",
		articles: []Article{{ID: "feed-2", Outlet: "example.com", URL: "http://www.example.com/a", Text: "ours",
			Source: csvPath, Line: 2}},
	},
	{
		name:     "headlines: a title column and no text column",
		in:       "id,title,outlet\nh1,Troops advance,A\nh2,,A\n",
		articles: []Article{{ID: "h1", Outlet: "A", Title: "Troops advance", Source: csvPath, Line: 2}},
		notices:  []Notice{{Path: csvPath, Line: 3, ID: "h2", Skipped: true, Reason: "no title and no text"}},
	},
	{
		name: "wrong field counts, no text, bad date, multi-line record",
		in:   "id,text,date\na,one,2024-03-01\nb,two\n\nc,\"three\nlines\",someday\nd, ,\ne,five,,extra\nf,six,\n",
		articles: []Article{
			{ID: "a", Outlet: "unknown", Date: "2024-03-01", Text: "one", Source: csvPath, Line: 2},
			{ID: "c", Outlet: "unknown", Text: "three\nlines", Source: csvPath, Line: 5},
			{ID: "f", Outlet: "unknown", Text: "six", Source: csvPath, Line: 9},
		},
		notices: []Notice{
			{Path: csvPath, Line: 3, Skipped: true, Reason: "2 fields where the header has 3"},
			{Path: csvPath, Line: 5, ID: "c", Reason: `unparseable date "someday"`},
			{Path: csvPath, Line: 7, ID: "d", Skipped: true, Reason: "no title and no text"},
			{Path: csvPath, Line: 8, Skipped: true, Reason: "4 fields where the header has 3"},
		},
	},
	{
		name: "header only",
		in:   "text\n",
	},
	{
		name: "CR-only line ends (old Mac files), a quoted one kept as a newline",
		in:   "id,text\ra,one\r\rb,\"two\rlines\"\rc,three\r\nd,four",
		articles: []Article{
			{ID: "a", Outlet: "unknown", Text: "one", Source: csvPath, Line: 2},
			{ID: "b", Outlet: "unknown", Text: "two\nlines", Source: csvPath, Line: 4},
			{ID: "c", Outlet: "unknown", Text: "three", Source: csvPath, Line: 6},
			{ID: "d", Outlet: "unknown", Text: "four", Source: csvPath, Line: 7},
		},
	},
	{
		name:     "a column read given twice, one not read given twice",
		in:       "\n\nText,extra,title,text,extra\none,x,T,two,y\n",
		articles: []Article{{ID: "feed-4", Outlet: "unknown", Title: "T", Text: "one", Source: csvPath, Line: 4}},
		notices:  []Notice{{Path: csvPath, Line: 3, Reason: `duplicate column "text": the first is used`}},
	},
	{
		name: "outlet names with invisible characters",
		in:   "outlet,text\n\"BBC\u200b\u202e\",one\n BBC ,two\n",
		articles: []Article{
			{ID: "feed-2", Outlet: "BBC", Text: "one", Source: csvPath, Line: 2},
			{ID: "feed-3", Outlet: "BBC", Text: "two", Source: csvPath, Line: 3},
		},
		notices: []Notice{{Path: csvPath, Line: 2, ID: "feed-2", Reason: `outlet "BBC\u200b\u202e": zero-width or bidi control characters removed`}},
	},
}

// TestReadCSVLimit reads records over the limit, of one line and of
// several: each is skipped, and the records after it are read at their
// lines.
func TestReadCSVLimit(t *testing.T) {
	big := strings.Repeat("x", 100)
	in := "id,text\na,one\nb," + big + "\nc,\"" + big + "\n\n" + big + "\"\nd,\"two\nlines\"\r\ne,\"" + big + "\""
	r := collect(func(emit func(Article) error, notice func(Notice)) error {
		return readCSV(strings.NewReader(in), csvPath, emit, notice, 50)
	})
	r.check(t, []Article{
		{ID: "a", Outlet: "unknown", Text: "one", Source: csvPath, Line: 2},
		{ID: "d", Outlet: "unknown", Text: "two\nlines", Source: csvPath, Line: 7},
	}, []Notice{
		{Path: csvPath, Line: 3, Skipped: true, Reason: tooLarge(50)},
		{Path: csvPath, Line: 4, Skipped: true, Reason: tooLarge(50)},
		{Path: csvPath, Line: 9, Skipped: true, Reason: tooLarge(50)},
	})

	r = collect(func(emit func(Article) error, notice func(Notice)) error {
		return readCSV(strings.NewReader("id,"+big+"\na,b\n"), csvPath, emit, notice, 50)
	})
	var e *Error
	if !errors.As(r.err, &e) || e.Line != 1 || !strings.Contains(e.Error(), "header row larger than the limit") {
		t.Errorf("header over the limit: error %v, want one at line 1", r.err)
	}
}

func TestReadCSV(t *testing.T) {
	for _, tt := range csvTests {
		t.Run(tt.name, func(t *testing.T) {
			r := collect(func(emit func(Article) error, notice func(Notice)) error {
				return readCSV(strings.NewReader(tt.in), csvPath, emit, notice, 0)
			})
			r.check(t, tt.articles, tt.notices)
		})
	}
}

var csvErrorTests = []struct {
	name     string
	in       string
	articles int // read before the error
	line     int
	is       error // when not nil, the error wraps it
}{
	{"bare quote", "text,title\nok,t\nbad \"quote\",t\n", 1, 3, csv.ErrBareQuote},
	{"unclosed quote", "text\nok\n\"never closed\nmore\n", 1, 4, csv.ErrQuote},
	{"text after a closing quote", "text\n\"a\"b\n", 0, 2, csv.ErrQuote},
	{"bad quote in the header", "te\"xt\n", 0, 1, csv.ErrBareQuote},
	{"no header", "", 0, 0, nil},
	{"no text or title column", "\n\nid,outlet\n1,t\n", 0, 3, nil},
}

func TestReadCSVErrors(t *testing.T) {
	for _, tt := range csvErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			r := collect(func(emit func(Article) error, notice func(Notice)) error {
				return readCSV(strings.NewReader(tt.in), csvPath, emit, notice, 0)
			})
			var e *Error
			if !errors.As(r.err, &e) || e.Path != csvPath || e.Line != tt.line {
				t.Fatalf("got error %#v, want an *Error at line %d", r.err, tt.line)
			}
			if tt.is != nil && !errors.Is(r.err, tt.is) {
				t.Errorf("error %v does not wrap %v", r.err, tt.is)
			}
			if len(r.articles) != tt.articles {
				t.Errorf("got %d articles before the error, want %d", len(r.articles), tt.articles)
			}
		})
	}
}

func FuzzCSV(f *testing.F) {
	for _, tt := range csvTests {
		f.Add(tt.in)
	}
	for _, tt := range csvErrorTests {
		f.Add(tt.in)
	}
	addBadFiles(f, ".csv")
	f.Add("text\n\"" + strings.Repeat("\x00", 3000)) // /dev/zero
	f.Fuzz(func(t *testing.T, in string) {
		// With no limit, and with one that records often pass.
		for _, max := range []int{0, 40} {
			r := collect(func(emit func(Article) error, notice func(Notice)) error {
				return readCSV(strings.NewReader(in), csvPath, emit, notice, max)
			})
			lines := len(textLines([]byte(in)))
			if r.err != nil {
				var e *Error
				if !errors.As(r.err, &e) || e.Line < 0 || e.Line > lines {
					t.Fatalf("error %#v, want an *Error at a line in 0..%d", r.err, lines)
				}
			}
			checkArticles(t, r.articles, csvPath, lines)
			for _, n := range r.notices {
				if n.Line < 1 || n.Line > lines {
					t.Errorf("notice line %d outside 1..%d", n.Line, lines)
				}
			}
		}
	})
}
