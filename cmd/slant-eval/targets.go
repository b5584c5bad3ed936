package main

import (
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/slant-news/slant/analysis/tone"

	"github.com/slant-news/slant/analysis"
)

// newsMTSCTarget is one row of NewsMTSC: the sentiment label toward
// sentence[start:end].
type newsMTSCTarget struct {
	Sentence   string `json:"sentence"`
	Start, End int
	Label      int `json:"label"`
}

// evalTargets rates every NewsMTSC dev target with every target scorer and
// compares with the gold labels; it also times each scorer on one core.
func evalTargets(dir string, w io.Writer) error {
	sets := []string{"dev-rw", "dev-mt"}
	data := make([][]newsMTSCTarget, len(sets))
	for i, set := range sets {
		var err error
		if data[i], err = readAll[newsMTSCTarget](filepath.Join(dir, "newsmtsc", set+".jsonl")); err != nil {
			return err
		}
	}
	fmt.Fprintln(w, "Sentiment toward a target (NewsMTSC dev sets), macro-F1 over {neg, neu, pos}; speed on one goroutine:")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| scorer | rw macro-F1 | rw accuracy | mt macro-F1 | mt accuracy | targets/s |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|")
	var confusions []confusion // the default scorer's, per set
	for i, scorer := range tone.TargetScorers {
		an, err := analysis.New(analysis.Config{Sentiment: scorer})
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "| %s", scorer)
		for _, rows := range data {
			var c confusion
			for _, t := range rows {
				label, _ := an.Target(t.Sentence, t.Start, t.End)
				c.add(t.Label, label)
			}
			fmt.Fprintf(w, " | %.3f | %.3f", c.macroF1(), c.accuracy())
			if i == 0 {
				confusions = append(confusions, c)
			}
		}
		fmt.Fprintf(w, " | %.0f |\n", targetSpeed(an, data))
	}
	fmt.Fprintf(w, "\nConfusion of the default (%s), gold by row, predicted by column:\n\n", tone.TargetScorers[0])
	fmt.Fprintln(w, "| set | gold | -1 | 0 | 1 |")
	fmt.Fprintln(w, "|---|---|---:|---:|---:|")
	for i, c := range confusions {
		for g := range c {
			fmt.Fprintf(w, "| %s | %d | %d | %d | %d |\n", sets[i], g-1, c[g][0], c[g][1], c[g][2])
		}
	}
	fmt.Fprintf(w, "\n(rw: %d targets, mt: %d. Published, held-out test sets: authors' neural model 83.1 / 82.5; VADER on the sentence 51.3 / 48.1, on the clause 55.3 / 51.1.)\n",
		len(data[0]), len(data[1]))
	return nil
}

// targetSpeed rates the targets over and over for at least half a second
// on the calling goroutine and returns targets per second.
func targetSpeed(an *analysis.Analyzer, data [][]newsMTSCTarget) float64 {
	n := 0
	start := time.Now()
	for time.Since(start) < 500*time.Millisecond {
		for _, rows := range data {
			for _, t := range rows {
				an.Target(t.Sentence, t.Start, t.End)
				n++
			}
		}
	}
	return float64(n) / time.Since(start).Seconds()
}
