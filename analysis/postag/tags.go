package postag

// Tag is a part of speech from the Penn Treebank tag set, as prose's model
// uses it. The zero value, Unknown, is no tag.
type Tag uint8

// The Penn Treebank tags (Santorini 1990), the punctuation tags after them,
// and the three prose gives words without asking its model: "-", "-NONE-"
// for Treebank traces, and the bracket literals.
const (
	Unknown    Tag = iota
	CC             // coordinating conjunction
	CD             // cardinal number
	DT             // determiner
	EX             // existential there
	FW             // foreign word
	IN             // preposition or subordinating conjunction
	JJ             // adjective
	JJR            // adjective, comparative
	JJS            // adjective, superlative
	LS             // list item marker
	MD             // modal
	NN             // noun, singular or mass
	NNS            // noun, plural
	NNP            // proper noun, singular
	NNPS           // proper noun, plural
	PDT            // predeterminer
	POS            // possessive ending
	PRP            // personal pronoun
	PRPS           // possessive pronoun (PRP$)
	RB             // adverb
	RBR            // adverb, comparative
	RBS            // adverb, superlative
	RP             // particle
	SYM            // symbol
	TO             // to
	UH             // interjection
	VB             // verb, base form
	VBD            // verb, past tense
	VBG            // verb, gerund or present participle
	VBN            // verb, past participle
	VBP            // verb, non-3rd person singular present
	VBZ            // verb, 3rd person singular present
	WDT            // wh-determiner
	WP             // wh-pronoun
	WPS            // possessive wh-pronoun (WP$)
	WRB            // wh-adverb
	Dollar         // $
	Pound          // #
	OpenQuote      // ``
	CloseQuote     // ''
	LeftParen      // (
	RightParen     // )
	Comma          // ,
	Period         // . (sentence-final punctuation)
	Colon          // : (colon, semicolon, dash)
	Hyphen         // - (prose's tag for the word "-")
	None           // -NONE- (Treebank traces such as "*" and "0")
	LRB            // -LRB-
	RRB            // -RRB-
	LCB            // -LCB-
	RCB            // -RCB-
	numTags
)

var tagNames = [numTags]string{
	"", "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD",
	"NN", "NNS", "NNP", "NNPS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR",
	"RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ",
	"WDT", "WP", "WP$", "WRB", "$", "#", "``", "''", "(", ")", ",", ".", ":",
	"-", "-NONE-", "-LRB-", "-RRB-", "-LCB-", "-RCB-",
}

// String is the tag as the Penn Treebank writes it ("NNP", "PRP$").
func (t Tag) String() string {
	if t >= numTags {
		return ""
	}
	return tagNames[t]
}

// ParseTag is the tag named s, as String writes it, or false.
func ParseTag(s string) (Tag, bool) {
	for t, name := range tagNames {
		if name == s && t != 0 {
			return Tag(t), true
		}
	}
	return Unknown, false
}

// Noun reports whether t is a common or proper noun.
func (t Tag) Noun() bool { return NN <= t && t <= NNPS }

// Verb reports whether t is a verb in any form (not a modal).
func (t Tag) Verb() bool { return VB <= t && t <= VBZ }

// Adjective reports whether t is an adjective in any degree.
func (t Tag) Adjective() bool { return JJ <= t && t <= JJS }
