// Package testseed gives the tests of the analysis packages the seed
// article, the user's own example of a real wire story.
package testseed

import (
	"os"
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

// Corpora is the demo corpus and, of the evaluation files named (relative
// to ../shared/eval), those that are there; it logs the missing ones. With
// -short it is the demo corpus alone.
func Corpora(t testing.TB, names ...string) []string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..", "..")
	paths := []string{filepath.Join(root, "testdata", "corpus")}
	if testing.Short() {
		return paths
	}
	var missing []string
	for _, name := range names {
		path := filepath.Join(root, "..", "shared", "eval", name)
		if _, err := os.Stat(path); err != nil {
			missing = append(missing, path)
			continue
		}
		paths = append(paths, path)
	}
	if len(missing) > 0 {
		t.Logf("evaluation corpora not found, not compared: %v", missing)
	}
	return paths
}
