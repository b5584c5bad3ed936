package tone

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/slant-news/slant/analysis/actor"
	"github.com/slant-news/slant/analysis/internal/testseed"
	"github.com/slant-news/slant/analysis/segment"
	"github.com/slant-news/slant/analysis/vocab"
)

// targetCase is a sentence with one target marked by its text.
type targetCase struct {
	text, target string
	want         int
}

func (c targetCase) span(t testing.TB) (int, int) {
	i := strings.Index(c.text, c.target)
	if i < 0 {
		t.Fatalf("%q not in %q", c.target, c.text)
	}
	return i, i + len(c.target)
}

// Sentences written for these tests, one target each. The model is a
// bag-of-features logistic regression at about 0.67 macro-F1, so the cases
// are clear ones; known misses are listed in TestTargetKnownMisses.
var targetCases = []targetCase{
	{"Russia must end its aggression, and this must be accompanied by strong security guarantees for the Ukrainians.", "Russia", -1},
	{"Russia must end its aggression, and this must be accompanied by strong security guarantees for the Ukrainians.", "Ukrainians", 1},
	{"The minister praised Ukraine for its courage and thanked its brave soldiers.", "Ukraine", 1},
	{"Critics accused the Kremlin of lying about the brutal attack on civilians.", "Kremlin", -1},
	{"Zelensky met the delegation in Kyiv on Tuesday.", "Zelensky", 0},
	{"The European Union will hold its next summit in Brussels in March.", "European Union", 0},
	{"The United States welcomed the agreement as a great success.", "United States", 1},
}

func TestTarget(t *testing.T) {
	model := targetScorer(t, TargetModel)
	for _, c := range targetCases {
		start, end := c.span(t)
		label, score := rate(model, c.text, start, end)
		if label != c.want {
			t.Errorf("Target(%q in %q) = %d (score %.3f), want %d", c.target, c.text, label, score, c.want)
		}
		if score < -1 || score > 1 {
			t.Errorf("Target(%q in %q) score %v out of [-1, 1]", c.target, c.text, score)
		}
	}
}

// TestTargetKnownMisses documents what the model gets wrong in sentences
// that set two targets against each other: it reads words, not syntax. A
// case that starts passing is good news: move it to targetCases.
func TestTargetKnownMisses(t *testing.T) {
	model := targetScorer(t, TargetModel)
	misses := []targetCase{
		// The kind words of the second clause outweigh "condemned".
		{"Putin was condemned for the massacre, while aid workers helped the survivors.", "Putin", -1},
	}
	for _, c := range misses {
		start, end := c.span(t)
		if label, score := rate(model, c.text, start, end); label == c.want {
			t.Logf("now right: Target(%q in %q) = %d (score %.3f)", c.target, c.text, label, score)
		} else {
			t.Logf("known miss: Target(%q in %q) = %d (score %.3f), want %d", c.target, c.text, label, score, c.want)
		}
	}
}

func TestTargetScorers(t *testing.T) {
	text := "Critics accused the Kremlin of lying about the brutal attack on civilians."
	for _, s := range TargetScorers {
		label, score := rate(targetScorer(t, s), text, 20, 27)
		if label < -1 || label > 1 || score < -1 || score > 1 {
			t.Errorf("%s: label %d, score %v out of range", s, label, score)
		}
	}
	// VADER on the clause: the negative words are in the target's clause.
	if label, _ := rate(targetScorer(t, TargetVADER), text, 20, 27); label != -1 {
		t.Errorf("vader: label %d, want -1", label)
	}
}

func TestClause(t *testing.T) {
	tests := []struct{ text, target, want string }{
		{"Russia must end its aggression, and this must be accompanied by guarantees for the Ukrainians.", "Russia", "Russia must end its aggression"},
		{"Russia must end its aggression, and this must be accompanied by guarantees for the Ukrainians.", "Ukrainians", "and this must be accompanied by guarantees for the Ukrainians"},
		{"He said (Putin lied) today.", "Putin", "Putin lied"},
		{"Kyiv", "Kyiv", "Kyiv"},
		{"Trump called him “a disaster” on Monday; Biden did not.", "Trump", "Trump called him “a disaster” on Monday"},
	}
	for _, tt := range tests {
		i := strings.Index(tt.text, tt.target)
		var s targetSentence
		s.reset(tt.text)
		cs, ce := s.clause(i, i+len(tt.target))
		if got := tt.text[cs:ce]; got != tt.want {
			t.Errorf("clause(%q, %q) = %q, want %q", tt.text, tt.target, got, tt.want)
		}
	}
}

