package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/slant-news/slant/corpus"
)

// testHook is the processHook that $SLANT_TEST_HOOK asks for in a slant run
// by a test (see TestMain): "panic:ID" panics in the analysis of article ID,
// "block" says "blocked" on stdout at the first article and waits for good
// (for a signal to stop the run).
func testHook(spec string) func(corpus.Article) {
	switch {
	case spec == "":
		return nil
	case spec == "block":
		return func(corpus.Article) {
			fmt.Fprintln(os.Stdout, "blocked")
			select {}
		}
	case strings.HasPrefix(spec, "panic:"):
		id := strings.TrimPrefix(spec, "panic:")
		return func(a corpus.Article) {
			if a.ID == id {
				panic("injected failure in " + id)
			}
		}
	}
	panic("unknown SLANT_TEST_HOOK " + spec)
}

// TestRecoverRun checks that a panic of the command's goroutine exits 1 with
// a message, not 2 as Go's runtime would.
func TestRecoverRun(t *testing.T) {
	var stderr bytes.Buffer
	code := func() (code int) {
		defer recoverRun(&stderr, &code)
		var m map[string]int
		//lint:ignore SA5000 a runtime panic, on purpose
		m["x"] = 1
		return exitOK
	}()
	if code != exitFailure {
		t.Errorf("exit %d, want %d", code, exitFailure)
	}
	msg := stderr.String()
	if !strings.HasPrefix(msg, "slant: internal error: assignment to entry in nil map") || !strings.Contains(msg, "\tat ") || !strings.Contains(msg, "internal_test.go:") {
		t.Errorf("message:\n%s", msg)
	}
}

// TestIsolate checks that isolate returns the panic with a stack excerpt
// that starts where it was raised.
func TestIsolate(t *testing.T) {
	if crash := isolate(func() {}); crash != nil {
		t.Errorf("no panic: %v", crash)
	}
	crash := isolate(func() { panic("boom") })
	if crash == nil || crash.Reason() != "internal error: boom" {
		t.Fatalf("crash %v, want internal error: boom", crash)
	}
	ex := stackExcerpt(crash.stack, 2)
	lines := strings.Split(strings.TrimSuffix(ex, "\n"), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "TestIsolate") || strings.Contains(ex, "runtime/debug") || strings.Contains(ex, "0x") {
		t.Errorf("excerpt:\n%s", ex)
	}
}
