// Package corpus finds, reads and parses news articles from files: JSON Lines,
// JSON, CSV and plain text or Markdown with optional front matter.
//
// It is the only package that reads input files; everything downstream works
// on Articles.
package corpus

import (
	"cmp"
	"fmt"
	"path/filepath"
	"strings"
)

// Article is one news article as read from the input.
type Article struct {
	ID     string // from the input, or derived from the path (and line) when missing
	Outlet string
	Date   string // ISO 8601 (2006-01-02, or RFC 3339 when a time was given); "" when unknown
	Title  string
	URL    string
	// Text is the body. From JSONL, JSON and CSV it is the input byte for byte,
	// so that offsets index it exactly; from .txt and .md it is the prose lines
	// (no front matter, no title line, no markup lines).
	Text     string
	Captions []string // alt text of markup lines such as <image>...</image>, in order
	Source   string   // the file it came from, as given
	Line     int      // the line in Source where the article starts (1-based; for WARC, the record's number)
	Record   int      // the number of its record in Source, from 0 (Reader sets it)
	// Language is the ISO 639-1 code of the article's language when the
	// input gives one (a language or lang field), else "".
	Language string
	// Fields holds the input fields named in Reader.Keep, by name, with
	// the value as written ("" when the record has none); nil without Keep.
	Fields map[string]string

	// lookup gives the value of an input field by name, for Reader.Keep;
	// set by the readers of formats with named fields, cleared by Reader.
	lookup func(name string) string
}

// Notice is something the reader has to tell about the input without
// stopping: an article it could not read or will not pass on (Skipped), or a
// repair it made to one it passes on.
type Notice struct {
	Path    string
	Line    int    // 0 when it concerns the whole file
	ID      string // the article's id when known
	Record  int    // the number of the record in Path it concerns, from 0; for the file as a whole, one past the last (Reader sets it)
	Skipped bool
	Reason  string
}

// Error is a problem with an input file, at a line when known (Line > 0).
type Error struct {
	Path string
	Line int
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// deliver passes a on to emit, or tells notice why it is skipped. a.Date is
// still as written in the input: deliver normalises it, so that every format
// reports an unparseable date the same way. It cleans the outlet name too
// (see cleanOutlet), and warns of an id with invisible characters, which it
// keeps as given: an id is the key back to the input.
func deliver(a Article, emit func(Article) error, notice func(Notice)) error {
	// A headline alone is an article: headline datasets hold nothing else.
	if strings.TrimSpace(a.Text) == "" && strings.TrimSpace(a.Title) == "" {
		notice(Notice{Path: a.Source, Line: a.Line, ID: a.ID, Skipped: true, Reason: "no title and no text"})
		return nil
	}
	if a.Language != "" {
		lang, ok := languageCode(a.Language)
		if !ok {
			notice(Notice{Path: a.Source, Line: a.Line, ID: a.ID, Reason: fmt.Sprintf("language %q is not an ISO 639-1 code; it will be detected", a.Language)})
		}
		a.Language = lang
	}
	if name, stripped := cleanOutlet(a.Outlet); name != a.Outlet {
		if stripped {
			notice(Notice{Path: a.Source, Line: a.Line, ID: a.ID, Reason: fmt.Sprintf("outlet %q: zero-width or bidi control characters removed", a.Outlet)})
		}
		a.Outlet = cmp.Or(name, urlOutlet(a.URL))
	}
	if hasInvisible(a.ID) {
		notice(Notice{Path: a.Source, Line: a.Line, ID: a.ID, Reason: fmt.Sprintf("id %q holds zero-width or bidi control characters (kept as given)", a.ID)})
	}
	if a.Date != "" {
		date, ok := ParseDate(a.Date)
		if !ok {
			notice(Notice{Path: a.Source, Line: a.Line, ID: a.ID, Reason: fmt.Sprintf("unparseable date %q", a.Date)})
		}
		a.Date = date
	}
	return emit(a)
}

// pathID is the id of an article that has none: the file's base name without
// its extension, and the line too for files that hold many articles (line > 0),
// so that it stays the same from one run to the next.
func pathID(path string, line int) string {
	base := filepath.Base(path)
	if _, compression := split(base); compression != "" {
		base = strings.TrimSuffix(base, filepath.Ext(base))
	}
	base = strings.TrimSuffix(base, filepath.Ext(base))
	if line > 0 {
		return fmt.Sprintf("%s-%d", base, line)
	}
	return base
}

// YAMLLine is the line a yaml.v3 error names, or 0: its errors carry the
// position only in their message.
func YAMLLine(err error) int {
	var line int
	msg := err.Error()
	if i := strings.Index(msg, "line "); i >= 0 {
		fmt.Sscanf(msg[i+len("line "):], "%d", &line)
	}
	return line
}
