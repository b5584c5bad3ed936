//go:build rnn

package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/slant-news/slant/analysis/tone"
)

// defaultRNNGrid is the grid -rnn-cv searches unless -rnn-grid says
// otherwise: around what earlier searches found (see the README).
const defaultRNNGrid = "hidden=16,32 epochs=2,4 rate=0.001,0.003"

// rnnGrid reads a grid: space-separated name=values,... for hidden, epochs,
// rate, batch, decay, stack and seed; the configurations are all their
// combinations, from DefaultRNNConfig for the names not given.
func rnnGrid(spec string) ([]tone.RNNConfig, error) {
	grid := []tone.RNNConfig{tone.DefaultRNNConfig()}
	for _, field := range strings.Fields(spec) {
		name, values, ok := strings.Cut(field, "=")
		if !ok {
			return nil, fmt.Errorf("grid %q: want name=values", field)
		}
		var next []tone.RNNConfig
		for _, v := range strings.Split(values, ",") {
			for _, c := range grid {
				if err := setRNNField(&c, name, v); err != nil {
					return nil, fmt.Errorf("grid %q: %w", field, err)
				}
				next = append(next, c)
			}
		}
		grid = next
	}
	return grid, nil
}

func setRNNField(c *tone.RNNConfig, name, v string) error {
	var err error
	switch name {
	case "hidden":
		c.Hidden, err = strconv.Atoi(v)
	case "epochs":
		c.Epochs, err = strconv.Atoi(v)
	case "batch":
		c.Batch, err = strconv.Atoi(v)
	case "rate":
		c.Rate, err = strconv.ParseFloat(v, 64)
	case "decay":
		c.Decay, err = strconv.ParseFloat(v, 64)
	case "stack":
		c.Stack, err = strconv.ParseBool(v)
	case "seed":
		c.Seed, err = strconv.ParseUint(v, 10, 64)
	default:
		return fmt.Errorf("unknown name %q", name)
	}
	return err
}

// searchRNN cross-validates the recurrent grid and returns the best
// configuration, the first on ties.
func searchRNN(examples []tone.TargetExample, k int, spec string, stderr io.Writer) (tone.RNNConfig, error) {
	grid, err := rnnGrid(spec)
	if err != nil {
		return tone.RNNConfig{}, err
	}
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

// rnnFlags adds -rnn, -rnn-cv and -rnn-grid to fs and returns what runs
// them: it reports ran false when -rnn is not set.
func rnnFlags(fs *flag.FlagSet) func([]tone.TargetExample, io.Writer) (code int, ran bool) {
	out := fs.String("rnn", "", "train the recurrent model instead and write it to `FILE`")
	cv := fs.Int("rnn-cv", 0, "with -rnn, search the recurrent grid by `K`-fold cross-validation first")
	spec := fs.String("rnn-grid", defaultRNNGrid, "the recurrent `GRID` -rnn-cv searches: name=v1,v2 ... for hidden, epochs, rate, batch, decay, stack, seed")
	return func(examples []tone.TargetExample, stderr io.Writer) (int, bool) {
		if *out == "" {
			return 0, false
		}
		cfg := tone.DefaultRNNConfig()
		var err error
		if *cv > 0 {
			if cfg, err = searchRNN(examples, *cv, *spec, stderr); err != nil {
				fmt.Fprintf(stderr, "slant-train: %v\n", err)
				return 1, true
			}
		}
		if err := trainRNN(examples, cfg, *out, stderr); err != nil {
			fmt.Fprintf(stderr, "slant-train: %v\n", err)
			return 1, true
		}
		return 0, true
	}
}
