package main

import (
	"bufio"
	"bytes"
	"encoding/gob"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/slant-news/slant/corpus"
	"github.com/slant-news/slant/report"
)

// A partial run (analyze -partial) writes what a later merge needs into its
// -out directory, instead of the outputs: part.json, which says what it read
// and how, and two streams in reader order, notices.gob (the reader's
// notices) and articles.gob (each article's rendered rows and counts). Both
// streams are keyed by file and record, so that merge can interleave the
// parts of a corpus into the order of one run over all of it.

// partFormat names the layout of a partial run's directory.
const partFormat = "slant-part 1"

// partMeta is part.json.
type partMeta struct {
	Format   string                `json:"format"`
	Slant    string                `json:"slant"`
	Go       string                `json:"go"`
	Command  []string              `json:"command"`
	Shard    int                   `json:"shard"`  // from 0
	Shards   int                   `json:"shards"` // 1 when not sharded
	Settings map[string]any        `json:"settings"`
	Actors   []string              `json:"actors"`
	Keep     []string              `json:"keep,omitempty"` // -keep: input fields in articles.csv
	Data     []report.ManifestData `json:"data"`
	// Inputs lists every file read, with the part's own counts.
	Inputs []corpus.File `json:"inputs"`
}

// partNotice is a record of notices.gob.
type partNotice struct {
	File   int // index into partMeta.Inputs
	Notice corpus.Notice
}

// partArticle is a record of articles.gob: an article's rows, or the notice
// of an article whose analysis hit an internal error.
type partArticle struct {
	File, Record int
	ID, Source   string // as read, before any renaming
	Line         int
	Rows         *articleRows
	Crash        *corpus.Notice
	Excerpt      string // of the crash's stack
}

// partWriter writes a partial run.
type partWriter struct {
	dir               string
	notices, articles *gob.Encoder
	nbuf, abuf        *bufio.Writer
	nfile, afile      *os.File
	err               error
	file              int // the index in the run's files of the article being written
}

func newPartWriter(dir string) (*partWriter, error) {
	p := &partWriter{dir: dir}
	var err error
	if p.nfile, err = os.Create(filepath.Join(dir, report.PartNoticesFile)); err != nil {
		return nil, err
	}
	if p.afile, err = os.Create(filepath.Join(dir, report.PartArticlesFile)); err != nil {
		p.nfile.Close()
		return nil, err
	}
	p.nbuf, p.abuf = bufio.NewWriterSize(p.nfile, 64<<10), bufio.NewWriterSize(p.afile, 256<<10)
	p.notices, p.articles = gob.NewEncoder(p.nbuf), gob.NewEncoder(p.abuf)
	return p, nil
}

func (p *partWriter) notice(file int, n corpus.Notice) {
	if p.err == nil {
		p.err = p.notices.Encode(partNotice{file, n})
	}
}

func (p *partWriter) article(a *partArticle) error {
	if p.err == nil {
		p.err = p.articles.Encode(a)
	}
	return p.err
}

// add writes an article's rows, or the notice of its crash, which it
// tells, counting it in sum. files are the run's input files.
func (p *partWriter) add(files []string, art corpus.Article, rows *articleRows, crash *internalError, skipped corpus.Notice, stderr io.Writer, printer *noticePrinter, sum *summary) error {
	for files[p.file] != art.Source {
		p.file++
	}
	pa := &partArticle{File: p.file, Record: art.Record, ID: art.ID, Source: art.Source, Line: art.Line, Rows: rows}
	if crash != nil {
		sum.Internal++
		countNotice(skipped, sum)
		printer.print(skipped)
		fmt.Fprint(stderr, crash.excerpt())
		pa.Rows, pa.Crash, pa.Excerpt = nil, &skipped, crash.excerpt()
	} else {
		sum.Articles++
	}
	return p.article(pa)
}

// close finishes the streams and writes part.json.
func (p *partWriter) close(meta partMeta) error {
	err := errors.Join(p.err, p.nbuf.Flush(), p.abuf.Flush(), p.nfile.Close(), p.afile.Close())
	if err != nil {
		return fmt.Errorf("writing the partial run: %w", err)
	}
	meta.Format = partFormat
	data, err := json.MarshalIndent(meta, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(p.dir, report.PartFile), append(data, '\n'), 0o644)
}

// shardFlag is -shard I/N.
type shardFlag struct{ i, n int }

func (s *shardFlag) String() string {
	if s.n == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", s.i, s.n)
}

func (s *shardFlag) Set(v string) error {
	i, n, ok := strings.Cut(v, "/")
	a, err1 := strconv.Atoi(i)
	b, err2 := strconv.Atoi(n)
	if !ok || err1 != nil || err2 != nil || b < 1 || a < 0 || a >= b {
		return errors.New("want I/N with 0 <= I < N")
	}
	s.i, s.n = a, b
	return nil
}

// partReader reads a partial run's streams back.
type partReader struct {
	dir      string
	meta     partMeta
	nfile    *os.File
	afile    *os.File
	notices  *gob.Decoder
	articles *gob.Decoder
}

func openPart(dir string) (*partReader, error) {
	data, err := os.ReadFile(filepath.Join(dir, report.PartFile))
	if err != nil {
		return nil, fmt.Errorf("%s: not a partial run (analyze -partial): %w", dir, err)
	}
	p := &partReader{dir: dir}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber() // settings as written: 5000000, not 5e+06
	if err := dec.Decode(&p.meta); err != nil || p.meta.Format != partFormat {
		return nil, fmt.Errorf("%s: %s is not a %s description", dir, report.PartFile, partFormat)
	}
	if p.nfile, err = os.Open(filepath.Join(dir, report.PartNoticesFile)); err != nil {
		return nil, err
	}
	if p.afile, err = os.Open(filepath.Join(dir, report.PartArticlesFile)); err != nil {
		p.nfile.Close()
		return nil, err
	}
	p.notices = gob.NewDecoder(bufio.NewReaderSize(p.nfile, 64<<10))
	p.articles = gob.NewDecoder(bufio.NewReaderSize(p.afile, 256<<10))
	return p, nil
}

func (p *partReader) close() { p.nfile.Close(); p.afile.Close() }

// nextNotice returns the next notice; ok is false at the end.
func (p *partReader) nextNotice() (n partNotice, ok bool, err error) {
	if err := p.notices.Decode(&n); errors.Is(err, io.EOF) {
		return n, false, nil
	} else if err != nil {
		return n, false, fmt.Errorf("%s: %s: %w", p.dir, report.PartNoticesFile, err)
	}
	return n, true, nil
}

// nextArticle returns the next article; ok is false at the end.
func (p *partReader) nextArticle() (a partArticle, ok bool, err error) {
	if err := p.articles.Decode(&a); errors.Is(err, io.EOF) {
		return a, false, nil
	} else if err != nil {
		return a, false, fmt.Errorf("%s: %s: %w", p.dir, report.PartArticlesFile, err)
	}
	return a, true, nil
}
