package analysis

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/cdipaolo/sentiment"
)

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
// exactly what produced its figures.
func (a *Analyzer) DataFiles() []DataFile {
	nb, _ := sentiment.Asset("model.json") // read at New already
	return []DataFile{
		{"actors", a.actors.Source, a.actors.SHA256},
		{"reporting verbs", "analysis/reporting_verbs.txt (built in)", digest([]byte(reportingVerbsFile))},
		{"speaker words", "analysis/speaker_words.txt (built in)", digest([]byte(speakerWordsFile))},
		{"first names", "analysis/first_names.txt (built in)", digest([]byte(firstNamesFile))},
		{"target sentiment model", "analysis/target_model.txt (built in)", digest(targetModelData)},
		{"Naive Bayes sentence model", "github.com/cdipaolo/sentiment model.json (built in)", digest(nb)},
	}
}
