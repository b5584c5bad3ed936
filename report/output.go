package report

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

// ManifestFile describes a run; see Manifest.
const ManifestFile = "manifest.json"

// MarkerFile marks a directory as slant's output (cmd/slant writes and checks
// it): its presence, not the names of the other files, shows that a run may
// replace the directory.
const MarkerFile = ".slant"

// Output is an output directory being written. The files go into a new
// directory beside it, which Commit puts in place whole, so that a run that
// fails or is interrupted never leaves a mix of old and new files.
type Output struct {
	dir string // where the files end up
	tmp string // where they are written
}

// The files of a partial run (analyze -partial), which cmd/slant writes.
const (
	PartFile         = "part.json"
	PartNoticesFile  = "notices.gob"
	PartArticlesFile = "articles.gob"
)

// owned reports whether slant writes a file of this name: the only files an
// existing output directory may hold, since Commit replaces the directory.
func owned(name string) bool {
	return slices.Contains(Outputs(), name) || name == PartFile || name == PartNoticesFile || name == PartArticlesFile || name == ManifestFile || name == AuditFile || name == DataPackageFile || name == MarkerFile
}

// NewOutput starts writing into dir. An existing dir must be empty or hold
// only files slant writes.
func NewOutput(dir string) (*Output, error) {
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("output directory: %w", err)
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !owned(e.Name()) {
			return nil, fmt.Errorf("output directory %s holds %s, which slant did not write: choose another -out, or move it", dir, e.Name())
		}
	}
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("output directory: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".tmp-")
	if err != nil {
		return nil, fmt.Errorf("output directory: %w", err)
	}
	return &Output{dir: dir, tmp: tmp}, nil
}

// Dir is the directory to write the files into until Commit.
func (o *Output) Dir() string { return o.tmp }

// Commit puts the finished files in place of the directory's old contents.
func (o *Output) Commit() error {
	old := o.tmp + ".old"
	hadOld := true
	if err := os.Rename(o.dir, old); errors.Is(err, os.ErrNotExist) {
		hadOld = false
	} else if err != nil {
		return fmt.Errorf("replacing %s: %w", o.dir, err)
	}
	if err := os.Rename(o.tmp, o.dir); err != nil {
		if hadOld {
			os.Rename(old, o.dir) // put the old outputs back
		}
		return fmt.Errorf("replacing %s: %w", o.dir, err)
	}
	if err := os.Chmod(o.dir, 0o755); err != nil { // MkdirTemp makes it 0700
		return err
	}
	if hadOld {
		return os.RemoveAll(old)
	}
	return nil
}

// Abort removes what was written; the old contents stay as they were.
func (o *Output) Abort() { os.RemoveAll(o.tmp) }
