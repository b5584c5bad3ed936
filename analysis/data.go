package analysis

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/slant-news/slant/analysis/attribution"
	"github.com/slant-news/slant/analysis/tone"
)

// Data is the contents of a data file and where they came from.
type Data struct {
	Source string // a path, or "NAME (built in)"
	Bytes  []byte
}

// lexicons fills in the built-in word lists that replace leaves out.
func lexicons(replace map[string]Data) (map[string]Data, error) {
	out := map[string]Data{}
	for name, d := range replace {
		if _, ok := attribution.DefaultLexicon(name); !ok {
			return nil, fmt.Errorf("unknown word list %q (have %v)", name, attribution.LexiconNames())
		}
		out[name] = d
	}
	for _, name := range attribution.LexiconNames() {
		if _, ok := out[name]; !ok {
			data, _ := attribution.DefaultLexicon(name)
			out[name] = Data{Source: "analysis/attribution/" + name + " (built in)", Bytes: data}
		}
	}
	return out, nil
}

// DataFile is a data file the analysis depends on, for the record of a run:
// the actor table, a lexicon, a model.
type DataFile struct {
	Name   string // what it is for
	Source string // where it came from
	SHA256 string // hex digest of its bytes
}

func digest(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

// DataFiles lists the data files in use, so that a run's manifest can say
// exactly what produced its figures: the Naive Bayes model only when loaded.
func (a *Analyzer) DataFiles() []DataFile {
	vaderLexicon, vaderEmoji := tone.DefaultVADERLexicons()
	files := []DataFile{
		{"actors", a.actors.Source, a.actors.SHA256},
		a.lexData("reporting verbs", attribution.ReportingVerbs),
		a.lexData("speaker words", attribution.SpeakerWords),
		a.lexData("first names", attribution.FirstNames),
		{"VADER lexicon", "analysis/tone/vader_lexicon.txt (built in)", digest(vaderLexicon)},
		{"VADER emoji lexicon", "analysis/tone/vader_emoji_lexicon.txt (built in)", digest(vaderEmoji)},
		{"target sentiment model", "analysis/tone/target_model.txt (built in)", digest(tone.DefaultTargetModel())},
		{"target model's word vectors", "analysis/tone/word_vectors.bin (built in)", digest(tone.DefaultWordVectors())},
		{"target model's speech verbs", "analysis/tone/speech_verbs.txt (built in)", digest(tone.DefaultSpeechVerbs())},
		{"tone levels", "analysis/tone/levels.txt (built in)", digest(tone.DefaultLevels())},
	}
	for _, s := range []any{a.nb, a.target} {
		if sum, ok := tone.NaiveBayesSHA256(s); ok {
			files = append(files, DataFile{"Naive Bayes sentence model", "github.com/cdipaolo/sentiment model.json (built in)", sum})
			break
		}
	}
	return files
}

func (a *Analyzer) lexData(what, name string) DataFile {
	d := a.lexFiles[name]
	return DataFile{what, d.Source, digest(d.Bytes)}
}
