package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/slant-news/slant/analysis"
)

// evalSentences scores each NewsMTSC sentence as a whole with every sentence
// scorer and compares the tone with the target's gold label: how far sentence
// tone alone gets, and which sentence scorer deserves to be the default.
func evalSentences(dir string, w io.Writer) error {
	an, err := analysis.New(analysis.Config{NB: true}) // every sentence scorer
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "Whole-sentence tone against NewsMTSC target labels (polarity threshold ±0.05):")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| scorer | set | targets | macro-F1 | accuracy |")
	fmt.Fprintln(w, "|---|---|---:|---:|---:|")
	for _, scorer := range analysis.SentenceScorers {
		for _, set := range []string{"dev-rw", "dev-mt"} {
			var c confusion
			err := readJSONL(filepath.Join(dir, "newsmtsc", set+".jsonl"), func(t struct {
				Sentence string `json:"sentence"`
				Label    int    `json:"label"`
			}) error {
				c.add(t.Label, analysis.Polarity(an.Tone(scorer, t.Sentence)))
				return nil
			})
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "| %s | %s | %d | %.3f | %.3f |\n", scorer, set, c.total(), c.macroF1(), c.accuracy())
		}
	}
	return nil
}
