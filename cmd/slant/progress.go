package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// progress draws a one-line progress display (articles, MB read, rate, ETA)
// on a terminal, redrawn a few times a second. Other messages go through its
// Write, which clears the line first, so they do not mix with it.
type progress struct {
	mu       sync.Mutex
	w        io.Writer
	total    int64 // bytes in the input files
	start    time.Time
	bytes    atomic.Int64
	articles atomic.Int64
	stop     chan struct{}
	done     chan struct{}
}

// isTerminal reports whether w is a terminal (a character device), where a
// progress line that redraws itself makes sense.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// inputBytes sums the sizes of the input files; unreadable ones count 0
// (the reader reports them).
func inputBytes(files []string) int64 {
	var n int64
	for _, f := range files {
		if fi, err := os.Stat(f); err == nil {
			n += fi.Size()
		}
	}
	return n
}

func startProgress(w io.Writer, total int64) *progress {
	p := &progress{w: w, total: total, start: time.Now(), stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(p.done)
		tick := time.NewTicker(250 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-tick.C:
				p.draw()
			}
		}
	}()
	return p
}

func (p *progress) draw() {
	line := progressLine(p.articles.Load(), p.bytes.Load(), p.total, time.Since(p.start))
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprintf(p.w, "\r%s\x1b[K", line)
}

// Write writes a message on a line of its own, clearing the progress line.
func (p *progress) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, err := io.WriteString(p.w, "\r\x1b[K"); err != nil {
		return 0, err
	}
	return p.w.Write(b)
}

// finish stops the display and clears its line.
func (p *progress) finish() {
	close(p.stop)
	<-p.done
	p.mu.Lock()
	defer p.mu.Unlock()
	io.WriteString(p.w, "\r\x1b[K")
}

// progressLine says how far a run is: articles, MB read of the total, the
// rate and, once there is one, the time left at that rate.
func progressLine(articles, done, total int64, elapsed time.Duration) string {
	const mb = 1e6
	line := fmt.Sprintf("slant: %d articles, %.1f/%.1f MB", articles, float64(done)/mb, float64(total)/mb)
	secs := elapsed.Seconds()
	if secs <= 0 || done <= 0 {
		return line
	}
	rate := float64(done) / secs
	line += fmt.Sprintf(", %.1f MB/s", rate/mb)
	if left := total - done; left > 0 {
		eta := time.Duration(float64(left) / rate * float64(time.Second)).Round(time.Second)
		line += fmt.Sprintf(", %s left", eta)
	}
	return line
}
