package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseScoreLine(t *testing.T) {
	tests := []struct {
		name, line string
		wantID     string // the id as echoed back
		start, end int
		err        string // a substring of the error; "" for none
	}{
		{"number id", `{"id": 7, "text": "Russia attacked.", "start": 0, "end": 6}`, "7", 0, 6, ""},
		{"object id kept as is", `{"id": {"doc": "a", "n": [1, 2]}, "text": "Kyiv", "start": 0, "end": 4}`, `{"doc": "a", "n": [1, 2]}`, 0, 4, ""},
		{"missing id is null", `{"text": "Kyiv", "start": 0, "end": 4}`, "null", 0, 4, ""},
		{"extra fields ignored", `{"id": "x", "text": "Kyiv", "start": 0, "end": 4, "label": 1}`, `"x"`, 0, 4, ""},
		{"multibyte offsets", `{"id": 1, "text": "Zélensky spoke", "start": 0, "end": 9}`, "1", 0, 9, ""},
		{"not JSON", `{"id": 1, "text": `, "", 0, 0, "invalid JSON"},
		{"two values", `{"text": "a", "start": 0, "end": 1} {}`, "", 0, 0, "more than one value"},
		{"no text", `{"id": 1, "start": 0, "end": 1}`, "", 0, 0, `missing "text"`},
		{"no start", `{"id": 1, "text": "abc", "end": 1}`, "", 0, 0, `missing "start"`},
		{"no end", `{"id": 1, "text": "abc", "start": 0}`, "", 0, 0, `missing "end"`},
		{"negative start", `{"text": "abc", "start": -1, "end": 1}`, "", 0, 0, "out of range"},
		{"end past text", `{"text": "abc", "start": 0, "end": 4}`, "", 0, 0, "out of range"},
		{"empty target", `{"text": "abc", "start": 1, "end": 1}`, "", 0, 0, "out of range"},
		{"reversed", `{"text": "abc", "start": 2, "end": 1}`, "", 0, 0, "out of range"},
		{"inside a character", `{"text": "Zélensky", "start": 0, "end": 2}`, "", 0, 0, "split a UTF-8 character"},
		{"string offsets", `{"text": "abc", "start": "0", "end": 1}`, "", 0, 0, "invalid JSON"},
		{"fractional offsets", `{"text": "abc", "start": 0.5, "end": 1}`, "", 0, 0, "invalid JSON"},
		{"invalid UTF-8", "{\"text\": \"caf\xe9 society\", \"start\": 0, \"end\": 3}", "", 0, 0, "invalid UTF-8 at byte 14 of the line"},
		{"lone surrogate", `{"text": "\ud800abc", "start": 3, "end": 6}`, "", 0, 0, "lone UTF-16 surrogate"},
		{"surrogate pair", `{"id": 1, "text": "\ud83d\ude00 Kyiv", "start": 5, "end": 9}`, "1", 5, 9, ""},
		{"U+FFFD as written and escaped", `{"id": 1, "text": "\uFFFD� Kyiv", "start": 7, "end": 11}`, "1", 7, 11, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := parseScoreLine([]byte(tt.line))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error %v", err)
			}
			if string(req.ID) != tt.wantID || *req.Start != tt.start || *req.End != tt.end {
				t.Errorf("got id %s, %d:%d; want id %s, %d:%d", req.ID, *req.Start, *req.End, tt.wantID, tt.start, tt.end)
			}
		})
	}
}

func TestRunScore(t *testing.T) {
	in := `{"id": 1, "text": "Russia invaded Ukraine.", "start": 0, "end": 6}

{"id": "two", "text": "Russia invaded Ukraine.", "start": 15, "end": 22}
{"id": 3, "text": "abc", "start": 0, "end": 9}
`
	var stdout, stderr strings.Builder
	code := run([]string{"score"}, strings.NewReader(in), &stdout, &stderr)
	if code != exitFailure {
		t.Errorf("exit code %d, want %d", code, exitFailure)
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], `{"id":1,"label":`) || !strings.HasPrefix(lines[1], `{"id":"two","label":`) {
		t.Errorf("stdout:\n%s\nwant the first two targets rated in order", stdout.String())
	}
	if want := "slant: stdin:4: offsets 0:9 out of range"; !strings.HasPrefix(stderr.String(), want) {
		t.Errorf("stderr %q, want it to start with %q", stderr.String(), want)
	}
}

// TestScoreLineLimit: a line over maxScoreLine stops the run at its line,
// unheld, with what came before it rated.
func TestScoreLineLimit(t *testing.T) {
	in := io.MultiReader(strings.NewReader(`{"id": 1, "text": "Russia invaded Ukraine.", "start": 0, "end": 6}`+"\n"),
		io.LimitReader(endless{}, 10*maxScoreLine))
	var stdout, stderr strings.Builder
	code := run([]string{"score"}, in, &stdout, &stderr)
	if code != exitFailure || !strings.HasPrefix(stdout.String(), `{"id":1,`) {
		t.Errorf("exit code %d, stdout %q; want %d and the first line rated", code, stdout.String(), exitFailure)
	}
	if want := fmt.Sprintf("slant: stdin:2: line over %d bytes\n", maxScoreLine); stderr.String() != want {
		t.Errorf("stderr %q, want %q", stderr.String(), want)
	}
	// Reading stops at the limit, having held no more.
	r := &countingEndless{}
	if _, err := readScoreLine(bufio.NewReader(r), 1000); err != errLineTooLong || r.n > 1000+4096 {
		t.Errorf("readScoreLine: %v after %d bytes, want errLineTooLong after no more than %d", err, r.n, 1000+4096)
	}
}

// endless is an input of x's that never ends.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'x'
	}
	return len(p), nil
}

// countingEndless is endless, counting what was read.
type countingEndless struct{ n int }

func (c *countingEndless) Read(p []byte) (int, error) {
	c.n += len(p)
	return endless{}.Read(p)
}

func FuzzParseScoreLine(f *testing.F) {
	f.Add([]byte(`{"id": 1, "text": "Russia must end its aggression.", "start": 0, "end": 6}`))
	f.Add([]byte(`{"id": "x", "text": "Kyiv’s envoy", "start": 0, "end": 4}`))
	f.Add([]byte(`{"text": "a", "start": 0, "end": 9}`))
	f.Add([]byte("{\"text\": \"caf\xe9\", \"start\": 0, \"end\": 3}"))
	f.Add([]byte(`{"text": "\ud800abc", "start": 3, "end": 6}`))
	f.Add([]byte(`{"text": "\uFFFD� Kyiv", "start": 7, "end": 11}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		req, err := parseScoreLine(line)
		if err != nil {
			return
		}
		// An accepted line marks a non-empty span of its text.
		if *req.Start < 0 || *req.End > len(*req.Text) || *req.Start >= *req.End {
			t.Fatalf("parseScoreLine(%q) accepted offsets %d:%d", line, *req.Start, *req.End)
		}
		_ = (*req.Text)[*req.Start:*req.End]
		if !utf8.Valid(line) {
			t.Fatalf("parseScoreLine(%q) accepted invalid UTF-8", line)
		}
	})
}
