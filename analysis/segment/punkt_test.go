package segment

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/slant-news/slant/analysis/internal/testseed"

	"github.com/jdkato/prose/v3/segment"

	"github.com/slant-news/slant/corpus"
)

// The port in punkt.go must split exactly as prose's segmenter, which it
// replaced; these tests keep prose as the reference.

var proseSegmenter = sync.OnceValue(func() *segment.Segmenter {
	seg, err := segment.New()
	if err != nil {
		panic(err)
	}
	return seg
})

var testPunkt = sync.OnceValue(func() *Punkt {
	p, err := NewPunkt()
	if err != nil {
		panic(err)
	}
	return p
})

// proseSentences is sentences as it was, on prose.
func proseSentences(seg *segment.Segmenter, text string) []Span {
	var out []Span
	Paragraphs(text, func(start, end, para int) {
		for _, s := range seg.Segment(text[start:end]) {
			out = append(out, Span{Start: start + s.Start, End: start + s.End(), Para: para})
		}
	})
	return out
}

// segmentSpans and proseSpans split a whole text, line breaks and all.
func segmentSpans(p *Punkt, text string) [][2]int {
	var out [][2]int
	p.segment(text, new(types), func(s, e int) { out = append(out, [2]int{s, e}) })
	return out
}

func proseSpans(seg *segment.Segmenter, text string) [][2]int {
	var out [][2]int
	for _, s := range seg.Segment(text) {
		out = append(out, [2]int{s.Start, s.End()})
	}
	return out
}

// checkSame compares the port with prose on text, paragraph by paragraph as
// sentences does and as one whole text; it reports whether they agreed.
func checkSame(t *testing.T, text string) bool {
	t.Helper()
	p, seg := testPunkt(), proseSegmenter()
	var want []Span
	for _, sp := range proseSentences(seg, text) {
		want = appendBounded(want, text, sp) // slant's bound, which prose has not
	}
	if got := Sentences(p, text); !slices.Equal(got, want) {
		t.Errorf("sentences(%q)\n got %v\nwant %v", text, got, want)
		return false
	}
	if got, want := segmentSpans(p, text), proseSpans(seg, text); !slices.Equal(got, want) {
		t.Errorf("segment(%q)\n got %v\nwant %v", text, got, want)
		return false
	}
	return true
}

var punktCases = []string{
	"", " ", "\n", ".", "..", "...", ". . .", "a", "a.", "A. B.", "Mr. Smith went home. He slept.",
	"The U.S. economy grew 2.5% in Q3. Analysts were surprised!",
	"He said \"stop.\" Then left.", "Really?! Yes.", "Yahoo! is a company. It was.",
	"Wait... What? No... it's fine.", "Gov. Newsom and Sgt. Pepper met at No. 10 on Mt. Everest.",
	"J. S. Bach wrote. It was 1.", "F.B.I. agents came. They left.", "(see p. 5.) Next one.",
	"It cost $1,000.00. Then $2,5.", "Ends with «quoted?»", "Is it «ok?»", "one\ntwo. three",
	"Hello.\n\nWorld. Again", "a.\u00a0B. c\u2028d. E", "x. \xff. Y", "Über. Ägypten.",
	"Hi.  There.   ", "  Lead space. trailing  ", "He left (quietly.) Then.", "End.” Next",
	"“Why?” he asked. “Because.”", "No. 5. 12. 2020. In.", "e.g. this. i.e. that.",
	"-1.5. -.5. ,5. A-b. c-d.", "...And then", "1. First. 2. Second.",
}

func TestPunktCases(t *testing.T) {
	for _, text := range punktCases {
		checkSame(t, text)
	}
}

