package corpus

import (
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const jsonPath = "in/story.json"

var jsonTests = []struct {
	name     string
	in       string
	articles []Article
	notices  []Notice
}{
	{
		name: "one object",
		in:   `{"title":"T","text":"Body","date_publish":"March 1, 2024","source_domain":"bbc.co.uk"}`,
		articles: []Article{{ID: "story", Outlet: "bbc.co.uk", Date: "2024-03-01", Title: "T", Text: "Body",
			Source: jsonPath, Line: 1}},
	},
	{
		name:     "object after a BOM and blank lines",
		in:       "\ufeff\n\r\n  {\"text\":\"Body\"}\n",
		articles: []Article{{ID: "story", Outlet: "unknown", Text: "Body", Source: jsonPath, Line: 3}},
	},
	{
		name:    "object without text",
		in:      `{"id":"x","text":""}`,
		notices: []Notice{{Path: jsonPath, Line: 1, ID: "x", Skipped: true, Reason: "no title and no text"}},
	},
	{
		name:    "object with a field of the wrong type",
		in:      `{"text":["a"]}`,
		notices: []Notice{{Path: jsonPath, Line: 1, Skipped: true, Reason: `field "text" is not a string`}},
	},
	{
		name: "array",
		in:   "[\n  {\"text\":\"a\"},\n  {\n    \"id\": 7,\n    \"maintext\": \"b\"\n  },\n  5,\n  {\"text\": 1}, {\"text\": \"c\", \"media_name\": \"M\"}\n]\n",
		articles: []Article{
			{ID: "story-2", Outlet: "unknown", Text: "a", Source: jsonPath, Line: 2},
			{ID: "7", Outlet: "unknown", Text: "b", Source: jsonPath, Line: 3},
			{ID: "story-8", Outlet: "M", Text: "c", Source: jsonPath, Line: 8},
		},
		notices: []Notice{
			{Path: jsonPath, Line: 7, Skipped: true, Reason: "not a JSON object"},
			{Path: jsonPath, Line: 8, Skipped: true, Reason: `field "text" is not a string`},
		},
	},
	{
		name: "empty array",
		in:   " [ ] ",
	},
	{
		name:     "duplicate key in an element",
		in:       "[\n{\"text\":\"a\"},\n{\"id\":\"x\",\n \"text\":\"b\", \"id\":\"y\"}]",
		articles: []Article{{ID: "story-2", Outlet: "unknown", Text: "a", Source: jsonPath, Line: 2}, {ID: "y", Outlet: "unknown", Text: "b", Source: jsonPath, Line: 3}},
		notices:  []Notice{{Path: jsonPath, Line: 3, Reason: `duplicate key "id": the last value is used`}},
	},
}

// TestReadJSONLimit reads values over the limit: an element of an array is
// skipped, unheld, and the elements after it read; a document, or an element
// that never ends, stops the file at the line where it starts.
func TestReadJSONLimit(t *testing.T) {
	big := strings.Repeat("x\\\"{[", 1000)
	tests := []struct {
		name     string
		in       string
		articles []string // their lines
		skipped  []int
		line     int // of the error, if any
	}{
		{"element", "[\n{\"text\":\"a\"},\n\n  {\"text\":\n\"" + big + "\"},\n{\"text\":\"b\"}, [\"" + big + "\"]\n,\"" + big + "\", \n{\"text\":\"c\"}]", []string{"2", "6", "8"}, []int{4, 6, 7}, 0},
		{"first element", "[{\"text\":\"" + big + "\"}]", nil, []int{1}, 0},
		{"number", "[\n" + strings.Repeat("1", 200) + "\n]", nil, []int{2}, 0},
		{"truncated after", "[{\"text\":\"" + big + "\"},\n", nil, []int{1}, 1},
		{"never ends", "[{\"text\":\"a\"},\n{\"text\": [\"" + big + "\"\n", []string{"1"}, nil, 2},
		{"object", "\n\n{\"text\":\n\"" + big + "\"}", nil, nil, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := collect(func(emit func(Article) error, notice func(Notice)) error {
				return readJSON(strings.NewReader(tt.in), jsonPath, emit, notice, 100)
			})
			var e *Error
			if tt.line > 0 && (!errors.As(r.err, &e) || e.Line != tt.line) || tt.line == 0 && r.err != nil {
				t.Errorf("got error %v, want one at line %d", r.err, tt.line)
			}
			var lines []string
			for _, a := range r.articles {
				lines = append(lines, strconv.Itoa(a.Line))
			}
			var skipped []int
			for _, n := range r.notices {
				if n.Skipped && n.Reason == tooLarge(100) {
					skipped = append(skipped, n.Line)
				}
			}
			if !slices.Equal(lines, tt.articles) || !slices.Equal(skipped, tt.skipped) {
				t.Errorf("got articles at lines %v, skipped %v; want %v, %v", lines, skipped, tt.articles, tt.skipped)
			}
		})
	}
}

