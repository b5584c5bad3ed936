package corpus

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// readHTMLFile reads a saved web page (.html, .htm) as one article.
func readHTMLFile(r io.Reader, path string, emit func(Article) error, notice func(Notice), max int) error {
	data, tooBig, err := readAtMost(r, max)
	if errors.Is(err, errEndless) {
		return endless(path, 1, max)
	}
	if err != nil {
		return fileError(path, err)
	}
	if tooBig {
		notice(Notice{Path: path, Line: 1, Skipped: true, Reason: tooLarge(max)})
		return nil
	}
	a, reason := readHTML(data, "", "")
	if reason != "" {
		notice(Notice{Path: path, Line: 1, ID: pathID(path, 0), Skipped: true, Reason: reason})
		return nil
	}
	a.ID, a.Source, a.Line = pathID(path, 0), path, 1
	if a.Outlet == "" {
		a.Outlet = folderOutlet(path)
	}
	return deliver(a, emit, notice)
}

// readAtMost reads r to its end, but holds at most max bytes (max > 0):
// tooBig tells that there were more, which are read and dropped, up to the
// bound of skipFactor * max; errEndless if r goes on beyond it.
func readAtMost(r io.Reader, max int) (data []byte, tooBig bool, err error) {
	if max <= 0 {
		data, err = io.ReadAll(r)
		return data, false, err
	}
	data, err = io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil || len(data) <= max {
		return data, false, err
	}
	bound := int64(skipFactor) * int64(max)
	n, err := io.Copy(io.Discard, io.LimitReader(r, bound))
	if err == nil && int64(len(data))+n > bound {
		err = errEndless
	}
	return nil, true, err
}

// extraction is how pages are read: trafilatura's balanced focus, with its
// fallbacks (readability, DOM distiller) for pages its own rules miss; no
// comments, no tables (mostly market data and sports results on news pages),
// no images or links, and the publication date from the page's metadata and
// markup without its multilingual date parser, which is slow (and, for
// that, not linked: see corpus/internal/dateparser and TestDateMode).
func extraction(pageURL string) trafilatura.Options {
	opts := trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		ExcludeTables:   true,
		HtmlDateMode:    trafilatura.Fast,
	}
	if u, err := url.Parse(pageURL); err == nil && u.Host != "" {
		opts.OriginalURL = u
	}
	return opts
}

// readHTML extracts the article from the web page in data, which was
// served as contentType ("" when unknown) from pageURL ("" when unknown): its main text, one paragraph a
// line, and its title, date, outlet and URL from the page's metadata. The
// outlet is the site's name, else the host of the page's canonical URL, else
// that of pageURL; "" when none is known. reason tells why there is no
// article, if there is none.
func readHTML(data []byte, contentType, pageURL string) (a Article, reason string) {
	// The encoding from a BOM, the Content-Type or a <meta> tag; UTF-8
	// when none says.
	page, err := charset.NewReader(bytes.NewReader(data), contentType)
	if err != nil {
		return a, "unknown character encoding (" + err.Error() + ")"
	}
	// Parsed here rather than by trafilatura.Extract, which guesses the
	// encoding again, statistically, at twice the cost of the extraction.
	doc, err := html.Parse(page)
	if err != nil {
		return a, "unreadable HTML (" + err.Error() + ")"
	}
	if n := paragraphCount(doc); n > MaxHTMLParagraphs {
		return a, fmt.Sprintf("over %d paragraphs (<p>) in the page: %d", MaxHTMLParagraphs, n)
	}
	res, err := trafilatura.ExtractDocument(doc, extraction(pageURL))
	if err != nil {
		return a, "no article text found in the page (" + err.Error() + ")"
	}
	m := res.Metadata
	a.Title = oneLine(m.Title)
	a.URL = strings.TrimSpace(cmp.Or(m.URL, pageURL))
	if !m.Date.IsZero() {
		a.Date = m.Date.Format("2006-01-02")
	}
	a.Outlet = oneLine(m.Sitename)
	if a.Outlet == "" && a.URL != "" {
		a.Outlet = urlOutlet(a.URL)
		if a.Outlet == "unknown" {
			a.Outlet = ""
		}
	}
	a.Text = paragraphs(blockText(res.ContentNode))
	// The headline often opens the extracted text too.
	if first, rest, _ := strings.Cut(a.Text, "\n"); a.Title != "" && first == a.Title {
		a.Text = rest
	}
	return a, ""
}

// MaxHTMLParagraphs is the most <p> elements a page that is read may hold.
// The extractor joins the text of every one, string by string, so its time
// grows with their number times the page's text: 10,000 take some 8 s in a
// page of 5 MB (the article limit), 625,000 (5 MB of <p>a</p>) would take
// half an hour. A news page holds a few dozen.
const MaxHTMLParagraphs = 10_000

// paragraphCount is how many <p> elements there are under n.
func paragraphCount(n *html.Node) int {
	count := 0
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.DataAtom == atom.P {
			count++
		}
	}
	return count
}

// blocks are the elements that start a line of text.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Blockquote: true, atom.Pre: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Tr: true, atom.Table: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Figure: true, atom.Figcaption: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Header: true, atom.Footer: true, atom.Hr: true,
}

// blockText is the text in n, a line for each block element, for
// trafilatura's own text runs the paragraphs together.
func blockText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			if blocks[n.DataAtom] {
				b.WriteByte('\n')
				defer b.WriteByte('\n')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	if n != nil {
		walk(n)
	}
	return b.String()
}

// paragraphs is text with one paragraph a line: runs of space within a line
// made one space, blank lines dropped.
func paragraphs(text string) string {
	var b strings.Builder
	for line := range strings.Lines(text) {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(line)
	}
	return b.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// folderOutlet is the outlet of a saved article that names none: the name of
// the folder that holds it, as articles are often saved in a folder per
// outlet.
func folderOutlet(path string) string {
	outlet := filepath.Base(filepath.Dir(path))
	if outlet == "." || outlet == string(filepath.Separator) {
		return "unknown"
	}
	return outlet
}
