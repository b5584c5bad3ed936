package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// outletRuns are the outlet comparison's measurements: the sample's
// articles spread over more and more outlets (the 5,000 outlets
// over the sample three times, under new ids).
var outletRuns = []struct{ outlets, copies int }{{10, 1}, {1000, 1}, {5000, 3}}

// outletsTable measures slant analyze on the corpus spread over few and
// many outlets, with the default comparison (each outlet against the rest,
// pairs among the 20 largest): the CPU time, the peak memory and the rows
// written should grow with the outlets, not with their square.
func outletsTable(w io.Writer, tmp, slant, corpusPath string, runs int) error {
	fmt.Fprintln(w, "\n| outlets | articles | workers | CPU s | wall s | peak RSS MB | CSV lines written | of which differences.csv |")
	fmt.Fprintln(w, "|---:|---:|---:|---:|---:|---:|---:|---:|")
	var base, thousand result
	for _, r := range outletRuns {
		in := filepath.Join(tmp, fmt.Sprintf("outlets-%d.jsonl", r.outlets))
		articles, err := spread(corpusPath, in, r.outlets, r.copies)
		if err != nil {
			return err
		}
		out := filepath.Join(tmp, "out")
		res, err := best(runs, func() (result, error) {
			defer os.RemoveAll(out)
			return timed(slant, "analyze", "-quiet", "-workers", "2", "-out", out, in)
		})
		if err != nil {
			return fmt.Errorf("%d outlets: %w", r.outlets, err)
		}
		// once more for the rows, which best's runs remove
		if _, err := timed(slant, "analyze", "-quiet", "-workers", "2", "-out", out, in); err != nil {
			return err
		}
		total, diffs, err := rowsWritten(out)
		os.RemoveAll(out)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "| %d | %d | 2 | %.2f | %.2f | %.0f | %d | %d |\n", r.outlets, articles,
			res.cpu.Seconds(), res.wall.Seconds(), float64(res.peakRSS)/1e6, total, diffs)
		switch r.outlets {
		case 10:
			base = res
		case 1000:
			thousand = res
		}
	}
	if base.cpu > 0 {
		fmt.Fprintf(w, "\n1,000 outlets / 10 outlets: %.2f× the CPU time (the target: at most 1.5×); peak memory %.0f MB (the target: under 500).\n",
			thousand.cpu.Seconds()/base.cpu.Seconds(), float64(thousand.peakRSS)/1e6)
	}
	return nil
}

// spread writes the JSON Lines corpus src to dst copies times, the k-th
// article of all given outlet "outlet k mod n", and ids suffixed ~sN in
// every copy but the first; it returns the articles written.
func spread(src, dst string, n, copies int) (int, error) {
	data, err := os.ReadFile(src)
	if err != nil {
		return 0, err
	}
	f, err := os.Create(dst)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	k := 0
	for c := range copies {
		for line := range bytes.Lines(data) {
			var obj map[string]json.RawMessage
			if err := json.Unmarshal(line, &obj); err != nil {
				continue // not an article: slant skips it too
			}
			for _, field := range []string{"media_name", "source_domain"} {
				delete(obj, field) // the outlet is the one given here
			}
			obj["outlet"], _ = json.Marshal(fmt.Sprintf("outlet %05d", k%n))
			var id string
			if c > 0 && json.Unmarshal(obj["id"], &id) == nil && id != "" {
				obj["id"], _ = json.Marshal(fmt.Sprintf("%s~s%d", id, c))
			}
			b, err := json.Marshal(obj)
			if err != nil {
				return 0, err
			}
			if _, err := bw.Write(append(b, '\n')); err != nil {
				return 0, err
			}
			k++
		}
	}
	return k, errors.Join(bw.Flush(), f.Close())
}

// rowsWritten counts the lines of the CSV files in dir, headers aside,
// and those of differences.csv (a text field with a newline counts twice).
func rowsWritten(dir string) (total, diffs int, err error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.csv"))
	if err != nil {
		return 0, 0, err
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return 0, 0, err
		}
		n := bytes.Count(data, []byte("\n")) - 1
		total += n
		if filepath.Base(p) == "differences.csv" {
			diffs = n
		}
	}
	return total, diffs, nil
}
