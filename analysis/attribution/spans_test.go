package attribution

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// Statements are pinned by marking their spans in the text, as
// encoding/csv's tests mark positions: ⟨the speaker⟩, [the content] (each
// piece, when the cue splits it) and {the cue}. The markers are stripped
// to give the text and the expected offsets.
const (
	speakerOpen, speakerClose = "⟨", "⟩"
	contentOpen, contentClose = "[", "]"
	cueOpen, cueClose         = "{", "}"
)

// pinned is one expected statement: its spans, marked in the text, and
// its kind, resolved speaker and actors (joined by ";").
type pinned struct {
	marked                 string
	kind, resolved, actors string
}

// spans is a statement's offsets as marked.
type spans struct {
	text                     string
	start, end               int
	pieces                   [][2]int
	speakerStart, speakerEnd int
	cueStart, cueEnd         int
	cue                      bool
}

// unmark strips the markers from marked, returning the text and the spans.
func unmark(marked string) (spans, error) {
	var s spans
	var b strings.Builder
	var open []int
	seen := map[string]bool{}
	for i := 0; i < len(marked); {
		m := ""
		for _, k := range []string{speakerOpen, speakerClose, contentOpen, contentClose, cueOpen, cueClose} {
			if strings.HasPrefix(marked[i:], k) {
				m = k
			}
		}
		if m == "" {
			b.WriteByte(marked[i])
			i++
			continue
		}
		i += len(m)
		at := b.Len()
		switch m {
		case speakerOpen:
			s.speakerStart = at
		case speakerClose:
			s.speakerEnd = at
		case cueOpen:
			s.cueStart, s.cue = at, true
		case cueClose:
			s.cueEnd = at
		case contentOpen:
			open = append(open, at)
		case contentClose:
			if len(open) != 1 {
				return s, fmt.Errorf("%q: %s without %s", marked, contentClose, contentOpen)
			}
			s.pieces = append(s.pieces, [2]int{open[0], at})
			open = open[:0]
		}
		if (m == speakerOpen || m == cueOpen) && seen[m] {
			return s, fmt.Errorf("%q: two %s", marked, m)
		}
		seen[m] = true
	}
	if len(s.pieces) == 0 || len(open) > 0 {
		return s, fmt.Errorf("%q: no [content] marked", marked)
	}
	s.text = b.String()
	s.start, s.end = s.pieces[0][0], s.pieces[len(s.pieces)-1][1]
	if len(s.pieces) == 1 {
		s.pieces = nil
	}
	return s, nil
}

// mark returns text with st's spans marked: the inverse of unmark.
func mark(text string, st Statement) string {
	type at struct {
		off   int
		close bool
		m     string
	}
	var ms []at
	add := func(lo, hi int, o, c string) { ms = append(ms, at{lo, false, o}, at{hi, true, c}) }
	for _, p := range piecesOf(st) {
		add(p[0], p[1], contentOpen, contentClose)
	}
	if st.Speaker != "" {
		add(st.SpeakerStart, st.SpeakerEnd, speakerOpen, speakerClose)
	}
	if st.Cue != "" {
		add(st.CueStart, st.CueEnd, cueOpen, cueClose)
	}
	slices.SortStableFunc(ms, func(x, y at) int {
		if x.off != y.off {
			return x.off - y.off
		}
		switch { // at one offset, spans close before others open
		case x.close && !y.close:
			return -1
		case !x.close && y.close:
			return 1
		}
		return 0
	})
	var b strings.Builder
	last := 0
	for _, m := range ms {
		b.WriteString(text[last:m.off])
		b.WriteString(m.m)
		last = m.off
	}
	b.WriteString(text[last:])
	return b.String()
}

// piecesOf returns a statement's content as spans: its Spans, or its one.
func piecesOf(st Statement) [][2]int {
	if len(st.Spans) > 0 {
		return st.Spans
	}
	return [][2]int{{st.Start, st.End}}
}

