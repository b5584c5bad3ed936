package tone

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/slant-news/slant/analysis/segment"
)

// vaderCases exercise every rule of VADER and the reference's quirks:
// boosters, ALL CAPS (Unicode too), negation, "no", "least", "but" (with
// equal sentiments), "kind of", idioms, a bare "so" or "this", punctuation,
// emoji (some with "!" in their description), Python's white space, odd
// bytes. The scores are the reference's (vaderSentiment.py), which
// TestVADERReference runs them through again when it is here.
var vaderCases = []struct {
	text string
	want string // the reference's compound score, as it reports it
}{
	{"", "0.0000"},
	{"   ", "0.0000"},
	{"The deal is good.", "0.4404"},
	{"The deal is VERY GOOD!!!", "0.7604"},
	{"The deal is not good, but the talks were extremely productive.", "-0.1786"},
	{"It was not the least bit helpful; at least it was cheap.", "0.4215"},
	{"He is kind of happy?? Really???", "0.6561"},
	{"No problem, no good, no or bad, never so good, without doubt great.", "0.9402"},
	{"That was the bomb, yeah right, a kiss of death, to die for.", "-0.3818"},
	{"She isn't sad; they don't hate it; nor do we love it.", "0.2924"},
	{"Absolutely horrible, barely acceptable, sort of nice.", "0.0715"},
	{"GREAT news from the U.S. and e.g. ABC's \"terrible\" war.", "-0.2885"},
	{"I love it 😀 and 😡hate that👍.", "0.7717"},
	{"tabs\tand\nnew lines  and\u00a0non-breaking\u2003spaces", "0.0000"},
	{"invalid \xff\xfe bytes and a lone \xe2\x80 sequence", "-0.2732"},
	{"least good; very least good; at least good; LEAST good", "0.3108"},
	{"The most fantastic, the more hopeful, the less bad.", "0.6462"},
	{"Can't stand it. Won't. Never this good. Rarely seen, seldom nice, despite the fun.", "0.5027"},
	{"but but but good bad", "-0.2263"},
	{"!!!!!! ????", "0.0000"},
	{"'great'", "0.6249"},
	{"WAR WAR WAR", "-0.9136"},
	{"kind of kind of good", "0.3832"},
	{"The talks are at the heart of the crisis.", "0.0258"},
	{"A broken heart, a beating heart.", "0.5106"},
	{"They said this good thing was so good.", "0.7973"},
	{"Good and good, but good and good.", "0.8910"},
	{"He is good, but bad; bad, good.", "-0.6908"},
	{"It was great, Least helpful, at Least fair.", "0.6209"},
	{"ÜBER GUT and ÉTAT are caps, Über is not; İYİ good.", "-0.3412"},
	{"separated\x1cby\x1dinformation\x1eseparators\x1fgood", "0.4404"},
	{"🔛 the 🆙 side", "0.0000"},
	{"a 'éa' word, 'ab' and :) and :-) and (: too", "0.8176"},
	{"Not bad at all", "0.4310"},
	{"Without a doubt, an excellent idea.", "0.7013"},
	{"Roger Dodger is one of the least compelling variations on this theme.", "-0.1695"},
	{"Today only kinda sux! But I'll get by, lol", "0.5249"},
	{"The plot was good, but the characters are uncompelling and the dialog is not great.", "-0.7042"},
	{"Catch utf-8 emoji such as 💘 and 💋 and 😁", "0.8750"},
	{"VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!", "0.9469"},
	{"no no no good", "0.0951"},
	{"just enough good, kind of bad, sort of nice", "0.2960"},
	{"He\u00a0Was\u2028GOOD", "0.5622"},
	// Longer than butScanMax, with many equal sentiments around "but".
	{strings.Repeat("Good, ", 40) + "but " + strings.Repeat("bad and good, ", 20) + strings.Repeat("sad, ", 6) + "the end.", "0.2732"},
}

func TestVADER(t *testing.T) {
	v := newVader()
	for _, c := range vaderCases {
		if got := fourDecimals(v.Score(c.text)); got != c.want {
			t.Errorf("score(%q) = %s, want %s", c.text, got, c.want)
		}
	}
}

