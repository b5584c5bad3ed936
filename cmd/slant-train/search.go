package main

import (
	"fmt"
	"io"

	"github.com/slant-news/slant/analysis/tone"
)

// search returns the configuration of the grid with the best k-fold
// cross-validated macro-F1, the first one on ties. The grid is centred on
// what earlier, coarser searches found (lower rates and a few averaged
// epochs win; the L2 penalty and a minimum count only hurt).
func search(examples []tone.TargetExample, k int, stderr io.Writer) (tone.TrainConfig, error) {
	base := tone.DefaultTrainConfig()
	var best tone.TrainConfig
	bestF1 := -1.0
	for _, balance := range []bool{true, false} {
		for _, lambda := range []float64{0, 1e-4} {
			for _, rate := range []float64{0.01, 0.02, 0.03, 0.05} {
				for _, epochs := range []int{5, 10, 20} {
					cfg := base
					cfg.Balance, cfg.Lambda, cfg.Rate, cfg.Epochs = balance, lambda, rate, epochs
					f1, err := tone.CrossValidate(examples, cfg, k)
					if err != nil {
						return cfg, err
					}
					fmt.Fprintf(stderr, "cv %s macro-F1 %.4f\n", cfg, f1)
					if f1 > bestF1 {
						best, bestF1 = cfg, f1
					}
				}
			}
		}
	}
	fmt.Fprintf(stderr, "best %s macro-F1 %.4f\n", best, bestF1)
	return best, nil
}
