package corpus

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
)

// DefaultMaxArticleBytes is the largest article Reader reads by default: far
// more than any real news article, small enough to keep memory bounded.
const DefaultMaxArticleBytes = 5_000_000

// Reader reads a corpus and accounts for every record in it: each is either
// passed on as an Article or reported to Notice as skipped, with the reason.
// The zero value is ready to use.
type Reader struct {
	// MaxArticleBytes is the largest article text read (0 means
	// DefaultMaxArticleBytes). A larger one is skipped; in JSON Lines and
	// text files without being held in memory.
	MaxArticleBytes int
	// Notice receives skipped records and warnings; nil drops them.
	Notice func(Notice)
	// Files describes each file read so far, in order.
	Files []File
	// Format is the format of standard input, given as the path "-": one of
	// Formats, optionally with a compression after it ("jsonl.gz").
	Format string
	// Stdin is what "-" reads; nil means os.Stdin.
	Stdin io.Reader
	// Keep names the extra input fields to keep in each Article's Fields
	// (JSON and CSV fields, front matter keys), by their name in the input.
	Keep []string
	// Progress, if set, is called with the count of bytes each time more
	// of a file has been read (for a progress display; it runs on the
	// reading goroutine and must be quick).
	Progress func(n int)
	// Shard and Shards pick one of Shards deterministic parts of the
	// records, for a run split over machines: counting every record of
	// every file in order from 0 (an article, or a record skipped), the
	// k-th belongs to part k mod Shards. Records of other parts are read
	// and checked but neither passed on nor counted in Files, and their
	// notices are dropped; notices about a file as a whole go with part 0.
	// Shards 0 or 1 means every record.
	Shard, Shards int
	// KeepIDs passes ids on as read, without renaming duplicates: for a run
	// whose parts are merged later, by IDs over all of them.
	KeepIDs bool

	ids     IDs
	records int // over all files so far
}

// File describes one input file after reading.
type File struct {
	Path     string
	Bytes    int64
	SHA256   string // hex
	Articles int    // passed on
	Skipped  int    // records skipped
}

// Read reads every file of Files(paths) in order and calls emit for each
// article. A file that cannot be read whole is reported as skipped from the
// line where reading stopped, and reading goes on with the next file; the
// articles before that line were passed on. An error from emit stops Read and
// is returned as it is; so is an error from Files.
//
// On the way, Reader repairs invalid UTF-8 (with U+FFFD, and a warning),
// skips articles over MaxArticleBytes and articles holding NUL bytes, and
// renames an article whose id was already read to id~2, id~3... (with a
// warning), so that ids are unique across the corpus.
func (r *Reader) Read(paths []string, emit func(Article) error) error {
	files, err := Files(paths)
	if err != nil {
		return err
	}
	return r.ReadFiles(files, emit)
}

// ReadFiles is Read for files that Files has already expanded paths into.
func (r *Reader) ReadFiles(files []string, emit func(Article) error) error {
	for _, path := range files {
		if err := r.readFile(path, emit); err != nil {
			return err
		}
	}
	return nil
}

// Read is (&Reader{Notice: notice}).Read(paths, emit).
func Read(paths []string, emit func(Article) error, notice func(Notice)) error {
	return (&Reader{Notice: notice}).Read(paths, emit)
}

// readBufferSize is the buffer of an input file and of its decompressed
// text: 64 KB takes a 13 MB corpus in some 200 reads rather than 3,300, and
// holds most articles whole. The format readers' bufio.NewReader keeps it.
const readBufferSize = 64 << 10

// emitError marks an error that came from emit, to tell it from one about
// the file.
type emitError struct{ err error }

func (e emitError) Error() string { return e.err.Error() }

