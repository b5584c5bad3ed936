package language

import (
	"errors"
	"flag"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/abadojack/whatlanggo"
	"github.com/slant-news/slant/corpus"
)

// texts are short news texts, written for these tests, in the languages
// slant is most likely to meet beside English.
var texts = []struct{ lang, text string }{
	{"en", "The brave soldiers of Ukraine are fighting for freedom, the president said on Tuesday in a speech to parliament."},
	{"en", "Russia and Ukraine agreed to exchange prisoners of war after talks in Istanbul. The swap is to take place within ten days."},
	{"de", "Die mutigen Soldaten der Ukraine kämpfen für die Freiheit, sagte der Präsident am Dienstag vor dem Parlament."},
	{"de", "Die Ukraine und Russland haben sich am Dienstag auf einen Austausch von Kriegsgefangenen geeinigt. Er soll in zehn Tagen stattfinden."},
	{"de", "Der Bundeskanzler sagte am Mittwoch, dass Deutschland der Ukraine weitere Systeme zur Luftverteidigung liefern werde."},
	{"de", "Angehörige der Vermissten versammelten sich vor dem Ministerium in Kiew und hielten Fotos ihrer Söhne in die Höhe."},
	{"fr", "Les courageux soldats ukrainiens se battent pour la liberté, a déclaré mardi le président devant le Parlement."},
	{"fr", "La Commission européenne a proposé jeudi un nouveau paquet de sanctions contre la Russie. Les États membres doivent l’approuver."},
	{"fr", "Le porte-parole du Kremlin a estimé que les consommateurs européens paieraient le prix d’une décision politique."},
	{"fr", "Des familles de disparus se sont rassemblées mercredi devant le ministère à Kiev, des photos de leurs fils à la main."},
	{"ru", "Украина и Россия договорились об обмене военнопленными после переговоров в Стамбуле."},
	{"uk", "Україна та Росія домовилися про обмін полоненими після переговорів у Стамбулі, повідомило міністерство."},
	{"es", "Los valientes soldados de Ucrania luchan por la libertad, dijo el presidente el martes ante el Parlamento."},
	{"pl", "Polska zbuduje drugie ogrodzenie na granicy z Białorusią, powiedział w piątek minister spraw wewnętrznych."},
	// Headlines are too short to tell.
	{"", "Die mutigen Soldaten der Ukraine kämpfen für die Freiheit"},
	{"", "Dry summer: Moldova’s oldest cider maker stays hopeful"},
	{"", ""},
}

func TestDetect(t *testing.T) {
	for _, tt := range texts {
		if got := Detect(tt.text); got != tt.lang {
			t.Errorf("Detect(%q) = %q, want %q", tt.text, got, tt.lang)
		}
	}
}

// TestDetectCorpora measures Detect on the English corpora of
// ../shared/eval: on the title and text of each article, as slant would,
// and on the title alone. go test -v -run DetectCorpora prints the figures
// that the README quotes.
func TestDetectCorpora(t *testing.T) {
	for _, name := range []string{"abp-sample-2000.jsonl", "abp-ukraine-russia.jsonl", "allsides-leads.jsonl", "ruwa-headlines.jsonl"} {
		var n, en, unsure, titles, titlesEn, titlesUnsure, plain, disagree int
		other := map[string]int{}
		err := corpus.ReadFile("../../../shared/eval/corpora/"+name, func(a corpus.Article) error {
			if n == corpusSample && !*full {
				return errEnough
			}
			n++
			text := a.Title + "\n" + a.Text
			if plainlyEnglish(text) {
				plain++
				if lang := whatlang(text); lang != "en" && lang != "" {
					disagree++
				}
			}
			switch Detect(text) {
			case "en":
				en++
			case "":
				unsure++
			default:
				other[Detect(a.Title+"\n"+a.Text)]++
			}
			if a.Title != "" {
				titles++
				switch Detect(a.Title) {
				case "en":
					titlesEn++
				case "":
					titlesUnsure++
				}
			}
			return nil
		}, nil)
		if errors.Is(err, errEnough) {
			err = nil
		}
		if errors.Is(err, fs.ErrNotExist) {
			t.Skipf("evaluation corpora not found (../shared/eval): skipping")
		}
		if err != nil {
			t.Fatal(err)
		}
		wrong := n - en - unsure
		t.Logf("%s: %d articles: %.1f%% en, %.1f%% unsure, %.1f%% other %v; titles alone: %.1f%% en, %.1f%% unsure",
			name, n, pct(en, n), pct(unsure, n), pct(wrong, n), other, pct(titlesEn, titles), pct(titlesUnsure, titles))
		t.Logf("%s: %.1f%% plainly English by their function words, %d of them another language to whatlanggo", name, pct(plain, n), disagree)
		if pct(wrong, n) > 1 {
			t.Errorf("%s: %.1f%% of English articles detected as another language", name, pct(wrong, n))
		}
	}
}

