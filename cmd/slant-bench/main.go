// Command slant-bench measures slant end to end, as make bench runs it: wall
// time, throughput and peak memory of slant analyze on a real corpus with
// one and two workers, on a corpus of at least 250 MB built by repeating it
// under new ids, and NLTK's VADER over the same text for comparison; then
// the CPU time, peak memory and rows written of the corpus spread over 10,
// 1,000 and 5,000 outlets. It prints Markdown tables.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"
)

func main() {
	slant := flag.String("slant", "bin/slant", "the slant binary to measure")
	corpusPath := flag.String("corpus", "../shared/eval/corpora/abp-sample-2000.jsonl", "the JSON Lines corpus")
	bigMB := flag.Int("big-mb", 250, "build the large corpus to at least `MB` megabytes; 0 for none")
	runs := flag.Int("runs", 3, "runs of each measurement on the corpus (the best is reported)")
	bigRuns := flag.Int("big-runs", 1, "runs on the large corpus")
	python := flag.String("python", "/usr/bin/python3", "the Python with NLTK for the VADER comparison")
	lexicon := flag.String("lexicon", "../shared/eval/lexicons/vader_lexicon.txt", "VADER lexicon for NLTK")
	flag.Parse()
	if err := run(os.Stdout, *slant, *corpusPath, *bigMB, *runs, *bigRuns, *python, *lexicon); err != nil {
		fmt.Fprintf(os.Stderr, "slant-bench: %v\n", err)
		os.Exit(1)
	}
}

// result is one measured run.
type result struct {
	wall    time.Duration
	cpu     time.Duration // user and system
	peakRSS int64         // bytes
}

type row struct {
	what, input string
	workers     int
	bytes       int64
	res         result
	note        string
}

