package main

import (
	"errors"
	"runtime"

	"github.com/slant-news/slant/corpus"
)

// Run passes the articles that read emits to process on workers goroutines
// (0 means one per CPU) and hands the results to write in input order,
// whatever the scheduling. process (typically Analyze, and the rendering of
// its outputs) must be safe for concurrent use. At most inFlight articles
// per worker are in flight, so memory does not grow with the corpus. The
// first error from read or write stops the run.
func Run[T any](workers int, read func(emit func(corpus.Article) error) error, process func(corpus.Article) T, write func(T) error) error {
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	type job struct {
		art  corpus.Article
		done chan T
	}
	// pending holds each article's result channel in input order; its
	// capacity bounds the articles in flight. jobs is as deep, so that the
	// reader runs ahead of the workers and a worker finds an article waiting.
	jobs := make(chan job, inFlight*workers)
	pending := make(chan chan T, inFlight*workers)
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

// inFlight is how many articles per worker may be read and not yet
// written. Deep enough that neither a long article, whose successors wait
// for it to be written in order, nor the hand-over of each article stops a
// worker: with 4 and no queue before the workers, each article read woke a
// worker that had waited for it, and the scheduler took some 60 µs to run
// it, a core idle for a tenth of the sample's analysis.
const inFlight = 16

// errStopped tells read that write failed and no more articles are wanted.
var errStopped = errors.New("stopped")
