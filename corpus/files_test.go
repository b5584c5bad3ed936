package corpus

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// writeFiles writes files, by slash-separated path under dir, and returns dir.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestFiles(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"b.jsonl":           "",
		"a/x.csv":           "",
		"a/y.NDJSON":        "",
		"a-c.json":          "",
		"c.TXT":             "",
		"d.md":              "",
		"notes.pdf":         "",
		"README.md":         "",
		"sub/readme.txt":    "",
		"sub/README.json":   "",
		".hidden.md":        "",
		".git/x.jsonl":      "",
		"sub/.cache/y.json": "",
		"explicit.pdf":      "",
	})
	in := func(name string) string { return filepath.Join(dir, filepath.FromSlash(name)) }
	tests := []struct {
		name  string
		paths []string
		want  []string
		err   string // the Path of the *Error wanted, if any
	}{
		{
			name:  "directory walked in order, skipping READMEs and hidden files",
			paths: []string{dir},
			want:  []string{in("a/x.csv"), in("a/y.NDJSON"), in("a-c.json"), in("b.jsonl"), in("c.TXT"), in("d.md"), in("explicit.pdf"), in("notes.pdf"), in("sub/README.json")},
		},
		{
			name:  "files as given, in the order given",
			paths: []string{in("d.md"), in("README.md"), in(".hidden.md"), in("sub")},
			want:  []string{in("d.md"), in("README.md"), in(".hidden.md"), in("sub/README.json")},
		},
		{
			name:  "hidden folder given",
			paths: []string{in(".git")},
			want:  []string{in(".git/x.jsonl")},
		},
		{name: "nothing", paths: nil, want: nil},
		{name: "missing path", paths: []string{in("d.md"), in("nope")}, err: in("nope")},
		{name: "unknown extension given", paths: []string{in("explicit.pdf")}, err: in("explicit.pdf")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Files(tt.paths)
			if tt.err != "" {
				var e *Error
				if !errors.As(err, &e) || e.Path != tt.err {
					t.Fatalf("got %v, %v; want an *Error for %s", got, err, tt.err)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %q, %v\nwant %q", got, err, tt.want)
			}
		})
	}
	if _, err := Files([]string{in("nope")}); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing path: %v does not wrap fs.ErrNotExist", err)
	}
}

func TestRead(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"1.jsonl":           "{\"id\":\"j\",\"text\":\"from jsonl\"}\nnot json\n",
		"2.json":            `[{"id":"a","text":"from json"}]`,
		"3.csv":             "id,text\nc,from csv\n",
		"reuters/4.md":      "# Title\n\nfrom md\n",
		"reuters/5.txt":     "Title\n\nfrom txt\n",
		"reuters/README.md": "# not an article\n\nat all\n",
	})
	r := collect(func(emit func(Article) error, notice func(Notice)) error {
		return Read([]string{dir}, emit, notice)
	})
	if r.err != nil {
		t.Fatal(r.err)
	}
	var ids []string
	for _, a := range r.articles {
		ids = append(ids, a.ID)
	}
	if want := []string{"j", "a", "c", "4", "5"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("read %q, want %q", ids, want)
	}
	if len(r.articles) == 5 && r.articles[3].Outlet != "reuters" {
		t.Errorf("outlet of a Markdown file %q, want its folder's name", r.articles[3].Outlet)
	}
	want := []Notice{{Path: filepath.Join(dir, "1.jsonl"), Line: 2, Record: 1, Skipped: true, Reason: "invalid JSON: "}}
	r.check(t, r.articles, want)

	// An error from emit stops reading and comes back as it is.
	stop := errors.New("stop")
	calls := 0
	err := Read([]string{dir}, func(Article) error { calls++; return stop }, nil)
	if err != stop || calls != 1 {
		t.Errorf("got %v after %d calls, want the emit error after 1", err, calls)
	}

	// A broken file is reported from where reading stopped, and the files
	// after it are read; what came before in it was passed on.
	bad := writeFiles(t, map[string]string{"a.jsonl": `{"text":"ok"}`, "b.json": "[{\"text\":\"x\"},\n", "c.csv": "text\nlater\n"})
	r = collect(func(emit func(Article) error, notice func(Notice)) error {
		return Read([]string{bad}, emit, notice)
	})
	if r.err != nil || len(r.articles) != 3 || len(r.notices) != 1 ||
		r.notices[0].Path != filepath.Join(bad, "b.json") || !r.notices[0].Skipped ||
		!strings.Contains(r.notices[0].Reason, "is not read") {
		t.Errorf("got %d articles, %v and notices %+v; want 3, no error and b.json skipped from where it broke", len(r.articles), r.err, r.notices)
	}
}

func TestReadFileErrors(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.pdf": "x", "dir.md/x.md": "x"})
	for _, path := range []string{filepath.Join(dir, "a.pdf"), filepath.Join(dir, "missing.jsonl"), filepath.Join(dir, "dir.md")} {
		err := ReadFile(path, func(Article) error { return nil }, nil)
		var e *Error
		if !errors.As(err, &e) || e.Path != path {
			t.Errorf("ReadFile(%q) = %v, want an *Error for it", path, err)
		}
	}
}
