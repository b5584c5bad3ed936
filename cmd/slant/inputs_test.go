package main

import (
	"strings"
	"testing"

	"github.com/slant-news/slant/corpus"
)

func TestNoticePrinter(t *testing.T) {
	var b strings.Builder
	p := &noticePrinter{w: &b}
	for i := range 8 {
		p.print(corpus.Notice{Path: "a.jsonl", Line: i + 1, Skipped: true, Reason: "no title and no text"})
	}
	p.print(corpus.Notice{Path: "a.jsonl", Line: 9, Reason: `duplicate id "x" (first read at a.jsonl:1), renamed x~2`})
	for i := range 7 {
		p.print(corpus.Notice{Path: "a.jsonl", Line: 10 + i, Skipped: true, Reason: "invalid JSON: invalid character 'x'"})
	}
	p.summarize("out/skipped.csv")
	got := b.String()
	for _, want := range []string{
		"slant: a.jsonl:5: skipped: no title and no text\n",
		"slant: a.jsonl:9: warning: duplicate id",
		"slant: a.jsonl:14: skipped: invalid JSON: invalid character 'x'\n",
		"slant: 3 more skipped: no title and no text; see out/skipped.csv\n",
		"slant: 2 more skipped: invalid JSON; see out/skipped.csv\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if strings.Contains(got, "a.jsonl:6:") || strings.Contains(got, "a.jsonl:15:") {
		t.Errorf("more than %d of a kind printed:\n%s", noticeShown, got)
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 2562: "2,562", 1234567: "1,234,567", -4500: "-4,500"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestInputOptions(t *testing.T) {
	for _, tt := range []struct {
		format string
		paths  []string
		want   string // the start of the problem, "" for none
	}{
		{"", []string{"a.jsonl"}, ""},
		{"jsonl", []string{"-"}, ""},
		{"csv.zst", []string{"a", "-"}, ""},
		{"", []string{"-"}, "- (standard input) needs -format"},
		{"jsonl", []string{"-", "-"}, "- (standard input) given twice"},
		{"pdf", []string{"-"}, "-format pdf: want one of"},
		{"jsonl.gz.zst", []string{"-"}, "-format jsonl.gz.zst"},
		{"jsonl", []string{"a.jsonl"}, "-format is for standard input"},
	} {
		o := inputOptions{format: tt.format}
		if got := o.check(tt.paths); !strings.HasPrefix(got, tt.want) || (tt.want == "") != (got == "") {
			t.Errorf("-format %q %q: %q, want %q", tt.format, tt.paths, got, tt.want)
		}
	}
}
