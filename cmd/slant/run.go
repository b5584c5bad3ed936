package main

import (
	"errors"
	"runtime"

	"github.com/slant-news/slant/corpus"
)

// Run passes the articles that read emits to process on workers goroutines
// (0 means one per CPU) and hands the results to write in input order,
// whatever the scheduling. process (typically Analyze, and the rendering of
// its outputs) must be safe for concurrent use. At most a few articles per
// worker are in flight, so memory does not grow with the corpus. The first
// error from read or write stops the run.
func Run[T any](workers int, read func(emit func(corpus.Article) error) error, process func(corpus.Article) T, write func(T) error) error {
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	type job struct {
		art  corpus.Article
		done chan T
	}
	jobs := make(chan job)
	// pending holds each article's result channel in input order; its
	// capacity bounds the articles in flight.
	pending := make(chan chan T, 4*workers)
	for range workers {
		go func() {
			for j := range jobs {
				j.done <- process(j.art)
			}
		}()
	}
	stop := make(chan struct{})
	readErr := make(chan error, 1)
	go func() {
		defer close(pending)
		defer close(jobs)
		readErr <- read(func(art corpus.Article) error {
			done := make(chan T, 1)
			select {
			case pending <- done:
			case <-stop:
				return errStopped
			}
			jobs <- job{art, done}
			return nil
		})
	}()
	var werr error
	for done := range pending {
		res := <-done
		if werr == nil {
			if werr = write(res); werr != nil {
				close(stop)
			}
		}
	}
	if werr != nil {
		return werr
	}
	return <-readErr
}

// errStopped tells read that write failed and no more articles are wanted.
var errStopped = errors.New("stopped")