// TestTargetSharedSentence checks that scoring the mentions of a sentence
// prepared once, as Analyze does, in either order, gives to the bit what
// Target gives for each alone.
func TestTargetSharedSentence(t *testing.T) {
	table := actor.Default()
	art := testseed.Read(t)
	texts := []string{"Putin was condemned, but “aid workers” helped Zelensky's survivors, not \"Biden\".", ""}
	for _, text := range []string{art.Title, art.Text} {
		texts = append(texts, sentenceTexts(t, text)...)
	}
	shared := NewSentence()
	for _, name := range TargetScorers {
		scorer := targetScorer(t, name)
		for _, text := range texts {
			ms := table.Match(text)
			ms = append(ms, actor.Match{Start: 3, End: 3}, actor.Match{Start: -1, End: 1000})
			backward := slices.Clone(ms)
			slices.Reverse(backward)
			for _, order := range [][]actor.Match{ms, backward} {
				shared.Reset(text)
				for _, m := range order {
					label, score := scorer.Rate(shared, m.Start, m.End)
					wantLabel, wantScore := rate(scorer, text, m.Start, m.End)
					if label != wantLabel || math.Float64bits(score) != math.Float64bits(wantScore) {
						t.Errorf("%s, [%d:%d] in %q: shared sentence gives %d, %v; alone %d, %v", scorer, m.Start, m.End, text, label, score, wantLabel, wantScore)
					}
				}
			}
		}
	}
}

// TestResetWords holds ResetWords, given the words of a longer text, to
// Reset: the same words at the sentence's offsets, whether the sentence
// before had more words or fewer.
func TestResetWords(t *testing.T) {
	const before = "Earlier: "
	shared := NewSentence()
	for _, text := range sentenceTexts(t, testseed.Read(t).Text) {
		words := segment.Tokenize(before+text, nil, false)
		for len(words) > 0 && words[0].Start < len(before) {
			words = words[1:]
		}
		shared.ResetWords(text, words, len(before))
		if got, want := shared.Words(), segment.Tokenize(text, nil, false); !slices.Equal(got, want) {
			t.Errorf("%q: ResetWords gives %v, Tokenize %v", text, got, want)
		}
	}
}

// FuzzTargetTokens holds targetTokens, which stops at the first token past
// the span, to its spec read over all the tokens: the first and last that
// overlap [start, end), else the first after it, else the last.
func FuzzTargetTokens(f *testing.F) {
	addTargetSeeds(f)
	f.Add("0 0", 1, -82) // a span that ends before it starts: the first token
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		toks := segment.Tokenize(text, nil, false)
		wantFirst, wantLast := -1, -1
		for i, tok := range toks {
			if tok.End > start && tok.Start < end {
				if wantFirst < 0 {
					wantFirst = i
				}
				wantLast = i
			}
		}
		if wantFirst < 0 {
			i := slices.IndexFunc(toks, func(tok segment.Token) bool { return tok.Start >= end })
			if i < 0 {
				i = len(toks) - 1
			}
			wantFirst, wantLast = i, i
		}
		if first, last := targetTokens(toks, start, end); first != wantFirst || last != wantLast {
			t.Fatalf("targetTokens(%q, %d, %d) = %d, %d, want %d, %d", text, start, end, first, last, wantFirst, wantLast)
		}
	})
}

// FuzzCuts holds the clause cuts of a sentence, made on a Sentence used
// for a longer one before, to their spec: clause punctuation between a
// token and the one before it.
func FuzzCuts(f *testing.F) {
	addTargetSeeds(f)
	shared := NewSentence()
	f.Fuzz(func(t *testing.T, text string, _, _ int) {
		s := &shared.sentence
		s.reset("Before, a longer (sentence): with cuts; and more words " + text)
		s.cuts()
		s.reset(text)
		got := s.cuts()
		if len(got) != len(s.toks) {
			t.Fatalf("%q: %d cuts for %d tokens", text, len(got), len(s.toks))
		}
		for k := range got {
			want := k > 0 && strings.ContainsFunc(text[s.toks[k-1].End:s.toks[k].Start], isClausePunct)
			if got[k] != want {
				t.Fatalf("%q: cut before token %d is %v, want %v", text, k, got[k], want)
			}
		}
	})
}