// TestPunktMatchesProse compares the port with prose on every title and
// body of the demo corpus and, when they are here, the evaluation corpora.
func TestPunktMatchesProse(t *testing.T) {
	paths := testseed.Corpora(t,
		"corpora/abp-sample-2000.jsonl",
		"corpora/abp-ukraine-russia.jsonl",
		"corpora/allsides-leads.jsonl",
		"corpora/ruwa-headlines.jsonl",
		"polnear/articles.jsonl",
		"basil/articles.jsonl",
	)
	for _, path := range paths {
		arts, paras, fails := 0, 0, 0
		reader := &corpus.Reader{}
		err := reader.Read([]string{path}, func(art corpus.Article) error {
			arts++
			for _, text := range []string{art.Title, art.Text} {
				Paragraphs(text, func(int, int, int) { paras++ })
				if !checkSame(t, text) {
					if fails++; fails > 5 {
						t.Fatalf("%s: too many differences", path)
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d articles, %d paragraphs compared", path, arts, paras)
		if arts == 0 {
			t.Errorf("%s: no articles", path)
		}
	}
}

// The hand-written matchers against the expressions they replace.
var (
	reNumeric         = regexp.MustCompile(`-?[\.,]?\d[\d,\.-]*\.?$`)
	reAbbr            = regexp.MustCompile(`((?:[\w]\.)+[\w]*\.)`)
	reLooksLikeEllips = regexp.MustCompile(`(?:\.\s?){2,}\.`)
	reInitial         = regexp.MustCompile(`^[A-Za-z]\.$`)
)

func checkMatchers(t *testing.T, s string) {
	t.Helper()
	start := -1
	if loc := reNumeric.FindStringIndex(s); loc != nil {
		start = loc[0]
	}
	if got := numericStart(s); got != start {
		t.Errorf("numericStart(%q) = %d, want %d", s, got, start)
	}
	if got, want := hasAbbr(s), len(reAbbr.FindAllString(s, 1)) > 0; got != want {
		t.Errorf("hasAbbr(%q) = %v, want %v", s, got, want)
	}
	if got, want := looksLikeEllipsis(s), reLooksLikeEllips.MatchString(s); got != want {
		t.Errorf("looksLikeEllipsis(%q) = %v, want %v", s, got, want)
	}
	if got, want := hasSentEndChars(s), proseHasSentEndChars(s); got != want {
		t.Errorf("hasSentEndChars(%q) = %v, want %v", s, got, want)
	}
	if got, want := isInitial(s), reInitial.MatchString(s); got != want {
		t.Errorf("isInitial(%q) = %v, want %v", s, got, want)
	}
	ts := &types{buf: []byte("x")} // a type after another's
	if got, want := string(ts.tokType(s)), tokTypeByString(s); got != want {
		t.Errorf("tokType(%q) = %q, want %q", s, got, want)
	}
}

// tokTypeByString is tokType as it was, by strings.ToLower: neurosnap's
// DefaultWordTokenizer.Type.
func tokTypeByString(tok string) string {
	typ := strings.ToLower(tok)
	if s := numericStart(typ); s >= 0 {
		typ = typ[:s] + "##number##"
	}
	if len(typ) == 1 {
		return typ
	}
	return strings.ReplaceAll(typ, ",", "")
}

// proseHasSentEndChars is prose's wordTokenizer.HasSentEndChars verbatim.
func proseHasSentEndChars(tok string) bool {
	enders := []string{
		`."`, `.)`, `.’`, `.”`,
		`?`, `?"`, `?'`, `?)`, `?’`, `?”`,
		`!`, `!"`, `!'`, `!)`, `!’`, `!”`,
	}
	for _, ender := range enders {
		if strings.HasSuffix(tok, ender) && !reEntities.MatchString(tok) {
			return true
		}
	}
	parens := []string{
		`.[`, `.(`, `."`,
		`?[`, `?(`,
		`![`, `!(`,
	}
	for _, paren := range parens {
		if strings.Contains(tok, paren) {
			return true
		}
	}
	return false
}

var reEntities = regexp.MustCompile(`Yahoo!`)

func TestPunktMatchers(t *testing.T) {
	// Every string of up to 4 bytes over an alphabet that exercises them.
	alpha := []byte("a.1,- \t_B\n!?\"([)'\x99\x9d\xc3\x84")
	var rec func(b []byte)
	rec = func(b []byte) {
		checkMatchers(t, string(b))
		if len(b) == 4 || t.Failed() {
			return
		}
		for _, c := range alpha {
			rec(append(b, c))
		}
	}
	rec(nil)
}

func FuzzPunktMatchesProse(f *testing.F) {
	for _, s := range punktCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkMatchers(t, text)
		checkSame(t, text)
	})
}

// TestPunktRandomWords compares the port with prose on random texts made of
// the model's own words (abbreviations, collocations, sentence starters,
// words with orthographic context) in assorted cases, with punctuation,
// quotes, numbers, initials and ellipses: the branches that depend on the
// model, which random bytes seldom reach.
func TestPunktRandomWords(t *testing.T) {
	p := testPunkt()
	var words []string
	add := func(set wordSet, limit int) {
		keys := set.words()
		rng := rand.New(rand.NewPCG(1, 2))
		rng.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
		for _, k := range keys[:min(limit, len(keys))] {
			words = append(words, strings.Split(k, ",")...)
		}
	}
	add(p.abbrevs, 400)
	add(p.collocations, 400)
	add(p.starters, 400)
	add(newWordSet(p.ortho), 800)
	words = append(words, "a", "I", "Mr", "U.S", "F.B.I", "e.g", "J", "1", "2.5", "-3", "1,000",
		"##number##", "Yahoo", "", ".", "..", "...", "?", "!", ";", ":", ",", "-", "'", "\"",
		"“", "”", "’", "(", ")", "[", "«", "»", "é", "Über", "x-ray")
	suffixes := []string{"", "", "", "", ".", ".", ".", ",", "?", "!", ".\"", ".”", ".’", ".)",
		"?\"", "!”", "...", ". .", ".[", "?(", "!)", "'", ":", "”", "."}
	prefixes := []string{"", "", "", "", "\"", "“", "(", "‘", "["}
	spaces := []string{" ", " ", " ", " ", "  ", "\t", "\u00a0", " \r", "\u2009", ""}
	n := 20000
	if testing.Short() {
		n = 2000
	}
	rng := rand.New(rand.NewPCG(3, 4))
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.Reset()
		for k := rng.IntN(30) + 1; k > 0; k-- {
			w := words[rng.IntN(len(words))]
			switch rng.IntN(4) {
			case 0:
				w = strings.ToUpper(w)
			case 1:
				if w != "" {
					w = strings.ToUpper(w[:1]) + w[1:]
				}
			}
			b.WriteString(prefixes[rng.IntN(len(prefixes))])
			b.WriteString(w)
			b.WriteString(suffixes[rng.IntN(len(suffixes))])
			b.WriteString(spaces[rng.IntN(len(spaces))])
		}
		if !checkSame(t, b.String()) && t.Failed() {
			return
		}
	}
}

// BenchmarkSentencesProse is BenchmarkSentences on prose, for comparison.
func BenchmarkSentencesProse(b *testing.B) {
	art := testseed.Read(b)
	seg := proseSegmenter()
	b.SetBytes(int64(len(art.Text)))
	for b.Loop() {
		proseSentences(seg, art.Text)
	}
}

// TestSkipPlain holds skipPlain, eight bytes at a time, to the walk byte by
// byte over wordByteClass, from every offset to every end.
func TestSkipPlain(t *testing.T) {
	for _, s := range []string{"", "abc", "Hello, world. Next! What? \t\n\v\f\r x", "abcdefghijklmnop", "\"#$%&'()*+,-/0123456789:;<=>@\x7f\x00\x08\x0e\x1f", "abcdefgh\xc3\xa9t\xe9 zz"} {
		checkSkipPlain(t, s)
	}
}

// FuzzSkipPlain is TestSkipPlain on any text.
func FuzzSkipPlain(f *testing.F) {
	f.Add("Kyiv and Moscow, 2025: the U.S. talks in Riyadh! Why? Because.")
	f.Add("\x08\x09\x0d\x0e\x1f\x20\x21\x22-./>?@\x7f\x80\xff")
	f.Fuzz(checkSkipPlain)
}

func checkSkipPlain(t *testing.T, s string) {
	// Every end of a short text; of a long one, the ends punktWords uses
	// and a few (every end of every offset would take cubic time).
	ends := []int{len(s), max(len(s)-1, 0), min(len(s), 7), min(len(s), 8), min(len(s), 9)}
	if len(s) <= 64 {
		ends = ends[:0]
		for end := 0; end <= len(s); end++ {
			ends = append(ends, end)
		}
	}
	for _, end := range ends {
		for i := 0; i <= end; i++ {
			want := i
			for want < end && wordByteClass[s[want]] == 0 {
				want++
			}
			if got := skipPlain(s, i, end); got != want {
				t.Fatalf("skipPlain(%q, %d, %d) = %d, want %d", s, i, end, got, want)
			}
		}
	}
}

// TestSkipToPunct holds skipToPunct, which finds the last space once back
// from the stop, to the walk byte by byte over the same blocks, from every
// offset to every end.
func TestSkipToPunct(t *testing.T) {
	for _, s := range []string{"", "abc def", "Hello, world. Next! What? \t\n\v\f\r x", "abcdefghijklmnopqrstuvwx yz.", "a b c d e f g h i j k l m n o p ", "abcdefgh\xc3\xa9t\xe9 zz", "\x08\x09\x0d\x0e\x1f\x20\x21\x22-./>?@\x7f\x80\xff"} {
		for end := 0; end <= len(s); end++ {
			for i := 0; i <= end; i++ {
				wantI, wantLast := i, -7
				for limit := i + (end-i)/8*8; wantI < limit; wantI++ {
					c := s[wantI]
					if c >= utf8.RuneSelf || c == '!' || c == '.' || c == '?' {
						break
					}
					if c == ' ' || ('\t' <= c && c <= '\r') {
						wantLast = wantI
					}
				}
				st := newStops(s)
				if gotI, gotLast := skipToPunct(s, i, end, -7, &st); gotI != wantI || gotLast != wantLast {
					t.Fatalf("skipToPunct(%q, %d, %d) = %d, %d, want %d, %d", s, i, end, gotI, gotLast, wantI, wantLast)
				}
			}
		}
	}
}

// FuzzPunktWords holds punktWords, which skips eight bytes at a time, to
// punktWordsByByte, the walk byte by byte it replaced.
func FuzzPunktWords(f *testing.F) {
	for _, s := range punktCases {
		f.Add(s)
	}
	f.Add("Kyiv and Moscow, 2025: the U.S. talks in Riyadh! Why?  Because.\t\v\fso\r  on \u00a0 and\u2003on. ’Tis” «done».")
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := punktWords(text, nil), punktWordsByByte(text, nil); !slices.Equal(got, want) {
			t.Fatalf("punktWords(%q) = %v, want %v", text, got, want)
		}
	})
}

