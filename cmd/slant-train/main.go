// Command slant-train trains slant's target sentiment model on NewsMTSC and
// writes the file that the analysis package embeds. It is what `make model`
// runs:
//
//	go run ./cmd/slant-train -data ../shared/eval/newsmtsc/train.jsonl -out analysis/tone/target_model.txt
//
// and beside the model its compiled form (-compiled,
// analysis/tone/target_model.bin: its weights in table order and their
// projection over the word vectors), which a run would otherwise make
// from the text at every start. The same data gives the same bytes. The model's features read the
// embedded word vectors (analysis/tone/word_vectors.bin, `make vectors`),
// speech verbs and VADER lexicon: change any of them and retrain. With -cv it first searches a grid of
// hyperparameters by cross-validation on the same data and reports each
// point on stderr; tone.DefaultTrainConfig holds the winner.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/slant-news/slant/analysis/tone"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

// flags are slant-train's flags but the RNN's (rnnFlags).
type flags struct {
	data, out, compiled *string
	cv                  *int
}

func newFlags(stderr io.Writer) (*flag.FlagSet, flags) {
	fs := flag.NewFlagSet("slant-train", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o flags
	o.data = fs.String("data", "../shared/eval/newsmtsc/train.jsonl", "NewsMTSC training `FILE` (JSONL)")
	o.out = fs.String("out", "analysis/tone/target_model.txt", "write the model to `FILE`")
	o.compiled = fs.String("compiled", "analysis/tone/target_model.bin", "write the model's compiled form to `FILE` (\"\" for none; without the flag, beside -out: its name with .bin)")
	o.cv = fs.Int("cv", 0, "search the hyperparameter grid by `K`-fold cross-validation first and train with the best")
	return fs, o
}

// compiledPath is where the compiled form goes: -compiled as given, else
// beside -out, so that a model written elsewhere does not overwrite the
// built-in model's compiled form.
func (o flags) compiledPath(fs *flag.FlagSet) string {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == "compiled" })
	if set {
		return *o.compiled
	}
	return strings.TrimSuffix(*o.out, filepath.Ext(*o.out)) + ".bin"
}

func run(args []string, stderr io.Writer) int {
	fs, o := newFlags(stderr)
	runRNN := rnnFlags(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	data, out, cv, compiledOut := o.data, o.out, o.cv, o.compiledPath(fs)
	examples, err := readExamples(*data)
	if err != nil {
		fmt.Fprintf(stderr, "slant-train: %v\n", err)
		return 1
	}
	if code, ran := runRNN(examples, stderr); ran {
		return code
	}
	cfg := tone.DefaultTrainConfig()
	if *cv > 0 {
		if cfg, err = search(examples, *cv, stderr); err != nil {
			fmt.Fprintf(stderr, "slant-train: %v\n", err)
			return 1
		}
	}
	model, err := tone.TrainTarget(examples, cfg)
	if err != nil {
		fmt.Fprintf(stderr, "slant-train: %v\n", err)
		return 1
	}
	if err := os.WriteFile(*out, model, 0o644); err != nil {
		fmt.Fprintf(stderr, "slant-train: %v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "slant-train: %d examples, %s; wrote %s (%d bytes)\n", len(examples), cfg, *out, len(model))
	if compiledOut == "" {
		return 0
	}
	compiled, err := tone.CompileTarget(model)
	if err == nil {
		err = os.WriteFile(compiledOut, compiled, 0o644)
	}
	if err != nil {
		fmt.Fprintf(stderr, "slant-train: %v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "slant-train: wrote %s (%d bytes)\n", compiledOut, len(compiled))
	return 0
}

// readExamples reads NewsMTSC JSONL: {sentence, start, end, label}.
func readExamples(path string) ([]tone.TargetExample, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []tone.TargetExample
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for line := 1; sc.Scan(); line++ {
		var r struct {
			Sentence   string `json:"sentence"`
			Start, End int
			Label      int `json:"label"`
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if r.Start < 0 || r.End < r.Start || r.End > len(r.Sentence) {
			return nil, fmt.Errorf("%s:%d: offsets %d:%d out of range", path, line, r.Start, r.End)
		}
		out = append(out, tone.TargetExample{Text: r.Sentence, Start: r.Start, End: r.End, Label: r.Label})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}
