package tone

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// TestCVSeeds is the experiment harness of the target model's features:
// with SLANT_CV=K it cross-validates the default configuration by K folds
// on NewsMTSC train for the training orders (seeds) in SLANT_CV_SEEDS
// (default 1,2,3) and prints each seed's macro-F1, on all targets and on
// those that share their sentence with another, and their means. With
// SLANT_CV_OOF=FILE it writes the first seed's out-of-fold predictions
// there (TSV: gold, predicted, score, target, sentence). It is not a test
// of behaviour and runs only when asked.
func TestCVSeeds(t *testing.T) {
	k, _ := strconv.Atoi(os.Getenv("SLANT_CV"))
	if k < 2 {
		t.Skip("SLANT_CV=K (folds) runs the cross-validation experiment")
	}
	ex := readNewsMTSC(t, filepath.Join("..", "..", "..", "shared", "eval", "newsmtsc", "train.jsonl"))
	seeds := []uint64{1, 2, 3}
	if s := os.Getenv("SLANT_CV_SEEDS"); s != "" {
		seeds = nil
		for _, f := range strings.Split(s, ",") {
			n, err := strconv.ParseUint(f, 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			seeds = append(seeds, n)
		}
	}
	perSentence := map[string]int{}
	for _, e := range ex {
		perSentence[e.Text]++
	}
	type result struct {
		all, shared float64
		preds       []cvPrediction
		err         error
	}
	results := make([]result, len(seeds))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i, seed := range seeds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			cfg := DefaultTrainConfig()
			cfg.Seed = seed
			preds, err := crossValidatePredictions(ex, cfg, k)
			if err != nil {
				results[i].err = err
				return
			}
			var all, shared [numClasses][numClasses]int
			for j, p := range preds {
				all[ex[j].Label+1][p.label+1]++
				if perSentence[ex[j].Text] > 1 {
					shared[ex[j].Label+1][p.label+1]++
				}
			}
			results[i] = result{confusionMacroF1(all), confusionMacroF1(shared), preds, nil}
		}()
	}
	wg.Wait()
	var sumAll, sumShared float64
	for i, r := range results {
		if r.err != nil {
			t.Fatal(r.err)
		}
		fmt.Printf("cv seed %d: macro-F1 %.4f shared %.4f\n", seeds[i], r.all, r.shared)
		sumAll += r.all
		sumShared += r.shared
	}
	n := float64(len(seeds))
	fmt.Printf("cv mean: macro-F1 %.4f shared %.4f\n", sumAll/n, sumShared/n)
	if path := os.Getenv("SLANT_CV_OOF"); path != "" {
		var b strings.Builder
		for j, p := range results[0].preds {
			e := ex[j]
			fmt.Fprintf(&b, "%d\t%d\t%.3f\t%d\t%s\t%s\n", e.Label, p.label, p.score, perSentence[e.Text], clean(e.Text[e.Start:e.End]), clean(e.Text))
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func clean(s string) string { return strings.NewReplacer("\n", " ", "\t", " ", "\r", " ").Replace(s) }
