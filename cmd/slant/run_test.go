package main

import (
	"errors"
	"strconv"
	"testing"

	"github.com/slant-news/slant/corpus"
)

func TestRun(t *testing.T) {
	read := func(n int) func(emit func(corpus.Article) error) error {
		return func(emit func(corpus.Article) error) error {
			for i := range n {
				if err := emit(corpus.Article{ID: strconv.Itoa(i)}); err != nil {
					return err
				}
			}
			return nil
		}
	}
	// Results come in input order whatever the number of workers.
	for _, workers := range []int{1, 3, 16} {
		var got []string
		err := Run(workers, read(500), func(a corpus.Article) string { return a.ID }, func(id string) error {
			got = append(got, id)
			return nil
		})
		if err != nil || len(got) != 500 {
			t.Fatalf("%d workers: %v, %d results", workers, err, len(got))
		}
		for i, id := range got {
			if id != strconv.Itoa(i) {
				t.Fatalf("%d workers: result %d is article %s", workers, i, id)
			}
		}
	}
	// A write error stops the reading and comes back.
	stop := errors.New("disk full")
	emitted := 0
	err := Run(2, func(emit func(corpus.Article) error) error {
		for {
			if err := emit(corpus.Article{}); err != nil {
				return err
			}
			emitted++
		}
	}, func(a corpus.Article) int { return 0 }, func(int) error { return stop })
	if err != stop || emitted > 100 {
		t.Errorf("got %v after %d articles read, want the write error soon", err, emitted)
	}
}
