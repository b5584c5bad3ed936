package attribution

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/slant-news/slant/analysis/segment"
)

// TestTokenAt checks the indexed search against a binary search, at every
// offset of texts of 0 to 40 tokens and past them.
func TestTokenAt(t *testing.T) {
	for n := 0; n <= 40; n++ {
		d := &doc{text: strings.Repeat("x", 3*n+3)}
		for k := range n {
			d.toks = append(d.toks, segment.Token{Start: 3*k + k%2, End: 3*k + 2})
		}
		placed(d)
		for off := -1; off <= 3*n+70; off++ {
			want, _ := slices.BinarySearchFunc(d.toks, off, func(t segment.Token, off int) int { return t.Start - off })
			if got := d.tokenAt(off); got != want {
				t.Fatalf("%d tokens, offset %d: tokenAt = %d, want %d", n, off, got, want)
			}
		}
	}
}

// placed sizes d's slices and places its tokens.
func placed(d *doc) {
	d.tsent, d.tquote = make([]int, len(d.toks)), make([]int, len(d.toks))
	d.info = make([]wordInfo, len(d.toks))
	d.sfirst = make([]int, len(d.sents)+1)
	d.tokIndex = make([]int32, len(d.text)>>tokenIndexBits+1)
	d.bufs = &buffers{}
	d.placeTokens(make([]int, len(d.toks)))
}

// TestPlaceTokens checks each token's sentence, quote and boundary bit,
// and each sentence's first token, against a search of the spans, for
// texts of 0 to 30 tokens in 0 to 6 sentences and 0 to 3 quotes (some the
// same quote twice, some of no token).
func TestPlaceTokens(t *testing.T) {
	for n := 0; n <= 30; n++ {
		for ns := 0; ns <= 6; ns++ {
			for nq := 0; nq <= 3; nq++ {
				d := &doc{text: strings.Repeat("x", 4*n+1)}
				for k := range n {
					d.toks = append(d.toks, segment.Token{Start: 4 * k, End: 4*k + 3})
				}
				for k := range ns { // sentences from token k*n/ns (the first may start later)
					d.sents = append(d.sents, segment.Span{Start: 4*(k*n/max(ns, 1)) + min(k, 1), End: 4 * ((k + 1) * n / max(ns, 1))})
				}
				for k := range nq { // quotes over tokens [k*n/4+1, k*n/4+3)
					d.quotes = append(d.quotes, quote{start: 4 * (k*n/4 + 1), end: 4*(k*n/4+3) - 1})
				}
				placed(d)
				for i, tok := range d.toks {
					s := 0
					for s+1 < len(d.sents) && d.sents[s+1].Start <= tok.Start {
						s++
					}
					q := slices.IndexFunc(d.quotes, func(q quote) bool { return q.start <= tok.Start && tok.Start < q.end })
					if d.tsent[i] != s || d.tquote[i] != q {
						t.Fatalf("%d tokens, %d sentences, %d quotes: token %d in sentence %d, quote %d; want %d, %d", n, ns, nq, i, d.tsent[i], d.tquote[i], s, q)
					}
					if got, want := d.boundaryAfter(i), plainBoundaryAfter(d, i); got != want {
						t.Fatalf("%d tokens, %d sentences, %d quotes: boundaryAfter(%d) = %v, want %v", n, ns, nq, i, got, want)
					}
				}
				for s := 1; s <= len(d.sents); s++ {
					want := len(d.toks)
					if s < len(d.sents) {
						want = slices.IndexFunc(d.toks, func(tok segment.Token) bool { return tok.Start >= d.sents[s].Start })
						if want < 0 {
							want = len(d.toks)
						}
					}
					if d.sfirst[s] != want {
						t.Fatalf("%d tokens, %d sentences: sentence %d starts at token %d, want %d", n, ns, s, d.sfirst[s], want)
					}
				}
			}
		}
	}
}

// TestSentenceAt checks the branch-free search against the plain one, at
// every offset of texts of 0 to 20 sentences with gaps between them.
func TestSentenceAt(t *testing.T) {
	for n := 0; n <= 20; n++ {
		d := &doc{}
		for k := range n {
			d.sents = append(d.sents, segment.Span{Start: 5*k + k%3, End: 5*k + 4})
		}
		for off := -1; off <= 5*n+2; off++ {
			want, _ := slices.BinarySearchFunc(d.sents, off, func(sp segment.Span, off int) int { return sp.End - 1 - off })
			if want >= len(d.sents) || d.sents[want].Start > off {
				want = -1
			}
			if got := d.sentenceAt(off); got != want {
				t.Fatalf("%d sentences, offset %d: sentenceAt = %d, want %d", n, off, got, want)
			}
		}
	}
}

