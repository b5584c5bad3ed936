package main

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/slant-news/slant/report"
)

// blockedRun starts this test binary as slant analyze into out, on an input
// whose first article blocks the run (SLANT_TEST_HOOK=block), and returns
// once the run has its temporary directory and is analysing.
func blockedRun(t *testing.T, out string) (cmd *exec.Cmd, stderr *bytes.Buffer) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("no signals to send on Windows")
	}
	input := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(input, []byte(`{"id": "a", "outlet": "Wire", "text": "Kyiv said it would talk."}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd = exec.Command(os.Args[0], "analyze", "-quiet", "-workers", "1", "-resamples", "0", "-out", out, input)
	cmd.Env = append(os.Environ(), "SLANT_TEST_MAIN=1", "SLANT_TEST_HOOK=block")
	stderr = new(bytes.Buffer)
	cmd.Stderr = stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	// The hook says "blocked" once the first article is being analysed;
	// a run that ends first closes stdout.
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if line != "blocked\n" {
		cmd.Wait()
		t.Fatalf("the run did not block (%q, %v):\n%s", line, err, stderr)
	}
	go io.Copy(io.Discard, stdout)
	return cmd, stderr
}

// leftovers lists the temporary directories beside out.
func leftovers(t *testing.T, out string) []string {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join(filepath.Dir(out), tempPrefix(out)+"*"))
	if err != nil {
		t.Fatal(err)
	}
	return matches
}

// analyzeInto runs slant analyze in this process and returns its stderr.
func analyzeInto(t *testing.T, out string) string {
	t.Helper()
	var stderr bytes.Buffer
	if code := run([]string{"analyze", "-resamples", "0", "-out", out, filepath.Join(repoRoot(t), "testdata", "bad", "bom.jsonl")}, nil, io.Discard, &stderr); code != exitOK {
		t.Fatalf("slant analyze: exit %d\n%s", code, stderr.String())
	}
	return stderr.String()
}

// TestSignals checks that SIGINT and SIGTERM stop a run with 130 and 143,
// removing its temporary directory and leaving -out as it was.
func TestSignals(t *testing.T) {
	for _, tt := range []struct {
		sig  syscall.Signal
		name string
		code int
	}{
		{syscall.SIGINT, "SIGINT", 130},
		{syscall.SIGTERM, "SIGTERM", 143},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			analyzeInto(t, out)
			before, err := os.ReadFile(filepath.Join(out, report.ArticlesFile))
			if err != nil {
				t.Fatal(err)
			}
			cmd, stderr := blockedRun(t, out)
			if l := leftovers(t, out); len(l) != 1 {
				t.Fatalf("while the run is blocked: temporary directories %v, want one", l)
			}
			if err := cmd.Process.Signal(tt.sig); err != nil {
				t.Fatal(err)
			}
			cmd.Wait()
			if code := cmd.ProcessState.ExitCode(); code != tt.code {
				t.Errorf("exit %d, want %d\n%s", code, tt.code, stderr)
			}
			want := "slant: interrupted (" + tt.name + "): the unfinished outputs are removed and " + out + " is as it was\n"
			if stderr.String() != want {
				t.Errorf("stderr:\n%s\nwant:\n%s", stderr, want)
			}
			if l := leftovers(t, out); len(l) > 0 {
				t.Errorf("left behind: %v", l)
			}
			after, err := os.ReadFile(filepath.Join(out, report.ArticlesFile))
			if err != nil || !bytes.Equal(after, before) {
				t.Errorf("-out changed: %v\n%s", err, after)
			}
		})
	}
}

// TestKilledRun checks that the temporary directory of a run that was killed
// (no chance to clean up) is removed by the next run into the same place.
func TestKilledRun(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	cmd, _ := blockedRun(t, out)
	cmd.Process.Kill()
	cmd.Wait()
	left := leftovers(t, out)
	if len(left) != 1 {
		t.Fatalf("after the kill: temporary directories %v, want one", left)
	}
	stderr := analyzeInto(t, out)
	if !strings.Contains(stderr, "slant: removed "+left[0]+", left by an earlier run that was stopped\n") {
		t.Errorf("stderr does not tell the removal of %s:\n%s", left[0], stderr)
	}
	if l := leftovers(t, out); len(l) > 0 {
		t.Errorf("left behind: %v", l)
	}
}

// TestConcurrentRuns checks that a run into -out leaves alone the temporary
// directory of another run into it that is still going.
func TestConcurrentRuns(t *testing.T) {
	if !canLock {
		t.Skip("no file locks here: leftovers are judged by age")
	}
	out := filepath.Join(t.TempDir(), "out")
	cmd, stderr := blockedRun(t, out)
	other := leftovers(t, out)
	if stderr := analyzeInto(t, out); strings.Contains(stderr, "removed") {
		t.Errorf("the second run removed something:\n%s", stderr)
	}
	if l := leftovers(t, out); len(l) != 1 || l[0] != other[0] {
		t.Errorf("temporary directories %v, want the blocked run's %v", l, other)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != 143 {
		t.Errorf("blocked run: exit %d, want 143\n%s", code, stderr)
	}
	if l := leftovers(t, out); len(l) > 0 {
		t.Errorf("left behind: %v", l)
	}
	if _, err := os.Stat(filepath.Join(out, report.MarkerFile)); err != nil {
		t.Errorf("the second run's outputs: %v", err)
	}
}