// whatlang is Detect without the fast path.
func whatlang(text string) string {
	if len(text) > Sample {
		text = text[:Sample]
	}
	info := whatlanggo.Detect(text)
	if !info.IsReliable() {
		return ""
	}
	return info.Lang.Iso6391()
}

// TestPlainlyEnglish checks that the fast path takes no text of another
// language for English, and that its doubt leaves them alone: the test's sentences, and the German and French
// articles of testdata/html, whole and repeated to a length it looks at.
func TestPlainlyEnglish(t *testing.T) {
	var others []string
	for _, tt := range texts {
		if tt.lang != "en" {
			others = append(others, strings.Repeat(tt.text+" ", 20))
		}
	}
	for _, name := range []string{"rheinblick-gefangenenaustausch", "le-quotidien-sanctions"} {
		data, err := os.ReadFile("../../corpus/testdata/html/" + name + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		others = append(others, string(data), strings.Repeat(string(data), 5))
	}
	for _, text := range others {
		if plainlyEnglish(text) {
			t.Errorf("plainlyEnglish(%.60q...) = true", text)
		}
		if someEnglish(text) {
			t.Errorf("someEnglish(%.60q...) = true", text)
		}
	}
	english := strings.Repeat(texts[0].text+" "+texts[1].text+" ", 3)
	if !plainlyEnglish(english) {
		t.Errorf("plainlyEnglish(%.60q...) = false", english)
	}
}

var full = flag.Bool("full", false, "measure on every article of the corpora, not the first 3,000")

// corpusSample is how many articles of each corpus are tried without -full,
// to keep the test short.
const corpusSample = 3000

var errEnough = errors.New("enough")

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// BenchmarkDetect measures the cost of detection on a news paragraph and on
// a long article (cut to Sample bytes).
func BenchmarkDetect(b *testing.B) {
	para := texts[3].text
	long := strings.Repeat(texts[1].text+" ", 200)
	b.Run("paragraph", func(b *testing.B) {
		b.SetBytes(int64(len(para)))
		for b.Loop() {
			Detect(para)
		}
	})
	b.Run("article", func(b *testing.B) {
		for b.Loop() {
			Detect(long)
		}
	})
}

func FuzzDetect(f *testing.F) {
	for _, tt := range texts {
		f.Add(tt.text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if lang := Detect(text); lang != "" && len(lang) != 2 {
			t.Errorf("Detect(%q) = %q, not a two-letter code", text, lang)
		}
	})
}

// setsByMap is wordTable.sets as countWords had it: each byte ORed with
// 0x20, then looked up in the maps.
func setsByMap(w string) uint8 {
	low := make([]byte, len(w))
	for k := range len(w) {
		low[k] = w[k] | 0x20
	}
	var sets uint8
	if englishWords[string(low)] {
		sets |= inEnglish
	}
	if doubtWords[string(low)] {
		sets |= inDoubt
	}
	return sets
}

func checkWordTable(t *testing.T, w string) {
	t.Helper()
	if len(w) > len("against") || strings.IndexByte(w, 0) >= 0 {
		return // countWords asks of none
	}
	if got, want := listed.sets(w), setsByMap(w); got != want {
		t.Errorf("listed.sets(%q) = %b, want %b", w, got, want)
	}
}

func TestWordTable(t *testing.T) {
	for _, m := range []map[string]bool{englishWords, doubtWords} {
		for w := range m {
			for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:], w[1:], w[:len(w)-1], w + "s", "x" + w} {
				checkWordTable(t, v)
			}
		}
	}
}

// FuzzWordTable holds the table of englishWords and doubtWords to the maps.
func FuzzWordTable(f *testing.F) {
	for _, s := range []string{"the", "The", "AGAINST", "agains", "thé", "at", "a", ""} {
		f.Add(s)
	}
	f.Fuzz(checkWordTable)
}

// TestWordEnd holds wordEnd, eight bytes at a time, to inWord byte by
// byte, from every offset.
func TestWordEnd(t *testing.T) {
	for _, tt := range texts {
		checkWordEnd(t, tt.text)
	}
	checkWordEnd(t, "ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{abcdefghijklmnopqrstuvwxyz Köln \x7f\xff?AZaz09")
}

// FuzzWordEnd is TestWordEnd on any text.
func FuzzWordEnd(f *testing.F) {
	f.Add("Kyiv and Moscow, 2025: the U.S. talks in Riyadh")
	f.Add("@@@@@@@@[[[[[[[[````````{{{{{{{{\xc1\xfa09AZaz")
	f.Fuzz(checkWordEnd)
}

func checkWordEnd(t *testing.T, s string) {
	// want is the end of the word at i, found walking back from the end.
	want := len(s)
	for i := len(s); i >= 0; i-- {
		if i < len(s) && !inWord(s[i]) {
			want = i
		}
		if got := wordEnd(s, i); got != want {
			t.Fatalf("wordEnd(%q, %d) = %d, want %d", s, i, got, want)
		}
	}
}
