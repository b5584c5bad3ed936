package corpus

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/klauspost/compress/zstd"
)

func gzipped(t testing.TB, s string) string {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func zstded(t testing.TB, s string) string {
	t.Helper()
	var b bytes.Buffer
	zw, err := zstd.NewWriter(&b)
	if err != nil {
		t.Fatal(err)
	}
	zw.Write([]byte(s))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestSplit(t *testing.T) {
	for _, tt := range []struct{ path, ext, compression string }{
		{"a/feed.jsonl", ".jsonl", ""},
		{"a/Feed.JSONL.GZ", ".jsonl", "gzip"},
		{"x.csv.zst", ".csv", "zstd"},
		{"crawl.warc.gz", ".warc", "gzip"},
		{"notes.gz", "", "gzip"},
		{"page.htm", ".htm", ""},
		{"a.tar.gz", ".tar", "gzip"},
	} {
		if ext, c := split(tt.path); ext != tt.ext || c != tt.compression {
			t.Errorf("split(%q) = %q, %q; want %q, %q", tt.path, ext, c, tt.ext, tt.compression)
		}
	}
}

// TestReadCompressed reads each format compressed, with the same articles,
// ids, lines and limits as uncompressed.
func TestReadCompressed(t *testing.T) {
	jsonl := "{\"id\":\"j\",\"text\":\"from jsonl\"}\n{\"text\":\"" + strings.Repeat("x", 200) + "\"}\n{\"text\":\"second\"}\n"
	files := map[string]string{
		"1.jsonl.gz": gzipped(t, jsonl),
		"2.csv.zst":  zstded(t, "id,text\nc,from csv\n"),
		"3.txt.gz":   gzipped(t, "Title\n\nfrom txt\n"),
		"4.md.zst":   zstded(t, "# Heading\n\nfrom md\n"),
		"5.json.gz":  gzipped(t, `[{"text":"from json"}]`),
		"6.jsonl.gz": "not gzip at all",
	}
	dir := writeFiles(t, files)
	var r result
	reader := &Reader{MaxArticleBytes: 100, Notice: func(n Notice) { r.notices = append(r.notices, n) }}
	r.err = reader.Read([]string{dir}, func(a Article) error { r.articles = append(r.articles, a); return nil })
	in := func(name string) string { return filepath.Join(dir, name) }
	r.check(t, []Article{
		{ID: "j", Outlet: "unknown", Text: "from jsonl", Source: in("1.jsonl.gz"), Line: 1},
		{ID: "1-3", Outlet: "unknown", Text: "second", Source: in("1.jsonl.gz"), Line: 3},
		{ID: "c", Outlet: "unknown", Text: "from csv", Source: in("2.csv.zst"), Line: 2},
		{ID: "3", Outlet: filepath.Base(dir), Title: "Title", Text: "from txt", Source: in("3.txt.gz"), Line: 1},
		{ID: "4", Outlet: filepath.Base(dir), Title: "Heading", Text: "from md", Source: in("4.md.zst"), Line: 1},
		{ID: "5-1", Outlet: "unknown", Text: "from json", Source: in("5.json.gz"), Line: 1},
	}, []Notice{
		{Path: in("1.jsonl.gz"), Line: 2, Skipped: true, Reason: "larger than the limit of 100 bytes"},
		{Path: in("6.jsonl.gz"), Skipped: true, Reason: "not gzip data"},
	})
	// The manifest's bytes and checksum are those of the file as stored.
	for _, f := range reader.Files {
		if f.Bytes != int64(len(files[filepath.Base(f.Path)])) {
			t.Errorf("%s: %d bytes, want %d", f.Path, f.Bytes, len(files[filepath.Base(f.Path)]))
		}
	}
}

// TestReadAccounts checks that every file in a walked folder is read or
// skipped with the reason.
func TestReadAccounts(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.jsonl":       `{"text":"ok"}`,
		"b.pdf":         "%PDF-1.4",
		"sub/c.txt":     "Title\n\nBody\n",
		".hidden/x.pdf": "x",
	})
	in := func(name string) string { return filepath.Join(dir, name) }
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Symlink(in("nowhere.jsonl"), in("dangling.jsonl")))
	must(os.Symlink(in("loop2.jsonl"), in("loop1.jsonl")))
	must(os.Symlink(in("loop1.jsonl"), in("loop2.jsonl")))
	must(os.Symlink(in("sub"), in("linked-folder")))
	must(syscall.Mkfifo(in("pipe.jsonl"), 0o644))
	r := collect(func(emit func(Article) error, notice func(Notice)) error {
		return Read([]string{dir}, emit, notice)
	})
	if r.err != nil {
		t.Fatal(r.err)
	}
	if len(r.articles) != 2 {
		t.Errorf("read %d articles, want 2", len(r.articles))
	}
	r.articles = nil
	r.check(t, nil, []Notice{
		{Path: in("b.pdf"), Skipped: true, Reason: "not a kind of file slant reads"},
		{Path: in("dangling.jsonl"), Skipped: true, Reason: "a dangling symbolic link"},
		{Path: in("linked-folder"), Skipped: true, Reason: "a symbolic link to a folder, not followed"},
		{Path: in("loop1.jsonl"), Skipped: true, Reason: "a symbolic link loop"},
		{Path: in("loop2.jsonl"), Skipped: true, Reason: "a symbolic link loop"},
		{Path: in("pipe.jsonl"), Skipped: true, Reason: "a named pipe (FIFO), not read"},
	})

	// A link to a folder named on the command line is walked.
	files, err := Files([]string{in("linked-folder")})
	if err != nil || len(files) != 1 || files[0] != in("linked-folder/c.txt") {
		t.Errorf("Files(linked-folder) = %q, %v; want [%s]", files, err, in("linked-folder/c.txt"))
	}

	// Named on the command line, they are errors that say what they are.
	for path, want := range map[string]string{
		in("dangling.jsonl"): "a dangling symbolic link",
		in("loop1.jsonl"):    "a symbolic link loop",
		in("pipe.jsonl"):     "a named pipe (FIFO)",
		in("b.pdf"):          "unknown file type",
	} {
		_, err := Files([]string{path})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Files(%s) = %v, want an error saying %q", path, err, want)
		}
	}
}

