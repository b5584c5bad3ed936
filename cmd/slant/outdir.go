package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/slant-news/slant/report"
)

// markerFormat is the version of the output layout that the marker records.
const markerFormat = 1

// markerText is the content of report.MarkerFile. Its first line is what
// proves the directory is slant's; file names alone do not (a user's own
// articles.csv looks the same).
var markerText = fmt.Sprintf("slant-output %d\nslant wrote this directory; a run with -out here replaces it whole.\n", markerFormat)

// outDir is a run's output directory: a report.Output (written beside -out,
// put in place whole by Commit) that slant has checked it may replace, with
// the marker that claims it. The marker is created in the new directory first
// and stays open, locked, until the run ends: a leftover whose marker nobody
// holds belongs to a run that died (see removeLeftovers).
type outDir struct {
	*report.Output
	path   string   // -out as given
	marker *os.File // report.MarkerFile in Dir, locked while the run lasts

	mu   sync.Mutex // orders Commit and an interrupt: the outputs are put in place whole or removed
	done bool       // committed or removed
}

// openOutput checks that a run may write into dir, removes what earlier runs
// that died left beside it (telling notices), and starts writing. paths are
// the PATH arguments, files what they expand to. Nothing is replaced here.
func openOutput(dir string, paths, files []string, notices io.Writer) (*outDir, error) {
	if dir == "" {
		return nil, errors.New("output directory: -out is empty")
	}
	if err := checkNotInput(dir, paths, files); err != nil {
		return nil, err
	}
	if err := checkOwned(dir); err != nil {
		return nil, err
	}
	removeLeftovers(dir, notices)
	out, err := report.NewOutput(dir)
	if err != nil {
		return nil, err
	}
	marker, err := createMarker(out.Dir())
	if err != nil {
		out.Abort()
		return nil, fmt.Errorf("output directory: %w", err)
	}
	return &outDir{Output: out, path: dir, marker: marker}, nil
}

// Commit puts the outputs in place of dir's old contents.
func (o *outDir) Commit() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if err := checkOwned(o.path); err != nil {
		return err // someone else's now: the run may have been long
	}
	if err := o.Output.Commit(); err != nil {
		return err
	}
	o.done = true
	return nil
}

// Close removes the outputs unless they were committed, and gives up the
// claim on them; call it once the run is over, whatever happened.
func (o *outDir) Close() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.marker.Close() // first: some systems cannot remove an open file
	if !o.done {
		o.Abort()
		o.done = true
	}
}

// createMarker writes report.MarkerFile into dir and keeps it open and
// locked. The lock is taken before the text is written, so that another run
// never takes a marker being created for a dead one's (see leftoverDead).
func createMarker(dir string) (*os.File, error) {
	f, err := os.OpenFile(filepath.Join(dir, report.MarkerFile), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, err
	}
	if err := lockFile(f); err != nil {
		f.Close()
		return nil, err
	}
	if _, err := f.WriteString(markerText); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// isMarker reports whether r reads as a marker of any format version.
func isMarker(r io.Reader) bool {
	line, _ := bufio.NewReader(io.LimitReader(r, 256)).ReadString('\n')
	v, ok := strings.CutPrefix(strings.TrimSuffix(line, "\n"), "slant-output ")
	n, err := strconv.Atoi(v)
	return ok && err == nil && n >= 1
}

// hasMarker reports whether dir holds a marker as a regular file.
func hasMarker(dir string) bool {
	path := filepath.Join(dir, report.MarkerFile)
	if fi, err := os.Lstat(path); err != nil || !fi.Mode().IsRegular() {
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	return isMarker(f)
}

// checkOwned refuses a dir that is neither absent, empty, nor marked as
// slant's: since a run replaces the directory whole, anything else in it
// would be lost.
func checkOwned(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) || (err == nil && len(entries) == 0) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("output directory: %w", err)
	}
	if hasMarker(dir) {
		return nil // report.NewOutput still refuses files slant does not write
	}
	name := entries[0].Name()
	if name == report.MarkerFile && len(entries) > 1 {
		name = entries[1].Name()
	}
	return fmt.Errorf("output directory %s holds %s, which slant did not write (it has no %s marker): choose another -out, or empty it",
		dir, name, report.MarkerFile)
}

