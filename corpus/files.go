package corpus

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// utf8BOM starts some files written on Windows; it is not part of the data.
var utf8BOM = []byte("\ufeff")

// readers holds the reader of each known extension.
// Each takes max, the largest line or file worth reading for one article,
// or 0 for no limit; records beyond it are skipped unread where the format
// allows (JSON Lines, text), and checked after decoding otherwise.
var readers = map[string]func(r io.Reader, path string, emit func(Article) error, notice func(Notice), max int) error{
	".jsonl":  readJSONL,
	".ndjson": readJSONL,
	".json":   readJSON,
	".csv":    readCSV,
	".txt":    readTextFile,
	".md":     readTextFile,
}

// Files expands paths into the input files to read. A file is taken as
// given, but only with a known extension (.jsonl .ndjson .json .csv .txt .md,
// in any case). A directory is walked depth first, each folder's entries in
// lexical order, taking the files with a known extension but for READMEs and
// hidden files and folders (starting with '.').
func Files(paths []string) ([]string, error) {
	var files []string
	for _, root := range paths {
		info, err := os.Stat(root)
		if err != nil {
			return nil, fileError(root, err)
		}
		if !info.IsDir() {
			if readers[ext(root)] == nil {
				return nil, &Error{Path: root, Err: fmt.Errorf("unknown file type %q (want .jsonl, .ndjson, .json, .csv, .txt or .md)", filepath.Ext(root))}
			}
			files = append(files, root)
			continue
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
			if !d.IsDir() && readers[e] != nil && !readme {
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
	return read(f, path, emit, notice, 0)
}

// readTextFile reads a .txt or .md file as one article.
func readTextFile(r io.Reader, path string, emit func(Article) error, notice func(Notice), max int) error {
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
	a, err := readText(data, path, ext(path) == ".md")
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

func ext(path string) string { return strings.ToLower(filepath.Ext(path)) }
