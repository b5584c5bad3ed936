package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"

	"github.com/slant-news/slant/analysis"
	"github.com/slant-news/slant/corpus"
	"github.com/slant-news/slant/report"
)

// analyze runs the analysis of the corpus in paths and writes every output
// into opts.out, all or nothing, with extra's files if extra is not nil:
// read, analyse and write, the articles streaming through.
func analyze(opts options, command, paths []string, stderr io.Writer, extra extra) (sum summary, err error) {
	stopProfiles, err := startProfiles(opts.cpuProfile, opts.memProfile)
	if err != nil {
		return sum, err
	}
	defer func() { err = errors.Join(err, stopProfiles()) }()
	defer tuneGC(os.Getenv)()
	p, err := newPipeline(opts, paths, stderr)
	if err != nil {
		return sum, err
	}
	defer p.close()
	if err := p.openSink(extra); err != nil {
		return p.sum, err
	}
	err = p.analyseAll()
	p.printer.summarize(filepath.Join(opts.out, report.SkippedFile))
	if err != nil {
		return p.sum, err
	}
	return p.sum, p.finish(command, paths)
}

// pipeline is one run of analyze: the analyzer, the inputs, the output
// directory and, once open, where the analysed articles go.
type pipeline struct {
	opts    options
	an      *analysis.Analyzer
	names   []string // the actors'
	files   []string // the inputs, expanded
	stderr  io.Writer
	prog    *progress // nil unless stderr is a terminal
	out     *outDir
	stop    func() // of the signal handler
	reader  *corpus.Reader
	printer *noticePrinter
	data    <-chan []analysis.DataFile // the analyzer's, digested beside the run
	// Where the articles go: the outputs of a run, or for -partial what
	// a merge needs.
	o    *outputs
	part *partWriter
	w    *report.CSV
	h    *report.HTML
	sum  summary
}

// newPipeline checks everything it can before it touches the output: the
// actor table and word lists, the comparison's settings, the inputs.
func newPipeline(opts options, paths []string, stderr io.Writer) (*pipeline, error) {
	an, err := opts.analyzer()
	if err != nil {
		return nil, err
	}
	if _, err := opts.config(opts.workers); err != nil {
		return nil, err
	}
	files, err := corpus.Files(paths)
	if err != nil {
		return nil, err
	}
	p := &pipeline{opts: opts, an: an, names: an.Actors().Names(), files: files, stderr: stderr}
	// The digests of the data files (some 10 MB) for the manifest are
	// made beside the run rather than at its end.
	data := make(chan []analysis.DataFile, 1)
	go func() { data <- an.DataFiles() }()
	p.data = data
	if !opts.quiet && isTerminal(stderr) {
		p.prog = startProgress(stderr, inputBytes(files))
		p.stderr = p.prog // notices must clear the progress line
	}
	notices := p.stderr
	if opts.quiet {
		notices = io.Discard
	}
	if p.out, err = openOutput(opts.out, paths, files, notices); err != nil {
		p.close()
		return nil, err
	}
	p.stop = p.out.removeOnSignal(p.stderr)
	p.printer = &noticePrinter{w: p.stderr}
	p.reader = &corpus.Reader{MaxArticleBytes: opts.maxArticleBytes, Format: opts.inputs.format, Stdin: opts.inputs.stdin, Keep: opts.inputs.keepFields()}
	if p.prog != nil {
		p.reader.Progress = func(n int) { p.prog.bytes.Add(int64(n)) }
	}
	return p, nil
}

// close removes the outputs unless they were committed, and stops the
// progress display.
func (p *pipeline) close() {
	if p.stop != nil {
		p.stop()
	}
	if p.out != nil {
		p.out.Close()
	}
	if p.prog != nil {
		p.prog.finish()
	}
}

