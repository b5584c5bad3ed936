package main

import (
	"bytes"
	"container/heap"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"slices"

	"github.com/slant-news/slant/analysis/tone"
	"github.com/slant-news/slant/corpus"
	"github.com/slant-news/slant/report"
)

// mergeOptions are the flags of slant merge.
type mergeOptions struct {
	out       string
	workers   int
	strict    bool
	timestamp bool
	quiet     bool
	comparisonOptions
}

func runMerge(fs *flag.FlagSet, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var opts mergeOptions
	fs.StringVar(&opts.out, "out", "out", "write the outputs into `DIR` (replaced whole if slant wrote it; else it must be empty or absent)")
	fs.IntVar(&opts.workers, "workers", runtime.NumCPU(), "compare on `N` goroutines (1 or more); the output is the same for any N")
	fs.BoolVar(&opts.strict, "strict", false, "fail (exit 1) when any record was skipped or any warning given")
	fs.BoolVar(&opts.timestamp, "timestamp", false, "record the time of the merge in manifest.json (outputs then differ between runs)")
	fs.BoolVar(&opts.quiet, "quiet", false, "print no summary line (problems are still reported)")
	opts.comparisonOptions.register(fs)
	if code, ok := parse(fs, args); !ok {
		return code
	}
	switch {
	case fs.NArg() == 0:
		fmt.Fprintln(stderr, "slant merge: no PART given")
	case opts.resamples < 0:
		fmt.Fprintln(stderr, "slant merge: -resamples must be 0 or more")
	case opts.workers < 1:
		fmt.Fprintln(stderr, "slant merge: -workers must be 1 or more")
	case opts.out == "":
		fmt.Fprintln(stderr, "slant merge: -out must name a directory")
	case opts.checkPeriod() != "":
		fmt.Fprintf(stderr, "slant merge: %s\n", opts.checkPeriod())
	default:
		sum, err := merge(opts, append([]string{"slant", "merge"}, args...), fs.Args(), stderr)
		if err != nil {
			return fail(stderr, err)
		}
		if !opts.quiet {
			sum.tell(stderr, fmt.Sprintf("merged from %s", count(fs.NArg(), "part")), opts.out)
		}
		o := options{strict: opts.strict}
		return o.verdict(sum, stderr)
	}
	fs.Usage()
	return exitUsage
}

// merge writes the outputs of the partial runs in dirs: their articles and
// notices interleaved into the order of one run over all their inputs,
// duplicate ids renamed over all of them, and the comparison run afresh.
func merge(opts mergeOptions, command, dirs []string, stderr io.Writer) (sum summary, err error) {
	cfg, err := opts.config(opts.workers)
	if err != nil {
		return sum, err
	}
	var parts []*partReader
	defer func() {
		for _, p := range parts {
			p.close()
		}
	}()
	for _, dir := range dirs {
		p, err := openPart(dir)
		if err != nil {
			return sum, err
		}
		parts = append(parts, p)
	}
	first := parts[0].meta
	for _, p := range parts[1:] {
		if err := sameRun(first, p.meta); err != nil {
			return sum, fmt.Errorf("%s and %s: %w", parts[0].dir, p.dir, err)
		}
	}
	files, index, err := mergedFiles(parts)
	if err != nil {
		return sum, err
	}
	out, err := openOutput(opts.out, dirs, nil, stderr)
	if err != nil {
		return sum, err
	}
	defer out.Close()
	defer out.removeOnSignal(stderr)()
	raw, _ := first.Settings["raw_csv"].(bool)
	csv := report.CSVConfig{Raw: raw, Keep: first.Keep}
	printer := &noticePrinter{w: stderr}
	scorer, _ := first.Settings["sentiment"].(string)
	levels, err := tone.LevelsFor(scorer) // what placed the parts' tones
	if err != nil {
		return sum, err
	}
	o, err := newOutputs(out.Dir(), first.Actors, levels, cfg, opts.timeline(opts.workers), csv, nil, stderr, printer, &sum)
	if err != nil {
		return sum, err
	}
	err = replay(parts, index, o)
	printer.summarize(filepath.Join(opts.out, report.SkippedFile))
	if err != nil {
		return sum, err
	}
	settings := first.Settings
	opts.settings(settings)
	if err := o.close(csv, command, settings, files, first.Data, opts.timestamp); err != nil {
		return sum, err
	}
	if err := out.Commit(); err != nil {
		return sum, err
	}
	return sum, noArticles(sum.ManifestCounts, dirs, opts.out)
}

// sameRun reports how two partial runs were not made alike.
func sameRun(a, b partMeta) error {
	same := func(x, y any) bool {
		jx, _ := json.Marshal(x)
		jy, _ := json.Marshal(y)
		return bytes.Equal(jx, jy)
	}
	switch { // the most telling difference first: -keep is a setting too
	case !slices.Equal(a.Keep, b.Keep):
		return fmt.Errorf("made with other -keep fields (%q, %q)", a.Keep, b.Keep)
	case !same(a.Settings, b.Settings):
		return fmt.Errorf("made with other settings (%v, %v)", a.Settings, b.Settings)
	case !slices.Equal(a.Actors, b.Actors):
		return fmt.Errorf("made with other actor tables")
	case !same(a.Data, b.Data):
		return fmt.Errorf("made with other data files (actor table, word lists, model)")
	}
	return nil
}

