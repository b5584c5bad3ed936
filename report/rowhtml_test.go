package report

import (
	"bytes"
	"html/template"
	"os"
	"path/filepath"
	"testing"

	"github.com/slant-news/slant/analysis"
	"github.com/slant-news/slant/corpus"
)

// rowTemplate returns the page template, whose "row" appendRow follows.
func rowTemplate(t testing.TB) *template.Template {
	t.Helper()
	tmpl, err := template.New("report").Parse(pageTemplate)
	if err != nil {
		t.Fatal(err)
	}
	return tmpl
}

// checkRow fails unless appendRow writes r as the template does.
func checkRow(t testing.TB, tmpl *template.Template, r row) {
	t.Helper()
	var want bytes.Buffer
	if err := tmpl.ExecuteTemplate(&want, "row", r); err != nil {
		t.Fatal(err)
	}
	if got := appendRow(nil, &r); string(got) != want.String() {
		t.Fatalf("row %+v:\nappendRow %q\ntemplate  %q", r, got, want.String())
	}
}

// TestRowTemplate holds appendRow to the template's "row" on the demo
// corpus's articles and on rows made to reach every escaper.
func TestRowTemplate(t *testing.T) {
	tmpl := rowTemplate(t)
	an, err := analysis.New(analysis.Config{})
	if err != nil {
		t.Fatal(err)
	}
	index := indexOf(an.Actors().Names())
	eachArticle(t, demoFiles(), func(a corpus.Article) { checkRow(t, tmpl, tableRow(an.Analyze(a), index)) })
	actors := []rowActor{{Name: `A&B "<x>" 'y' +z`, Color: 3, Mentions: 2, Quotes: 1, Tone: "-0.25"}, {Name: "Ré\x00\xff", Tone: "<0>"}}
	for _, url := range []string{"", "https://example.com/a?b=1&c=2#d", "HTTP://x", "javascript:alert(1)", "/path:with/colon", "rel:x/y",
		"mailto:a@b", "a b%zz%41%4'\"<>+\\^`{|}\x00\xffé", "%", "%4", "%41"} {
		for _, brief := range []bool{false, true} {
			for _, quotes := range []int{0, 2} {
				checkRow(t, tmpl, row{ID: "id<1>&'", Outlet: "O+\"", Title: "T — “x”\x00", Date: "2024-01-02", URL: url,
					Words: 12, Brief: brief, BriefWords: BriefWords, Quotes: quotes, Mentions: 5, Actors: actors})
				checkRow(t, tmpl, row{URL: url, Brief: brief, Quotes: quotes})
			}
		}
	}
}

// FuzzRowTemplate holds appendRow to the template on any strings.
func FuzzRowTemplate(f *testing.F) {
	f.Add("O", "2024-01-02", "T", "id", "https://x.org/a?b=1&c=%41", "US", "0.5", 3, 1)
	f.Add("<&'\"+>", "", "\x00\xff", "", "javascript:x", "", "", 0, 0)
	f.Add("", "", "", "", "a b%zz'\"<>", "", "", -1, 2)
	tmpl := rowTemplate(f)
	f.Fuzz(func(t *testing.T, outlet, date, title, id, url, name, tone string, words, quotes int) {
		checkRow(t, tmpl, row{ID: id, Outlet: outlet, Title: title, Date: date, URL: url, Words: words,
			Brief: words < BriefWords, BriefWords: BriefWords, Quotes: quotes, Mentions: words,
			Actors: []rowActor{{Name: name, Color: words & 7, Mentions: words, Quotes: quotes, Tone: tone}, {Name: tone, Tone: name}}})
	})
}

// demoFiles are the files of the demo corpus.
func demoFiles() []string {
	paths, _ := filepath.Glob("../testdata/corpus/*/*")
	return paths
}

// eachArticle calls f with every article of the files in paths (folders
// skipped), and fails unless there is one.
func eachArticle(t *testing.T, paths []string, f func(corpus.Article)) {
	t.Helper()
	n := 0
	for _, p := range paths {
		if info, err := os.Stat(p); err != nil || info.IsDir() {
			continue
		}
		err := corpus.ReadFile(p, func(a corpus.Article) error {
			f(a)
			n++
			return nil
		}, func(corpus.Notice) {})
		if err != nil {
			t.Fatal(err)
		}
	}
	if n == 0 {
		t.Fatal("no article read")
	}
}