// punktWordsByByte is punktWords as it was before it skipped eight bytes at
// a time.
func punktWordsByByte(text string, toks []ptok) []ptok {
	n := len(text)
	if n == 0 {
		return nil
	}
	lastSpace := 0
	lastPunct := -1 // offset of the last '.', '!' or '?' seen
	getNext := false
	for i := 0; i < n; {
		// Skip plain ASCII (never the last byte, which always ends a word).
		for i < n-1 && wordByteClass[text[i]] == 0 {
			i++
		}
		c := text[i]
		size := 1
		var space bool
		if c < utf8.RuneSelf {
			switch c {
			case '.', '!', '?':
				lastPunct = i
			case '\t', '\n', '\v', '\f', '\r', ' ':
				space = true
			}
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			space = unicode.IsSpace(r)
		}
		if !space && i != n-1 {
			i += size
			continue
		}
		cursor := i
		if i == n-1 {
			cursor = n
		}
		i += size
		// The word is text[lastSpace:cursor] trimmed; trimming removes only
		// white space, so it has sentence punctuation iff the span does.
		hasPunct := lastPunct >= lastSpace && lastPunct < cursor
		if !hasPunct && !getNext {
			// prose skips an empty word without moving lastSpace, but
			// then the next span only gains white space, trimmed away.
			lastSpace = cursor
			continue
		}
		word := strings.TrimSpace(text[lastSpace:cursor])
		if word == "" {
			continue
		}
		toks = append(toks, ptok{tok: word, pos: cursor})
		lastSpace = cursor
		getNext = hasPunct
	}
	if len(toks) == 0 {
		toks = append(toks, ptok{tok: text, pos: n})
	}
	return toks
}
