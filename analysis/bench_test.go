package analysis

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/slant-news/slant/analysis/internal/testseed"
	"github.com/slant-news/slant/analysis/tone"

	"github.com/slant-news/slant/analysis/actor"
	"github.com/slant-news/slant/analysis/segment"
	"github.com/slant-news/slant/corpus"
)

// BenchmarkAnalyze measures the whole per-article analysis on the seed.
func BenchmarkAnalyze(b *testing.B) {
	art := testseed.Read(b)
	an, err := New(Config{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(art.Title) + len(art.Text)))
	for b.Loop() {
		an.Analyze(art)
	}
}

// BenchmarkNew is what every run pays to build its analyzer: the models,
// lexicons and word lists loaded, the vocabulary built.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(Config{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSentences is the sentence segmentation (punkt.go).
func BenchmarkSentences(b *testing.B) {
	art := testseed.Read(b)
	an, err := New(Config{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(art.Text)))
	for b.Loop() {
		segment.Sentences(an.segmenter, art.Text)
	}
}

func BenchmarkMatch(b *testing.B) {
	art := testseed.Read(b)
	actors := actor.Default()
	b.SetBytes(int64(len(art.Text)))
	for b.Loop() {
		actors.Match(art.Text)
	}
}

// BenchmarkVADER scores the seed's sentences, as Analyze does.
func BenchmarkVADER(b *testing.B) {
	art := testseed.Read(b)
	an := newAnalyzer(b, Config{NB: true})
	ss := sentenceTexts(an, art.Text)
	b.SetBytes(int64(len(art.Text)))
	for b.Loop() {
		for _, s := range ss {
			an.vader.Score(s)
		}
	}
}

// BenchmarkNaiveBayes scores the seed's sentences, as Analyze does.
func BenchmarkNaiveBayes(b *testing.B) {
	art := testseed.Read(b)
	an := newAnalyzer(b, Config{NB: true})
	ss := sentenceTexts(an, art.Text)
	b.SetBytes(int64(len(art.Text)))
	for b.Loop() {
		for _, s := range ss {
			an.nb.Score(s)
		}
	}
}

// sentenceTexts is text split into sentences, as Analyze scores them.
func sentenceTexts(an *Analyzer, text string) []string {
	var ss []string
	for _, sp := range segment.Sentences(an.segmenter, text) {
		ss = append(ss, text[sp.Start:sp.End])
	}
	return ss
}

// BenchmarkTargetSentiment rates every actor mention of the seed, as
// Analyze does: a sentence prepared once for all its mentions. Per byte of
// the article.
func BenchmarkTargetSentiment(b *testing.B) {
	art := testseed.Read(b)
	an := newAnalyzer(b, Config{NB: true})
	type sentence struct {
		text string
		ms   []actor.Match
	}
	var ss []sentence
	for _, text := range []string{art.Title, art.Text} {
		for _, s := range sentenceTexts(an, text) {
			if ms := an.actors.Match(s); len(ms) > 0 {
				ss = append(ss, sentence{s, ms})
			}
		}
	}
	t := tone.NewSentence()
	b.SetBytes(int64(len(art.Title) + len(art.Text)))
	for b.Loop() {
		for _, s := range ss {
			t.Reset(s.text)
			for _, m := range s.ms {
				an.target.Rate(t, m.Start, m.End)
			}
		}
	}
}

// BenchmarkTokenize is the word split behind matching, the word count and
// attribution.
func BenchmarkTokenize(b *testing.B) {
	art := testseed.Read(b)
	b.SetBytes(int64(len(art.Text)))
	var buf []segment.Token
	for b.Loop() {
		buf = segment.Tokenize(art.Text, buf, false)
	}
}

// BenchmarkAttribution finds the seed body's statements from its words and
// sentences, as Analyze does.
func BenchmarkAttribution(b *testing.B) {
	art := testseed.Read(b)
	an := newAnalyzer(b, Config{NB: true})
	p := segment.Split(an.segmenter, art.Text)
	p.Lower = segment.LowerKeys(p.Text, p.Words) // as Analyze hands them over
	p.IDs, p.Vocab = an.vocab.AppendIDs(nil, p.Lower), an.vocab
	b.SetBytes(int64(len(art.Text)))
	for b.Loop() {
		an.attr.Entries(p)
	}
}

// BenchmarkStatements finds the seed body's statements from its text, one
// per cue, as Analyzer.Statements (and make eval) does.
func BenchmarkStatements(b *testing.B) {
	data, err := os.ReadFile(testseed.Path)
	if err != nil {
		b.Fatal(err)
	}
	var body []string
	for _, l := range strings.Split(string(data), "\n")[1:] {
		if !strings.HasPrefix(strings.TrimSpace(l), "<image>") {
			body = append(body, l)
		}
	}
	text := strings.Join(body, "\n")
	an := newAnalyzer(b, Config{})
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		an.Statements(text)
	}
}

// BenchmarkStatementsLong finds the statements of one long transcript of n
// speakers, each named once and then taken up by a pronoun ("Anna Kabeda
// said ... She added ..."), as a live blog or a hearing's record runs: MB/s
// stays close to BenchmarkStatements' when resolving a speaker does not
// look back over every one before.
func BenchmarkStatementsLong(b *testing.B) {
	an := newAnalyzer(b, Config{})
	for _, n := range []int{100, 1000, 10000} {
		text := transcript(n)
		b.Run(fmt.Sprintf("speakers=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				an.Statements(text)
			}
		})
	}
}

