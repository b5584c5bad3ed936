package main

import (
	"bytes"
	"encoding/json"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/slant-news/slant/corpus"
	"github.com/slant-news/slant/report"
)

// TestOrder checks that the comparison depends on the set of articles, not
// on their order: the demo corpus's articles in JSON Lines, as read and
// shuffled (and split over two files given in either order), give the same
// outlets.csv, balance.csv's outlet rows and differences.csv.
func TestOrder(t *testing.T) {
	t.Chdir(repoRoot(t))
	type record struct {
		ID     string `json:"id"`
		Outlet string `json:"outlet"`
		Date   string `json:"date,omitempty"`
		Title  string `json:"title"`
		Text   string `json:"text"`
	}
	var records []record
	if err := corpus.Read([]string{"testdata/corpus"}, func(a corpus.Article) error {
		records = append(records, record{a.ID, a.Outlet, a.Date, a.Title, a.Text})
		return nil
	}, nil); err != nil {
		t.Fatal(err)
	}
	if len(records) < 20 {
		t.Fatalf("%d articles in the demo corpus", len(records))
	}
	dir := t.TempDir()
	write := func(name string, rs []record) string {
		var b bytes.Buffer
		for _, r := range rs {
			line, _ := json.Marshal(r)
			b.Write(append(line, '\n'))
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	shuffled := slices.Clone(records)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	half := len(shuffled) / 2
	runs := [][]string{
		{write("read.jsonl", records)},
		{write("shuffled.jsonl", shuffled)},
		{write("b.jsonl", shuffled[half:]), write("a.jsonl", shuffled[:half])},
	}
	var outs []string
	for _, paths := range runs {
		out := filepath.Join(dir, "out"+filepath.Base(paths[0]))
		args := append([]string{"analyze", "-quiet", "-out", out}, paths...)
		if code := run(args, nil, io.Discard, io.Discard); code != 0 {
			t.Fatalf("%v: exit %d", args, code)
		}
		outs = append(outs, out)
	}
	read := func(out, name string) []byte {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if name == report.BalanceFile { // the articles' rows follow the input
			var keep [][]byte
			for _, line := range bytes.SplitAfter(data, []byte("\n")) {
				if !bytes.HasPrefix(line, []byte("article,")) {
					keep = append(keep, line)
				}
			}
			data = bytes.Join(keep, nil)
		}
		return data
	}
	for _, name := range []string{report.OutletsFile, report.BalanceFile, report.DifferencesFile} {
		want := read(outs[0], name)
		for i, out := range outs[1:] {
			if !bytes.Equal(read(out, name), want) {
				t.Errorf("%s: run %d (%v) differs from the records in their order", name, i+1, runs[i+1])
			}
		}
	}
}