// openSink opens where the analysed articles go: the outputs, or for
// -partial a part for a later merge, and the renderers of their rows.
func (p *pipeline) openSink(extra extra) (err error) {
	names := p.names
	if !p.opts.partial {
		cmp, _ := p.opts.config(p.opts.workers) // checked in newPipeline
		if p.o, err = newOutputs(p.out.Dir(), names, p.an.Levels(), cmp, p.opts.timeline(p.opts.workers), p.opts.csv(), extra, p.stderr, p.printer, &p.sum); err != nil {
			return err
		}
		p.reader.Notice = p.o.notice
		p.w, p.h = p.o.renderers()
		return nil
	}
	p.reader.Shard, p.reader.Shards, p.reader.KeepIDs = p.opts.shard.i, max(p.opts.shard.n, 1), true
	if p.part, err = newPartWriter(p.out.Dir()); err != nil {
		return err
	}
	p.reader.Notice = func(n corpus.Notice) {
		countNotice(n, &p.sum)
		p.printer.print(n)
		p.part.notice(len(p.reader.Files), n) // the file being read is the next to be listed
	}
	p.w = report.CSVRenderer(p.opts.csv())
	p.h, err = report.HTMLRenderer(names)
	return err
}

// result is one article as a worker analysed and rendered it, or the
// internal error that stopped it.
type result struct {
	art     corpus.Article // as read
	rows    *articleRows
	err     error
	crash   *internalError
	skipped corpus.Notice // the article's record, after a crash
}

// analyseAll reads the articles, analyses and renders them on the workers
// and writes them in input order; the writer only sums up and copies bytes.
func (p *pipeline) analyseAll() error {
	return Run(p.opts.workers, p.read, p.analyse, p.write)
}

// read emits the articles of the inputs, expanded before: no second walk.
func (p *pipeline) read(emit func(corpus.Article) error) error {
	return safeRead(func() error { return p.reader.ReadFiles(p.files, emit) })
}

// analyse analyses and renders one article, a panic isolated as the
// article's internal error. It runs on the workers.
func (p *pipeline) analyse(art corpus.Article) *result {
	r := &result{art: art}
	r.crash = isolate(func() {
		if processHook != nil {
			processHook(art)
		}
		r.rows, r.err = rowsOf(p.an.Analyze(art), p.names, p.w, p.h)
	})
	if r.crash != nil {
		r.skipped = r.crash.notice(art)
	}
	return r
}

// write hands one analysed article to the sink, in input order.
func (p *pipeline) write(r *result) error {
	switch {
	case r.err != nil:
		return r.err
	case p.part != nil:
		return p.part.add(p.files, r.art, r.rows, r.crash, r.skipped, p.stderr, p.printer, &p.sum)
	case r.crash != nil:
		p.o.crash(r.skipped, r.crash.excerpt())
		return nil
	}
	if p.prog != nil {
		p.prog.articles.Add(1)
	}
	return p.o.article(r.rows)
}

// finish writes what is left once every article is in (the comparison, the
// report, the manifest, or a part's record) and puts the outputs in place.
func (p *pipeline) finish(command, paths []string) error {
	settings := map[string]any{
		"sentiment":         p.opts.sentiment,
		"nb":                p.opts.nb,
		"max_article_bytes": p.reader.MaxArticleBytes,
		"raw_csv":           p.opts.rawCSV,
	}
	if keep := p.opts.csv().Keep; len(keep) > 0 {
		settings["keep"] = keep
	}
	var data []report.ManifestData
	for _, d := range <-p.data {
		data = append(data, report.ManifestData{Name: d.Name, Source: d.Source, SHA256: d.SHA256})
	}
	if p.part != nil {
		p.sum.Files = len(p.reader.Files)
		meta := partMeta{Slant: versionString(), Go: runtime.Version(), Command: command,
			Shard: p.reader.Shard, Shards: p.reader.Shards, Settings: settings, Actors: p.names,
			Keep: p.opts.csv().Keep, Data: data, Inputs: p.reader.Files}
		if err := p.part.close(meta); err != nil {
			return err
		}
		return p.out.Commit() // a shard may have no article: merge checks there is one
	}
	p.opts.settings(settings)
	if err := p.o.close(p.opts.csv(), command, settings, p.reader.Files, data, p.opts.timestamp); err != nil {
		return err
	}
	if err := p.out.Commit(); err != nil {
		return err
	}
	return noArticles(p.sum.ManifestCounts, paths, p.opts.out)
}