// TestVADERLexiconFormat checks that a replaced lexicon is read as the
// reference reads it, and that a malformed one is refused with its line.
func TestVADERLexiconFormat(t *testing.T) {
	v, err := newVaderFrom([]byte("good\t1.5\t0.5\t[1, 2]\n\n  bad\t-2\ngood\t3\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if v.valences["good"] != 3 || v.valences["bad"] != -2 || len(v.valences) != 2 {
		t.Errorf("lexicon %v, want good 3 (the last wins) and bad -2", v.valences)
	}
	if got := fourDecimals(v.Score("GOOD day")); got != "0.6940" {
		t.Errorf("score = %s, want 0.6940 (3 + 0.733 for the capitals)", got)
	}
	for _, bad := range []string{"good 1.5\n", "good\tgreat\n"} {
		if _, err := newVaderFrom([]byte(bad), nil); err == nil || !strings.Contains(err.Error(), "line 1") {
			t.Errorf("lexicon %q: error %v, want one for line 1", bad, err)
		}
	}
	if _, err := newVaderFrom(nil, []byte("x\n")); err == nil {
		t.Error("emoji lexicon without a tab: no error")
	}
}

func FuzzVADER(f *testing.F) {
	for _, c := range vaderCases {
		f.Add(c.text)
	}
	v, scratch := newVader(), NewSentence()
	before := strings.Repeat("Good, great, bad and TERRIBLE words, not nice but kind of awful! ", 5)
	f.Fuzz(func(t *testing.T, s string) {
		got := v.Score(s)
		if math.IsNaN(got) || got < -1 || got > 1 {
			t.Fatalf("score(%q) = %v, outside [-1, 1]", s, got)
		}
		if again := v.Score(s); math.Float64bits(again) != math.Float64bits(got) {
			t.Fatalf("score(%q) = %v, then %v", s, got, again)
		}
		if low := v.ScoreLowered(s, segment.ASCIILower(s), nil); math.Float64bits(low) != math.Float64bits(got) {
			t.Fatalf("score(%q) = %v, lowered %v", s, got, low)
		}
		// In a scratch used for a longer sentence, whose words had
		// valences, before.
		v.ScoreLowered(before, segment.ASCIILower(before), scratch)
		if in := v.ScoreLowered(s, segment.ASCIILower(s), scratch); math.Float64bits(in) != math.Float64bits(got) {
			t.Fatalf("score(%q) = %v, in scratch %v", s, got, in)
		}
	})
}

// TestVADERButCheck checks butCheck, both ways of it, against a literal
// port of the reference's _but_check on sentences short and long, with
// many equal sentiments.
func TestVADERButCheck(t *testing.T) {
	// pyButCheck is _but_check as written: for each sentiment, the first
	// equal one (list.index) is rescaled.
	pyButCheck := func(bi int, s []float64) {
		for k := range s {
			x := s[k]
			si := slices.Index(s, x)
			switch {
			case si < bi:
				s[si] = x * 0.5
			case si > bi:
				s[si] = x * 1.5
			}
		}
	}
	values := []float64{0, 0, 1, 2, 0.5, 1.5, 3, 4.5, -1, -2, -0.5, 0.75}
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 3000 {
		n := 1 + r.IntN(3*butScanMax)
		bi := r.IntN(n)
		words := make([]vaderToken, n) // Unknown but for "but"
		words[bi].id = 7
		got := make([]float64, n)
		for i := range got {
			if i != bi {
				got[i] = values[r.IntN(len(values))]
			}
		}
		want := slices.Clone(got)
		butCheck(words, 7, got)
		pyButCheck(bi, want)
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d (%d words, but at %d): %v, want %v", trial, n, bi, got, want)
		}
	}
}

// TestVADERIdiomPair checks that specialIdioms, which passes over a word
// without two idiom words side by side near it, gives what idiomsAt, its
// general path, gives, on sentences of idiom words and others.
func TestVADERIdiomPair(t *testing.T) {
	v := newVader()
	pool := []string{"the", "bomb", "shit", "bad", "ass", "kiss", "of", "death", "to", "die", "for",
		"yeah", "right", "bus", "stop", "beating", "broken", "heart", "kind", "sort", "just", "enough",
		"good", "very", "not", "great", "a", "news"}
	r := rand.New(rand.NewPCG(3, 4))
	for trial := range 20000 {
		words := make([]string, 4+r.IntN(6))
		for k := range words {
			words[k] = pool[r.IntN(len(pool))]
		}
		s := strings.Join(words, " ")
		ws := vaderSplit(s, "", v.index, nil, vaderWords{})
		for i := 3; i < len(ws.words); i++ {
			got, want := v.specialIdioms(0.5, &ws, i), v.idiomsAt(0.5, &ws, i)
			if math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("trial %d: %q, word %d: %v, want %v", trial, s, i, got, want)
			}
		}
	}
}