// transcript is a synthetic transcript of n speakers with distinct names,
// each saying one thing and adding another under a pronoun.
func transcript(n int) string {
	firsts := []string{"Anna", "Boris", "Clara", "David", "Elena", "Frank", "Greta", "Hugo"}
	pronouns := []string{"She", "He", "She", "He", "She", "He", "She", "He"}
	syllables := []string{"ka", "be", "ci", "do", "fu", "ga", "he", "ko", "lu", "mi"}
	var b strings.Builder
	for i := range n {
		surname := ""
		for k := i; ; k /= len(syllables) {
			surname += syllables[k%len(syllables)]
			if k < len(syllables) {
				break
			}
		}
		surname = strings.ToUpper(surname[:1]) + surname[1:] + "va"
		f := i % len(firsts)
		fmt.Fprintf(&b, "%s %s said the plan would work. %s added that the talks would go on.\n\n", firsts[f], surname, pronouns[f])
	}
	return b.String()
}

// BenchmarkAnalyzeLong analyses one long article made of n copies of a
// shape that once made the work grow with the square of the length: a
// statement in every sentence (each later pass scanned them all), one
// sentence with no full stop, a run of honorifics or an unclosed quote
// (which joined a paragraph into one sentence), dashes (each content
// lowercased whole), quotes no cue claims (each looked for its statement
// among all of them; in a paragraph after a statement, the head written
// once, each read the whole paragraph, or the text back to the statement's
// cue), and the shapes of later rules.
// MB/s stays flat from n=1000 to n=10000 when the work is linear.
func BenchmarkAnalyzeLong(b *testing.B) {
	an := newAnalyzer(b, Config{})
	shapes := []struct{ name, head, format string }{
		{"stances", "", "Anna Kova%d criticized the plan and his claim that it works. It is unclear whether the talks go on, and she seemed to back the deal. In the poll, voters said no.\n\n"},
		{"one-sentence", "", "Ukraine and Russia %d said the plan works, "},
		{"honorifics", "", "Mr. Ukraine%d said. Mr. "},
		{"open-quote", "", "“Ukraine and Russia %d said the plan works. "},
		{"dashes", "", "Russia %d works -- Anna -- said "},
		{"unclaimed-quotes", "", "Anna Kova%d said the plan works. “Fine.” "},
		// The seventh round's rules: an "as" clause, a passive's agent, a
		// perspective, quotes going on over paragraphs, a question put by
		// no one, passive and impersonal judgments.
		{"as-said", "", "As Anna Kova%d said, the plan works, and the deal was criticized by the mayor. In her view, the talks go on. "},
		{"paragraphs", "", "“The plan works,” Anna Kova%d told reporters.\n\n“It is fine.”\n\nShe continued:\n\n“We go on.” "},
		{"sourceless", "", "Kova%d was asked, “Will it work?” It has been reported that the deal is known for its cost, and the plan seems shaky. "},
		{"quoted-paragraph", "“The plan works,” Anna Kova said.\n", "the “plan%d” works, "},
		{"continued-quotes", "“The plan works,” Anna Kova said. ", "Ok%d. “It is fine.” "},
	}
	for _, sh := range shapes {
		for _, n := range []int{1000, 10000} {
			var text strings.Builder
			text.WriteString(sh.head)
			for i := range n {
				fmt.Fprintf(&text, sh.format, i)
			}
			art := corpus.Article{ID: "long", Outlet: "o", Text: text.String()}
			b.Run(fmt.Sprintf("%s/n=%d", sh.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(art.Text)))
				for b.Loop() {
					an.Analyze(art)
				}
			})
		}
	}
}

// sampleArticles holds the sample's articles, read once for the
// benchmarks that need them (see sampleArts).
var sampleArticles struct {
	once sync.Once
	arts []corpus.Article
	err  error
}

// sampleArts returns the sample's articles, or skips b without them.
func sampleArts(b *testing.B) []corpus.Article {
	sampleArticles.once.Do(func() {
		sampleArticles.err = corpus.ReadFile(sampleCorpus, func(art corpus.Article) error {
			sampleArticles.arts = append(sampleArticles.arts, art)
			return nil
		}, func(corpus.Notice) {})
	})
	if sampleArticles.err != nil {
		b.Skipf("%s: %v", sampleCorpus, sampleArticles.err)
	}
	return sampleArticles.arts
}

// BenchmarkSampleWords is the words and sentences of every body of the
// sample, lowered and looked up in the vocabulary, as Analyze makes them:
// the one tokenization that every stage shares.
func BenchmarkSampleWords(b *testing.B) {
	arts := sampleArts(b)
	an := newAnalyzer(b, Config{})
	n := 0
	for _, art := range arts {
		n += len(art.Text)
	}
	b.SetBytes(int64(n))
	w := new(words)
	for b.Loop() {
		for _, art := range arts {
			w.lower(w.split(an.segmenter, art.Text), an.vocab)
		}
	}
}

// BenchmarkSampleAnalyze is Analyze on every article of the sample, one
// after another: the per-article work of slant analyze, without the
// reading and the writing.
func BenchmarkSampleAnalyze(b *testing.B) {
	arts := sampleArts(b)
	an := newAnalyzer(b, Config{})
	n := 0
	for _, art := range arts {
		n += len(art.Title) + len(art.Text)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, art := range arts {
			an.Analyze(art)
		}
	}
}
