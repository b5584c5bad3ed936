package main

import (
	"strings"
	"testing"
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

func FuzzParseScoreLine(f *testing.F) {
	f.Add([]byte(`{"id": 1, "text": "Russia must end its aggression.", "start": 0, "end": 6}`))
	f.Add([]byte(`{"id": "x", "text": "Kyiv’s envoy", "start": 0, "end": 4}`))
	f.Add([]byte(`{"text": "a", "start": 0, "end": 9}`))
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
	})
}
