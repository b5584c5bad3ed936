package analysis

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
)

// Data is the contents of a data file and where they came from.
type Data struct {
	Source string // a path, or "NAME (built in)"
	Bytes  []byte
}

// The attribution word lists, which Config.Lexicons may replace by name.
const (
	ReportingVerbs = "reporting_verbs.txt"
	SpeakerWords   = "speaker_words.txt"
	FirstNames     = "first_names.txt"
)

// LexiconNames lists the word lists Config.Lexicons may replace.
func LexiconNames() []string { return []string{ReportingVerbs, SpeakerWords, FirstNames} }

// DefaultLexicon returns the built-in contents of a word list; ok is false
// for an unknown name.
func DefaultLexicon(name string) (data []byte, ok bool) {
	switch name {
	case ReportingVerbs:
		return defaultReportingVerbs, true
	case SpeakerWords:
		return defaultSpeakerWords, true
	case FirstNames:
		return defaultFirstNames, true
	}
	return nil, false
}

// lexicons fills in the built-in word lists that replace leaves out.
func lexicons(replace map[string]Data) (map[string]Data, error) {
	out := map[string]Data{}
	for name, d := range replace {
		if _, ok := DefaultLexicon(name); !ok {
			return nil, fmt.Errorf("unknown word list %q (have %v)", name, LexiconNames())
		}
		out[name] = d
	}
	for _, name := range LexiconNames() {
		if _, ok := out[name]; !ok {
			data, _ := DefaultLexicon(name)
			out[name] = Data{Source: "analysis/" + name + " (built in)", Bytes: data}
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
	files := []DataFile{
		{"actors", a.actors.Source, a.actors.SHA256},
		a.lexData("reporting verbs", ReportingVerbs),
		a.lexData("speaker words", SpeakerWords),
		a.lexData("first names", FirstNames),
		{"target sentiment model", "analysis/target_model.txt (built in)", digest(targetModelData)},
	}
	if a.nb != nil {
		files = append(files, DataFile{"Naive Bayes sentence model", "github.com/cdipaolo/sentiment model.json (built in)", a.nb.sha256})
	}
	return files
}

func (a *Analyzer) lexData(what, name string) DataFile {
	d := a.lexFiles[name]
	return DataFile{what, d.Source, digest(d.Bytes)}
}
