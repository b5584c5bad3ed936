package corpus

import (
	"fmt"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"testing"
)

// TestReadShards checks that the parts of -shard I/N hold every record once
// between them, with their notices, in the order of a whole read, and that
// each lists every file.
func TestReadShards(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"1.jsonl": "{\"id\":\"j\",\"text\":\"one\"}\nnot json\n{\"id\":\"j\",\"text\":\"dup\",\"date\":\"soon\"}\n{\"id\":\"k\",\"text\":\"\"}\n",
		"2.json":  `[{"id":"a","text":"from json"},{"id":"b","text":"x"}]`,
		"3.csv":   "id,text\nc,from csv\n",
		"4.jsonl": "",
		"5.txt":   "Title\n\nfrom txt\n",
	})
	type event struct {
		file   string
		record int
		what   string
	}
	read := func(shard, shards int) ([]event, []File) {
		var out []event
		r := &Reader{Shard: shard, Shards: shards, KeepIDs: true, Notice: func(n Notice) {
			out = append(out, event{filepath.Base(n.Path), n.Record, fmt.Sprintf("notice %v %s", n.Skipped, n.Reason)})
		}}
		if err := r.Read([]string{dir}, func(a Article) error {
			out = append(out, event{filepath.Base(a.Source), a.Record, "article " + a.ID})
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return out, r.Files
	}
	whole, files := read(0, 1)
	if len(whole) < 8 {
		t.Fatalf("%d events: %v", len(whole), whole)
	}
	for _, n := range []int{2, 3} {
		var all []event
		articles := make([]int, len(files))
		for i := range n {
			part, pf := read(i, n)
			if len(pf) != len(files) {
				t.Fatalf("shard %d/%d lists %d files, want %d", i, n, len(pf), len(files))
			}
			for k := range pf {
				articles[k] += pf[k].Articles
			}
			all = append(all, part...)
		}
		slices.SortStableFunc(all, func(x, y event) int {
			if x.file != y.file {
				return map[bool]int{true: -1, false: 1}[x.file < y.file]
			}
			return x.record - y.record
		})
		if !reflect.DeepEqual(all, whole) {
			t.Errorf("%d shards:\n%v\nwant\n%v", n, all, whole)
		}
		for k := range files {
			if articles[k] != files[k].Articles {
				t.Errorf("%d shards: %s: %d articles, want %d", n, files[k].Path, articles[k], files[k].Articles)
			}
		}
	}
}

// TestIDsBytes measures what IDs keeps per article, which a run over a
// corpus holds to the end: the id and where it was first read.
func TestIDsBytes(t *testing.T) {
	const n = 200_000
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("https://example.com/news/2025/02/%08d", i) // 41 bytes
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var s IDs
	for i, id := range ids {
		a := Article{ID: id, Source: fmt.Sprint("file", i/1000, ".jsonl"), Line: i % 1000}
		s.Unique(&a)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	per := float64(after.HeapAlloc-before.HeapAlloc) / n
	t.Logf("%.0f bytes per id, beside the id itself", per)
	if per > 100 {
		t.Errorf("%.0f bytes per id, want at most 100", per)
	}
	runtime.KeepAlive(ids)
	runtime.KeepAlive(&s)
}
