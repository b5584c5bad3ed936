package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/slant-news/slant/analysis/tone"
)

// rnnGrid is the grid of recurrent configurations -rnn-cv searches.
func rnnGrid() []tone.RNNConfig {
	base := tone.DefaultRNNConfig()
	var grid []tone.RNNConfig
	for _, hidden := range []int{16, 32} {
		for _, epochs := range []int{2, 4} {
			for _, rate := range []float64{0.001, 0.003} {
				c := base
				c.Hidden, c.Epochs, c.Rate = hidden, epochs, rate
				grid = append(grid, c)
			}
		}
	}
	return grid
}

// searchRNN cross-validates the recurrent grid and returns the best
// configuration, the first on ties.
func searchRNN(examples []tone.TargetExample, k int, stderr io.Writer) (tone.RNNConfig, error) {
	grid := rnnGrid()
	start := time.Now()
	f1, lr, err := tone.CrossValidateRNN(examples, grid, k)
	if err != nil {
		return tone.RNNConfig{}, err
	}
	fmt.Fprintf(stderr, "cv logreg macro-F1 %.4f (same folds)\n", lr)
	best := 0
	for i, cfg := range grid {
		fmt.Fprintf(stderr, "cv rnn %s macro-F1 %.4f\n", cfg, f1[i])
		if f1[i] > f1[best] {
			best = i
		}
	}
	fmt.Fprintf(stderr, "best rnn %s macro-F1 %.4f (%.0fs)\n", grid[best], f1[best], time.Since(start).Seconds())
	return grid[best], nil
}

// trainRNN writes the recurrent model trained with cfg to path.
func trainRNN(examples []tone.TargetExample, cfg tone.RNNConfig, path string, stderr io.Writer) error {
	start := time.Now()
	model, err := tone.TrainRNN(examples, cfg)
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, model, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "slant-train: %d examples, rnn %s; wrote %s (%d bytes, %.0fs)\n", len(examples), cfg, path, len(model), time.Since(start).Seconds())
	return nil
}

// runRNN is slant-train -rnn.
func runRNN(examples []tone.TargetExample, cv int, path string, stderr io.Writer) int {
	cfg := tone.DefaultRNNConfig()
	var err error
	if cv > 0 {
		if cfg, err = searchRNN(examples, cv, stderr); err != nil {
			fmt.Fprintf(stderr, "slant-train: %v\n", err)
			return 1
		}
	}
	if err := trainRNN(examples, cfg, path, stderr); err != nil {
		fmt.Fprintf(stderr, "slant-train: %v\n", err)
		return 1
	}
	return 0
}
