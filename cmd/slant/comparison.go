package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/slant-news/slant/analysis/compare"
	"github.com/slant-news/slant/analysis/timeline"
)

// comparisonOptions are the flags of the outlet comparison, which analyze
// and merge share.
type comparisonOptions struct {
	resamples int
	seed      uint64
	pairs     pairsFlag
	named     pairFlags
	groups    string
	period    string
}

func (o *comparisonOptions) register(fs *flag.FlagSet) {
	o.pairs = compare.DefaultPairs
	fs.IntVar(&o.resamples, "resamples", compare.DefaultResamples, "bootstrap `N` resamples of each outlet's articles for the confidence intervals; 0 for none")
	fs.Uint64Var(&o.seed, "seed", 1, "seed `N` of the bootstrap resampling")
	fs.Var(&o.pairs, "pairs", "compare the `K` largest outlets pair by pair (0 for none, all for every pair); every outlet is compared with the rest of the corpus")
	fs.Var(&o.named, "pair", "also compare the outlets `A,B` (CSV: quote a name with a comma); repeatable")
	fs.StringVar(&o.period, "period", "", "sum up timeline.csv by `PERIOD`: day, week or month (ISO weeks from Monday); by default from the span of the dates")
	fs.StringVar(&o.groups, "groups", "", "compare groups of outlets too, as `FILE` gives them: CSV rows outlet,group or a YAML mapping of each group to its outlets (at most 1,000 groups)")
}

// config returns the comparison's configuration, reading -groups.
func (o *comparisonOptions) config(workers int) (compare.Config, error) {
	groups, err := loadGroups(o.groups)
	if err != nil {
		return compare.Config{}, err
	}
	return compare.Config{Resamples: o.resamples, Seed: o.seed, Workers: workers, Pairs: int(o.pairs), Named: o.named, Groups: groups}, nil
}

// checkPeriod says what is wrong with -period, if anything.
func (o *comparisonOptions) checkPeriod() string {
	if o.period != "" && !slices.Contains(timeline.Periods, o.period) {
		return "-period must be day, week or month"
	}
	return ""
}

// timeline returns the configuration of timeline.csv.
func (o *comparisonOptions) timeline(workers int) timeline.Config {
	return timeline.Config{Period: o.period, Resamples: o.resamples, Seed: o.seed, Workers: workers}
}

// tell reports on stderr, as warnings, the outlets of the corpus in no
// group and the outlets named in -pair or -groups that it lacks, and
// returns how many warnings that was.
func tell(cmp *compare.Comparison, stderr io.Writer) int {
	n := 0
	if len(cmp.Ungrouped) > 0 {
		fmt.Fprintf(stderr, "slant: -groups: warning: %d outlets in no group, left out of the groups (listed in manifest.json): %s\n",
			len(cmp.Ungrouped), sample(cmp.Ungrouped))
		n++
	}
	if len(cmp.Unknown) > 0 {
		fmt.Fprintf(stderr, "slant: warning: %d outlets named in -pair or -groups are not in the corpus: %s\n", len(cmp.Unknown), sample(cmp.Unknown))
		n++
	}
	return n
}

// sample lists the first few names, quoted.
func sample(names []string) string {
	const most = 10
	var out []string
	for _, name := range names[:min(len(names), most)] {
		out = append(out, strconv.Quote(name))
	}
	if len(names) > most {
		out = append(out, fmt.Sprintf("and %d more", len(names)-most))
	}
	return strings.Join(out, ", ")
}

// settings records the comparison's flags in the manifest.
func (o *comparisonOptions) settings(m map[string]any) {
	m["resamples"] = o.resamples
	m["seed"] = o.seed
	m["pairs"] = o.pairs.String()
	if len(o.named) > 0 {
		m["pair"] = o.named
	}
	if o.groups != "" {
		m["groups"] = o.groups
	}
}

// pairsFlag is -pairs: a number of outlets, or compare.AllPairs.
type pairsFlag int

func (p *pairsFlag) String() string {
	if *p == compare.AllPairs {
		return "all"
	}
	return strconv.Itoa(int(*p))
}

func (p *pairsFlag) Set(s string) error {
	if s == "all" {
		*p = compare.AllPairs
		return nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return fmt.Errorf("want a number of outlets (0 or more) or all")
	}
	*p = pairsFlag(n)
	return nil
}

// pairFlags is -pair, given once per pair.
type pairFlags [][2]string

func (p *pairFlags) String() string {
	var out []string
	for _, x := range *p {
		out = append(out, x[0]+","+x[1])
	}
	return strings.Join(out, " ")
}

func (p *pairFlags) Set(s string) error {
	r := csv.NewReader(strings.NewReader(s))
	rec, err := r.Read()
	if err != nil || len(rec) != 2 || rec[0] == "" || rec[1] == "" {
		return fmt.Errorf("want two outlets: A,B")
	}
	*p = append(*p, [2]string{rec[0], rec[1]})
	return nil
}