// checkNotInput refuses an output directory that holds an input, or that
// lies inside an input folder: a run replaces the directory whole, and a
// later run would read the outputs as inputs. Paths are compared with
// symbolic links resolved; a linked file among the inputs is followed too.
func checkNotInput(dir string, paths, files []string) error {
	out := resolve(dir)
	for _, p := range paths {
		in := resolve(p)
		if in == out {
			return fmt.Errorf("output directory %s is the input %s: choose another -out", dir, p)
		}
		if within(in, out) {
			return fmt.Errorf("output directory %s holds the input %s: choose another -out", dir, p)
		}
		if fi, err := os.Stat(p); err == nil && fi.IsDir() && within(out, in) {
			return fmt.Errorf("output directory %s is inside the input folder %s: choose another -out", dir, p)
		}
	}
	for _, f := range files {
		if fi, err := os.Lstat(f); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			continue // not a link: inside its PATH, checked above
		}
		if within(resolve(f), out) {
			return fmt.Errorf("output directory %s holds the input %s (through a symbolic link): choose another -out", dir, f)
		}
	}
	return nil
}

// resolve makes path absolute, with the symbolic links of its longest
// existing prefix resolved (the rest may not exist yet).
func resolve(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	rest := ""
	for d := abs; ; d = filepath.Dir(d) {
		if r, err := filepath.EvalSymlinks(d); err == nil {
			return filepath.Join(r, rest)
		}
		if filepath.Dir(d) == d {
			return abs
		}
		rest = filepath.Join(filepath.Base(d), rest)
	}
}

// within reports whether path is dir or inside it; both are resolved.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// tempPrefix starts the names of the directories that report.NewOutput
// makes beside dir (and of the ".old" ones its Commit moves the previous
// outputs to); TestTempPrefix checks that they agree.
func tempPrefix(dir string) string {
	return "." + filepath.Base(filepath.Clean(dir)) + ".tmp-"
}

// removeLeftovers removes the temporary directories beside dir that runs
// which died (killed, or the machine stopped) left behind: those named like
// one, holding a marker that no live run holds (see leftoverDead). A run in
// progress, or a directory merely named like one, is left alone. Each
// removal is told to notices; one that fails is told too, and the run goes
// on.
func removeLeftovers(dir string, notices io.Writer) {
	parent := filepath.Dir(filepath.Clean(dir))
	entries, err := os.ReadDir(parent)
	if err != nil {
		return // no parent yet: nothing left over
	}
	prefix := tempPrefix(dir)
	for _, e := range entries { // sorted: X before X.old
		name := e.Name()
		if !strings.HasPrefix(name, prefix) || !e.IsDir() {
			continue
		}
		if running, ok := strings.CutSuffix(name, ".old"); ok && exists(filepath.Join(parent, running)) {
			continue // the previous outputs of a run that may be committing
		}
		path := filepath.Join(parent, name)
		if strings.HasSuffix(name, ".old") && !exists(dir) && hasMarker(path) {
			// A run died between moving the old outputs aside and putting
			// its own in place: the old ones go back.
			if err := os.Rename(path, dir); err == nil {
				fmt.Fprintf(notices, "slant: put back %s as %s, moved aside by an earlier run that was stopped\n", path, dir)
				continue
			}
		}
		dead, err := removeIfDead(path)
		switch {
		case err != nil:
			fmt.Fprintf(notices, "slant: warning: cannot remove %s, left by an earlier run: %v\n", path, err)
		case dead:
			fmt.Fprintf(notices, "slant: removed %s, left by an earlier run that was stopped\n", path)
		}
	}
}

// removeIfDead removes path if its marker shows a run that died.
func removeIfDead(path string) (removed bool, err error) {
	f, err := os.Open(filepath.Join(path, report.MarkerFile))
	if err != nil {
		return false, nil // no marker: not clearly slant's, or still being set up
	}
	defer f.Close() // holds the lock while removing
	if !leftoverDead(f) {
		return false, nil
	}
	return true, removeAll(path)
}

// leftoverDead reports whether the marker f belongs to a run that died: no
// run holds it (and this one now does) and its text was written, which the
// run that made it does only once it holds it.
func leftoverDead(f *os.File) bool {
	return !inUse(f) && isMarker(f)
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// removeAll is os.RemoveAll, retried a few times since a file may still be
// created in the directory while it is removed (by a run being interrupted).
func removeAll(dir string) error {
	var err error
	for range 10 {
		if err = os.RemoveAll(dir); err == nil {
			return nil
		}
	}
	return err
}
