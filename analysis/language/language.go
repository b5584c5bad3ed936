// Package language tells which language a text is in.
//
// It wraps whatlanggo (trigram profiles of 84 languages, no model files),
// which trafilatura uses too, and answers only when whatlanggo is sure; a
// text whose words are plainly English is taken for English without it.
package language

import (
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// Sample is how much of a text Detect looks at, in bytes: the cost grows
// with the text, and two paragraphs tell the language as well as a whole
// article.
const Sample = 1000

// MinBytes is the shortest text Detect answers for. On shorter ones, such as
// headlines, whatlanggo is often sure and wrong: on English headlines under
// 100 bytes it named another language for 4%, against 0.25% above.
const MinBytes = 100

// Detect returns the ISO 639-1 code of the language text is in ("en",
// "de"), or "" when it cannot tell: too little text (under MinBytes), a
// mixture, a language without a two-letter code, or another language named
// in a text with English function words (see someShare).
func Detect(text string) string {
	if len(text) < MinBytes {
		return ""
	}
	if len(text) > Sample {
		cut := Sample
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	if plainlyEnglish(text) {
		return "en"
	}
	info := whatlanggo.Detect(text)
	if !info.IsReliable() {
		return ""
	}
	lang := info.Lang.Iso6391()
	if lang != "en" && someEnglish(text) {
		return "" // a mixture, or English whatlanggo is wrong about
	}
	return lang
}
