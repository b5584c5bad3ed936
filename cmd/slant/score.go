package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/slant-news/slant/analysis/tone"

	"github.com/slant-news/slant/analysis"
	"github.com/slant-news/slant/corpus"
)

// scoreRequest is one line of `slant score` input.
type scoreRequest struct {
	ID         json.RawMessage `json:"id"`
	Text       *string         `json:"text"`
	Start, End *int
}

// scoreResult is one line of `slant score` output.
type scoreResult struct {
	ID    json.RawMessage `json:"id"`
	Label int             `json:"label"`
	Score float64         `json:"score"`
}

func runScore(fs *flag.FlagSet, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	sentiment := fs.String("sentiment", tone.TargetScorers[0], "target scorer: "+strings.Join(tone.TargetScorers, ", "))
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return exitUsage
	}
	if !isTargetScorer(*sentiment) {
		fmt.Fprintf(stderr, "slant score: unknown target scorer %q (have %s)\n", *sentiment, strings.Join(tone.TargetScorers, ", "))
		return exitUsage
	}
	an, err := analysis.New(analysis.Config{Sentiment: *sentiment}) // loads the model the scorer needs
	if err != nil {
		return fail(stderr, err)
	}
	in := bufio.NewReader(stdin)
	out := bufio.NewWriter(stdout)
	for line := 1; ; line++ {
		b, rerr := readScoreLine(in, maxScoreLine)
		if errors.Is(rerr, errLineTooLong) {
			out.Flush()
			return fail(stderr, fmt.Errorf("stdin:%d: line over %d bytes", line, maxScoreLine))
		}
		if rerr != nil && !errors.Is(rerr, io.EOF) {
			return fail(stderr, fmt.Errorf("stdin: %w", rerr))
		}
		if len(bytes.TrimSpace(b)) > 0 {
			req, err := parseScoreLine(b)
			if err != nil {
				out.Flush()
				return fail(stderr, fmt.Errorf("stdin:%d: %w", line, err))
			}
			label, score := an.Target(*req.Text, *req.Start, *req.End)
			res, err := json.Marshal(scoreResult{ID: req.ID, Label: label, Score: math.Round(score*1e4) / 1e4})
			if err != nil {
				return fail(stderr, fmt.Errorf("stdin:%d: %w", line, err))
			}
			out.Write(res)
			out.WriteByte('\n')
		}
		if rerr != nil {
			break
		}
	}
	if err := out.Flush(); err != nil {
		return fail(stderr, err)
	}
	return exitOK
}

// maxScoreLine is the longest line `slant score` reads: room for an article
// of corpus.DefaultMaxArticleBytes with its JSON escapes. It is never held
// whole: reading stops there.
const maxScoreLine = 2 * corpus.DefaultMaxArticleBytes

var errLineTooLong = errors.New("line too long")

// readScoreLine reads one line, end included, or errLineTooLong once it is
// over max bytes, having held no more than that.
func readScoreLine(in *bufio.Reader, max int) ([]byte, error) {
	var line []byte
	for {
		chunk, err := in.ReadSlice('\n')
		if len(line)+len(chunk) > max {
			return nil, errLineTooLong
		}
		line = append(line, chunk...)
		if err != bufio.ErrBufferFull {
			return line, err
		}
	}
}

func isTargetScorer(name string) bool {
	for _, s := range tone.TargetScorers {
		if s == name {
			return true
		}
	}
	return false
}

// parseScoreLine decodes and checks one input line. The id may be any JSON
// value (null when missing); text, start and end are required, and the
// offsets must mark a non-empty span of text on UTF-8 character boundaries.
//
// Invalid UTF-8 is an error rather than repaired, and so is a \u escape of
// half a UTF-16 surrogate pair, as the offsets, counted in the bytes of the
// text sent, would index another string.
func parseScoreLine(b []byte) (scoreRequest, error) {
	var req scoreRequest
	if i := invalidUTF8(b); i >= 0 {
		return req, fmt.Errorf("invalid UTF-8 at byte %d of the line", i+1)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&req); err != nil {
		return req, fmt.Errorf("invalid JSON: %w", err)
	}
	if dec.More() {
		return req, errors.New("invalid JSON: more than one value on the line")
	}
	if req.ID == nil {
		req.ID = json.RawMessage("null")
	}
	switch {
	case req.Text == nil:
		return req, errors.New(`missing "text"`)
	case req.Start == nil:
		return req, errors.New(`missing "start"`)
	case req.End == nil:
		return req, errors.New(`missing "end"`)
	}
	text, start, end := *req.Text, *req.Start, *req.End
	// encoding/json turns a lone surrogate into U+FFFD without a word.
	if n := strings.Count(text, "\uFFFD"); n > 0 && n > bytes.Count(b, []byte("\uFFFD"))+replacementEscapes(b) {
		return req, errors.New("a \\u escape of a lone UTF-16 surrogate in \"text\": not a character")
	}
	switch {
	case start < 0 || end > len(text) || start >= end:
		return req, fmt.Errorf("offsets %d:%d out of range: want 0 <= start < end <= %d (the text's length in bytes)", start, end, len(text))
	case !boundary(text, start) || !boundary(text, end):
		return req, fmt.Errorf("offsets %d:%d split a UTF-8 character: offsets count bytes", start, end)
	}
	return req, nil
}

// boundary reports whether i starts a character of s (or is its end).
func boundary(s string, i int) bool { return i == len(s) || utf8.RuneStart(s[i]) }

// invalidUTF8 is the index of the first byte of b that is not UTF-8, or -1.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	i := 0
	for {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
}

// replacementEscapes counts the escapes \ufffd (in any case) in b.
func replacementEscapes(b []byte) int {
	return bytes.Count(bytes.ToLower(b), []byte(`\ufffd`))
}