// featureNamesOf returns the names of the features of target in text
// that keep selects, in their order.
func featureNamesOf(t *testing.T, text, target string, keep func(name string) bool) []string {
	t.Helper()
	f := newFeatures(true)
	var s targetSentence
	s.reset(text)
	start := strings.Index(text, target)
	targetFeatures(&f, featureInputsT(t), &s, start, start+len(target))
	var names []string
	for _, name := range f.names {
		if keep(name) {
			names = append(names, name)
		}
	}
	return names
}

// TestContextFeatures pins the features of the words around a target, in
// their order: each word's region's (s: outside the clause, c: in it, c!:
// negated), then within featureWindow words its side's (l:, r:) and next
// to the target l1: or r1:; names stand as <Cap>.
func TestContextFeatures(t *testing.T) {
	got := featureNamesOf(t, "Yesterday, critics did not accuse the Kremlin of lying about the attack, officials said.", "Kremlin", func(name string) bool {
		prefix, _, _ := strings.Cut(name, ":")
		return prefix != "t" && slices.Contains(wordPrefixes[:], prefix+":")
	})
	want := []string{
		"s:<Cap>", "c:critics", "c:did", "l:did", "c:not", "l:not", "c!:accuse", "l:accuse", "c!:the", "l:the", "l1:the",
		"c!:of", "r:of", "r1:of", "c!:lying", "r:lying", "c!:about", "r:about", "c!:the", "r:the", "c!:attack",
		"s:officials", "s:said",
	}
	if !slices.Equal(got, want) {
		t.Errorf("context features\n%q\nwant\n%q", got, want)
	}
}

// TestBigramFeatures pins the bigrams of a target of two words: those of
// its clause, in order, the target standing in as <T> and none of the
// target's own two words.
func TestBigramFeatures(t *testing.T) {
	got := featureNamesOf(t, "Critics said Vladimir Putin lied, officials said.", "Vladimir Putin", func(name string) bool {
		return strings.HasPrefix(name, "b:")
	})
	if want := []string{"b:<Cap>_said", "b:said_<T>", "b:<T>_lied"}; !slices.Equal(got, want) {
		t.Errorf("bigrams %q, want %q", got, want)
	}
}

// TestFeatureKeys checks that the key scoring gives each feature is the key
// the model file's name for it gets.
func TestFeatureKeys(t *testing.T) {
	table := actor.Default()
	art := testseed.Read(t)
	f := newFeatures(true)
	var s targetSentence
	in := featureInputsT(t)
	for _, text := range []string{art.Title, art.Text} {
		for _, sentence := range sentenceTexts(t, text) {
			s.reset(sentence)
			for _, m := range table.Match(sentence) {
				targetFeatures(&f, in, &s, m.Start, m.End)
				for i, name := range f.names {
					if want := nameKey([]byte(name)); f.keys[i] != want {
						t.Errorf("%q: key %x, want %x", name, f.keys[i], want)
					}
				}
			}
		}
	}
}

func TestClampSpan(t *testing.T) {
	text := "Zélensky" // é is two bytes, at 1 and 2
	tests := []struct{ start, end, ws, we int }{
		{0, 9, 0, 9},
		{-5, 100, 0, 9},
		{5, 2, 5, 5},
		{2, 2, 1, 3}, // both inside é: widened to the whole character
		{0, 2, 0, 3}, // end inside é: moved past it
		{2, 4, 1, 4},
	}
	for _, tt := range tests {
		s, e := clampSpan(text, tt.start, tt.end)
		if s != tt.ws || e != tt.we {
			t.Errorf("clampSpan(%d, %d) = %d, %d, want %d, %d", tt.start, tt.end, s, e, tt.ws, tt.we)
		}
	}
}

// addTargetSeeds adds the seeds of the fuzz tests of a sentence and a
// target's span: texts and spans that are hard to get right.
func addTargetSeeds(f *testing.F) {
	f.Add("Russia must end its aggression.", 0, 6)
	f.Add("Zélensky", 2, 2)
	f.Add("", -1, 10)
	f.Add("“Putin,” he said: (no) ...", 3, 400)
	f.Add("a\xffb\xfe Kyiv's", 1, 3)
	f.Add("The U.S. and Kyiv's army, not Moscow, won't stop.", 13, 17)
}

