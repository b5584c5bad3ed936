package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/slant-news/slant/analysis"
	"github.com/slant-news/slant/report"
)

func runAudit(fs *flag.FlagSet, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var opts options
	opts.register(fs)
	policyFile := fs.String("policy", "", "read the thresholds from `FILE` (YAML) instead of the built-in policy")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if code, ok := opts.check(fs, "audit", stderr); !ok {
		return code
	}
	opts.inputs.stdin = stdin
	policy, err := loadPolicy(*policyFile)
	if err != nil {
		fmt.Fprintf(stderr, "slant: %v\n", err)
		return exitUsage
	}
	var checks []analysis.Check
	audit := func(dir string, cmp *analysis.Comparison) error {
		for i := range cmp.Articles {
			checks = append(checks, analysis.Audit(&cmp.Articles[i], cmp.Actors, policy)...)
		}
		return report.WriteAudit(dir, checks)
	}
	sum, err := analyze(opts, append([]string{"slant", "audit"}, args...), fs.Args(), stderr, audit)
	if err != nil {
		return fail(stderr, err)
	}
	failed := 0
	for _, c := range checks {
		if c.Result != analysis.Fail {
			continue
		}
		failed++
		rule := c.Rule
		if c.Actor != "" {
			rule += " (" + c.Actor + ")"
		}
		fmt.Fprintf(stdout, "%s:%s: %s: %s vs %s\n", c.Source, c.ArticleID, rule,
			strconv.FormatFloat(c.Measured, 'f', 4, 64), strconv.FormatFloat(c.Threshold, 'f', 4, 64))
	}
	if !opts.quiet {
		fmt.Fprintf(stderr, "slant: %d articles audited, %d checks, %d failed; wrote %s\n",
			sum.Articles, len(checks), failed, filepath.Join(opts.out, report.AuditFile))
	}
	if code := opts.finish(sum, io.Discard); code != exitOK {
		fmt.Fprintf(stderr, "slant: -strict: %d skipped, %d warnings\n", sum.Skipped, sum.Warnings)
		return code
	}
	if failed > 0 {
		return exitFailure
	}
	return exitOK
}

func loadPolicy(path string) (analysis.Policy, error) {
	if path == "" {
		return analysis.ParsePolicy(analysis.DefaultPolicyFile, analysis.DefaultPolicyYAML())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return analysis.Policy{}, err
	}
	return analysis.ParsePolicy(path, data)
}
