package main

import (
	"bufio"
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

func TestMain(m *testing.M) {
	if os.Getenv("SLANT_TEST_MAIN") != "" { // a test runs this binary as slant
		processHook = testHook(os.Getenv("SLANT_TEST_HOOK"))
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	testscript.Main(m, map[string]func(){
		"slant": func() {
			processHook = testHook(os.Getenv("SLANT_TEST_HOOK"))
			os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
		},
	})
}

// repoRoot is where the README, the Makefile and testdata live.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// setup gives each script the repository's testdata, as the README's
// commands expect, and the repository root as $ROOT.
func setup(root string) func(*testscript.Env) error {
	return func(env *testscript.Env) error {
		env.Setenv("ROOT", root)
		return os.Symlink(filepath.Join(root, "testdata"), filepath.Join(env.WorkDir, "testdata"))
	}
}

func TestScript(t *testing.T) {
	root := repoRoot(t)
	testscript.Run(t, testscript.Params{
		Dir:           filepath.Join(root, "testdata", "script"),
		Setup:         setup(root),
		UpdateScripts: *update,
	})
}

// TestREADME runs every slant command that the README shows in a shell block
// (lines starting with "bin/slant" or "$ bin/slant"), exactly as written, and
// expects each to succeed, but for those whose comment says "exits 1".
func TestREADME(t *testing.T) {
	root := repoRoot(t)
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var script bytes.Buffer
	inShell := false
	sc := bufio.NewScanner(bytes.NewReader(readme))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "```"):
			inShell = !inShell && (line == "```sh" || line == "```console")
		case inShell:
			line = strings.TrimPrefix(line, "$ ")
			if cmd, ok := strings.CutPrefix(line, "bin/slant "); ok {
				cmd, comment, _ := strings.Cut(cmd, "#")
				cmd, redirect, _ := strings.Cut(cmd, ">")
				if strings.Contains(comment, "exits 1") {
					script.WriteString("! ")
				}
				script.WriteString("exec slant " + cmd + "\n")
				if file := strings.TrimSpace(redirect); file != "" {
					script.WriteString("cp stdout " + file + "\n")
				}
			}
		}
	}
	if script.Len() == 0 {
		t.Fatal("the README shows no bin/slant command")
	}
	t.Logf("README commands:\n%s", script.String())
	file := filepath.Join(t.TempDir(), "readme.txtar")
	if err := os.WriteFile(file, script.Bytes(), 0o666); err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{Files: []string{file}, Setup: setup(root)})
}