func FuzzTarget(f *testing.F) {
	addTargetSeeds(f)
	var scorers []TargetScorer
	for _, s := range TargetScorers {
		scorers = append(scorers, targetScorer(f, s))
	}
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		for i, ts := range scorers {
			s := TargetScorers[i]
			label, score := rate(ts, text, start, end)
			if label < -1 || label > 1 || !(score >= -1 && score <= 1) {
				t.Fatalf("%s: Target(%q, %d, %d) = %d, %v", s, text, start, end, label, score)
			}
		}
	})
}

func BenchmarkTarget(b *testing.B) {
	for _, s := range TargetScorers {
		ts := targetScorer(b, s)
		scratch := NewSentence()
		b.Run(s, func(b *testing.B) {
			n := 0
			for b.Loop() {
				c := targetCases[n%len(targetCases)]
				start, end := c.span(b)
				scratch.sentence.reset(c.text)
				ts.Rate(scratch, start, end)
				n++
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "targets/s")
		})
	}
}

// targetScorer loads the named target scorer.
func targetScorer(t testing.TB, name string) TargetScorer {
	t.Helper()
	ts, err := NewTargetScorer(name)
	if err != nil {
		t.Fatal(err)
	}
	return ts
}

// rate rates text[start:end] within the sentence text with ts.
func rate(ts TargetScorer, text string, start, end int) (label int, score float64) {
	s := NewSentence()
	s.sentence.reset(text)
	return ts.Rate(s, start, end)
}

var testPunkt = sync.OnceValues(segment.NewPunkt)

// sentenceTexts is text split into sentences, as Analyze scores them.
func sentenceTexts(t testing.TB, text string) []string {
	t.Helper()
	p, err := testPunkt()
	if err != nil {
		t.Fatal(err)
	}
	var ss []string
	for _, sp := range segment.Sentences(p, text) {
		ss = append(ss, text[sp.Start:sp.End])
	}
	return ss
}

// FuzzAppendLower holds appendLower to the simple version it replaces:
// rune by rune, letters lowered, digits folded to 0, the apostrophes to ',
// and the FNV-1a hash of what it appended.
func FuzzAppendLower(f *testing.F) {
	for _, s := range []string{"", "Hello", "U.S. 2024", "don’t", "ÉCOLE Straße", "a\x80b", "İstanbul ʼtis"} {
		f.Add("pre", s)
	}
	f.Fuzz(func(t *testing.T, pre, s string) {
		got, h := appendLower([]byte(pre), s)
		want := []byte(pre)
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			switch {
			case r < utf8.RuneSelf && '0' <= r && r <= '9':
				r = '0'
			case r == '’' || r == 'ʼ':
				r = '\''
			}
			want = utf8.AppendRune(want, unicode.ToLower(r))
			i += n
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("appendLower(%q, %q) = %q, want %q", pre, s, got, want)
		}
		if w := fnv1a(want[len(pre):]); h != w {
			t.Fatalf("appendLower(%q, %q): hash %x, want %x", pre, s, h, w)
		}
	})
}

// FuzzLowerShort holds lowerShort to appendLower, which it stands for on
// words of up to eight ASCII bytes, and to vocab.Head and startsUpper, and
// shortHead to vocab.Head.
func FuzzLowerShort(f *testing.F) {
	for _, s := range []string{"Hello wo", "U.S.", "2024-05-", "a", "ABCDEFGH", "don’t", "x\x00y", "Zz9 ~\x7f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b := []byte(s + "\xff\xff\xff\xff\xff\xff\xff\xff")
		for n := 1; n <= min(8, len(s)); n++ {
			word := s[:n]
			head, ok := shortHead(vocab.Load8(b[:8]), n)
			low, upper := lowerShort(head)
			ascii := true
			for i := range n {
				ascii = ascii && word[i] < utf8.RuneSelf
			}
			if ok != ascii {
				t.Fatalf("lowerShort(%q): ok %v, want %v", word, ok, ascii)
			}
			if !ok {
				continue
			}
			if head != vocab.Head(word) {
				t.Fatalf("shortHead(%q) = %x, want %x", word, head, vocab.Head(word))
			}
			want, _ := appendLower(nil, word)
			if low != vocab.Head(want) || upper != startsUpper(word) {
				t.Fatalf("lowerShort(%q) = %x, %v; want %x (%q), %v", word, low, upper, vocab.Head(want), want, startsUpper(word))
			}
		}
	})
}
