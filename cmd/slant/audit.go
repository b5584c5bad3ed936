package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/slant-news/slant/analysis/audit"
	"github.com/slant-news/slant/analysis/compare"

	"github.com/slant-news/slant/report"
)

func runAudit(fs *flag.FlagSet, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var opts options
	opts.register(fs)
	policyFile := fs.String("policy", "", "read the thresholds from `FILE` (YAML) instead of the built-in policy")
	junitFile := fs.String("junit", "", "also write the checks to `FILE` as JUnit XML, for CI: a test case per article and rule")
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
	actors, err := loadActors(opts.actorsFile)
	if err != nil {
		return fail(stderr, err)
	}
	check := &auditor{policy: policy, actors: actors.Names(), csv: opts.csv()}
	sum, err := analyze(opts, append([]string{"slant", "audit"}, args...), fs.Args(), stderr, check)
	checks := check.checks
	if err != nil {
		return fail(stderr, err)
	}
	if *junitFile != "" {
		if err := report.WriteJUnit(*junitFile, checks); err != nil {
			return fail(stderr, err)
		}
	}
	failed := 0
	for _, c := range checks {
		if c.Result != audit.Fail {
			continue
		}
		failed++
		rule := c.Rule
		if c.Actor != "" {
			rule += " (" + printable(c.Actor) + ")"
		}
		fmt.Fprintf(stdout, "%s:%s: %s: %s vs %s\n", printable(c.Source), printable(c.ArticleID), rule,
			strconv.FormatFloat(c.Measured, 'f', 4, 64), strconv.FormatFloat(c.Threshold, 'f', 4, 64))
	}
	if !opts.quiet {
		fmt.Fprintf(stderr, "slant: %d articles audited, %d checks, %d failed; wrote %s\n",
			sum.Articles, len(checks), failed, filepath.Join(opts.out, report.AuditFile))
	}
	if code := opts.verdict(sum, stderr); code != exitOK {
		return code
	}
	if failed > 0 {
		return exitFailure
	}
	return exitOK
}

// printable returns s as it is when it is valid UTF-8 of printable
// characters that does not start with a quotation mark, and otherwise
// quoted as Go quotes strings ("a\nb"), so that a path, an id or an actor
// from the input can neither forge a line of the output nor hide in it
// (a bidi override, say).
func printable(s string) string {
	if utf8.ValidString(s) && !strings.HasPrefix(s, `"`) && !strings.ContainsFunc(s, notPrint) {
		return s
	}
	return strconv.Quote(s)
}

func notPrint(r rune) bool { return !strconv.IsPrint(r) }

// auditor checks each article as analyze writes it.
type auditor struct {
	policy audit.Policy
	actors []string
	csv    report.CSVConfig
	checks []audit.Check
}

func (a *auditor) article(s *compare.ArticleSummary) {
	a.checks = append(a.checks, audit.Audit(s, a.actors, a.policy)...)
}

func (a *auditor) write(dir string) error { return report.WriteAudit(dir, a.checks, a.csv) }

func loadPolicy(path string) (audit.Policy, error) {
	if path == "" {
		return audit.Parse(audit.DefaultFile, audit.DefaultYAML())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return audit.Policy{}, err
	}
	p, err := audit.Parse(path, data)
	if err == nil && p == (audit.Policy{}) {
		err = fmt.Errorf("%s: the policy sets no rule, so every article would pass", path)
	}
	return p, err
}
