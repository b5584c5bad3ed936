package corpus

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"maps"
	"mime"
	"net/http/httputil"
	"slices"
	"strings"

	"github.com/nlnwa/gowarc/v3"
)

// readWARC reads a web archive: each HTTP response (or resource record)
// that holds an HTML page with status 200 is read as an article by the
// extractor of saved pages, with the record's target URI as its URL and its
// record id as its id. The other records (requests, metadata, redirects,
// images...) are counted and told in one skipped notice for the whole file.
// A record is numbered from 1 in the file; its number stands for a line.
//
// Records are read one at a time from the stream, each payload up to max
// bytes (a larger one is skipped, read through without being held).
func readWARC(r io.Reader, path string, emit func(Article) error, notice func(Notice), max int) error {
	br := bufio.NewReader(r)
	// gowarc reads each record whole before it returns it, into a buffer
	// that it keeps in memory up to a size and spills into a temporary
	// file beyond, which Close removes. Warnings about the spec make it
	// buffer; they are not errors here, as crawlers bend it often.
	opts := []gowarc.WarcRecordOption{
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
		gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
		gowarc.WithBlockErrorPolicy(gowarc.ErrIgnore),
	}
	if max > 0 {
		opts = append(opts, gowarc.WithBufferMaxMemBytes(int64(max)+warcHeaderRoom))
	}
	u := gowarc.NewUnmarshaler(opts...)
	others := map[string]int{}
	for n := 1; ; n++ {
		head, _ := br.Peek(len("WARC/"))
		startsRecord := bytes.HasPrefix(head, []byte("WARC/")) || bytes.HasPrefix(head, []byte{0x1f, 0x8b})
		// gowarc reads a header line with no bound: bytes that start no
		// record are not given to it, lest they never end.
		if !startsRecord && n == 1 {
			return &Error{Path: path, Line: n, Err: errors.New("WARC record 1: not a WARC file: it does not start with WARC/")}
		}
		if !startsRecord && len(bytes.TrimLeft(head, "\r\n")) > 0 {
			break // bytes after the last record that start no other
		}
		rec, _, _, err := u.Unmarshal(br)
		if err != nil && !startsRecord && n > 1 {
			break // the end, perhaps after bytes that start no record
		}
		if err != nil {
			if err == io.EOF {
				err = errors.New("not a WARC file: no record in it")
			}
			tellOthers(path, others, notice)
			return &Error{Path: path, Line: n, Err: fmt.Errorf("WARC record %d: %w", n, err)}
		}
		err = truncated(rec, path, n)
		if err == nil {
			err = readWARCRecord(rec, path, n, max, others, emit, notice)
		}
		if cerr := rec.Close(); err == nil && cerr != nil {
			err = &Error{Path: path, Line: n, Err: fmt.Errorf("WARC record %d: %w", n, cerr)}
		}
		if err != nil {
			tellOthers(path, others, notice)
			return err
		}
	}
	tellOthers(path, others, notice)
	return nil
}

// tellOthers tells notice of the records of path that hold no page, if any.
func tellOthers(path string, others map[string]int, notice func(Notice)) {
	if len(others) > 0 {
		notice(Notice{Path: path, Skipped: true, Reason: othersReason(others)})
	}
}

// warcHeaderRoom is the room for HTTP headers in a record's buffer, beyond
// the article size limit.
const warcHeaderRoom = 64 << 10

// truncated is the *Error of a record that ends before its Content-Length.
func truncated(rec gowarc.WarcRecord, path string, n int) error {
	want, err := rec.ContentLength()
	if err != nil {
		return &Error{Path: path, Line: n, Err: fmt.Errorf("WARC record %d has no Content-Length: cut off?", n)}
	}
	if got := rec.Block().Size(); got < want {
		return &Error{Path: path, Line: n, Err: fmt.Errorf("WARC record %d is cut off: %d of its %d bytes", n, got, want)}
	}
	return nil
}

