package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/slant-news/slant/analysis/tone"
)

// evalSentences scores each NewsMTSC sentence as a whole with every sentence
// scorer and compares the tone with the target's gold label: how far sentence
// tone alone gets, and which sentence scorer deserves to be the default.
func evalSentences(dir string, w io.Writer) error {
	fmt.Fprintln(w, "Whole-sentence tone against NewsMTSC target labels (polarity threshold ±0.05):")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| scorer | set | targets | macro-F1 | accuracy |")
	fmt.Fprintln(w, "|---|---|---:|---:|---:|")
	for _, name := range tone.SentenceScorers {
		scorer, err := tone.NewSentenceScorer(name)
		if err != nil {
			return err
		}
		for _, set := range []string{"dev-rw", "dev-mt"} {
			var c confusion
			err := readJSONL(filepath.Join(dir, "newsmtsc", set+".jsonl"), func(t struct {
				Sentence string `json:"sentence"`
				Label    int    `json:"label"`
			}) error {
				c.add(t.Label, tone.Polarity(scorer.Score(t.Sentence)))
				return nil
			})
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "| %s | %s | %d | %.3f | %.3f |\n", name, set, c.total(), c.macroF1(), c.accuracy())
		}
	}
	return nil
}
