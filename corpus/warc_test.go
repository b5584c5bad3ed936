package corpus

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nlnwa/gowarc/v3"
)

var writeWARC = flag.Bool("warc", false, "rewrite "+crawlPath+" from testdata/html")

const crawlPath = "../testdata/warc/crawl.warc.gz"

// warcRecord is one record to write into a test WARC.
type warcRecord struct {
	typ     gowarc.RecordType
	uri     string
	headers string // the WARC Content-Type
	block   string
}

// httpResponse is an HTTP response block with the given status, headers
// and body.
func httpResponse(status, headers, body string) string {
	return fmt.Sprintf("HTTP/1.1 %s\r\n%sContent-Length: %d\r\n\r\n%s", status, headers, len(body), body)
}

func page(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(htmlDir, name+".html"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// crawlRecords is a small crawl as a crawler writes it: a warcinfo, then
// request, response and metadata records for pages, an image, a redirect, a
// missing page, and a page sent gzip-encoded.
func crawlRecords(t testing.TB) []warcRecord {
	const html = "Content-Type: text/html; charset=utf-8\r\n"
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(page(t, "metro-wire-gas-ban")))
	zw.Close()
	req := func(uri string) warcRecord {
		return warcRecord{gowarc.Request, uri, "application/http;msgtype=request",
			"GET " + uri + " HTTP/1.1\r\nHost: example\r\nUser-Agent: test-crawler\r\n\r\n"}
	}
	return []warcRecord{
		{gowarc.Warcinfo, "", "application/warc-fields", "software: slant test generator\r\nformat: WARC File Format 1.1\r\n"},
		req("https://www.harbourgazette.example/world/2025/03/11/prisoner-swap"),
		{gowarc.Response, "https://www.harbourgazette.example/world/2025/03/11/prisoner-swap", "application/http;msgtype=response",
			httpResponse("200 OK", html, page(t, "harbour-gazette-prisoner-swap"))},
		{gowarc.Metadata, "https://www.harbourgazette.example/world/2025/03/11/prisoner-swap", "application/warc-fields", "fetchTimeMs: 120\r\n"},
		req("https://www.harbourgazette.example/img/logo.png"),
		{gowarc.Response, "https://www.harbourgazette.example/img/logo.png", "application/http;msgtype=response",
			httpResponse("200 OK", "Content-Type: image/png\r\n", "\x89PNG\r\n\x1a\nnot really")},
		{gowarc.Response, "http://rheinblick.example/", "application/http;msgtype=response",
			httpResponse("301 Moved Permanently", html+"Location: https://www.rheinblick.example/\r\n", "<html><body>Moved</body></html>")},
		{gowarc.Response, "https://www.rheinblick.example/politik/gefangenenaustausch", "application/http;msgtype=response",
			httpResponse("200 OK", html, page(t, "rheinblick-gefangenenaustausch"))},
		{gowarc.Response, "https://metrowire.example/missing", "application/http;msgtype=response",
			httpResponse("404 Not Found", html, "<html><body><h1>Page not found</h1></body></html>")},
		{gowarc.Response, "https://metrowire.example/europe/eu-gas-ban", "application/http;msgtype=response",
			httpResponse("200 OK", html+"Content-Encoding: gzip\r\n", gz.String())},
		{gowarc.Resource, "https://dniesterpost.example/news/energy-emergency", "text/html", page(t, "dniester-post-energy")},
	}
}

// buildWARC writes records as a WARC, each record in a gzip member of its
// own when gzipped, with ids and dates that stay the same from run to run.
func buildWARC(t testing.TB, records []warcRecord, gzipped bool) []byte {
	t.Helper()
	var out bytes.Buffer
	m := gowarc.NewMarshaler()
	for i, r := range records {
		b := gowarc.NewRecordBuilder(r.typ, gowarc.WithAddMissingDigest(true))
		b.AddWarcHeader(gowarc.WarcRecordID, fmt.Sprintf("<urn:uuid:00000000-0000-4000-8000-%012d>", i+1))
		b.AddWarcHeader(gowarc.WarcDate, "2025-12-01T08:00:00Z")
		if r.uri != "" {
			b.AddWarcHeader(gowarc.WarcTargetURI, r.uri)
		}
		b.AddWarcHeader(gowarc.ContentType, r.headers)
		if _, err := b.WriteString(r.block); err != nil {
			t.Fatal(err)
		}
		rec, _, err := b.Build()
		if err != nil {
			t.Fatalf("record %d: %v", i+1, err)
		}
		var member bytes.Buffer
		if _, _, err := m.Marshal(&member, rec, 0); err != nil {
			t.Fatal(err)
		}
		rec.Close()
		if !gzipped {
			out.Write(member.Bytes())
			continue
		}
		zw := gzip.NewWriter(&out)
		zw.Write(member.Bytes())
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return out.Bytes()
}

// TestWARCFixture checks that the committed crawl is what crawlRecords
// writes; go test -run WARCFixture -warc rewrites it.
func TestWARCFixture(t *testing.T) {
	data := buildWARC(t, crawlRecords(t), true)
	if *writeWARC {
		if err := os.WriteFile(crawlPath, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Compared decompressed, as another version of compress/gzip may
	// compress the same records to other bytes.
	f, err := os.Open(crawlPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	have, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(have, buildWARC(t, crawlRecords(t), false)) {
		t.Errorf("%s is not what crawlRecords writes (%v): go test ./corpus -run WARCFixture -warc", crawlPath, err)
	}
}

func TestReadWARC(t *testing.T) {
	for _, gzipped := range []bool{false, true} {
		path := "in/crawl.warc"
		if gzipped {
			path += ".gz"
		}
		t.Run(path, func(t *testing.T) {
			var r result
			reader := &Reader{Notice: func(n Notice) { r.notices = append(r.notices, n) }}
			dir := writeFiles(t, map[string]string{path: string(buildWARC(t, crawlRecords(t), gzipped))})
			r.err = reader.Read([]string{filepath.Join(dir, path)}, func(a Article) error { r.articles = append(r.articles, a); return nil })
			if r.err != nil {
				t.Fatal(r.err)
			}
			type short struct {
				ID, Outlet, Date, Title, URL string
				Line                         int
			}
			var got []short
			pages := []string{"harbour-gazette-prisoner-swap", "rheinblick-gefangenenaustausch", "metro-wire-gas-ban", "dniester-post-energy"}
			for i, a := range r.articles {
				got = append(got, short{a.ID, a.Outlet, a.Date, a.Title, a.URL, a.Line})
				if i >= len(pages) {
					continue
				}
				// The whole text, as from the saved page.
				known, _ := readHTMLTest(t, pages[i])
				if a.Text != known.Text {
					t.Errorf("%s: text\n%q\nwant that of %s:\n%q", a.ID, a.Text, pages[i], known.Text)
				}
			}
			want := []short{
				{"urn:uuid:00000000-0000-4000-8000-000000000003", "The Harbour Gazette", "2025-03-11", "Ukraine and Russia agree to swap 200 prisoners each", "https://www.harbourgazette.example/world/2025/03/11/prisoner-swap", 3},
				{"urn:uuid:00000000-0000-4000-8000-000000000008", "Rheinblick", "2025-03-11", "Ukraine und Russland tauschen Gefangene aus", "https://www.rheinblick.example/politik/gefangenenaustausch", 8},
				{"urn:uuid:00000000-0000-4000-8000-000000000010", "Metro Wire", "2025-06-19", "EU proposes ban on Russian gas imports", "https://metrowire.example/europe/eu-gas-ban", 10},
				{"urn:uuid:00000000-0000-4000-8000-000000000011", "Dniester Post", "2025-01-15", "Moldova extends energy emergency", "https://dniesterpost.example/news/energy-emergency", 11},
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("articles\n got %v\nwant %v", got, want)
			}
			wantReason := "7 WARC records hold no HTML page: 2 request, 1 metadata, 1 response (HTTP 301), 1 response (HTTP 404), 1 response (image/png), 1 warcinfo"
			if len(r.notices) != 1 || r.notices[0].Reason != wantReason || !r.notices[0].Skipped {
				t.Errorf("notices %+v, want one: %s", r.notices, wantReason)
			}
		})
	}
}

func TestReadWARCErrors(t *testing.T) {
	three := string(buildWARC(t, crawlRecords(t)[:3], false))
	third := strings.LastIndex(three, "WARC/1.1\r\n") // where record 3 starts
	for _, tt := range []struct{ name, in, reason string }{
		{"empty", "", "not a WARC file"},
		{"not a WARC", "hello, world\n", "WARC record 1"},
		{"cut off in a block", three[:third+1500], "WARC record 3 is cut off"},
		{"cut off in a header", three[:third+100], "WARC record 3"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := collect(func(emit func(Article) error, notice func(Notice)) error {
				return readWARC(strings.NewReader(tt.in), "in/x.warc", emit, notice, DefaultMaxArticleBytes)
			})
			if r.err == nil || !strings.Contains(r.err.Error(), tt.reason) {
				t.Errorf("error %v, want one saying %q", r.err, tt.reason)
			}
		})
	}
}

// TestReadWARCEnd reads a WARC with a blank line after its last record.
func TestReadWARCEnd(t *testing.T) {
	in := string(buildWARC(t, crawlRecords(t)[:3], false)) + "\r\n\n"
	r := collect(func(emit func(Article) error, notice func(Notice)) error {
		return readWARC(strings.NewReader(in), "in/x.warc", emit, notice, DefaultMaxArticleBytes)
	})
	if r.err != nil || len(r.articles) != 1 {
		t.Errorf("got %v and %d articles, want 1 and no error", r.err, len(r.articles))
	}
}

func FuzzWARC(f *testing.F) {
	records := crawlRecords(f)
	f.Add(buildWARC(f, records, false))
	f.Add(buildWARC(f, records[:3], false))
	f.Add(buildWARC(f, records[5:7], true))
	f.Add([]byte("WARC/1.1\r\n\r\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		r := collect(func(emit func(Article) error, notice func(Notice)) error {
			return readWARC(bytes.NewReader(in), "in/x.warc", emit, notice, 1<<20)
		})
		for _, a := range r.articles {
			if strings.TrimSpace(a.Text+a.Title) == "" || a.ID == "" || a.Outlet == "" || a.Line < 1 {
				t.Errorf("incomplete article %+v", a)
			}
		}
	})
}