// TestReadStdin reads "-" in the format given.
func TestReadStdin(t *testing.T) {
	var r result
	reader := &Reader{Format: "jsonl.gz", Stdin: strings.NewReader(gzipped(t, "{\"text\":\"a\"}\n\n{\"text\":\"b\"}\n")),
		Notice: func(n Notice) { r.notices = append(r.notices, n) }}
	r.err = reader.Read([]string{"-"}, func(a Article) error { r.articles = append(r.articles, a); return nil })
	r.check(t, []Article{
		{ID: "stdin-1", Outlet: "unknown", Text: "a", Source: "stdin", Line: 1},
		{ID: "stdin-3", Outlet: "unknown", Text: "b", Source: "stdin", Line: 3},
	}, nil)
	if err := (&Reader{Stdin: strings.NewReader("")}).Read([]string{"-"}, func(Article) error { return nil }); err == nil ||
		!strings.Contains(err.Error(), "needs a format") {
		t.Errorf("stdin without a format: %v, want an error", err)
	}
}

// TestReadKeep keeps the extra fields asked for, from every format with
// named fields, and reads the language field.
func TestReadKeep(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.jsonl": `{"id":"j","text":"t","event_id":17,"author":"A. B.","lang":"de-AT"}` + "\n",
		"b.csv":   "id,text,Event_ID,language\nc,t,e9,FR\n",
		"c.md":    "---\nevent_id: e3\nlanguage: English\n---\n# T\n\nbody\n",
	})
	var r result
	reader := &Reader{Keep: []string{"event_id", "author"}, Notice: func(n Notice) { r.notices = append(r.notices, n) }}
	r.err = reader.Read([]string{dir}, func(a Article) error { r.articles = append(r.articles, a); return nil })
	in := func(name string) string { return filepath.Join(dir, name) }
	r.check(t, []Article{
		{ID: "j", Outlet: "unknown", Text: "t", Source: in("a.jsonl"), Line: 1, Language: "de",
			Fields: map[string]string{"event_id": "17", "author": "A. B."}},
		{ID: "c", Outlet: "unknown", Text: "t", Source: in("b.csv"), Line: 2, Language: "fr",
			Fields: map[string]string{"event_id": "e9", "author": ""}},
		{ID: "c~2", Outlet: filepath.Base(dir), Title: "T", Text: "body", Source: in("c.md"), Line: 1,
			Fields: map[string]string{"event_id": "e3", "author": ""}},
	}, []Notice{
		{Path: in("c.md"), Line: 1, ID: "c", Reason: `language "English" is not an ISO 639-1 code`},
		{Path: in("c.md"), Line: 1, ID: "c~2", Reason: `duplicate id "c"`},
	})
}

// TestReadBomb reads a small file that decompresses to a huge line: the
// limit on article size skips it without holding it, and the records around
// it are read.
func TestReadBomb(t *testing.T) {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte("{\"text\":\"before\"}\n{\"text\":\""))
	zero := make([]byte, 1<<20)
	for range 16 { // 16 MB of one line
		zw.Write(zero)
	}
	zw.Write([]byte("\"}\n{\"text\":\"after\"}\n"))
	zw.Close()
	if b.Len() > 1<<20 {
		t.Fatalf("the bomb is %d bytes compressed", b.Len())
	}
	var r result
	reader := &Reader{MaxArticleBytes: 1 << 20, Notice: func(n Notice) { r.notices = append(r.notices, n) }}
	dir := writeFiles(t, map[string]string{"bomb.jsonl.gz": b.String()})
	r.err = reader.Read([]string{dir}, func(a Article) error { r.articles = append(r.articles, a); return nil })
	path := filepath.Join(dir, "bomb.jsonl.gz")
	r.check(t, []Article{
		{ID: "bomb-1", Outlet: "unknown", Text: "before", Source: path, Line: 1},
		{ID: "bomb-3", Outlet: "unknown", Text: "after", Source: path, Line: 3},
	}, []Notice{{Path: path, Line: 2, Skipped: true, Reason: "larger than the limit of 1048576 bytes"}})
}

// FuzzCompressed reads arbitrary bytes as compressed JSON lines: never an
// error or a panic, only articles and skipped records.
func FuzzCompressed(f *testing.F) {
	f.Add(gzipped(f, "{\"text\":\"a\"}\n"), true)
	f.Add(zstded(f, "{\"text\":\"a\"}\n{\"text\":"), false)
	f.Add("not compressed", true)
	f.Add(gzipped(f, "x")[:10], true)
	f.Fuzz(func(t *testing.T, in string, gz bool) {
		name := "in.jsonl.zst"
		if gz {
			name = "in.jsonl.gz"
		}
		reader := &Reader{Format: strings.TrimPrefix(name, "in."), Stdin: strings.NewReader(in), MaxArticleBytes: 1 << 16}
		if err := reader.Read([]string{"-"}, func(Article) error { return nil }); err != nil {
			t.Fatalf("error %v: a broken file is a skipped record", err)
		}
		if f := reader.Files[0]; f.Bytes != int64(len(in)) {
			t.Errorf("read %d bytes of %d", f.Bytes, len(in))
		}
	})
}
