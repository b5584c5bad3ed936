package analysis

import (
	"strings"
	"testing"

	"github.com/slant-news/slant/analysis/internal/testseed"

	"github.com/slant-news/slant/analysis/segment"
)

// TestSeedMentions checks the default actor table against a careful reading
// of the seed article: every name, demonym, capital, institution and
// official, sentence by sentence. "Nato", "Crimea", "Florida" and the
// "kingdom" are not among the actors.
func TestSeedMentions(t *testing.T) {
	want := [][]string{
		{"Russia=Russia", "US=US", "Ukraine=Ukraine"}, // title
		{"Donald Trump=US", "Ukraine=Ukraine"},
		{"Russia=Russia", "US=US", "Ukraine=Ukraine"},
		{"US=US", "Marco Rubio=US", "Washington=US", "Moscow=Russia", "Ukraine=Ukraine"},
		{"Russian=Russia", "Sergey Lavrov=Russia", "Russian=Russia", "US=US"},
		{"Lavrov=Russia", "Rubio=US"},
		{}, // “We not only listened, but also heard each other,” he said.
		{"Trump=US", "Michael Waltz=US", "Steven Witkoff=US", "Rubio=US", "Lavrov=Russia", "Russian=Russia", "Vladimir Putin=Russia", "Yuri Ushakov=Russia"},
		{"Ukrainian=Ukraine", "Russian=Russia"},
		{"Ukrainian=Ukraine", "Volodymyr Zelensky=Ukraine", "Kyiv=Ukraine"},
		{"European=Europe"},
		{"Trump=US", "Ukraine=Ukraine"},
		{"Ukraine=Ukraine", "Russia=Russia"},
		{},           // “Today I heard, ‘Oh, well, we weren’t invited.’
		{},           // Well, you been there for three years.
		{"Trump=US"}, // You should have ended it three years” ago, Mr Trump said ...
		{},           // “You should have never started it.
		{},           // You could have made a deal.”
		{"Russia=Russia", "US=US", "Russia=Russia", "Ukraine=Ukraine", "Moscow=Russia"},
		{"US=US", "European=Europe", "Russia=Russia"},
		{"Washington=US", "Moscow=Russia"},
		{"Rubio=US", "Ukraine=Ukraine", "Russians=Russia"},
		{"US=US", "Russia=Russia", "Trump=US", "Joe Biden=US", "Moscow=Russia"},
		{"Trump=US", "Putin=Russia"},
		{"Ushakov=Russia", "Waltz=US"},
		{"Ushakov=Russia", "Russian=Russia", "Waltz=US"},
		{"Lavrov=Russia", "Rubio=US", "Washington=US", "Moscow=Russia", "Ukraine=Ukraine"},
		{"American=US", "Russian=Russia"},
		{"Moscow=Russia"},
		{"Lavrov=Russia", "US=US", "Antony Blinken=US"},
		{"US=US", "Ukraine=Ukraine", "Washington=US", "Moscow=Russia"},
		{"Kyiv=Ukraine", "Ukrainians=Ukraine", "France=Europe", "European Union=Europe", "UK=Europe"},
		{"Kyiv=Ukraine", "US=US", "Biden=US"},
		{"US=US", "State Department=US", "Tammy Bruce=US", "Russians=Russia"},
		{"Rubio=US", "Ukraine=Ukraine", "Europe=Europe"},
		{"Russian=Russia"},
		{"Rubio=US", "Washington=US"},
		{"US=US", "Pete Hegseth=US", "Ukraine=Ukraine", "Kyiv=Ukraine", "Russia=Russia", "Putin=Russia"},
		{"French=Europe", "Emmanuel Macron=Europe", "Trump=US", "Zelensky=Ukraine", "European=Europe"},
		{"Ukraine=Ukraine", "Macron=Europe"},
		{"Russia=Russia", "Ukrainians=Ukraine", "Europeans=Europe", "Americans=US", "Ukrainians=Ukraine"},
	}
	an, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	res := an.Analyze(testseed.Read(t))
	got := make([][]string, len(res.Sentences))
	for _, m := range res.Mentions {
		got[m.Sentence-1] = append(got[m.Sentence-1], m.Text+"="+m.Actor)
	}
	for i := range max(len(got), len(want)) {
		var g, w []string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if strings.Join(g, "|") != strings.Join(w, "|") {
			text := ""
			if i < len(res.Sentences) {
				text = res.Sentences[i].Text
			}
			t.Errorf("sentence %d %q:\n got  %v\n want %v", i+1, text, g, w)
		}
	}
}

func FuzzSentences(f *testing.F) {
	f.Add("Mr. Lavrov met Mr Rubio. “We listened,” he said.\n\nThe U.S. agreed.")
	f.Add("“Today I heard, ‘Oh, well, we weren’t invited.’ Well…”\r\n")
	an, err := New(Config{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		last := 0
		for _, s := range segment.Sentences(an.segmenter, text) {
			if s.Start < last || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("sentences(%q): bad span %+v after %d", text, s, last)
			}
			last = s.End
		}
	})
}