func (r *Reader) readFile(path string, emit func(Article) error) error {
	max := r.MaxArticleBytes
	if max <= 0 {
		max = DefaultMaxArticleBytes
	}
	file := File{Path: sourceName(path)}
	// A record ends with its article or with the notice that skips it; the
	// warnings before go with it.
	record := 0 // in this file
	var pending []Notice
	deliver := func(n Notice) {
		if r.Notice != nil {
			r.Notice(n)
		}
	}
	end := func(skip *Notice, a *Article) error {
		owned := r.Shards <= 1 || r.records%r.Shards == r.Shard
		r.records++
		defer func() { record++; pending = pending[:0] }()
		if !owned {
			return nil
		}
		for _, n := range pending {
			n.Record = record
			deliver(n)
		}
		if skip != nil {
			file.Skipped++
			skip.Record = record
			deliver(*skip)
			return nil
		}
		file.Articles++
		a.Record = record
		if err := emit(*a); err != nil {
			return emitError{err}
		}
		return nil
	}
	notice := func(n Notice) {
		if n.Skipped {
			end(&n, nil)
			return
		}
		pending = append(pending, n)
	}
	check := func(a Article) error {
		if a, ok := r.check(a, max, notice); ok {
			return end(nil, &a)
		}
		return nil
	}
	e, compression := split(path)
	if path == Stdin {
		e, compression = split("stdin." + r.Format)
	} else if reason := unreadable(path); reason != "" {
		if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() {
			file.Bytes = info.Size()
		}
		notice(Notice{Path: file.Path, Skipped: true, Reason: reason})
		r.Files = append(r.Files, file)
		return nil
	}
	read := readers[e]
	if read == nil {
		return &Error{Path: file.Path, Err: fmt.Errorf("standard input needs a format, one of %s", strings.Join(Formats, ", "))}
	}
	in, err := r.open(path)
	if err != nil {
		notice(Notice{Path: file.Path, Skipped: true, Reason: fileError(path, err).Err.Error()})
		r.Files = append(r.Files, file)
		return nil
	}
	defer in.Close()
	h := sha256.New()
	counted := &countingReader{r: io.TeeReader(in, h), progress: r.Progress}
	raw := bufio.NewReaderSize(counted, readBufferSize)
	err = readStream(raw, file.Path, compression, read, check, notice, max)
	if ee := (emitError{}); errors.As(err, &ee) {
		return ee.err
	}
	if err != nil {
		notice(failure(file.Path, e, err))
	}
	// Hash the whole file, whatever the reader left unread.
	whole, err := rest(raw, path == Stdin, max)
	if err != nil {
		notice(Notice{Path: file.Path, Reason: "reading for the checksum: " + err.Error()})
	}
	file.Bytes, file.SHA256 = counted.n, hex.EncodeToString(h.Sum(nil))
	if !whole {
		file.SHA256 = "" // of a part only
		notice(Notice{Path: file.Path, Reason: fmt.Sprintf("the rest of the input after byte %d is not read, having no end in %d bytes (an endless stream?); no checksum", counted.n, skipFactor*max)})
	}
	if record == 0 {
		notice(Notice{Path: file.Path, Reason: "no articles in the file"})
	}
	// What is left is about the file as a whole: after its records.
	if r.Shards <= 1 || r.Shard == 0 {
		for _, n := range pending {
			n.Record = record
			deliver(n)
		}
	}
	r.Files = append(r.Files, file)
	return nil
}

// rest reads what is left of raw, for the checksum. Standard input may have
// no end (yes | slant ..., a device), so of it rest reads at most the bound
// of a record, skipFactor times max, and whole is false when there was more.
func rest(raw *bufio.Reader, stdin bool, max int) (whole bool, err error) {
	if !stdin {
		_, err := io.Copy(io.Discard, raw)
		return true, err
	}
	if _, err := io.Copy(io.Discard, io.LimitReader(raw, int64(skipFactor)*int64(max))); err != nil {
		return true, err
	}
	_, err = raw.Peek(1)
	if err == io.EOF {
		return true, nil
	}
	return err != nil, err
}

// readStream reads the file in raw with read, decompressed.
func readStream(raw *bufio.Reader, path, compression string, read func(io.Reader, string, func(Article) error, func(Notice), int) error,
	emit func(Article) error, notice func(Notice), max int) error {
	dec, release, err := decompress(raw, compression)
	if err != nil {
		return err
	}
	defer release()
	br := raw
	if dec != io.Reader(raw) {
		br = bufio.NewReaderSize(dec, readBufferSize)
	}
	if bom, _ := br.Peek(2); string(bom) == "\xff\xfe" || string(bom) == "\xfe\xff" {
		return &Error{Path: path, Line: 1, Err: errors.New("UTF-16 text: convert the file to UTF-8")}
	}
	return read(br, path, emit, notice, max)
}

// failure is the skipped notice for the rest of a file in the format of
// extension e, which reading stopped on with err.
func failure(path, e string, err error) Notice {
	var fe *Error
	if !errors.As(err, &fe) {
		fe = &Error{Path: path, Err: err}
	}
	reason := fe.Err.Error()
	if fe.Line > 0 {
		unit := "line"
		if e == ".warc" {
			unit = "record"
		}
		reason = fmt.Sprintf("%s; the rest of the file from %s %d is not read", reason, unit, fe.Line)
	}
	return Notice{Path: path, Line: fe.Line, Skipped: true, Reason: reason}
}

