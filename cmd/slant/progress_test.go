package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestProgressLine(t *testing.T) {
	tests := []struct {
		articles, done, total int64
		elapsed               time.Duration
		want                  string
	}{
		{0, 0, 250e6, 0, "slant: 0 articles, 0.0/250.0 MB"},
		{1000, 50e6, 250e6, 5 * time.Second, "slant: 1000 articles, 50.0/250.0 MB, 10.0 MB/s, 20s left"},
		{2000, 13.5e6, 13.5e6, 2 * time.Second, "slant: 2000 articles, 13.5/13.5 MB, 6.8 MB/s"},
	}
	for _, tt := range tests {
		if got := progressLine(tt.articles, tt.done, tt.total, tt.elapsed); got != tt.want {
			t.Errorf("progressLine(%d, %d, %d, %v) = %q, want %q", tt.articles, tt.done, tt.total, tt.elapsed, got, tt.want)
		}
	}
}

// TestProgressWrite checks that a message clears the progress line and the
// display clears its line when it stops.
func TestProgressWrite(t *testing.T) {
	var buf bytes.Buffer
	p := startProgress(&buf, 100)
	p.Write([]byte("slant: a warning\n"))
	p.finish()
	out := buf.String()
	if !strings.Contains(out, "\r\x1b[Kslant: a warning\n") || !strings.HasSuffix(out, "\r\x1b[K") {
		t.Errorf("output %q", out)
	}
	if isTerminal(&buf) {
		t.Error("a buffer is not a terminal")
	}
}
