package main

import (
	"bytes"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/slant-news/slant/corpus"
)

// An internalError is a panic recovered from the analysis of one article: a
// bug in slant, which makes that article a skipped record rather than
// stopping the run.
type internalError struct {
	value any
	stack []byte // the panicking goroutine's stack
}

// Reason is the record's reason in skipped.csv.
func (e *internalError) Reason() string {
	return fmt.Sprintf("internal error: %v", e.value)
}

// notice is the skipped record of art.
func (e *internalError) notice(art corpus.Article) corpus.Notice {
	return corpus.Notice{Path: art.Source, Line: art.Line, ID: art.ID, Skipped: true, Reason: e.Reason()}
}

// excerpt is the top of the stack where the panic was raised, for stderr.
func (e *internalError) excerpt() string { return stackExcerpt(e.stack, stackFrames) }

// processHook, when set (by tests), is called with each article before it is
// analysed, in the worker: a test's way to make one article panic or block.
var processHook func(corpus.Article)

// isolate calls f and returns the panic it raised, if any.
func isolate(f func()) (crash *internalError) {
	defer func() {
		if v := recover(); v != nil {
			crash = &internalError{value: v, stack: debug.Stack()}
		}
	}()
	f()
	return nil
}

// safeRead calls read, which reads the input, turning a panic into an
// error: outside any one article's analysis, it stops the run (exit 1).
func safeRead(read func() error) (err error) {
	if crash := isolate(func() { err = read() }); crash != nil {
		err = fmt.Errorf("reading the input: %s\n%s", crash.Reason(), crash.excerpt())
	}
	return err
}

// recoverRun turns a panic of the command's own goroutine into a message
// and exit status 1: a Go panic would exit 2, the status of a usage error.
// It must be deferred directly.
func recoverRun(stderr io.Writer, code *int) {
	if v := recover(); v != nil {
		fmt.Fprintf(stderr, "slant: internal error: %v (a bug in slant: please report it with this message)\n%s", v, stackExcerpt(debug.Stack(), stackFrames))
		*code = exitFailure
	}
}

// stackFrames is how many frames of a panic's stack go to stderr.
const stackFrames = 6

// stackExcerpt is the first frames of a goroutine stack (as debug.Stack
// gives it) from where the panic was raised, one indented line each.
func stackExcerpt(stack []byte, frames int) string {
	lines := strings.Split(strings.TrimSpace(string(stack)), "\n")
	// After the goroutine line come pairs of lines, function then file:line;
	// the frames up to the runtime's panic are the recovery's own.
	start := 1
	for i := 1; i+1 < len(lines); i += 2 {
		if strings.HasPrefix(lines[i], "panic(") {
			start = i + 2
			break
		}
	}
	var b bytes.Buffer
	for i := start; i+1 < len(lines) && frames > 0; i, frames = i+2, frames-1 {
		fn, where := lines[i], "at "
		if strings.HasPrefix(fn, "created by ") {
			where = ""
		} else if j := strings.LastIndexByte(fn, '('); j > 0 {
			fn = fn[:j] // the arguments, as raw words, say nothing
		}
		at, _, _ := strings.Cut(strings.TrimSpace(lines[i+1]), " +0x")
		fmt.Fprintf(&b, "\t%s%s (%s)\n", where, fn, at)
	}
	return b.String()
}