var jsonErrorTests = []struct {
	name     string
	in       string
	articles int // read before the error
	line     int
	is       error // when not nil, the error wraps it
}{
	{"truncated array", "[\n{\"text\":\"a\"},\n{\"text\":\"b\"", 1, 3, io.ErrUnexpectedEOF},
	{"truncated after a comma", "[\n{\"text\":\"a\"},\n\n", 1, 3, io.ErrUnexpectedEOF},
	{"truncated object", "{\"text\":\n\"a\"\n", 0, 2, io.ErrUnexpectedEOF},
	{"only a bracket", "[", 0, 1, io.ErrUnexpectedEOF},
	{"empty", "", 0, 1, io.ErrUnexpectedEOF},
	{"syntax error in an element", "[\n{\"text\":\"a\"},\n{\n\"text\" \"b\"}\n]", 1, 4, nil},
	{"syntax error in the first element", "[\n\n{\"text\" 1}]", 0, 3, nil},
	{"missing comma", "[\n{\"text\":\"a\"}\n{\"text\":\"b\"}]", 1, 3, nil},
	{"wrong closing bracket", "[{\"text\":\"a\"}\n}", 1, 2, nil},
	{"data after an object", "{\"text\":\"a\"}\n\nx", 0, 3, nil},
	{"document after an array", "[]\n[]", 0, 2, nil},
	{"not an object or array", "\n42", 0, 2, nil},
}

func TestReadJSONErrors(t *testing.T) {
	for _, tt := range jsonErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			r := collect(func(emit func(Article) error, notice func(Notice)) error {
				return readJSON(strings.NewReader(tt.in), jsonPath, emit, notice, 0)
			})
			var e *Error
			if !errors.As(r.err, &e) || e.Path != jsonPath || e.Line != tt.line {
				t.Fatalf("got error %#v, want an *Error at line %d", r.err, tt.line)
			}
			if tt.is != nil && !errors.Is(r.err, tt.is) {
				t.Errorf("error %v does not wrap %v", r.err, tt.is)
			}
			if len(r.articles) != tt.articles {
				t.Errorf("got %d articles before the error, want %d", len(r.articles), tt.articles)
			}
		})
	}
}

// TestReadJSONLarge reads an array bigger than the decoder's buffer, so that
// lines are counted across marks and refills.
func TestReadJSONLarge(t *testing.T) {
	var b strings.Builder
	b.WriteString("[\n")
	const n = 5000
	for i := range n {
		if i > 0 {
			b.WriteString(",\n")
		}
		b.WriteString(`{"text": "` + strings.Repeat("x", i%300) + `y"}`)
	}
	b.WriteString("\n]\n")
	r := collect(func(emit func(Article) error, notice func(Notice)) error {
		return readJSON(strings.NewReader(b.String()), jsonPath, emit, notice, 0)
	})
	if r.err != nil || len(r.articles) != n {
		t.Fatalf("got %d articles, error %v", len(r.articles), r.err)
	}
	for i, a := range r.articles {
		if a.Line != i+2 {
			t.Fatalf("article %d at line %d, want %d", i, a.Line, i+2)
		}
	}
}

func FuzzJSON(f *testing.F) {
	for _, tt := range jsonTests {
		f.Add(tt.in)
	}
	for _, tt := range jsonErrorTests {
		f.Add(tt.in)
	}
	addBadFiles(f, ".json")
	f.Add("[{\"text\":\"a\"}, {\"text\": \"" + strings.Repeat("\x00", 3000)) // /dev/zero
	f.Fuzz(func(t *testing.T, in string) {
		// With no limit, and with one that records often pass.
		for _, max := range []int{0, 40} {
			r := collect(func(emit func(Article) error, notice func(Notice)) error {
				return readJSON(strings.NewReader(in), jsonPath, emit, notice, max)
			})
			lines := len(textLines([]byte(in)))
			if r.err != nil {
				var e *Error
				if !errors.As(r.err, &e) || e.Line < 1 || e.Line > lines {
					t.Fatalf("error %#v, want an *Error at a line in 1..%d", r.err, lines)
				}
			}
			checkArticles(t, r.articles, jsonPath, lines)
			for _, n := range r.notices {
				if n.Line < 1 || n.Line > lines {
					t.Errorf("notice line %d outside 1..%d", n.Line, lines)
				}
			}
		}
	})
}