// FuzzVADERSplit holds the split's place, ALL CAPS, ID and flags of each
// word, found as it scans the bytes, to the word as the reference splits
// (refSplit), pyIsUpper and the vocabulary's ID of pyLower of it; its
// note of an emoji to replaceEmoji; its words' flags or'd; and isBut only
// on "but", which scoreIn asks before butCheck.
func FuzzVADERSplit(f *testing.F) {
	for _, c := range vaderCases {
		f.Add(c.text)
	}
	f.Add("“Trump’s” ÉTAT İstanbul Σ \xff ABC’s")
	f.Add("great GREAT greatness unbelievably ÜBER kind of")
	// Words of 8 to 16 bytes, held or not, in any case, and near the end.
	f.Add("UNBELIEVABLY Unbelievably absolutely abcdefgh abcdefghijklmno abcdefghijklmnop considerably disappointed DISAPPOINTED excellent")
	f.Add("unbelievable, GOVERNMENTS said. Extraordinarily\u00a0good wonderful\x01ly horrible’s abcdefgh\tLongWordAtEnd")
	v := newVader()
	f.Add("a, GOOD; (ok) Bad. 'no' \"very\" ,,a,, Great!\tgood\ngood")
	f.Fuzz(func(t *testing.T, s string) {
		words := refSplit(s)
		// The split sees every emoji that replaceEmoji would replace.
		if ws := vaderSplit(s, "", v.index, v.emojiBits, vaderWords{}); !ws.emoji {
			if _, replaced := v.replaceEmoji(s); replaced {
				t.Fatalf("%q: an emoji the split did not see", s)
			}
		}
		// Lowered by the split or handed in, as a body's sentence is.
		for _, low := range []string{"", asciiLower(s)} {
			ws := vaderSplit(s, low, v.index, nil, vaderWords{})
			if len(ws.words) != len(words) {
				t.Fatalf("%q: %d words, want %d (%q)", s, len(ws.words), len(words), words)
			}
			var seen vaderFlags
			for _, tok := range ws.words {
				seen |= tok.flags
			}
			if ws.seen != seen {
				t.Fatalf("%q: the words' flags or'd %d, want %d", s, ws.seen, seen)
			}
			for i, w := range words {
				tok := ws.words[i]
				if got := s[tok.lo:tok.hi]; got != w || tok.upper() != pyIsUpper(w) {
					t.Fatalf("%q: word %q, upper %v; want %q, %v", s, got, tok.upper(), w, pyIsUpper(w))
				}
				if l := pyLower(w); tok.id != v.voc.ID(l) || tok.flags&^allCaps != v.words[tok.id].flags {
					t.Fatalf("%q: word %q: ID %d, flags %d, want %d", s, w, tok.id, tok.flags, v.voc.ID(l))
				}
				if (tok.flags&isBut != 0) != (tok.id == v.rule.but) {
					t.Fatalf("%q: word %q: isBut %v, ID %d", s, w, tok.flags&isBut != 0, tok.id)
				}
				if hasNT(w) != strings.Contains(pyLower(w), "n't") {
					t.Fatalf("%q: word %q: hasNT %v", s, w, hasNT(w))
				}
			}
		}
	})
}

// refSplit is the reference's split, slowly: Python's str.split, then
// each word stripped of string.punctuation unless that leaves two runes
// or fewer.
func refSplit(s string) []string {
	var words []string
	for _, w := range strings.FieldsFunc(s, isPySpace) {
		if t := strings.Trim(w, "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"); utf8.RuneCountInString(t) > 2 {
			w = t
		}
		words = append(words, w)
	}
	return words
}

// splitVADERLines is vaderLines as it was, by strings.Split and SplitN.
func splitVADERLines(data []byte, fn func(key, value string) error) error {
	for n, line := range strings.Split(string(bytes.TrimRight(data, "\n")), "\n") {
		if line == "" {
			continue
		}
		f := strings.SplitN(pyTrim(line), "\t", 3)
		if len(f) < 2 {
			return fmt.Errorf("line %d: want a word, a tab and a value", n+1)
		}
		if err := fn(f[0], f[1]); err != nil {
			return fmt.Errorf("line %d: %w", n+1, err)
		}
	}
	return nil
}

// FuzzVADERLines holds vaderLines to the split it replaced: the same
// fields, lines and errors.
func FuzzVADERLines(f *testing.F) {
	f.Add([]byte(defaultVADERLexicon[:2000]))
	f.Add([]byte(defaultVADEREmoji[:2000]))
	f.Add([]byte("a\tb\tc\n\n \x1cd\t1\n\ne\n"))
	f.Add([]byte("\n\n\tx\t\t\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		read := func(split func([]byte, func(string, string) error) error) (fields []string, err error) {
			err = split(data, func(k, v string) error {
				fields = append(fields, k, v)
				if k == "stop" {
					return errors.New("stop")
				}
				return nil
			})
			return fields, err
		}
		got, err := read(vaderLines)
		want, wantErr := read(splitVADERLines)
		if !slices.Equal(got, want) || fmt.Sprint(err) != fmt.Sprint(wantErr) {
			t.Fatalf("vaderLines(%q) = %q, %v; want %q, %v", data, got, err, want, wantErr)
		}
	})
}
