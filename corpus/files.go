package corpus

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// utf8BOM starts some files written on Windows; it is not part of the data.
var utf8BOM = []byte("\ufeff")

// readers holds the reader of each known extension.
// Each takes max, the largest line or file worth reading for one article,
// or 0 for no limit; records beyond it are skipped unread where the format
// allows (JSON Lines, text, HTML, WARC), and checked after decoding otherwise.
var readers = map[string]func(r io.Reader, path string, emit func(Article) error, notice func(Notice), max int) error{
	".jsonl":  readJSONL,
	".ndjson": readJSONL,
	".json":   readJSON,
	".csv":    readCSV,
	".txt":    readTextFile,
	".md":     readMarkdownFile,
	".html":   readHTMLFile,
	".htm":    readHTMLFile,
	".warc":   readWARC,
}

// Formats are the formats Reader.Format can name, for standard input.
var Formats = []string{"jsonl", "json", "csv", "txt", "md", "html", "warc"}

// Stdin is the path that stands for standard input.
const Stdin = "-"

// known lists the extensions read, for messages.
const known = ".jsonl, .ndjson, .json, .csv, .txt, .md, .html, .htm, .warc, each also compressed (.gz, .zst)"

// Files expands paths into the input files to read. A file is taken as
// given, but only with a known extension (.jsonl .ndjson .json .csv .txt .md
// .html .htm .warc in any case, each also with .gz or .zst after it), and
// only when it is a regular file or a link to one; "-" (standard input) is
// kept as it is. A directory is walked depth first, each folder's entries in
// lexical order, taking every file but for READMEs and hidden files and
// folders (starting with '.'): Reader accounts for each, reading those of a
// known kind and listing the others (a PDF, a named pipe, a dangling
// symbolic link) as skipped, with the reason.
func Files(paths []string) ([]string, error) {
	var files []string
	for _, root := range paths {
		if root == Stdin {
			files = append(files, root)
			continue
		}
		info, err := os.Stat(root)
		if err != nil {
			return nil, &Error{Path: root, Err: statProblem(root, err)}
		}
		if !info.IsDir() {
			if reason := notRegular(info); reason != "" {
				return nil, &Error{Path: root, Err: fmt.Errorf("%s: pass what it holds on standard input, as - with -format", reason)}
			}
			if readers[ext(root)] == nil {
				return nil, &Error{Path: root, Err: fmt.Errorf("unknown file type %q (want %s)", filepath.Ext(root), known)}
			}
			files = append(files, root)
			continue
		}
		if li, err := os.Lstat(root); err == nil && li.Mode()&fs.ModeSymlink != 0 {
			// A folder named through a link is walked; WalkDir follows a
			// link to one only with a separator after it.
			root += string(filepath.Separator)
		}
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return fileError(path, err)
			}
			name := d.Name()
			if path != root && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			e := ext(name)
			readme := (e == ".md" || e == ".txt") && strings.EqualFold(strings.TrimSuffix(name, filepath.Ext(name)), "readme")
			if !d.IsDir() && !readme {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}

// unreadable tells why path, found in a walked folder, is not read, or ""
// when it can be.
func unreadable(path string) string {
	info, err := os.Stat(path)
	if err != nil {
		return statProblem(path, err).Error()
	}
	if info.IsDir() {
		return "a symbolic link to a folder, not followed"
	}
	if reason := notRegular(info); reason != "" {
		return reason + ", not read"
	}
	if readers[ext(path)] == nil {
		e := strings.ToLower(filepath.Ext(path))
		if e == "" {
			e = "no extension"
		}
		return fmt.Sprintf("not a kind of file slant reads (%s)", e)
	}
	return ""
}

// statProblem words the error of os.Stat(path), telling symbolic links that
// lead nowhere from missing files.
func statProblem(path string, err error) error {
	if _, lerr := os.Lstat(path); lerr == nil {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return fmt.Errorf("a dangling symbolic link (its target does not exist): %w", fs.ErrNotExist)
		case errors.Is(err, syscall.ELOOP):
			return errors.New("a symbolic link loop")
		}
	}
	return fileError(path, err).Err
}

// notRegular names the kind of a file that is neither a regular file nor a
// folder, or gives "".
func notRegular(info fs.FileInfo) string {
	m := info.Mode()
	switch {
	case m.IsRegular(), m.IsDir():
		return ""
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// ReadFile is Read for one file, in the format its extension names.
func ReadFile(path string, emit func(Article) error, notice func(Notice)) error {
	read := readers[ext(path)]
	if read == nil {
		return &Error{Path: path, Err: fmt.Errorf("unknown file type %q", filepath.Ext(path))}
	}
	if notice == nil {
		notice = func(Notice) {}
	}
	f, err := os.Open(path)
	if err != nil {
		return fileError(path, err)
	}
	defer f.Close()
	_, compression := split(path)
	r, release, err := decompress(f, compression)
	if err != nil {
		return &Error{Path: path, Err: err}
	}
	defer release()
	return read(r, path, emit, notice, 0)
}

// readTextFile reads a .txt file as one article.
func readTextFile(r io.Reader, path string, emit func(Article) error, notice func(Notice), max int) error {
	return readTextAs(r, path, ext(path) == ".md", emit, notice, max)
}

// readMarkdownFile reads a .md file as one article.
func readMarkdownFile(r io.Reader, path string, emit func(Article) error, notice func(Notice), max int) error {
	return readTextAs(r, path, true, emit, notice, max)
}

func readTextAs(r io.Reader, path string, markdown bool, emit func(Article) error, notice func(Notice), max int) error {
	if max > 0 {
		r = io.LimitReader(r, int64(max)+1)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return fileError(path, err)
	}
	if max > 0 && len(data) > max {
		notice(Notice{Path: path, Line: 1, Skipped: true, Reason: tooLarge(max)})
		return nil
	}
	data = repairUTF8(data, path, notice)
	a, err := readText(data, path, markdown)
	if err != nil {
		return err
	}
	return deliver(a, emit, notice)
}

// fileError is the *Error for err from the file system, without the path
// that err repeats.
func fileError(path string, err error) *Error {
	if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
		err = pe.Err
	}
	return &Error{Path: path, Err: err}
}

// ext is the extension that names path's format, in lower case, after any
// compression's: ".jsonl" for feed.JSONL.gz.
func ext(path string) string {
	e, _ := split(path)
	return e
}
