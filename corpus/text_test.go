package corpus

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// seedImage is shaped like the image lines of scraped articles in the seed
// corpus: a tag around a Markdown image.
const seedImage = `<image>data:image/s3,"s3://crabby-images/68066/68066e48ab45cd7fb3ca21f4a98eb6a53a7b25d2" alt="Police officers at the scene in Kyiv"</image>`

var textTests = []struct {
	name     string
	path     string
	in       string
	articles []Article
	notices  []Notice
}{
	{
		name: "title line, paragraphs, outlet from the folder",
		path: "in/bbc/story.txt",
		in:   "\n  Title line  \n\nPara one,\nstill one.\n\n\nPara two.\n\n",
		articles: []Article{{ID: "story", Outlet: "bbc", Title: "Title line", Text: "Para one,\nstill one.\n\n\nPara two.",
			Source: "in/bbc/story.txt", Line: 1}},
	},
	{
		name:     "Markdown heading as title",
		path:     "in/bbc/story.md",
		in:       "## # Heading #\nBody.",
		articles: []Article{{ID: "story", Outlet: "bbc", Title: "Heading #", Text: "Body.", Source: "in/bbc/story.md", Line: 1}},
	},
	{
		name:     "hashes kept in a .txt title; no folder",
		path:     "story.TXT",
		in:       "# Heading\nBody.",
		articles: []Article{{ID: "story", Outlet: "unknown", Title: "# Heading", Text: "Body.", Source: "story.TXT", Line: 1}},
	},
	{
		name:     "CRLF and BOM",
		path:     "in/bbc/story.txt",
		in:       "\ufeffTitle\r\n\r\nOne\r\n  Two\r\n\r\n",
		articles: []Article{{ID: "story", Outlet: "bbc", Title: "Title", Text: "One\n  Two", Source: "in/bbc/story.txt", Line: 1}},
	},
	{
		name: "front matter",
		path: "in/bbc/story.md",
		in:   "---\ntitle: \"Front: title\"\noutlet: Reuters\ndate: 2024-03-01\nurl: https://x.org/a\nid: 0123\nextra: [1, 2]\n---\n\n# First line stays\n\nBody.\n",
		articles: []Article{{ID: "0123", Outlet: "Reuters", Date: "2024-03-01", Title: "Front: title", URL: "https://x.org/a",
			Text: "# First line stays\n\nBody.", Source: "in/bbc/story.md", Line: 1}},
	},
	{
		name: "front matter with source, a time and a closing ...",
		path: "in/bbc/story.txt",
		in:   "---\r\nsource: AP\r\ndate: 2024-03-01T10:20:30+02:00\r\ntitle: ~\r\n...\r\nTitle\r\nBody.\r\n",
		articles: []Article{{ID: "story", Outlet: "AP", Date: "2024-03-01T10:20:30+02:00", Title: "Title", Text: "Body.",
			Source: "in/bbc/story.txt", Line: 1}},
	},
	{
		name: "publisher and a date in words",
		path: "in/bbc/story.txt",
		in:   "---\npublisher: The Times\ndate: March 1, 2024\n---\nTitle\nBody.\n",
		articles: []Article{{ID: "story", Outlet: "The Times", Date: "2024-03-01", Title: "Title", Text: "Body.",
			Source: "in/bbc/story.txt", Line: 1}},
	},
	{
		name: "markup lines give captions",
		path: "in/bbc/story.md",
		in: seedImage + "\n# Title\n\n" + seedImage + "\nBody.\n  <img src=\"x.jpg\" alt='A cat'>\n<figcaption> Photo: <b>AP</b> </figcaption>\n" +
			"<br>\n![Crowd in a square](https://e.com/c_(1).jpg)\n<image>![](x.png) alt=\"noalt\"</image>\n\nEnd <b>bold</b>.\n",
		articles: []Article{{ID: "story", Outlet: "bbc", Title: "Title", Text: "Body.\n\nEnd <b>bold</b>.",
			Captions: []string{"Police officers at the scene in Kyiv", "Police officers at the scene in Kyiv", "A cat", "Photo: AP", "Crowd in a square"},
			Source:   "in/bbc/story.md", Line: 1}},
	},
	{
		name:     "title only",
		path:     "in/bbc/story.txt",
		in:       "Just a title\n\n",
		articles: []Article{{ID: "story", Outlet: "bbc", Title: "Just a title", Source: "in/bbc/story.txt", Line: 1}},
	},
	{
		name:    "neither title nor text",
		path:    "in/bbc/story.txt",
		in:      "\n \n",
		notices: []Notice{{Path: "in/bbc/story.txt", Line: 1, ID: "story", Skipped: true, Reason: "no title and no text"}},
	},
	{
		name:     "unparseable date",
		path:     "in/bbc/story.txt",
		in:       "---\ndate: last week\n---\nTitle\nBody.",
		articles: []Article{{ID: "story", Outlet: "bbc", Title: "Title", Text: "Body.", Source: "in/bbc/story.txt", Line: 1}},
		notices:  []Notice{{Path: "in/bbc/story.txt", Line: 1, ID: "story", Reason: `unparseable date "last week"`}},
	},
	{
		name:     "CR-only line ends (old Mac files)",
		path:     "in/bbc/story.txt",
		in:       "---\rid: mac\r---\rTitle\r\rOne\rTwo\r",
		articles: []Article{{ID: "mac", Outlet: "bbc", Title: "Title", Text: "One\nTwo", Source: "in/bbc/story.txt", Line: 1}},
	},
	{
		name: "invalid UTF-8 in the front matter",
		path: "in/bbc/story.md",
		in:   "---\nid: latin1\ntitle: Caf\xe9 society\noutlet: Le Monde\n---\nBody, caf\xe9.\n",
		articles: []Article{{ID: "latin1", Outlet: "Le Monde", Title: "Caf\uFFFD society", Text: "Body, caf\uFFFD.",
			Source: "in/bbc/story.md", Line: 1}},
		notices: []Notice{{Path: "in/bbc/story.md", Line: 3, Reason: invalidUTF8}},
	},
	{
		name:     "outlet from front matter with a bidi override",
		path:     "in/bbc/story.txt",
		in:       "---\noutlet: \"\u202eBBC\"\n---\nTitle\nBody.",
		articles: []Article{{ID: "story", Outlet: "BBC", Title: "Title", Text: "Body.", Source: "in/bbc/story.txt", Line: 1}},
		notices:  []Notice{{Path: "in/bbc/story.txt", Line: 1, ID: "story", Reason: `outlet "\u202eBBC": zero-width or bidi control characters removed`}},
	},
}

