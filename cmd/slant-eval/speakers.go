package main

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/slant-news/slant/analysis/attribution"
)

// sameSpeaker reports whether a prediction names the gold source: the head
// word of one occurs among the core words of the other. Each of several
// resolved speakers ("A; B") and the phrase as written are tried.
//
// A phrase's core is what names its speaker: each part set off by commas,
// dashes or "and" ("Owen Pratt, Ms. Reyes's campaign manager" has
// two), up to its first preposition, relative pronoun or -ing participle
// ("the Chilean Embassy in Oslo": the Chilean Embassy; but "Secretary of
// State Anne Holt" whole, a title before "of"; "58 percent of nurses":
// nurses; "a sophomore named Rosa Lind": Rosa Lind), without
// what describes rather than names: a later part that is a relative clause
// ("who ..."), a participle phrase ("facing a challenge"), an age, a party
// label ("R-Ore.") or the state of a place ("from Enid, Okla."); a
// parenthesis ("(D-N.Y.)"), a possessor ("Reyes's" in "Reyes's campaign",
// unless the phrase is only that), titles and articles. Its head words are
// the last core words of each part.
func sameSpeaker(p attribution.Statement, source string) bool {
	gw, gh := phraseCore(source)
	if len(gw) == 0 {
		return false
	}
	for _, c := range append(strings.Split(p.Resolved, "; "), p.Speaker) {
		pw, ph := phraseCore(c)
		for _, h := range ph {
			if containsWord(gw, h) {
				return true
			}
		}
		for _, h := range gh {
			if containsWord(pw, h) {
				return true
			}
		}
	}
	return false
}

// containsWord reports whether ws holds w, or a word that w or it cuts
// short by its last letter (an annotation's "The Daily Ledge").
func containsWord(ws []string, w string) bool {
	return slices.ContainsFunc(ws, func(x string) bool {
		short, long := x, w
		if len(short) > len(long) {
			short, long = long, short
		}
		return x == w || (len(short) >= 5 && len(long) == len(short)+1 && strings.HasPrefix(long, short))
	})
}

// digits reports whether a word is a number.
func digits(w string) bool {
	return w != "" && strings.Trim(w, "0123456789") == ""
}

// speakerStop are the words of a speaker phrase that name no one: articles
// and titles.
var speakerStop = set("the a an mr mrs ms dr sen rep gov president")

// coreCut are the words a part's core ends before.
var coreCut = set("of in at from for with on by to who whom whose which that where when as like")

// skipPart are the words that open a later part describing rather than
// naming.
var skipPart = set("who whom whose which that where when including like such also")

// ofTitles are the titles that "of" continues ("Secretary of State Anne
// Holt", "the secretary of the Interior").
var ofTitles = set("secretary director speaker chairman chairwoman chair head chief minister leader commissioner governor mayor")

// quantities are the words whose "of" phrase names the speakers ("58
// percent of nurses", "a number of officials").
var quantities = set("percent proportion share majority minority half third quarter most many some all none few several number handful dozens hundreds thousands millions plurality")

// phraseCore returns the lowercase core words of a speaker phrase and the
// head word of each of its parts (see sameSpeaker).
func phraseCore(s string) (words, heads []string) {
	cut := false // the part before ended inside a prepositional phrase
	for k, part := range phraseParts(s) {
		var ws []string
		if !(cut && placePart(part)) {
			ws, cut = coreWords(part, k > 0)
		}
		if len(ws) > 0 {
			words = append(words, ws...)
			heads = append(heads, ws[len(ws)-1])
		}
	}
	return words, heads
}

// phraseParts splits a phrase at commas, semicolons, dashes, "and" and "as
// well as", leaving out what parentheses hold.
func phraseParts(s string) []string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')':
			depth = max(depth-1, 0)
		case depth > 0:
		case r == ',' || r == ';' || r == '—' || r == '–' || r == '―':
			b.WriteByte('|')
		default:
			b.WriteRune(r)
		}
	}
	t := strings.NewReplacer(" -- ", "|", " - ", "|", " and ", "|", " & ", "|", " as well as ", "|").Replace(b.String())
	return strings.Split(t, "|")
}

