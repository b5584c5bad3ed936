package postag

import (
	"slices"
	"strings"
	"sync"
	"testing"

	prosetag "github.com/jdkato/prose/v3/tag"

	"github.com/slant-news/slant/analysis/internal/testseed"
	"github.com/slant-news/slant/analysis/segment"
	"github.com/slant-news/slant/corpus"
)

// The port must tag exactly as prose's tagger, which these tests keep as
// the reference.

var (
	proseTagger = sync.OnceValue(func() *prosetag.Tagger {
		t, err := prosetag.New()
		if err != nil {
			panic(err)
		}
		return t
	})
	testTagger = sync.OnceValue(func() *Tagger {
		t, err := New()
		if err != nil {
			panic(err)
		}
		return t
	})
	testPunkt = sync.OnceValue(func() *segment.Punkt {
		p, err := segment.NewPunkt()
		if err != nil {
			panic(err)
		}
		return p
	})
)

// proseTags tags p as TagText should: each sentence's words alone, and
// each run of words outside every sentence alone.
func proseTags(p segment.Text) []string {
	sentence := make([]int, len(p.Words)) // the sentence each word is in, or -1-k between sentences k-1 and k
	k := 0
	for i, w := range p.Words {
		for k < len(p.Sentences) && p.Sentences[k].End <= w.Start {
			k++
		}
		if k < len(p.Sentences) && p.Sentences[k].Start <= w.Start {
			sentence[i] = k
		} else {
			sentence[i] = -1 - k
		}
	}
	var out []string
	for i := 0; i < len(p.Words); {
		j := i
		var words []string
		for j < len(p.Words) && sentence[j] == sentence[i] {
			words = append(words, p.Text[p.Words[j].Start:p.Words[j].End])
			j++
		}
		for _, tok := range proseTagger().Tag(words) {
			out = append(out, tok.Tag)
		}
		i = j
	}
	return out
}

func names(tags []Tag) []string {
	out := make([]string, len(tags))
	for i, t := range tags {
		out[i] = t.String()
	}
	return out
}

// checkSame compares the port with prose on the words of text; it reports
// the number of words and whether they agreed.
func checkSame(t *testing.T, text string) (int, bool) {
	t.Helper()
	p := segment.Split(testPunkt(), text)
	got, want := names(testTagger().TagText(p, nil)), proseTags(p)
	if !slices.Equal(got, want) {
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				w := p.Words[i]
				t.Errorf("%q: word %d %q: got %s, want %s (text %q)", text[max(0, w.Start-60):min(len(text), w.End+60)], i, text[w.Start:w.End], got[i], want[i], text[:min(len(text), 80)])
				break
			}
		}
		if len(got) != len(want) {
			t.Errorf("%d tags, want %d", len(got), len(want))
		}
		return len(p.Words), false
	}
	return len(p.Words), true
}

var tagCases = []struct {
	text string
	want string
}{
	{"Zelensky said the talks would resume next week.", "NNP VBD DT NNS MD VB JJ NN"},
	{"The Kremlin denied that Russian troops had crossed the border.", "DT NNP VBD IN JJ NNS VBD VBN DT NN"},
	{"“We will not give up,” she told reporters in Kyiv.", "PRP MD RB VB RP PRP VBD NNS IN NNP"},
	{"Some Democrats are concerned that the plan is too expensive.", "DT NNPS VBP VBN IN DT NN VBZ RB JJ"},
}

func TestTagCases(t *testing.T) {
	for _, c := range tagCases {
		p := segment.Split(testPunkt(), c.text)
		if got := strings.Join(names(testTagger().TagText(p, nil)), " "); got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.text, got, c.want)
		}
		checkSame(t, c.text)
	}
}

// specialCases are the words prose tags without its model, and words
// whose normalisation is special.
var specialCases = []string{
	"", "0 people", "xD and XDD and O.o said 8D", "In 1999, 2,000 or 12 or 123456 people",
	"ÜBER Straße İstanbul ΣΊΣΥΦΟΣ", "It's O’Brien’s", "The U.S. and E.U. met.",
	"Dr. Smith, M.P., said so.\nNew paragraph here", "a\xffb c\xc3",
}

func TestTagSpecialCases(t *testing.T) {
	for _, text := range specialCases {
		checkSame(t, text)
	}
	// Words segment never gives, through Tag.
	text := "- @user 0 * *T* *-12 *EXP*-3 -LRB- -ABC- x-ray -5 1999 +199 ABC"
	var words []segment.Token
	var want []string
	for _, f := range strings.Fields(text) {
		i := strings.Index(text, f)
		words = append(words, segment.Token{Start: i, End: i + len(f), KeyEnd: i + len(f)})
		want = append(want, f)
	}
	got := names(testTagger().Tag(text, words, nil))
	var ref []string
	for _, tok := range proseTagger().Tag(want) {
		ref = append(ref, tok.Tag)
	}
	ref[8] = "" // -ABC-: prose tags it as itself, not a Penn tag
	if !slices.Equal(got, ref) {
		t.Errorf("got  %v\nwant %v", got, ref)
	}
}

