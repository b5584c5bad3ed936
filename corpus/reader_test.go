package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReaderChecks(t *testing.T) {
	big := strings.Repeat("word ", 30)
	dir := writeFiles(t, map[string]string{
		"a.jsonl": `{"id":"x","text":"first"}` + "\n" +
			`{"id":"big","text":"` + big + `"}` + "\n" +
			`{"id":"x","text":"same id again"}` + "\n" +
			`{"id":"nul","text":"a\u0000b"}` + "\n" +
			"{\"id\":\"bad\",\"title\":\"caf\xe9\",\"text\":\"ok\"}\n",
		"b.txt":   "Title\n\n" + big,
		"c.jsonl": "",
		"d.jsonl": `{"id":"x","text":"a third x"}`,
	})
	var notices []Notice
	var ids []string
	r := &Reader{MaxArticleBytes: 100, Notice: func(n Notice) { notices = append(notices, n) }}
	err := r.Read([]string{dir}, func(a Article) error {
		ids = append(ids, a.ID+"="+a.Title)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(ids, " "), "x= x~2= bad=caf\uFFFD x~3="; got != want {
		t.Errorf("read %q, want %q", got, want)
	}
	var got []string
	for _, n := range notices {
		kind := "warning"
		if n.Skipped {
			kind = "skipped"
		}
		got = append(got, filepath.Base(n.Path)+":"+kind+":"+n.Reason)
	}
	want := []string{
		"a.jsonl:skipped:larger than the limit of 100 bytes",
		`a.jsonl:warning:duplicate id "x" (first read at ` + filepath.Join(dir, "a.jsonl") + ":1), renamed x~2",
		"a.jsonl:skipped:NUL bytes in the text",
		"a.jsonl:warning:invalid UTF-8 replaced with U+FFFD",
		"b.txt:skipped:larger than the limit of 100 bytes",
		"c.jsonl:warning:no articles in the file",
		`d.jsonl:warning:duplicate id "x" (first read at ` + filepath.Join(dir, "a.jsonl") + ":1), renamed x~3",
	}
	if len(got) != len(want) {
		t.Fatalf("notices:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("notice %d = %q, want %q...", i, got[i], want[i])
		}
	}
	if len(r.Files) != 4 || r.Files[0].Articles != 3 || r.Files[0].Skipped != 2 {
		t.Errorf("files = %+v", r.Files)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "c.jsonl"))
	if r.Files[2].Bytes != int64(len(data)) || r.Files[2].SHA256 != "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" {
		t.Errorf("empty file = %+v, want 0 bytes and the SHA-256 of nothing", r.Files[2])
	}
}

func TestReadLine(t *testing.T) {
	long := strings.Repeat("x", 10000) // beyond bufio's buffer
	dir := writeFiles(t, map[string]string{"a.jsonl": `{"text":"` + long + `"}` + "\n" + `{"text":"short"}`})
	var texts []string
	var skipped int
	err := (&Reader{MaxArticleBytes: 5000, Notice: func(n Notice) {
		if n.Skipped && n.Line == 1 {
			skipped++
		}
	}}).Read([]string{dir}, func(a Article) error {
		texts = append(texts, a.Text)
		return nil
	})
	if err != nil || skipped != 1 || len(texts) != 1 || texts[0] != "short" {
		t.Errorf("got %v, %d skipped, %q; want the long line 1 skipped and the short one read", err, skipped, texts)
	}
}

// TestLargeInputs reads an article far larger than any real one (skipped
// with the default limit) and a 100,000-line file.
func TestLargeInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs: skipped with -short")
	}
	var b strings.Builder
	b.WriteString(`{"id":"huge","text":"`)
	for b.Len() < DefaultMaxArticleBytes+100 {
		b.WriteString("Kyiv and Moscow. ")
	}
	b.WriteString("\"}\n")
	for i := range 100_000 {
		b.WriteString(`{"text":"Article ` + strings.Repeat("x", i%7) + `."}` + "\n")
	}
	dir := writeFiles(t, map[string]string{"big.jsonl": b.String()})
	var n int
	var skipped []Notice
	err := (&Reader{Notice: func(nt Notice) { skipped = append(skipped, nt) }}).Read([]string{dir}, func(Article) error {
		n++
		return nil
	})
	if err != nil || n != 100_000 || len(skipped) != 1 || skipped[0].Line != 1 || !strings.Contains(skipped[0].Reason, "limit") {
		t.Errorf("got %v, %d articles, notices %+v; want 100000 articles and line 1 skipped for its size", err, n, skipped)
	}
}

// TestUniqueSkipsTakenIDs: a duplicate takes the first free id~N, past ids
// that were read as such and past the ones given before.
func TestUniqueSkipsTakenIDs(t *testing.T) {
	var ids IDs
	var got []string
	for i, id := range []string{"a", "a~3", "a", "a", "a", "b", "a~5", "a"} {
		art := Article{ID: id, Source: "x.jsonl", Line: i + 1}
		ids.Unique(&art)
		got = append(got, art.ID)
	}
	want := []string{"a", "a~3", "a~2", "a~4", "a~5", "b", "a~5~2", "a~6"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("ids = %q, want %q", got, want)
	}
}