// pinnedCase is a text's statements, pinned; bug, when not empty, says how
// the code still fails them (the case is skipped while it does, and fails
// once it no longer does, so that the note goes with the fix).
type pinnedCase struct {
	name string
	want []pinned
	bug  string
}

func (tc pinnedCase) check(t *testing.T, find func(string) []Statement) {
	t.Helper()
	errs := pinnedErrors(find, tc.want)
	switch {
	case tc.bug != "" && len(errs) > 0:
		t.Skipf("known bug: %s:\n%s", tc.bug, strings.Join(errs, "\n"))
	case tc.bug != "":
		t.Errorf("passes now: remove the note of a known bug, %q", tc.bug)
	}
	for _, e := range errs {
		t.Error(e)
	}
}

// text returns the text of the case, its markers stripped.
func (tc pinnedCase) text() string {
	s, _ := unmark(tc.want[0].marked)
	return s.text
}

// pinnedErrors checks that find gives exactly the statements ws pin, in
// text order; every marked text must strip to the same text.
func pinnedErrors(find func(string) []Statement, ws []pinned) []string {
	var errs []string
	var text string
	for i, w := range ws {
		s, err := unmark(w.marked)
		if err != nil {
			return []string{err.Error()}
		}
		if i > 0 && s.text != text {
			return []string{fmt.Sprintf("%q strips to %q, not to the text of the first, %q", w.marked, s.text, text)}
		}
		text = s.text
	}
	got := find(text)
	for i, w := range ws {
		if i >= len(got) {
			errs = append(errs, fmt.Sprintf("missing: %s %q", w.kind, w.marked))
			continue
		}
		s, _ := unmark(w.marked)
		g := got[i]
		if m := mark(text, g); m != w.marked || g.Kind != w.kind || g.Resolved != w.resolved || strings.Join(g.Actors, ";") != w.actors ||
			g.Start != s.start || g.End != s.end || !slices.Equal(g.Spans, s.pieces) || (g.Cue != "") != s.cue {
			errs = append(errs, fmt.Sprintf("statement %d:\n got  %s %q -> %q (%s)\n want %s %q -> %q (%s)",
				i, g.Kind, m, g.Resolved, strings.Join(g.Actors, ";"), w.kind, w.marked, w.resolved, w.actors))
		}
	}
	for _, g := range got[min(len(ws), len(got)):] {
		errs = append(errs, fmt.Sprintf("unexpected: %s %q -> %q", g.Kind, mark(text, g), g.Resolved))
	}
	return errs
}

func TestUnmark(t *testing.T) {
	s, err := unmark("“[A],” ⟨he⟩ {said}, “[B.]”")
	if err != nil {
		t.Fatal(err)
	}
	if s.text != "“A,” he said, “B.”" || s.text[s.speakerStart:s.speakerEnd] != "he" || s.text[s.cueStart:s.cueEnd] != "said" ||
		len(s.pieces) != 2 || s.text[s.pieces[0][0]:s.pieces[0][1]] != "A" || s.text[s.pieces[1][0]:s.pieces[1][1]] != "B." {
		t.Errorf("unmark: %+v", s)
	}
	st := Statement{Start: s.start, End: s.end, Spans: s.pieces, Speaker: "he", SpeakerStart: s.speakerStart, SpeakerEnd: s.speakerEnd, Cue: "said", CueStart: s.cueStart, CueEnd: s.cueEnd}
	if m := mark(s.text, st); m != "“[A],” ⟨he⟩ {said}, “[B.]”" {
		t.Errorf("mark(unmark(x)) = %q", m)
	}
	for _, bad := range []string{"no content", "[a", "a]", "⟨a⟩ ⟨b⟩ [c]"} {
		if _, err := unmark(bad); err == nil {
			t.Errorf("unmark(%q): no error", bad)
		}
	}
}