// TestTaggerMatchesProse compares the port with prose on every title and
// body of the demo corpus and, when they are here, the evaluation corpora.
func TestTaggerMatchesProse(t *testing.T) {
	paths := testseed.Corpora(t,
		"polnear/articles.jsonl",
		"basil/articles.jsonl",
		"newswcl50/articles.jsonl",
		"corpora/abp-ukraine-russia.jsonl",
		"corpora/allsides-leads.jsonl",
		"corpora/ruwa-headlines.jsonl",
		"corpora/abp-sample-2000.jsonl",
	)
	for _, path := range paths {
		arts, words, fails := 0, 0, 0
		reader := &corpus.Reader{}
		err := reader.Read([]string{path}, func(art corpus.Article) error {
			arts++
			for _, text := range []string{art.Title, art.Text} {
				n, ok := checkSame(t, text)
				words += n
				if !ok {
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
		t.Logf("%s: %d articles, %d words compared", path, arts, words)
		if arts == 0 {
			t.Errorf("%s: no articles", path)
		}
	}
}

func FuzzTaggerMatchesProse(f *testing.F) {
	for _, c := range tagCases {
		f.Add(c.text)
	}
	for _, s := range specialCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSame(t, text)
	})
}

// TestTagFirst holds the tags of a sentence's first words to the
// sentence's, for every count of words, on the seed's sentences.
func TestTagFirst(t *testing.T) {
	art := testseed.Read(t)
	tg := testTagger()
	for _, text := range append([]string{art.Text}, specialCases...) {
		p := segment.Split(testPunkt(), text)
		for _, sent := range p.Sentences {
			var words []segment.Token
			for _, w := range p.Words {
				if sent.Start <= w.Start && w.Start < sent.End {
					words = append(words, w)
				}
			}
			all := tg.Tag(text, words, nil)
			for n := -1; n <= len(words)+1; n++ {
				got := tg.TagFirst(text, words, n, nil)
				if want := all[:max(0, min(n, len(all)))]; !slices.Equal(got, want) {
					t.Fatalf("%q: first %d words: got %v, want %v", text[sent.Start:sent.End], n, names(got), names(want))
				}
			}
		}
	}
}

func TestLoadRejects(t *testing.T) {
	for _, data := range [][]byte{
		nil, []byte("PROSETAG"), []byte(magic), englishModel[:len(englishModel)/2],
		append(slices.Clone(englishModel), 0),
	} {
		if _, err := Load(data); err == nil {
			t.Errorf("Load(%d bytes): no error", len(data))
		}
	}
}

// FuzzLoad feeds Load cut and altered model files: an error or a tagger,
// never a panic, and a tagger that tags.
func FuzzLoad(f *testing.F) {
	for _, n := range []int{0, 30, 300, 3000, len(englishModel) / 3} {
		f.Add(englishModel[:n])
	}
	f.Add([]byte(magic + "\x01\x02NN\x01\x01a\x00\x01\x00\x01\x00\x00\x00\x80\x3f"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tg, err := Load(data)
		if err != nil {
			return
		}
		text := "The man said so."
		tg.TagText(segment.Text{Text: text, Words: segment.Tokenize(text, nil, false), Sentences: []segment.Span{{End: len(text)}}}, nil)
	})
}

func TestTagAllocations(t *testing.T) {
	art := testseed.Read(t)
	p := segment.Split(testPunkt(), art.Text)
	tg := testTagger()
	tags := tg.TagText(p, nil)
	if n := testing.AllocsPerRun(10, func() { tags = tg.TagText(p, tags) }); n != 0 {
		t.Errorf("TagText allocates %.0f times per text, want 0", n)
	}
}

// BenchmarkTagger tags the seed article's words, sentence by sentence.
func BenchmarkTagger(b *testing.B) {
	art := testseed.Read(b)
	p := segment.Split(testPunkt(), art.Text)
	tg := testTagger()
	tags := tg.TagText(p, nil)
	b.ReportAllocs()
	for b.Loop() {
		tags = tg.TagText(p, tags)
	}
	b.ReportMetric(float64(b.N*len(p.Words))/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkTaggerProse is BenchmarkTagger on prose, for comparison.
func BenchmarkTaggerProse(b *testing.B) {
	art := testseed.Read(b)
	p := segment.Split(testPunkt(), art.Text)
	var toks []prosetag.Token
	for _, w := range p.Words {
		toks = append(toks, prosetag.Token{Text: p.Text[w.Start:w.End]})
	}
	tg := proseTagger()
	b.ReportAllocs()
	for b.Loop() {
		tg.TagTokens(toks)
	}
	b.ReportMetric(float64(b.N*len(p.Words))/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkLoad decodes the embedded model.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}
