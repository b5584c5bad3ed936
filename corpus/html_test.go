package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/markusmobius/go-trafilatura"
)

// htmlDir holds saved pages, each with known article text in
// testdata/html/NAME.txt beside this package.
const htmlDir = "../testdata/html"

var htmlTests = []struct {
	name string
	want Article // but for Text, Source and Line
}{
	{"harbour-gazette-prisoner-swap", Article{ID: "harbour-gazette-prisoner-swap", Outlet: "The Harbour Gazette", Date: "2025-03-11",
		Title: "Ukraine and Russia agree to swap 200 prisoners each", URL: "https://www.harbourgazette.example/world/2025/03/11/prisoner-swap"}},
	{"northern-ledger-demining", Article{ID: "northern-ledger-demining", Outlet: "news.northernledger.example", Date: "2025-10-06",
		Title: "Farmers sow wheat on fields cleared of mines", URL: "https://news.northernledger.example/2025/10/06/demining-wheat"}},
	{"metro-wire-gas-ban", Article{ID: "metro-wire-gas-ban", Outlet: "Metro Wire", Date: "2025-06-19",
		Title: "EU proposes ban on Russian gas imports", URL: "https://metrowire.example/europe/eu-gas-ban"}},
	{"rheinblick-gefangenenaustausch", Article{ID: "rheinblick-gefangenenaustausch", Outlet: "Rheinblick", Date: "2025-03-11",
		Title: "Ukraine und Russland tauschen Gefangene aus", URL: "https://www.rheinblick.example/politik/gefangenenaustausch"}},
	{"le-quotidien-sanctions", Article{ID: "le-quotidien-sanctions", Outlet: "Le Quotidien du Port", Date: "2025-06-19",
		Title: "L’UE propose d’interdire le gaz russe", URL: "https://www.lequotidien.example/international/sanctions-gaz"}},
	{"border-fence", Article{ID: "border-fence", Outlet: "html", Title: "Poland to build second fence on Belarus border"}},
	{"dniester-post-energy", Article{ID: "dniester-post-energy", Outlet: "Dniester Post", Date: "2025-01-15",
		Title: "Moldova extends energy emergency", URL: "https://dniesterpost.example/news/energy-emergency"}},
	{"lakeside-times-border", Article{ID: "lakeside-times-border", Outlet: "html", Date: "2025-02-03",
		Title: "Finland reopens two border crossings for freight"}},
}

func readHTMLTest(t testing.TB, name string) (Article, []Notice) {
	t.Helper()
	path := filepath.Join(htmlDir, name+".html")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := collect(func(emit func(Article) error, notice func(Notice)) error {
		return readHTMLFile(f, path, emit, notice, DefaultMaxArticleBytes)
	})
	if r.err != nil || len(r.articles) != 1 {
		t.Fatalf("%s: %v, %d articles, notices %+v", path, r.err, len(r.articles), r.notices)
	}
	return r.articles[0], r.notices
}

