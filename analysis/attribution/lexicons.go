package attribution

import _ "embed"

// The attribution word lists are data, not code: reporting_verbs.txt holds the
// cues, speaker_words.txt the words that shape speaker phrases,
// first_names.txt the first names that tell "he" from "she". NewAttributor
// may replace them.
var (
	//go:embed reporting_verbs.txt
	defaultReportingVerbs []byte
	//go:embed speaker_words.txt
	defaultSpeakerWords []byte
	//go:embed first_names.txt
	defaultFirstNames []byte
)

// The attribution word lists, by name.
const (
	ReportingVerbs = "reporting_verbs.txt"
	SpeakerWords   = "speaker_words.txt"
	FirstNames     = "first_names.txt"
)

// LexiconNames lists the word lists NewAttributor may replace.
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
