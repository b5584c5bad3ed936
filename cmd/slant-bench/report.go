package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
)

// Issue 15's aims for the report of the sample corpus.
const (
	reportMaxMB   = 5
	reportMaxOpen = 2000 // ms
)

// medianLine is opentime.mjs's last line.
var medianLine = regexp.MustCompile(`median of \d+: first charts (\d+) ms, complete (\d+) ms`)

// reportTable analyses the corpus once more and says how large its
// report.html is and how long it takes to open in headless Chromium
// (testdata/opentime.mjs, with node), or why that was not measured.
func reportTable(w io.Writer, tmp, slant, corpusPath string) error {
	out := filepath.Join(tmp, "report-out")
	defer os.RemoveAll(out)
	if err := exec.Command(slant, "analyze", "-quiet", "-out", out, corpusPath).Run(); err != nil {
		return fmt.Errorf("slant analyze for the report: %w", err)
	}
	page := filepath.Join(out, "report.html")
	fi, err := os.Stat(page)
	if err != nil {
		return err
	}
	mb := float64(fi.Size()) / 1e6
	fmt.Fprintf(w, "\n| report.html of %s | MB | first charts ms | complete ms |\n|---|---:|---:|---:|\n", filepath.Base(corpusPath))
	opened, note := openTime(page)
	if opened == nil {
		fmt.Fprintf(w, "| | %.1f | %s | |\n", mb, note)
		return nil
	}
	fmt.Fprintf(w, "| | %.1f | %s | %s |\n", mb, opened[1], opened[2])
	fmt.Fprintf(w, "\nAims: at most %d MB, open in under %d ms.\n", reportMaxMB, reportMaxOpen)
	return nil
}

// openTime runs opentime.mjs on page; nil and the reason when it cannot.
func openTime(page string) (match [][]byte, note string) {
	for _, tool := range []string{"node", "chromium"} {
		if _, err := exec.LookPath(tool); err != nil {
			return nil, "not measured: no " + tool
		}
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command("node", "--experimental-websocket", filepath.Join("testdata", "opentime.mjs"), page, "5")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Sprintf("not measured: opentime.mjs: %v %s", err, bytes.TrimSpace(stderr.Bytes()))
	}
	m := medianLine.FindSubmatch(stdout.Bytes())
	if m == nil {
		return nil, "not measured: opentime.mjs printed no median"
	}
	return m, ""
}