// placePart reports whether a part is one or two capitalised words, as the
// state after a place is ("from Enid, Okla.").
func placePart(part string) bool {
	ws := strings.Fields(part)
	if len(ws) == 0 || len(ws) > 2 {
		return false
	}
	for _, w := range ws {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// coreWords returns the lowercase core words of one part of a phrase, or
// none when a later part (after a comma) describes rather than names; cut
// reports that the core ended at a preposition.
func coreWords(part string, later bool) (out []string, cut bool) {
	toks := strings.FieldsFunc(part, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '-' && r != '.' && r != '%'
	})
	if len(toks) > 0 && describes(toks, later) {
		return nil, false // "who led the agency", "70", "R-Ore.", "facing a challenge"
	}
	var possessors []string
	for i, t := range toks {
		t = strings.Trim(t, "-.")
		if t == "" {
			continue
		}
		low := strings.ToLower(t)
		switch coreStep(toks, i, low) {
		case restart:
			out, possessors = out[:0], possessors[:0]
		case stop:
			return withPossessors(out, possessors), prepositions[low]
		case possessor:
			possessors = appendWords(possessors, low)
		case word:
			out = appendWords(out, low)
		}
	}
	return withPossessors(out, possessors), false
}

// describes reports whether a part of a phrase, of words toks, describes
// rather than names: a party label, or in a later part a relative clause,
// an age, or a participle phrase.
func describes(toks []string, later bool) bool {
	t := strings.Trim(toks[0], "-.")
	if t == "" {
		return false
	}
	low := strings.ToLower(t)
	r, _ := utf8.DecodeRuneInString(t)
	if partyLabel(t) {
		return true
	}
	return later && (skipPart[low] || (unicode.IsDigit(r) && len(toks) == 1) || (!unicode.IsUpper(r) && participle(low)))
}

// What coreStep makes of a word of a part.
const (
	word      = iota // a core word
	skip             // no core word: "of" in "Secretary of State Anne Holt"
	restart          // the core starts after it: "a freshman named ...", "72 percent of ..."
	stop             // the core ends before it: "in", "who", "leaving"
	possessor        // a possessor: "Reyes's" in "Reyes's campaign"
)

// coreStep says what word i of toks (low, lowercased) is to the core.
func coreStep(toks []string, i int, low string) int {
	prev := ""
	if i > 0 {
		prev = strings.ToLower(toks[i-1])
	}
	r, _ := utf8.DecodeRuneInString(toks[i])
	switch {
	case i > 0 && (low == "named" || low == "called" || (low == "of" && quantities[prev])):
		return restart
	case i > 0 && low == "of" && ofTitles[prev]:
		return skip
	case low == "in" && i > 0 && i+1 < len(toks) && digits(toks[i-1]) && digits(toks[i+1]):
		return skip // "4 in 10 voters"
	case i > 0 && (coreCut[low] || (!unicode.IsUpper(r) && strings.HasSuffix(low, "ing") && len(low) > 4 && !modifierBefore(toks[i-1]))):
		return stop
	case strings.HasSuffix(low, "'s") || strings.HasSuffix(low, "’s") || strings.HasSuffix(low, "'") || strings.HasSuffix(low, "’"):
		return possessor
	}
	return word
}

// prepositions are the cut words after which a place may follow.
var prepositions = set("of in at from for with on by to")

// withPossessors returns the core words, or the possessors when there are
// none ("Mr. Pratt's").
func withPossessors(out, possessors []string) []string {
	if len(out) == 0 {
		return possessors
	}
	return out
}

// appendWords appends the words of a lowercase token, split at what is not
// a letter or digit, less the stop words.
func appendWords(out []string, low string) []string {
	for _, w := range strings.FieldsFunc(low, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !speakerStop[w] && w != "s" {
			out = append(out, w)
		}
	}
	return out
}

// modifierBefore reports whether a word before a participle makes it a
// modifier ("the leading candidate", "a fast-growing group").
func modifierBefore(w string) bool {
	w = strings.ToLower(w)
	return strings.HasSuffix(w, "ly") || participleModifiers[w]
}

var participleModifiers = set("the a an his her their its our my this these those former newly")

// partyLabel reports whether a word is a party and state label ("R-Ore.",
// "D-N.Y.").
func partyLabel(w string) bool {
	return len(w) > 2 && strings.ContainsRune("RDI", rune(w[0])) && w[1] == '-'
}

// participle reports whether a lowercase word looks like a participle
// ("facing", "interviewed").
func participle(w string) bool {
	return len(w) > 4 && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed"))
}

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
