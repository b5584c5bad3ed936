package analysis

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/slant-news/slant/corpus"
)

// FuzzAnalyze runs whole articles through the analysis: no input may
// panic, and every offset it gives must index the text it names. Seeded
// from the demo corpus, the raw files of testdata/bad and the inputs that
// crashed or hung it (issue 12).
func FuzzAnalyze(f *testing.F) {
	err := corpus.Read([]string{filepath.Join("..", "testdata", "corpus")}, func(a corpus.Article) error {
		f.Add(a.Title, a.Text)
		return nil
	}, nil)
	if err != nil {
		f.Fatal(err)
	}
	err = filepath.WalkDir(filepath.Join("..", "testdata", "bad"), func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		f.Add(e.Name(), string(data))
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
	for _, text := range []string{
		"Putin said in Moscow,",
		"“The talks will go on,” she added in the letter,...",
		"Mr Lavrov said in Geneva:",
		"Sergey Lavrov said the talks were long. He added they would go on. She said no. Ms Kallas said yes. He said: “Fine.”",
	} {
		f.Add("Russia and Ukraine", text)
	}
	an := newAnalyzer(f, Config{NB: true})
	f.Fuzz(func(t *testing.T, title, text string) {
		out := an.Analyze(corpus.Article{ID: "fuzz", Title: title, Text: text})
		part := map[string]string{Title: title, Body: text}
		for _, s := range out.Sentences {
			if s.Start < 0 || s.Start > s.End || s.End > len(part[s.Part]) {
				t.Fatalf("sentence %d [%d, %d) outside its %s of %d bytes", s.N, s.Start, s.End, s.Part, len(part[s.Part]))
			}
		}
		for _, m := range out.Mentions {
			if m.Start < 0 || m.Start >= m.End || m.End > len(part[m.Part]) || part[m.Part][m.Start:m.End] != m.Text {
				t.Fatalf("mention %+v is not a span of its %s", m, m.Part)
			}
		}
		for _, q := range out.Quotes {
			if q.Start < 0 || q.Start > q.End || q.End > len(text) || q.SpeakerEnd > len(text) || q.CueEnd > len(text) {
				t.Fatalf("statement %+v outside the body of %d bytes", q.Statement, len(text))
			}
		}
	})
}