// readWARCRecord passes on the article in rec, the nth record of path, if
// it holds one, else counts it in others by its kind.
func readWARCRecord(rec gowarc.WarcRecord, path string, n, max int, others map[string]int, emit func(Article) error, notice func(Notice)) error {
	page, contentType, kind := warcPage(rec)
	if page == nil {
		others[kind]++
		return nil
	}
	id := strings.Trim(rec.RecordId(), "<>")
	skip := func(reason string) error {
		notice(Notice{Path: path, Line: n, ID: id, Skipped: true, Reason: reason})
		return nil
	}
	data, tooBig, err := readAtMost(page, max)
	if errors.Is(err, errEndless) {
		return endless(path, n, max)
	}
	if err != nil {
		return &Error{Path: path, Line: n, Err: fmt.Errorf("WARC record %d: %w", n, err)}
	}
	if tooBig {
		return skip(tooLarge(max))
	}
	target := rec.WarcHeader().Get(gowarc.WarcTargetURI)
	a, reason := readHTML(data, contentType, target)
	if reason != "" {
		return skip(reason)
	}
	a.ID, a.Source, a.Line = cmp.Or(id, pathID(path, n)), path, n
	a.URL = cmp.Or(strings.TrimSpace(target), a.URL)
	if a.Outlet == "" {
		a.Outlet = "unknown"
	}
	return deliver(a, emit, notice)
}

// warcPage returns the HTML page rec holds, decoded, with its content type;
// or nil and the kind of record it is instead ("request", "response (HTTP
// 404)", "response (image/jpeg)").
func warcPage(rec gowarc.WarcRecord) (page io.Reader, contentType, kind string) {
	kind = rec.Type().String()
	switch rec.Type() {
	case gowarc.Response:
		block, ok := rec.Block().(gowarc.HttpResponseBlock)
		if !ok {
			return nil, "", kind + " (not HTTP)"
		}
		if code := block.HttpStatusCode(); code != 200 {
			return nil, "", fmt.Sprintf("%s (HTTP %d)", kind, code)
		}
		h := block.HttpHeader()
		contentType = h.Get("Content-Type")
		if !isHTML(contentType) {
			return nil, "", fmt.Sprintf("%s (%s)", kind, mediaType(contentType))
		}
		payload, err := block.PayloadBytes()
		if err != nil {
			return nil, "", kind + " (unreadable payload)"
		}
		if strings.Contains(strings.ToLower(h.Get("Transfer-Encoding")), "chunked") {
			payload = httputil.NewChunkedReader(payload)
		}
		switch enc := strings.ToLower(strings.TrimSpace(h.Get("Content-Encoding"))); enc {
		case "", "identity":
		case "gzip", "x-gzip":
			zr, err := gzip.NewReader(payload)
			if err != nil {
				return nil, "", kind + " (bad gzip encoding)"
			}
			payload = zr
		default:
			return nil, "", fmt.Sprintf("%s (Content-Encoding %s)", kind, enc)
		}
		return payload, contentType, kind
	case gowarc.Resource:
		contentType = rec.WarcHeader().Get(gowarc.ContentType)
		if !isHTML(contentType) {
			return nil, "", fmt.Sprintf("%s (%s)", kind, mediaType(contentType))
		}
		payload, err := rec.Block().RawBytes()
		if err != nil {
			return nil, "", kind + " (unreadable payload)"
		}
		return payload, contentType, kind
	}
	return nil, "", kind
}

func isHTML(contentType string) bool {
	t := mediaType(contentType)
	return t == "text/html" || t == "application/xhtml+xml"
}

func mediaType(contentType string) string {
	t, _, err := mime.ParseMediaType(contentType)
	if err != nil || t == "" {
		return "no content type"
	}
	return t
}

// othersReason tells how many records of each kind in a WARC file hold no
// article, most first.
func othersReason(others map[string]int) string {
	kinds := slices.SortedFunc(maps.Keys(others), func(a, b string) int {
		return cmp.Or(others[b]-others[a], strings.Compare(a, b))
	})
	total := 0
	var parts []string
	for _, k := range kinds {
		total += others[k]
		parts = append(parts, fmt.Sprintf("%d %s", others[k], k))
	}
	noun := "records hold"
	if total == 1 {
		noun = "record holds"
	}
	return fmt.Sprintf("%d WARC %s no HTML page: %s", total, noun, strings.Join(parts, ", "))
}