// checkStarts holds d.starts and startsIn to the scan over every token
// they spare the passes.
func checkStarts(t *testing.T, a testAttributor, text string) {
	t.Helper()
	d := newDoc(a.Attributor, segment.Split(a.seg, text), new(buffers))
	var want []int
	for i := range d.toks {
		if d.info[i].class&ruleStarts != 0 || d.info[i].verb != 0 {
			want = append(want, i)
		}
	}
	if !slices.Equal(d.starts, want) {
		t.Fatalf("%q: starts %v, want %v", text, d.starts, want)
	}
	for i := range d.toks {
		if got, want := d.capitalized(i), startsCapital(d.word(i)); got != want {
			t.Fatalf("%q: capitalized(%d) = %v, want %v", text, i, got, want)
		}
		if got, want := d.boundaryAfter(i), plainBoundaryAfter(d, i); got != want {
			t.Fatalf("%q: boundaryAfter(%d) = %v, want %v", text, i, got, want)
		}
	}
	for i := 1; i < len(d.toks); i++ { // contentEnd's filter: no act where mayStartAct says none
		if l := d.sfirst[d.tsent[i]+1]; !d.mayStartAct(i) && (d.nextActAt(i, l) || d.statementAfterSubordinator(i, l)) {
			t.Fatalf("%q: an act at token %d, which mayStartAct turns away", text, i)
		}
	}
	n := len(d.toks)
	for _, r := range [][2]int{{0, n}, {1, n - 1}, {1, n - 2}, {2, n}, {n / 2, n}, {3, 2}} {
		in := slices.DeleteFunc(slices.Clone(want), func(i int) bool { return i < r[0] || i >= r[1] })
		if got := d.startsIn(r[0], r[1]); !slices.Equal(got, in) && len(got)+len(in) > 0 {
			t.Fatalf("%q: startsIn(%d, %d) = %v, want %v", text, r[0], r[1], got, in)
		}
	}
}

// startsCapital reports whether the word w starts with a capital letter,
// as markTokens found it before it split ASCII from the rest.
func startsCapital(w string) bool {
	if w == "" || w[0] >= utf8.RuneSelf {
		return startsUpper(w)
	}
	return w[0]-'A' <= 'Z'-'A' // a byte below 'A' wraps round past 'Z'
}

// plainBoundaryAfter is boundaryAfter worked out at the call, as it was
// before placeTokens set it.
func plainBoundaryAfter(d *doc, i int) bool {
	if i+1 >= len(d.toks) || d.tsent[i] != d.tsent[i+1] || d.tquote[i] != d.tquote[i+1] {
		return true
	}
	g := d.gap(i)
	if g == " " {
		return false
	}
	return boundaryGap(g)
}

// TestStarts checks the tokens that may start a rule, the bits markTokens
// and placeTokens set and contentEnd's filter (mayStartAct), on the test
// tables' texts.
func TestStarts(t *testing.T) {
	a := newTest(t)
	for _, tc := range slices.Concat(statementForms, attitudeForms, boundaryForms, entryForms, judgedCases, reducedCases, praisedCases, impersonalCases, askedCases, expectedCases, reportedlyCases, looksCases) {
		checkStarts(t, a, tc.text())
	}
	checkStarts(t, a, "")
	checkStarts(t, a, "said")
	checkStarts(t, a, "He said it, and reiterated it - said it even as he left, though skeptics warned, while doctors said so.")
	checkStarts(t, a, "Élodie Ōta said, “Über — all” - über ɛ Ǆ; «Ça» ‘va’ … ok.\n\nSo.")
}

// FuzzGapHas holds gapHas to strings.ContainsAny over the gap.
func FuzzGapHas(f *testing.F) {
	for _, s := range []string{"a b", "a, b", "a  b", "a — b", "a;b", "a “b", "a’s b"} {
		f.Add(s, ",;:()—–“”\"«»’'")
	}
	f.Fuzz(func(t *testing.T, text, marks string) {
		if strings.Contains(marks, " ") {
			return // gapHas is for marks without a space
		}
		d := &doc{text: text}
		d.toks = segment.Tokenize(text, nil, false)
		placed(d)
		for i := range d.toks {
			if got, want := d.gapHas(i, marks), strings.ContainsAny(d.gap(i), marks); got != want {
				t.Fatalf("%q: gapHas(%d, %q) = %v, want %v", text, i, marks, got, want)
			}
		}
	})
}

// FuzzSentenceEnds holds trimRightSpace and lastWordStart to the
// strings functions they stand for.
func FuzzSentenceEnds(f *testing.F) {
	for _, s := range []string{"", " ", "said Mr. \n", "Dr.", "a\u00a0", "x\u0085", "Ms.\t\r", "Ústí.", "ab1.", "é Mr.", "\xffMr.", "[Mr.]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := trimRightSpace(s), strings.TrimRightFunc(s, unicode.IsSpace); got != want {
			t.Fatalf("trimRightSpace(%q) = %q, want %q", s, got, want)
		}
		want := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '.' }) + 1
		if got := lastWordStart(s); got != want {
			t.Fatalf("lastWordStart(%q) = %d, want %d", s, got, want)
		}
	})
}

// TestFill checks fill, eight at a time, at every length around its
// steps, leaving what is past the slice alone.
func TestFill(t *testing.T) {
	for n := 0; n <= 25; n++ {
		buf := make([]int, n+1)
		buf[n] = 7
		fill(buf[:n], -1)
		for k, v := range buf {
			if want := map[bool]int{true: -1, false: 7}[k < n]; v != want {
				t.Fatalf("fill of %d: element %d = %d, want %d", n, k, v, want)
			}
		}
	}
}

// TestNextCapitalized checks that stepping by nextCapitalized visits the
// tokens capitalized asks yes of, each once and in order, over every mix
// of four tokens with and without the bit and other classes.
func TestNextCapitalized(t *testing.T) {
	for mask := range 1 << 8 {
		d := &doc{info: make([]wordInfo, 4)}
		for i := range d.info {
			if mask&(1<<i) != 0 {
				d.info[i].class |= classCapitalized
			}
			if mask&(1<<(i+4)) != 0 {
				d.info[i].class |= classTitle | classGapAfter
			}
		}
		var got, want []int
		for i := d.nextCapitalized(0); i < len(d.info); i = d.nextCapitalized(i + 1) {
			got = append(got, i)
		}
		for i := range d.info {
			if d.capitalized(i) {
				want = append(want, i)
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("mask %08b: visited %v, want %v", mask, got, want)
		}
	}
}
