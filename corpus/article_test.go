package corpus

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// result is what one read produced.
type result struct {
	articles []Article
	notices  []Notice
	err      error
}

// collect runs read, gathering what it emits and notices.
func collect(read func(emit func(Article) error, notice func(Notice)) error) result {
	var r result
	r.err = read(func(a Article) error {
		a.lookup = nil // Reader's business, tested there
		r.articles = append(r.articles, a)
		return nil
	}, func(n Notice) {
		r.notices = append(r.notices, n)
	})
	return r
}

// check compares r with the articles and notices wanted. Notice reasons are
// matched by prefix, as some end in the text of an encoding/json error.
// Record numbers are left out unless wanted: TestReadShards checks them.
func (r result) check(t *testing.T, articles []Article, notices []Notice) {
	t.Helper()
	for i := range min(len(r.articles), len(articles)) {
		if articles[i].Record == 0 {
			r.articles[i].Record = 0
		}
	}
	for i := range min(len(r.notices), len(notices)) {
		if notices[i].Record == 0 {
			r.notices[i].Record = 0
		}
	}
	if r.err != nil {
		t.Fatalf("error: %v", r.err)
	}
	if len(r.articles) != len(articles) {
		t.Errorf("got %d articles, want %d:\n%+v", len(r.articles), len(articles), r.articles)
	}
	for i := range min(len(r.articles), len(articles)) {
		if !reflect.DeepEqual(r.articles[i], articles[i]) {
			t.Errorf("article %d:\n got %+v\nwant %+v", i, r.articles[i], articles[i])
		}
	}
	if len(r.notices) != len(notices) {
		t.Errorf("got %d notices, want %d:\n%+v", len(r.notices), len(notices), r.notices)
	}
	for i := range min(len(r.notices), len(notices)) {
		got, want := r.notices[i], notices[i]
		reason := got.Reason
		got.Reason = want.Reason
		if got != want || !strings.HasPrefix(reason, want.Reason) {
			got.Reason = reason
			t.Errorf("notice %d:\n got %+v\nwant %+v", i, got, want)
		}
	}
}

// checkArticles checks what holds for every article read from input, which
// has lines lines.
func checkArticles(t *testing.T, articles []Article, path string, lines int) {
	t.Helper()
	for _, a := range articles {
		if strings.TrimSpace(a.Text+a.Title) == "" || a.ID == "" || a.Outlet == "" || a.Source != path {
			t.Errorf("incomplete article %+v", a)
		}
		if a.Line < 1 || a.Line > lines {
			t.Errorf("article line %d outside 1..%d", a.Line, lines)
		}
		if a.Date != "" {
			if d, ok := ParseDate(a.Date); !ok || d != a.Date {
				t.Errorf("date %q is not ISO 8601", a.Date)
			}
		}
	}
}

func TestPathID(t *testing.T) {
	tests := []struct {
		path string
		line int
		want string
	}{
		{"in/story.txt", 0, "story"},
		{"in/feed.tar.jsonl", 12, "feed.tar-12"},
		{"feed", 3, "feed-3"},
	}
	for _, tt := range tests {
		if got := pathID(tt.path, tt.line); got != tt.want {
			t.Errorf("pathID(%q, %d) = %q, want %q", tt.path, tt.line, got, tt.want)
		}
	}
}

func TestURLOutlet(t *testing.T) {
	tests := []struct{ url, want string }{
		{"https://www.bbc.co.uk/news/1", "bbc.co.uk"},
		{"http://Example.COM:8080/a", "example.com"},
		{"example.org/a/b", "example.org"},
		{"/relative/path", "unknown"},
		{"", "unknown"},
		{"http://[::1", "unknown"},
	}
	for _, tt := range tests {
		if got := urlOutlet(tt.url); got != tt.want {
			t.Errorf("urlOutlet(%q) = %q, want %q", tt.url, got, tt.want)
		}
	}
}

// badFiles returns the contents of the files in testdata/bad with the
// extension ext, real failures to seed the fuzz targets with.
func badFiles(f *testing.F, ext string) []string {
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "bad", "*"+ext))
	if err != nil || len(paths) == 0 {
		f.Fatalf("no testdata/bad/*%s: %v", ext, err)
	}
	var ins []string
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		ins = append(ins, string(data))
	}
	return ins
}

// addBadFiles seeds f with the files in testdata/bad with the extension ext.
func addBadFiles(f *testing.F, ext string) {
	for _, in := range badFiles(f, ext) {
		f.Add(in)
	}
}
