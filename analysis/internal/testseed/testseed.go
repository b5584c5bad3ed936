// Package testseed gives the tests of the analysis packages the seed
// article, the user's own example of a real wire story.
package testseed

import (
	"path/filepath"
	"runtime"
	"testing"

	"github.com/slant-news/slant/corpus"
)

// Path is the seed article's file.
var Path = func() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "testdata", "corpus", "seedwire", "000_659cf921a0d61d3b.txt")
}()

// Read reads the seed article.
func Read(t testing.TB) corpus.Article {
	t.Helper()
	var arts []corpus.Article
	err := corpus.ReadFile(Path, func(a corpus.Article) error {
		arts = append(arts, a)
		return nil
	}, nil)
	if err != nil || len(arts) != 1 {
		t.Fatalf("reading the seed: %v (%d articles)", err, len(arts))
	}
	return arts[0]
}