// TestReadHTML checks the metadata read from each page.
func TestReadHTML(t *testing.T) {
	for _, tt := range htmlTests {
		t.Run(tt.name, func(t *testing.T) {
			got, notices := readHTMLTest(t, tt.name)
			if len(notices) > 0 {
				t.Errorf("notices %+v", notices)
			}
			got.Text, got.Source, got.Line = "", "", 0
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// TestHTMLExtraction measures how much of each page's article text the
// extractor finds (recall) and how much of what it gives is article text
// (precision), over words, and how many paragraphs come out as the lines
// they were. The figures are in the README; go test -v -run HTMLExtraction
// prints them.
// TestDateMode holds the reader to trafilatura's fast date mode, the one
// that never calls go-dateparser: go.mod replaces that package with
// corpus/internal/dateparser, which finds no date, so another mode would
// lose the dates of pages that only write them out in words.
func TestDateMode(t *testing.T) {
	for _, u := range []string{"", "https://example.com/a.html"} {
		if got := extraction(u).HtmlDateMode; got != trafilatura.Fast {
			t.Errorf("extraction(%q).HtmlDateMode = %v, want trafilatura.Fast", u, got)
		}
	}
}

func TestHTMLExtraction(t *testing.T) {
	var matched, got, want, lines, wantLines int
	for _, tt := range htmlTests {
		a, _ := readHTMLTest(t, tt.name)
		data, err := os.ReadFile(filepath.Join("testdata", "html", tt.name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		known := strings.TrimSpace(string(data))
		m, g, w := overlap(words(a.Text), words(known))
		l, wl := sameLines(a.Text, known)
		t.Logf("%-32s precision %.3f recall %.3f, %d of %d paragraphs as lines", tt.name, ratio(m, g), ratio(m, w), l, wl)
		matched, got, want, lines, wantLines = matched+m, got+g, want+w, lines+l, wantLines+wl
	}
	p, r := ratio(matched, got), ratio(matched, want)
	t.Logf("all %d pages: word precision %.3f, recall %.3f; %d of %d paragraphs as lines", len(htmlTests), p, r, lines, wantLines)
	if p < 0.95 || r < 0.98 || lines < wantLines*9/10 {
		t.Errorf("extraction fell to precision %.3f, recall %.3f, %d of %d lines", p, r, lines, wantLines)
	}
}

// words splits s into lower-case words, letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// overlap counts the words of got that are in want, as multisets.
func overlap(got, want []string) (matched, nGot, nWant int) {
	left := map[string]int{}
	for _, w := range want {
		left[w]++
	}
	for _, w := range got {
		if left[w] > 0 {
			left[w]--
			matched++
		}
	}
	return matched, len(got), len(want)
}

// sameLines counts the lines of want that are lines of got.
func sameLines(got, want string) (same, n int) {
	have := map[string]bool{}
	for _, l := range strings.Split(got, "\n") {
		have[strings.TrimSpace(l)] = true
	}
	for _, l := range strings.Split(want, "\n") {
		n++
		if have[strings.TrimSpace(l)] {
			same++
		}
	}
	return same, n
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func FuzzHTML(f *testing.F) {
	for _, tt := range htmlTests {
		data, err := os.ReadFile(filepath.Join(htmlDir, tt.name+".html"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Add("<html><head><title>T</title></head><body><p>x</p></body></html>")
	f.Add("")
	f.Fuzz(func(t *testing.T, in string) {
		r := collect(func(emit func(Article) error, notice func(Notice)) error {
			return readHTMLFile(strings.NewReader(in), "in/x.html", emit, notice, 1<<20)
		})
		if r.err != nil {
			t.Fatalf("error %v: a page is an article or a skipped record", r.err)
		}
		if len(r.articles)+len(r.notices) == 0 {
			t.Fatal("neither an article nor a notice")
		}
		checkArticles(t, r.articles, "in/x.html", 1)
	})
}

// BenchmarkReadHTML measures the extraction of one saved news page.
func BenchmarkReadHTML(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(htmlDir, htmlTests[0].name+".html"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, reason := readHTML(data, "", ""); reason != "" {
			b.Fatal(reason)
		}
	}
}

// htmlDepth is the deepest nesting of elements that golang.org/x/net/html
// parses (it has since v0.45.0, whose parser is also linear in the depth):
// the extractor's time grows with the depth, and the square of it on one
// branch.
const htmlDepth = 512

// nestedPage is a page of n blocks of text, each nested d elements deep
// under the body.
func nestedPage(d, n int) []byte {
	block := strings.Repeat("<div>", d) + "<p>Ukraine said the plan would work.</p>" + strings.Repeat("</div>", d)
	return []byte("<html><head><title>T</title></head><body>" + strings.Repeat(block, n) + "</body></html>")
}

// TestHTMLDepth: a page nested deeper than htmlDepth is skipped, saying
// why, and one at the bound is read; a page of 200,000 elements left open is
// skipped too, before the extractor sees it.
func TestHTMLDepth(t *testing.T) {
	// html, body, the divs and the p.
	if _, reason := readHTML(nestedPage(htmlDepth-3, 1), "", ""); reason != "" {
		t.Errorf("a page %d deep: %s", htmlDepth, reason)
	}
	want := fmt.Sprintf("unreadable HTML (html: open stack of elements exceeds %d nodes)", htmlDepth)
	if _, reason := readHTML(nestedPage(htmlDepth-2, 1), "", ""); reason != want {
		t.Errorf("a page %d deep: reason %q, want %q", htmlDepth+1, reason, want)
	}
	unclosed := "<html><body>" + strings.Repeat("<div><span>", 100_000) + "<p>Ukraine said so.</p>"
	if _, reason := readHTML([]byte(unclosed), "", ""); reason != want {
		t.Errorf("200,000 unclosed elements: reason %q, want %q", reason, want)
	}
}

// BenchmarkReadHTMLNested extracts a page of n blocks nested close to
// htmlDepth: ns/op grows with n.
func BenchmarkReadHTMLNested(b *testing.B) {
	for _, n := range []int{10, 40} {
		data := nestedPage(htmlDepth-3, n)
		b.Run(fmt.Sprintf("blocks=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, reason := readHTML(data, "", ""); reason != "" {
					b.Fatal(reason)
				}
			}
		})
	}
}

// TestHTMLParagraphs: a page of more than MaxHTMLParagraphs <p> elements is
// skipped, saying why, before the extractor, whose time grows with their
// number times the text, sees it.
func TestHTMLParagraphs(t *testing.T) {
	page := "<html><body>" + strings.Repeat("<p>Ukraine said so.</p>", MaxHTMLParagraphs+1)
	want := fmt.Sprintf("over %d paragraphs (<p>) in the page: %d", MaxHTMLParagraphs, MaxHTMLParagraphs+1)
	if _, reason := readHTML([]byte(page), "", ""); reason != want {
		t.Errorf("reason %q, want %q", reason, want)
	}
}
