package analysis

import (
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/slant-news/slant/analysis/tone"
	"github.com/slant-news/slant/corpus"
)

// TestNBOptIn checks that the Naive Bayes model is loaded, scores sentences
// and is listed as data only when asked for, and that asking changes
// nothing else. The wanted tones are those of sentences.csv when every run
// scored every sentence with it.
func TestNBOptIn(t *testing.T) {
	art := corpus.Article{
		ID:    "x",
		Title: "Rubio calls Riyadh meeting with Russia a first step toward peace",
		Text:  "Ukrainian President Volodymyr Zelensky, who was in Ankara, said that Ukraine would not accept any outcome of talks held without it.",
	}
	base := newAnalyzer(t, Config{}).Analyze(art)
	tests := []struct {
		name         string
		cfg          Config
		loaded       bool      // the model, and so the manifest's entry
		tones        []float64 // Sentence.NB, rounded as in sentences.csv; nil for NaN
		sameMentions bool      // mentions as without the model
	}{
		{"default", Config{}, false, nil, true},
		{"NB", Config{NB: true}, true, []float64{0.6666, -0.7336}, true},
		{"target scorer nb", Config{Sentiment: tone.TargetNB}, true, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newAnalyzer(t, tt.cfg)
			listed := slices.ContainsFunc(a.DataFiles(), func(d DataFile) bool { return strings.HasPrefix(d.Name, "Naive Bayes") })
			if listed != tt.loaded {
				t.Errorf("model in DataFiles: %v, want %v", listed, tt.loaded)
			}
			res := a.Analyze(art)
			if len(res.Sentences) != 2 {
				t.Fatalf("%d sentences, want 2", len(res.Sentences))
			}
			for i, s := range res.Sentences {
				switch {
				case tt.tones == nil && !math.IsNaN(s.NB):
					t.Errorf("sentence %d: NB %v, want NaN", s.N, s.NB)
				case tt.tones != nil && math.Round(s.NB*1e4)/1e4 != tt.tones[i]:
					t.Errorf("sentence %d: NB %.4f, want %.4f", s.N, s.NB, tt.tones[i])
				}
				if s.VADER != base.Sentences[i].VADER {
					t.Errorf("sentence %d: VADER %v, want %v as by default", s.N, s.VADER, base.Sentences[i].VADER)
				}
			}
			if same := reflect.DeepEqual(res.Mentions, base.Mentions); same != tt.sameMentions {
				t.Errorf("mentions the same as by default: %v, want %v", same, tt.sameMentions)
			}
		})
	}
}

// TestUnknownScorer checks that an unknown target scorer is an error when
// the Analyzer is made, not a failure later.
func TestUnknownScorer(t *testing.T) {
	if _, err := New(Config{Sentiment: "bogus"}); err == nil {
		t.Error("New with Sentiment bogus: no error")
	}
}

func newAnalyzer(t testing.TB, cfg Config) *Analyzer {
	t.Helper()
	a, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestLanguages checks that an article in another language, given or
// detected, has its mentions but no tone and no statements, so that no
// English model scores it, and that English or undecided text is scored.
func TestLanguages(t *testing.T) {
	german := "Die mutigen Soldaten der Ukraine kämpfen für die Freiheit, sagte der Präsident am Dienstag. " +
		"„Wir werden nicht aufgeben“, sagte Selenskyj vor dem Parlament in Kiew."
	tests := []struct {
		name, given, text string
		lang              string // Article.Language
		scored            bool
	}{
		{"German, detected", "", german, "de", false},
		{"French, given", "fr", "Ukraine said on Tuesday that the talks would go on.", "fr", false},
		{"English, detected", "", "The brave soldiers of Ukraine are fighting for freedom, the president said on Tuesday in a speech to parliament.", "en", true},
		{"too short to tell", "", "Ukraine fights on", "", true},
	}
	a := newAnalyzer(t, Config{NB: true})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.Analyze(corpus.Article{ID: "x", Outlet: "O", Title: "Ukraine", Text: tt.text, Language: tt.given})
			if res.Language != tt.lang || res.Scored != tt.scored {
				t.Fatalf("language %q, scored %v; want %q, %v", res.Language, res.Scored, tt.lang, tt.scored)
			}
			if len(res.Mentions) < 2 {
				t.Errorf("%d mentions, want the title's and the body's", len(res.Mentions))
			}
			for _, s := range res.Sentences {
				if math.IsNaN(s.VADER) == tt.scored || math.IsNaN(s.NB) == tt.scored {
					t.Errorf("sentence %d: VADER %v, NB %v", s.N, s.VADER, s.NB)
				}
			}
			for _, m := range res.Mentions {
				if math.IsNaN(m.Score) == tt.scored {
					t.Errorf("mention %q: score %v", m.Text, m.Score)
				}
			}
			if !tt.scored && len(res.Quotes) > 0 {
				t.Errorf("%d statements in an article not scored", len(res.Quotes))
			}
			st := res.Actors[0]
			if math.IsNaN(st.Sentiment) == tt.scored || (st.Positive+st.Neutral+st.Negative > 0) != tt.scored {
				t.Errorf("actor figures %+v", st)
			}
			outlets := NewOutlets(a.Actors().Names(), a.Levels())
			outlets.Add(res)
			for _, o := range outlets.Stats() {
				if o.Mentions > 0 && math.IsNaN(o.Sentiment) == tt.scored {
					t.Errorf("outlet sentiment %v for %s", o.Sentiment, o.Actor)
				}
			}
		})
	}
}