func run(w io.Writer, slant, corpusPath string, bigMB, runs, bigRuns int, python, lexicon string) error {
	tmp, err := os.MkdirTemp("", "slant-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	fi, err := os.Stat(corpusPath)
	if err != nil {
		return err
	}
	name := filepath.Base(corpusPath)
	small := fi.Size()
	var rows []row
	measure := func(what, input string, workers int, size int64, n int, args ...string) error {
		res, err := best(n, func() (result, error) {
			out := filepath.Join(tmp, "out")
			defer os.RemoveAll(out)
			return timed(args[0], args[1:]...)
		})
		if err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		rows = append(rows, row{what: what, input: input, workers: workers, bytes: size, res: res})
		return nil
	}
	out := filepath.Join(tmp, "out")
	for _, workers := range []int{1, 2} {
		if err := measure("slant analyze", name, workers, small, runs,
			slant, "analyze", "-quiet", "-workers", fmt.Sprint(workers), "-out", out, corpusPath); err != nil {
			return err
		}
	}
	nltk := nltkRow(tmp, python, lexicon, corpusPath, name, small, runs)
	rows = append(rows, nltk)
	if bigMB > 0 {
		big := filepath.Join(tmp, "big.jsonl")
		size, copies, err := repeatCorpus(corpusPath, big, int64(bigMB)*1e6)
		if err != nil {
			return err
		}
		input := fmt.Sprintf("%s ×%d, new ids", name, copies)
		if err := measure("slant analyze", input, 2, size, bigRuns,
			slant, "analyze", "-quiet", "-workers", "2", "-out", out, big); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "%s, %s/%s, %d CPUs; best of %d runs (%d on the large corpus)\n\n",
		time.Now().UTC().Format("2006-01-02"), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runs, bigRuns)
	fmt.Fprintln(w, "| run | input | MB | workers | wall s | MB/s | peak RSS MB |")
	fmt.Fprintln(w, "|---|---|---:|---:|---:|---:|---:|")
	for _, r := range rows {
		if r.note != "" {
			fmt.Fprintf(w, "| %s | %s | %.1f | | %s | | |\n", r.what, r.input, float64(r.bytes)/1e6, r.note)
			continue
		}
		secs := r.res.wall.Seconds()
		fmt.Fprintf(w, "| %s | %s | %.1f | %d | %.2f | %.2f | %.0f |\n", r.what, r.input, float64(r.bytes)/1e6,
			r.workers, secs, float64(r.bytes)/1e6/secs, float64(r.res.peakRSS)/1e6)
	}
	if rows[0].res.wall > 0 && rows[1].res.wall > 0 {
		fmt.Fprintf(w, "\n1 → 2 workers: %.2f× the throughput.\n", rows[0].res.wall.Seconds()/rows[1].res.wall.Seconds())
	}
	if nltk.note == "" && rows[1].res.wall > 0 {
		fmt.Fprintf(w, "slant (everything, 2 workers) / NLTK VADER (sentiment only): %.2f× the throughput.\n",
			nltk.res.wall.Seconds()/rows[1].res.wall.Seconds())
	}
	if err := reportTable(w, tmp, slant, corpusPath); err != nil {
		return err
	}
	return outletsTable(w, tmp, slant, corpusPath, runs)
}

// best runs f n times and keeps the fastest run: on a shared machine the
// slower ones measure the other jobs.
func best(n int, f func() (result, error)) (result, error) {
	var out result
	for i := range max(n, 1) {
		r, err := f()
		if err != nil {
			return r, err
		}
		if i == 0 || r.wall < out.wall {
			out.wall = r.wall
		}
		if i == 0 || r.cpu < out.cpu {
			out.cpu = r.cpu
		}
		out.peakRSS = max(out.peakRSS, r.peakRSS)
	}
	return out, nil
}

// timed runs a command and measures its wall time and peak resident memory.
func timed(name string, args ...string) (result, error) {
	cmd := exec.Command(name, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return result{}, fmt.Errorf("%s: %w\n%s", name, err, stderr.String())
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss * 1024 // kilobytes on Linux
	}
	return result{wall: wall, cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(), peakRSS: rss}, nil
}

// repeatCorpus writes copies of the JSON Lines corpus src to dst until it
// holds at least min bytes, each copy's ids suffixed with ~rN so that every
// article is new to slant.
func repeatCorpus(src, dst string, min int64) (size int64, copies int, err error) {
	data, err := os.ReadFile(src)
	if err != nil {
		return 0, 0, err
	}
	f, err := os.Create(dst)
	if err != nil {
		return 0, 0, err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	for copies = 1; size < min; copies++ {
		for line := range bytes.Lines(data) {
			var obj map[string]json.RawMessage
			if err := json.Unmarshal(line, &obj); err != nil {
				continue // not an article: slant skips it too
			}
			var id string
			if json.Unmarshal(obj["id"], &id) == nil && id != "" {
				obj["id"], _ = json.Marshal(fmt.Sprintf("%s~r%d", id, copies))
			}
			b, err := json.Marshal(obj)
			if err != nil {
				return 0, 0, err
			}
			b = append(b, '\n')
			if _, err := bw.Write(b); err != nil {
				return 0, 0, err
			}
			size += int64(len(b))
		}
	}
	return size, copies - 1, errors.Join(bw.Flush(), f.Close())
}

// nltkScript scores every paragraph (line) of each article's title and text
// with NLTK's VADER. NLTK's sentence tokenizer needs the punkt data, which is
// not installed, so paragraphs are the unit: VADER's work per byte is much
// the same whatever the unit.
const nltkScript = `
import json, sys
from nltk.sentiment.vader import SentimentIntensityAnalyzer
sia = SentimentIntensityAnalyzer(lexicon_file="file:" + sys.argv[1])
n = 0
with open(sys.argv[2], encoding="utf-8") as f:
    for line in f:
        a = json.loads(line)
        for part in (a.get("title") or "", a.get("text") or ""):
            for para in part.split("\n"):
                if para.strip():
                    sia.polarity_scores(para)
                    n += 1
print(n)
`

// nltkRow measures NLTK's VADER on the corpus, or says why not.
func nltkRow(tmp, python, lexicon, corpusPath, name string, size int64, runs int) row {
	r := row{what: "NLTK VADER, paragraphs", input: name, workers: 1, bytes: size}
	if err := exec.Command(python, "-c", "import nltk").Run(); err != nil {
		r.note = fmt.Sprintf("skipped: %s has no nltk (apt-get install python3-nltk)", python)
		return r
	}
	if out, err := exec.Command(python, "-c", "import nltk; print(nltk.__version__)").Output(); err == nil {
		r.what = "NLTK " + strings.TrimSpace(string(out)) + " VADER, paragraphs"
	}
	// NLTK reads the lexicon split on "\n" and fails on the empty string
	// after a final newline.
	lex, err := os.ReadFile(lexicon)
	if err != nil {
		r.note = "skipped: " + err.Error()
		return r
	}
	lexPath := filepath.Join(tmp, "vader_lexicon.txt")
	script := filepath.Join(tmp, "nltk_vader.py")
	if err := errors.Join(
		os.WriteFile(lexPath, bytes.TrimRight(lex, "\n"), 0o644),
		os.WriteFile(script, []byte(nltkScript), 0o644)); err != nil {
		r.note = "skipped: " + err.Error()
		return r
	}
	abs, _ := filepath.Abs(corpusPath)
	res, err := best(runs, func() (result, error) { return timed(python, script, lexPath, abs) })
	if err != nil {
		r.note = "failed: " + strings.SplitN(err.Error(), "\n", 2)[0]
		return r
	}
	r.res = res
	return r
}