// mergedFiles lists the input files of the merged run: the parts' in the
// order given, where shards of the same inputs (-shard I/N, the same files)
// read them once between them. index[p][i] is part p's file i in the list.
// Every file must be read by one part, or by all N shards of one split.
func mergedFiles(parts []*partReader) (files []corpus.File, index [][]int, err error) {
	type split struct {
		paths  []string
		first  int   // index in files of its first file
		shards []int // the parts' shard numbers
		n      int
	}
	var splits []*split
	owner := map[string]string{} // path -> the part that read it, for the error
	for _, part := range parts {
		m := part.meta
		paths := make([]string, len(m.Inputs))
		for i, f := range m.Inputs {
			paths[i] = f.Path
		}
		var s *split
		for _, x := range splits {
			if m.Shards > 1 && x.n == m.Shards && slices.Equal(x.paths, paths) {
				s = x
			}
		}
		if s == nil {
			for _, path := range paths {
				if other, ok := owner[path]; ok {
					return nil, nil, fmt.Errorf("%s and %s both read %s: give each file to one partial run, or split the same inputs with -shard I/N", other, part.dir, path)
				}
				owner[path] = part.dir
			}
			s = &split{paths: paths, first: len(files), n: max(m.Shards, 1)}
			splits = append(splits, s)
			for _, f := range m.Inputs {
				files = append(files, corpus.File{Path: f.Path, Bytes: f.Bytes, SHA256: f.SHA256})
			}
		}
		if slices.Contains(s.shards, m.Shard) {
			return nil, nil, fmt.Errorf("%s: shard %d/%d given twice", part.dir, m.Shard, m.Shards)
		}
		s.shards = append(s.shards, m.Shard)
		idx := make([]int, len(m.Inputs))
		for i, f := range m.Inputs {
			idx[i] = s.first + i
			g := &files[s.first+i]
			if g.SHA256 != f.SHA256 {
				return nil, nil, fmt.Errorf("%s: %s has changed since another part read it", part.dir, f.Path)
			}
			g.Articles += f.Articles
			g.Skipped += f.Skipped
		}
		index = append(index, idx)
	}
	for _, s := range splits {
		if len(s.shards) != s.n {
			return nil, nil, fmt.Errorf("the inputs from %s were split into %d shards, but %d are given", s.paths[0], s.n, len(s.shards))
		}
	}
	return files, index, nil
}

// event is the next notice or article of one part's stream, keyed by where
// it is in the merged input.
type event struct {
	file, record int
	article      bool // notices go before the article of their record
	part         int
	notice       corpus.Notice
	art          partArticle
}

func (e *event) less(f *event) bool {
	switch {
	case e.file != f.file:
		return e.file < f.file
	case e.record != f.record:
		return e.record < f.record
	case e.article != f.article:
		return !e.article
	}
	return e.part < f.part
}

type events []*event

func (h events) Len() int           { return len(h) }
func (h events) Less(i, j int) bool { return h[i].less(h[j]) }
func (h events) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *events) Push(x any)        { *h = append(*h, x.(*event)) }
func (h *events) Pop() any {
	old := *h
	e := old[len(old)-1]
	*h = old[:len(old)-1]
	return e
}

// replay feeds the parts' notices and articles to o in the merged order,
// renaming duplicate ids as one run over all the inputs would.
func replay(parts []*partReader, index [][]int, o *outputs) error {
	h := &events{}
	// next reads the next event of part p's notices or articles.
	next := func(p int, article bool) error {
		e := &event{part: p, article: article}
		if article {
			a, ok, err := parts[p].nextArticle()
			if err != nil || !ok {
				return err
			}
			e.art, e.file, e.record = a, index[p][a.File], a.Record
		} else {
			n, ok, err := parts[p].nextNotice()
			if err != nil || !ok {
				return err
			}
			e.notice, e.file, e.record = n.Notice, index[p][n.File], n.Notice.Record
		}
		heap.Push(h, e)
		return nil
	}
	for p := range parts {
		if err := next(p, false); err != nil {
			return err
		}
		if err := next(p, true); err != nil {
			return err
		}
	}
	var ids corpus.IDs
	for h.Len() > 0 {
		e := heap.Pop(h).(*event)
		if !e.article {
			o.notice(e.notice)
		} else if err := replayArticle(&e.art, &ids, o); err != nil {
			return err
		}
		if err := next(e.part, e.article); err != nil {
			return err
		}
	}
	return nil
}

func replayArticle(a *partArticle, ids *corpus.IDs, o *outputs) error {
	art := corpus.Article{ID: a.ID, Source: a.Source, Line: a.Line, Record: a.Record}
	n, renamed := ids.Unique(&art)
	if renamed {
		o.notice(n)
	}
	if a.Crash != nil {
		c := *a.Crash
		c.ID = art.ID
		o.crash(c, a.Excerpt)
		return nil
	}
	if renamed {
		if err := a.Rows.rename(art.ID); err != nil {
			return fmt.Errorf("%s:%d: renaming %s: %w", a.Source, a.Line, art.ID, err)
		}
	}
	return o.article(a.Rows)
}