// check applies the corpus-wide rules to one article; ok is false when it is
// skipped.
func (r *Reader) check(a Article, max int, notice func(Notice)) (_ Article, ok bool) {
	skip := func(reason string) (Article, bool) {
		notice(Notice{Path: a.Source, Line: a.Line, ID: a.ID, Skipped: true, Reason: reason})
		return a, false
	}
	if len(a.Text) > max {
		return skip(tooLarge(max))
	}
	if strings.IndexByte(a.Text, 0) >= 0 || strings.IndexByte(a.Title, 0) >= 0 {
		return skip("NUL bytes in the text (a binary or UTF-16 file?)")
	}
	repaired := false
	for _, s := range []*string{&a.ID, &a.Outlet, &a.Date, &a.Title, &a.URL, &a.Text} {
		if !utf8.ValidString(*s) {
			*s = strings.ToValidUTF8(*s, "\uFFFD")
			repaired = true
		}
	}
	if repaired {
		notice(Notice{Path: a.Source, Line: a.Line, ID: a.ID, Reason: invalidUTF8})
	}
	if !r.KeepIDs {
		if n, renamed := r.ids.Unique(&a); renamed {
			notice(n)
		}
	}
	if len(r.Keep) > 0 {
		a.Fields = make(map[string]string, len(r.Keep))
		for _, name := range r.Keep {
			v := ""
			if a.lookup != nil {
				v = a.lookup(name)
			}
			a.Fields[name] = v
		}
	}
	a.lookup = nil // what it reads may be reused for the next record
	return a, true
}

// IDs makes article ids unique across a corpus: the first article with an
// id keeps it, the next ones become id~2, id~3... The zero value is ready.
// It keeps each id and where it was first read: the file as an index into
// the files seen, so that a million ids take tens of megabytes.
type IDs struct {
	seen  map[string]uint64 // article id -> file index << 32 | line
	files []string
	index map[string]uint64 // file -> index in files
	// last is the suffix last given to a duplicated id: every id~2 to
	// id~last is taken, so the next free one is looked for after it, and
	// n articles with one id cost n look-ups, not n squared.
	last map[string]int
}

// Unique renames a if its id was seen before, and returns the warning that
// says so.
func (s *IDs) Unique(a *Article) (_ Notice, renamed bool) {
	if s.seen == nil {
		s.seen, s.index, s.last = map[string]uint64{}, map[string]uint64{}, map[string]int{}
	}
	f, ok := s.index[a.Source]
	if !ok {
		f = uint64(len(s.files))
		s.index[a.Source] = f
		s.files = append(s.files, a.Source)
	}
	where := f<<32 | uint64(uint32(a.Line))
	first, dup := s.seen[a.ID]
	if !dup {
		s.seen[a.ID] = where
		return Notice{}, false
	}
	id := a.ID
	for n := max(s.last[id]+1, 2); ; n++ {
		if _, taken := s.seen[id+"~"+strconv.Itoa(n)]; !taken {
			a.ID, s.last[id] = id+"~"+strconv.Itoa(n), n
			break
		}
	}
	s.seen[a.ID] = where
	return Notice{Path: a.Source, Line: a.Line, ID: a.ID, Record: a.Record,
		Reason: fmt.Sprintf("duplicate id %q (first read at %s:%d), renamed %s", id, s.files[first>>32], uint32(first), a.ID)}, true
}

const invalidUTF8 = "invalid UTF-8 replaced with U+FFFD"

// sourceName is how path is named in articles, notices and the manifest:
// "stdin" for standard input, "-", which a spreadsheet would take for the
// start of a formula.
func sourceName(path string) string {
	if path == Stdin {
		return "stdin"
	}
	return path
}

// open opens path, or standard input for "-".
func (r *Reader) open(path string) (io.ReadCloser, error) {
	if path != Stdin {
		return os.Open(path)
	}
	if r.Stdin != nil {
		return io.NopCloser(r.Stdin), nil
	}
	return io.NopCloser(os.Stdin), nil
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r        io.Reader
	n        int64
	progress func(int) // told of each read, if set
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.progress != nil && n > 0 {
		c.progress(n)
	}
	return n, err
}