func TestReadText(t *testing.T) {
	for _, tt := range textTests {
		t.Run(tt.name, func(t *testing.T) {
			r := collect(func(emit func(Article) error, notice func(Notice)) error {
				return readTextFile(strings.NewReader(tt.in), tt.path, emit, notice, 0)
			})
			r.check(t, tt.articles, tt.notices)
		})
	}
}

var textErrorTests = []struct {
	name string
	in   string
	line int
}{
	{"YAML syntax error", "---\ntitle: ok\nbad: [\n---\nBody\n", 3},
	{"duplicate key", "---\ntitle: a\nurl: u\ntitle: b\n---\nBody\n", 4},
	{"not a mapping", "---\n- a\n- b\n---\nBody\n", 2},
	{"no closing line", "---\ntitle: a\nBody\n", 1},
}

func TestReadTextErrors(t *testing.T) {
	for _, tt := range textErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readText([]byte(tt.in), "in/bbc/story.md", true)
			var e *Error
			if !errors.As(err, &e) || e.Path != "in/bbc/story.md" || e.Line != tt.line {
				t.Fatalf("got error %#v, want an *Error at line %d", err, tt.line)
			}
		})
	}
}

func FuzzText(f *testing.F) {
	for _, tt := range textTests {
		f.Add(tt.in, strings.HasSuffix(tt.path, ".md"))
	}
	for _, tt := range textErrorTests {
		f.Add(tt.in, true)
	}
	for _, ext := range []string{".txt", ".md"} {
		for _, in := range badFiles(f, ext) {
			f.Add(in, ext == ".md")
		}
	}
	f.Fuzz(func(t *testing.T, in string, markdown bool) {
		// As readTextFile does: invalid UTF-8 is repaired first.
		data := repairUTF8([]byte(in), "in/bbc/story.md", func(Notice) {})
		a, err := readText(data, "in/bbc/story.md", markdown)
		lines := textLines(data)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Line < 1 || e.Line > len(lines) {
				t.Fatalf("error %#v, want an *Error at a line in 1..%d", err, len(lines))
			}
			return
		}
		if a.Line != 1 || a.ID == "" || a.Outlet == "" || a.Title != strings.TrimSpace(a.Title) || !utf8.ValidString(a.Title+a.Text+a.Outlet) {
			t.Errorf("bad article %+v", a)
		}
		// The text is lines of the input, neither starting nor ending blank.
		inputLines := make(map[string]bool)
		for _, l := range lines {
			inputLines[l] = true
		}
		if a.Text != "" {
			body := strings.Split(a.Text, "\n")
			for _, l := range body {
				if !inputLines[l] {
					t.Errorf("text line %q is not an input line", l)
				}
			}
			if strings.TrimSpace(body[0]) == "" || strings.TrimSpace(body[len(body)-1]) == "" {
				t.Errorf("text %q starts or ends with a blank line", a.Text)
			}
		}
		// Captions are trimmed, on one line, and made of input characters in order.
		for _, c := range a.Captions {
			if c == "" || c != strings.TrimSpace(c) || strings.Contains(c, "\n") || !subsequence(c, string(data)) {
				t.Errorf("caption %q is not derived from the input", c)
			}
		}
	})
}

// subsequence reports whether the bytes of s appear in t in order.
func subsequence(s, t string) bool {
	for i := 0; i < len(s); i++ {
		j := strings.IndexByte(t, s[i])
		if j < 0 {
			return false
		}
		t = t[j+1:]
	}
	return true
}
