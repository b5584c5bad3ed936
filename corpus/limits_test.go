package corpus

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
)

// endlessReader is an input that never ends (/dev/zero, or a stream of one
// byte), after an optional start; it counts what was read from it.
type endlessReader struct {
	start string
	b     byte
	n     int
}

func (e *endlessReader) Read(p []byte) (int, error) {
	n := copy(p, e.start)
	e.start = e.start[n:]
	for i := n; i < len(p); i++ {
		p[i] = e.b
	}
	e.n += len(p)
	return len(p), nil
}

type readFunc func(r io.Reader, path string, emit func(Article) error, notice func(Notice), max int) error

var limitFormats = []struct {
	name  string
	read  readFunc
	start string // what comes before the endless record
}{
	{"CSV", readCSV, "id,text\na,\"one\"\nb,\""},
	{"CSV with no header", readCSV, ""},
	{"JSON Lines", readJSONL, "{\"text\":\"one\"}\r{\"text\":\""},
	{"JSON array", readJSON, "[{\"text\":\"one\"},\n{\"text\":\""},
	{"JSON object", readJSON, "{\"text\":\""},
	{"text", readTextFile, "Title\n\n"},
}

// TestEndlessInput reads inputs that never end, such as /dev/zero, with a
// limit: each stops, having read a bounded amount, with a notice or an error
// at the line of the endless record.
func TestEndlessInput(t *testing.T) {
	const max = 1000
	for _, f := range limitFormats {
		for _, b := range []byte{0, 'x'} {
			t.Run(fmt.Sprintf("%s of %q", f.name, b), func(t *testing.T) {
				in := &endlessReader{start: f.start, b: b}
				r := collect(func(emit func(Article) error, notice func(Notice)) error {
					return f.read(in, "in/endless", emit, notice, max)
				})
				if bound := (skipFactor+1)*max + 64<<10; in.n > bound {
					t.Errorf("read %d bytes, want no more than %d", in.n, bound)
				}
				var e *Error
				switch {
				case errors.As(r.err, &e):
					// NUL bytes are invalid JSON: that is as good a stop.
					if b == 'x' && !strings.Contains(e.Err.Error(), "larger than the limit of 1000 bytes") {
						t.Errorf("error %v, want it to name the limit", r.err)
					}
				case r.err != nil:
					t.Errorf("error %#v, want an *Error", r.err)
				case len(r.notices) == 0 || !strings.HasPrefix(r.notices[len(r.notices)-1].Reason, tooLarge(max)):
					t.Errorf("no error and notices %+v, want the endless record skipped", r.notices)
				}
			})
		}
	}
}

// TestLargeRecordNotHeld reads a record of 2 MB with a limit of 1000 bytes
// in each format, and checks that it was never held: far less than its size
// is allocated.
func TestLargeRecordNotHeld(t *testing.T) {
	const max, size = 1000, 2 << 20
	for _, f := range limitFormats {
		t.Run(f.name, func(t *testing.T) {
			in := io.MultiReader(strings.NewReader(f.start), io.LimitReader(&endlessReader{b: 'x'}, size),
				strings.NewReader("\"\n"))
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			r := collect(func(emit func(Article) error, notice func(Notice)) error {
				return f.read(in, "in/large", emit, notice, max)
			})
			runtime.ReadMemStats(&after)
			if got := after.TotalAlloc - before.TotalAlloc; got > size/8 {
				t.Errorf("allocated %d bytes reading a record of %d, want it not held", got, size)
			}
			if r.err == nil && len(r.notices) == 0 {
				t.Errorf("the large record passed: %+v", r.articles)
			}
		})
	}
}

// TestReadEndlessStdin checks that an endless standard input does not hang a
// run: in each format reading stops within the bound on a record, and the
// read for the checksum stops within the same bound, saying so.
func TestReadEndlessStdin(t *testing.T) {
	const max = 1000
	for _, format := range []string{"jsonl", "json", "csv", "txt", "md", "html", "warc"} {
		t.Run(format, func(t *testing.T) {
			var notices []Notice
			articles := 0
			head := map[string]string{"jsonl": "{\"text\":\"a\"}\n{\"text\":\"", "csv": "text\na\n\"", "json": "[{\"text\":\"a\"},{\"text\":\""}[format]
			reader := &Reader{Format: format, MaxArticleBytes: max, Stdin: &endlessReader{start: head, b: 'x'},
				Notice: func(n Notice) { notices = append(notices, n) }}
			if err := reader.Read([]string{"-"}, func(Article) error { articles++; return nil }); err != nil {
				t.Fatal(err)
			}
			f := reader.Files[0]
			if f.SHA256 != "" || f.Bytes > 2*skipFactor*max+1<<16 {
				t.Errorf("file %+v: want no checksum and at most twice the bound read", f)
			}
			if last := notices[len(notices)-1]; !strings.Contains(last.Reason, "is not read, having no end") {
				t.Errorf("notices %+v", notices)
			}
			if head != "" && articles != 1 {
				t.Errorf("%d articles, want the one before the endless record", articles)
			}
		})
	}
}
