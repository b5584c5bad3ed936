package main

import (
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// excerptWords is the length of a run of words that counts as an excerpt:
// news shares shorter stock phrases ("said in a statement that").
const excerptWords = 8

// allowedRuns are the stock phrases (an office and its holder, a formula
// of agency copy) that the project's own texts share with the evaluation
// articles; every run of excerptWords words inside one is allowed.
var allowedRuns = []string{
	"ursula von der leyen the president of the european commission ursula von der leyen",
	"foreign ministry said in a statement that the",
}

// TestNoExcerpts holds the rule that the evaluation data in ../shared/eval
// is never copied into the project, not even as examples in comments, test
// tables or the README: the article texts belong to their outlets, and
// PolNeAR's carry no licence at all. It fails on any run of excerptWords
// words (lowercased, at least half of them with a letter) that a file of
// the repository shares with an article, a headline or a sentence there.
func TestNoExcerpts(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: not reading ../shared/eval's texts")
	}
	dir := filepath.Join("..", "..", "..", "shared", "eval")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/eval not found: the evaluation data is needed to look for excerpts of it")
	}
	eval := map[uint64]bool{}
	for _, name := range []string{
		"polnear/articles.jsonl", "basil/articles.jsonl", "newswcl50/articles.jsonl",
		"newsmtsc/train.jsonl", "newsmtsc/dev-rw.jsonl", "newsmtsc/dev-mt.jsonl",
		"corpora/abp-sample-2000.jsonl", "corpora/abp-ukraine-russia.jsonl",
		"corpora/allsides-leads.jsonl", "corpora/ruwa-headlines.jsonl",
	} {
		if err := evalTexts(filepath.Join(dir, name), func(text string) {
			eachRun(text, func(h uint64, _ []string) { eval[h] = true })
		}); err != nil {
			t.Fatal(err)
		}
	}
	allowed := map[uint64]bool{}
	for _, r := range allowedRuns {
		eachRun(r, func(h uint64, _ []string) { allowed[h] = true })
	}
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() && (e.Name() == ".git" || path == filepath.Join(root, "testdata", "golden")) {
			return filepath.SkipDir
		}
		switch filepath.Ext(path) {
		case ".go", ".md", ".txt", ".txtar", ".yaml", ".html":
		default:
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for n, line := range strings.Split(string(data), "\n") {
			eachRun(line, func(h uint64, ws []string) {
				if eval[h] && !allowed[h] {
					t.Errorf("%s:%d: %q is in ../shared/eval's texts: write an example of your own", path, n+1, strings.Join(ws, " "))
				}
			})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// evalTexts calls fn with the text, title and sentence fields of each
// line of a JSON Lines file.
func evalTexts(path string, fn func(string)) error {
	return readJSONL(path, func(rec struct{ Text, Title, Sentence string }) error {
		fn(rec.Text)
		fn(rec.Title)
		fn(rec.Sentence)
		return nil
	})
}

// eachRun calls fn with the hash of each run of excerptWords words of s,
// lowercased, in which at least half the words hold a letter (not a table
// of numbers), and the run's words.
func eachRun(s string, fn func(uint64, []string)) {
	ws := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '-'
	})
	for i := 0; i+excerptWords <= len(ws); i++ {
		run := ws[i : i+excerptWords]
		letters := 0
		for _, w := range run {
			if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
				letters++
			}
		}
		if 2*letters < excerptWords {
			continue
		}
		h := fnv.New64a()
		for _, w := range run {
			h.Write([]byte(w))
			h.Write([]byte{' '})
		}
		fn(h.Sum64(), run)
	}
}
