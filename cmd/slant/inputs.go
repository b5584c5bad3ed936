package main

import (
	"cmp"
	"flag"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/slant-news/slant/analysis"
	"github.com/slant-news/slant/corpus"
	"github.com/slant-news/slant/report"
)

// inputOptions are the flags about what the input is.
type inputOptions struct {
	format string
	keep   string    // input fields to copy into articles.csv, comma-separated
	stdin  io.Reader // what the path "-" reads
}

func (o *inputOptions) register(fs *flag.FlagSet) {
	fs.StringVar(&o.format, "format", "", "read standard input, given as the PATH -, as `FORMAT`: "+strings.Join(corpus.Formats, ", ")+
		" (with .gz or .zst after it when compressed: jsonl.gz)")
	fs.StringVar(&o.keep, "keep", "", "copy the input `FIELDS` (comma-separated: event_id,author) into "+report.ArticlesFile+" as extra columns, in that order")
}

// keepFields are the field names -keep gives, nil without it.
func (o *inputOptions) keepFields() []string {
	if o.keep == "" {
		return nil
	}
	return strings.Split(o.keep, ",")
}

// check tells what is wrong with the input flags for paths, or "".
func (o *inputOptions) check(paths []string) string {
	stdin := slices.Index(paths, corpus.Stdin)
	switch {
	case stdin >= 0 && slices.Index(paths[stdin+1:], corpus.Stdin) >= 0:
		return "- (standard input) given twice"
	case stdin >= 0 && o.format == "":
		return "- (standard input) needs -format " + strings.Join(corpus.Formats, "|")
	case o.format != "" && !knownFormat(o.format):
		return fmt.Sprintf("-format %s: want one of %s, optionally with .gz or .zst", o.format, strings.Join(corpus.Formats, ", "))
	case o.format != "" && stdin < 0:
		return "-format is for standard input: give - as a PATH"
	case o.keep != "" && report.CheckKeep(o.keepFields()) != nil:
		return "-keep " + report.CheckKeep(o.keepFields()).Error()
	}
	return ""
}

// knownFormat reports whether format is one of corpus.Formats, with one
// compression after it or none.
func knownFormat(format string) bool {
	base := strings.ToLower(format)
	if b, ok := strings.CutSuffix(base, ".gz"); ok {
		base = b
	} else if b, ok := strings.CutSuffix(base, ".zst"); ok {
		base = b
	}
	return slices.Contains(corpus.Formats, base)
}

// noArticles is the error of a run that read no article, saying why.
func noArticles(sum report.ManifestCounts, paths []string, out string) error {
	if sum.Articles > 0 {
		return nil
	}
	if sum.Files == 0 {
		return fmt.Errorf("no article read: no input file in %s (hidden files and folders are not read)", strings.Join(paths, " "))
	}
	return fmt.Errorf("no article read: %s, %s skipped, none analysed (see %s)",
		count(sum.Files, "file"), count(sum.Skipped, "record"), filepath.Join(out, report.SkippedFile))
}

// count is n and its noun, in the plural unless n is 1: "2,562 records".
func count(n int, noun string) string {
	return thousands(n) + " " + plural(n, noun, noun+"s")
}

// noticeShown is how many notices of one kind are printed; the rest are
// summed up at the end.
const noticeShown = 5

// noticePrinter prints the reader's notices on stderr, the first few of
// each kind in full and the rest as one sum per kind at the end.
type noticePrinter struct {
	w      io.Writer
	counts map[string]int // notices by kind
	kinds  []string       // in the order first met
}

// print prints n, or counts it when enough of its kind were printed.
func (p *noticePrinter) print(n corpus.Notice) {
	where := n.Path
	if n.Line > 0 {
		where = fmt.Sprintf("%s:%d", n.Path, n.Line)
	}
	label := "warning"
	if n.Skipped {
		label = "skipped"
	}
	kind := label + ": " + noticeKind(n.Reason)
	if p.counts == nil {
		p.counts = map[string]int{}
	}
	if p.counts[kind] == 0 {
		p.kinds = append(p.kinds, kind)
	}
	p.counts[kind]++
	if p.counts[kind] <= noticeShown {
		fmt.Fprintf(p.w, "slant: %s: %s: %s\n", where, label, n.Reason)
	}
}

// summarize prints, for each kind with more notices than were shown, how
// many more there were; skipped records are all in skipped, the path of
// skipped.csv.
func (p *noticePrinter) summarize(skipped string) {
	for _, kind := range p.kinds {
		more := p.counts[kind] - noticeShown
		if more <= 0 {
			continue
		}
		label, reason, _ := strings.Cut(kind, ": ")
		if label == "skipped" {
			fmt.Fprintf(p.w, "slant: %s more skipped: %s; see %s\n", thousands(more), reason, skipped)
		} else {
			fmt.Fprintf(p.w, "slant: %s more warnings: %s\n", thousands(more), reason)
		}
	}
}

// noticeKind is what notices of one kind share: the reason up to the first
// detail (a colon, a bracket or a quoted value), so that "invalid JSON:
// ..." and `duplicate id "x" ...` are each one kind.
func noticeKind(reason string) string {
	if i := strings.IndexAny(reason, ":(\"0123456789"); i > 0 {
		reason = reason[:i]
	}
	return strings.TrimRight(strings.TrimSpace(reason), ";,")
}

// thousands writes n with commas between groups of three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// languageCounts counts the analysed articles that were not scored, by
// language.
type languageCounts map[string]int

func (c languageCounts) add(a *analysis.Article) {
	if !a.Scored {
		c[a.Language]++
	}
}

// report tells how many articles were in other languages and so not
// scored: slant's tone and attribution models are English.
func (c languageCounts) report(w io.Writer) {
	if len(c) == 0 {
		return
	}
	langs := slices.SortedFunc(maps.Keys(c), func(a, b string) int { return cmp.Or(c[b]-c[a], strings.Compare(a, b)) })
	total := 0
	var parts []string
	for _, l := range langs {
		total += c[l]
		parts = append(parts, fmt.Sprintf("%s %s", thousands(c[l]), l))
	}
	fmt.Fprintf(w, "slant: %s not in English (%s) and not scored: their mentions are counted, but the tone and attribution models are English (%s: counts.not_scored)\n",
		count(total, "article"), strings.Join(parts, ", "), report.ManifestFile)
}
