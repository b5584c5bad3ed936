package report

// The article table of report.html: one row per article, from which its
// evidence (evidence.go) is opened.

import (
	"math"

	"github.com/slant-news/slant/analysis"
)

// row is one article of the table. Its evidence, the bulk of its part of
// the page, is written apart (appendEvidence).
type row struct {
	ID, Outlet, Title, Date, URL string
	Words                        int
	Brief                        bool
	BriefWords                   int
	Quotes                       int
	Mentions                     int // of all actors: the table sorts by it
	Actors                       []rowActor
}

// rowActor is one actor of an article with the evidence behind its figures.
type rowActor struct {
	Name      string
	Color     int // index into palette
	Mentions  int
	Quotes    int // statements whose speakers include the actor
	Sentences int
	Tone      string
}

// actorIndex is each actor's place in the table, looked up by name: an
// article's row costs its mentions, not its mentions times the actors.
type actorIndex map[string]int

func indexOf(actors []string) actorIndex {
	index := make(actorIndex, len(actors))
	for i, a := range actors {
		if _, ok := index[a]; !ok {
			index[a] = i
		}
	}
	return index
}

func tableRow(a *analysis.Article, index actorIndex) row {
	r := row{
		ID: a.ID, Outlet: a.Outlet, Title: a.Title, Date: a.Date, URL: a.URL,
		Words: a.Words, Brief: a.Words < BriefWords, BriefWords: BriefWords,
		Quotes: len(a.Quotes), Actors: make([]rowActor, 0, len(a.Actors)),
	}
	for _, st := range a.Actors {
		r.Mentions += st.Mentions
		r.Actors = append(r.Actors, rowActor{
			Name: st.Actor, Color: index[st.Actor] % len(palette()), Mentions: st.Mentions, // 0 when not in the table
			Quotes: st.Quotes, Sentences: st.Sentences, Tone: tone(st.Sentiment),
		})
	}
	return r
}

// htmlEscapes is what appendHTML makes of each byte it changes.
var htmlEscapes = [256]string{0: "\uFFFD", '"': "&#34;", '&': "&amp;", '\'': "&#39;", '+': "&#43;", '<': "&lt;", '>': "&gt;"}

// appendHTML appends s escaped as html/template escapes text in element
// content and quoted attributes (its htmlEscaper): NUL becomes U+FFFD, and
// " & ' + < > character references; all else, invalid UTF-8 included, is
// copied. TestEscapeHTML holds it to html/template.
func appendHTML(b []byte, s string) []byte {
	written := 0
	for i := 0; i < len(s); i++ {
		if repl := htmlEscapes[s[i]]; repl != "" {
			b = append(b, s[written:i]...)
			b = append(b, repl...)
			written = i + 1
		}
	}
	return append(b, s[written:]...)
}

// tone formats a tone for the page; – when there is none.
func tone(f float64) string {
	var b [32]byte // on the stack, for the usual number
	return string(appendTone(b[:0], f))
}

// appendTone appends tone(f).
func appendTone(b []byte, f float64) []byte {
	if math.IsNaN(f) {
		return append(b, "–"...)
	}
	return appendFixed(b, f, 2)
}
