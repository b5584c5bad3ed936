package report

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/slant-news/slant/analysis"
	"github.com/slant-news/slant/analysis/attribution"
	"github.com/slant-news/slant/corpus"
)

// plainEvidence is the evidence as it was written before appendEvidence:
// the markup built as a string, then json.Marshal.
func plainEvidence(a *analysis.Article, index actorIndex) []byte {
	r := tableRow(a, index)
	color := func(actor string) int { return index[actor] % len(palette()) }
	bySentence := map[int][]analysis.Mention{}
	for _, m := range a.Mentions {
		bySentence[m.Sentence] = append(bySentence[m.Sentence], m)
	}
	esc := func(b *strings.Builder, s string) { b.Write(appendHTML(nil, s)) }
	var b strings.Builder
	for _, a := range r.Actors {
		b.WriteString(`<h4><span class="swatch a`)
		b.WriteString(strconv.Itoa(a.Color))
		b.WriteString(`"></span>`)
		esc(&b, a.Name)
		fmt.Fprintf(&b, ": %d mentions in %d sentences, tone ", a.Mentions, a.Sentences)
		esc(&b, a.Tone)
		fmt.Fprintf(&b, "; statements: %d</h4>", a.Quotes)
	}
	b.WriteString(`<ol>`)
	for _, s := range a.Sentences {
		if len(s.Actors) == 0 {
			continue
		}
		b.WriteString(`<li value="`)
		b.WriteString(strconv.Itoa(s.N))
		b.WriteString(`">`)
		for _, actor := range s.Actors {
			b.WriteString(`<span class="tone"><i class="swatch a`)
			b.WriteString(strconv.Itoa(color(actor)))
			b.WriteString(`"></i>`)
			esc(&b, tone(actorScore(bySentence[s.N], actor)))
			b.WriteString(`</span> `)
		}
		for _, sp := range appendSpans(nil, s, bySentence[s.N], color) {
			if sp.Kind == "mention" {
				b.WriteString(`<mark class="a`)
				b.WriteString(strconv.Itoa(sp.Color))
				b.WriteString(`">`)
				esc(&b, sp.Text)
				b.WriteString(`</mark>`)
			} else {
				esc(&b, sp.Text)
			}
		}
		b.WriteString(`</li>`)
	}
	b.WriteString(`</ol>`)
	var st strings.Builder
	for _, q := range a.Quotes {
		if len(q.Actors) == 0 {
			continue
		}
		st.WriteString(`<li><span class="tone">`)
		st.WriteString(strconv.Itoa(q.Sentence))
		if q.Kind == attribution.Direct {
			st.WriteString(`</span> <q>`)
			esc(&st, q.Text)
			st.WriteString(`</q> — `)
		} else {
			st.WriteString(`</span> <span class="reported">`)
			esc(&st, q.Text)
			st.WriteString(`</span> — `)
		}
		esc(&st, q.Speaker)
		if q.Cue != "" {
			st.WriteString(", ")
			esc(&st, q.Cue)
		}
		st.WriteString(` <span class="kind">`)
		esc(&st, q.Kind)
		st.WriteString(`</span>`)
		for _, actor := range q.Actors {
			st.WriteString(` <i class="swatch a`)
			st.WriteString(strconv.Itoa(color(actor)))
			st.WriteString(`"></i>`)
		}
		st.WriteString(`</li>`)
	}
	if st.Len() > 0 {
		b.WriteString(`<ul class="statements">`)
		b.WriteString(st.String())
		b.WriteString(`</ul>`)
	}
	out, _ := json.Marshal(b.String())
	return out
}

// TestEvidence holds appendEvidence to plainEvidence on the demo corpus,
// the sample (when it is there), articles made to reach every escape and
// one whose mentions are out of sentence order.
func TestEvidence(t *testing.T) {
	an, err := analysis.New(analysis.Config{})
	if err != nil {
		t.Fatal(err)
	}
	index := indexOf(an.Actors().Names())
	var e evidence // reused, as Render does
	check := func(a *analysis.Article) {
		t.Helper()
		r := tableRow(a, index)
		got, want := appendEvidence(nil, a, &r, index, &e), plainEvidence(a, index)
		if string(got) != string(want) {
			t.Fatalf("%s: evidence\n%s\nwant\n%s", a.ID, got, want)
		}
	}
	paths := demoFiles()
	if _, err := os.Stat(sampleCorpus); err == nil {
		paths = append(paths, sampleCorpus)
	}
	eachArticle(t, paths, func(art corpus.Article) { check(an.Analyze(art)) })
	const probe = "<b>\"it's\" & +x</b>\x00\x01\t\\ \u2028\u2029 \xff\xe2\x80 “Putin”"
	a := an.Analyze(corpus.Article{ID: "x" + probe, Outlet: "O", Title: "Putin " + probe,
		Text: `"Kyiv ` + probe + `," Zelensky said. Moscow said ` + probe + ". Biden told reporters: “" + probe + "”"})
	check(a)
	if len(a.Mentions) < 2 {
		t.Fatalf("%d mentions", len(a.Mentions))
	}
	a.Mentions[0], a.Mentions[len(a.Mentions)-1] = a.Mentions[len(a.Mentions)-1], a.Mentions[0]
	check(a)
}

// FuzzJSONHTML holds appendJSONHTML to appendHTML and then json.Marshal.
func FuzzJSONHTML(f *testing.F) {
	f.Add("plain text, “curly” — ’s")
	f.Add("<a href=\"x\">'&'+</a>\x00\x01\x1f\t\n\\ \u2028\u2029 \xff\xe2\x80")
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(string(appendHTML(nil, s)))
		if got := appendJSONHTML([]byte(`"`), s); string(got)+`"` != string(want) {
			t.Errorf("appendJSONHTML(%q) = %q, want %q", s, string(got)+`"`, want)
		}
	})
}
