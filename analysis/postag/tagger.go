// Package postag tags words with their parts of speech.
//
// The tagger is a port of prose's (github.com/jdkato/prose/v3/tag, v3.2.3),
// the greedy averaged perceptron of Honnibal's "A Good Part-of-Speech Tagger
// in about 200 Lines of Python", with prose's English model converted into
// model.bin by cmd/slant-postag. It gives prose's tags, quirks included, on
// the words analysis/segment splits a text into (TestTaggerMatchesProse,
// FuzzTaggerMatchesProse); what it leaves out is the cost: prose builds each
// feature's key as a string and finds it by binary search among 75,000,
// where the port hashes each word once, combines the hashes of a feature's
// parts and finds its weights in an open-addressing table.
//
// prose is MIT-licensed, Copyright (c) 2017-2026 Joseph Kato; the tagger it
// derives from, Copyright (c) 2013 Matthew Honnibal, is MIT too.
package postag

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/slant-news/slant/analysis/segment"
)

//go:generate go run ../../cmd/slant-postag -out model.bin

//go:embed model.bin
var englishModel []byte

// Tagger tags words. It is immutable once built, so safe for concurrent use.
type Tagger struct {
	m        *model
	tagHash  [numTags]uint64 // the hash of each tag's name, for the tag features
	start    [2]uint64       // "-START-", "-START2-": the tags before a sentence
	startCtx [2]ctxWord      // the words before a sentence
	endCtx   [2]ctxWord      // "-END-", "-END2-": the words after it
	pool     sync.Pool       // of *scratch
}

// ctxWord is a word as the features around another word see it: the hashes
// of its normalised form and of that form's last three bytes.
type ctxWord struct{ word, suffix uint64 }

type scratch struct {
	words []string
	ctx   []ctxWord
	low   []byte
}

// New returns the tagger of the embedded English model (prose's).
func New() (*Tagger, error) { return Load(englishModel) }

// Load returns the tagger of a model file as cmd/slant-postag writes it.
// The tagger reads its words and weights in data, which must not change
// after.
func Load(data []byte) (*Tagger, error) {
	m, err := decode(data)
	if err != nil {
		return nil, err
	}
	t := &Tagger{m: m}
	for tag := Tag(1); tag < numTags; tag++ {
		t.tagHash[tag] = hashString(tag.String())
	}
	t.start = [2]uint64{hashString("-START-"), hashString("-START2-")}
	// The sentinels as they are: prose does not normalise them.
	sentinel := func(w string) ctxWord { return ctxWord{hashString(w), hashString(suffix(w))} }
	t.startCtx = [2]ctxWord{sentinel("-START-"), sentinel("-START2-")}
	t.endCtx = [2]ctxWord{sentinel("-END-"), sentinel("-END2-")}
	t.pool.New = func() any { return new(scratch) }
	return t, nil
}

// Tag appends to tags[:0] the tag of each word of one sentence, the word
// being text[w.Start:w.End] (a possessive ’s left out, as segment leaves
// it). It allocates nothing once tags and its own buffers have grown.
func (t *Tagger) Tag(text string, words []segment.Token, tags []Tag) []Tag {
	s := t.pool.Get().(*scratch)
	defer t.pool.Put(s)
	s.words = s.words[:0]
	for _, w := range words {
		s.words = append(s.words, text[w.Start:w.End])
	}
	return t.tag(s, tags[:0], len(words))
}

// TagFirst appends to tags[:0] the tags of the first n words of one
// sentence, as Tag gives them: the tagger is greedy, left to right, and
// reads two words ahead, so the words past those are not looked at. A rule
// that asks the tag of one word in the sentence need not pay for the rest.
func (t *Tagger) TagFirst(text string, words []segment.Token, n int, tags []Tag) []Tag {
	n = max(0, min(n, len(words)))
	s := t.pool.Get().(*scratch)
	defer t.pool.Put(s)
	s.words = s.words[:0]
	for _, w := range words[:min(len(words), n+2)] {
		s.words = append(s.words, text[w.Start:w.End])
	}
	return t.tag(s, tags[:0], n)
}

// TagText appends to tags[:0] the tag of each word of p, each sentence
// tagged alone as prose tags it (words outside every sentence, if any, as
// sentences of their own between them).
func (t *Tagger) TagText(p segment.Text, tags []Tag) []Tag {
	s := t.pool.Get().(*scratch)
	defer t.pool.Put(s)
	tags = tags[:0]
	words, sents := p.Words, p.Sentences
	for i := 0; i < len(words); {
		for len(sents) > 0 && sents[0].End <= words[i].Start {
			sents = sents[1:]
		}
		j := i + 1
		if len(sents) > 0 && sents[0].Start <= words[i].Start {
			for j < len(words) && words[j].Start < sents[0].End {
				j++
			}
		} else {
			for j < len(words) && (len(sents) == 0 || words[j].Start < sents[0].Start) {
				j++
			}
		}
		s.words = s.words[:0]
		for _, w := range words[i:j] {
			s.words = append(s.words, p.Text[w.Start:w.End])
		}
		tags = t.tag(s, tags, len(s.words))
		i = j
	}
	return tags
}

// tag appends the tags of the first n of s.words to tags. s.words are
// one sentence's, or its first n+2 words at least: the features read two
// words ahead.
func (t *Tagger) tag(s *scratch, tags []Tag, n int) []Tag {
	if n == 0 {
		return tags
	}
	// ctx holds the sentence's words with two of prose's sentinels at each
	// end, so that the features read i-2 .. i+2 without bounds checks.
	s.ctx = append(s.ctx[:0], t.startCtx[0], t.startCtx[1])
	for _, w := range s.words {
		s.ctx = append(s.ctx, s.context(w))
	}
	s.ctx = append(s.ctx, t.endCtx[0], t.endCtx[1]) // past the words read when s.words is the sentence's first n+2
	ctx := s.ctx
	p1, p2 := t.start[0], t.start[1]
	var scores [maxClasses]float32
	for i, w := range s.words[:n] {
		tag, ok := t.fixed(w)
		if !ok {
			scores = [maxClasses]float32{}
			t.score(&scores, w, ctx[i:i+5], p1, p2)
			tag = t.best(&scores)
		}
		tags = append(tags, tag)
		h := t.tagHash[tag]
		if tag == Unknown { // a bracket literal not ours, tagged as itself
			h = hashString(w)
		}
		p2, p1 = p1, h
	}
	return tags
}

// fixed is the tag of a word prose tags without scoring: its special cases
// (only "0" and a few emoticons can be words of segment's), then the words
// the model knows to be unambiguous.
func (t *Tagger) fixed(w string) (Tag, bool) {
	if w == "" {
		return Unknown, false
	}
	switch c := w[0]; {
	case w == "-":
		return Hyphen, true
	case emoticonStart[c] && isEmoticon(w):
		return SYM, true
	case c == '@':
		return NN, true
	case (c == '0' || c == '*') && isTrace(w):
		return None, true
	case c == '-' && isBracketLiteral(w):
		tag, _ := ParseTag(w) // prose tags -LRB- as "-LRB-", and -ABC- as "-ABC-", no tag of ours
		return tag, true
	}
	if c, ok := t.m.words[w]; ok {
		return t.m.classTag[c], true
	}
	return Unknown, false
}

// score adds the weights of the features of word w, with ctx its context
// (ctx[2] is w) and p1 and p2 the hashes of the two tags before it.
func (t *Tagger) score(scores *[maxClasses]float32, w string, ctx []ctxWord, p1, p2 uint64) {
	m := t.m
	m.add(featureKey(tBias, 0, 0), scores)
	m.add(featureKey(tSuffix, hashString(suffix(w)), 0), scores)
	m.add(featureKey(tPref1, hashString(w[:min(1, len(w))]), 0), scores)
	m.add(featureKey(tPrevTag, p1, 0), scores)
	m.add(featureKey(tPrev2Tag, p2, 0), scores)
	m.add(featureKey(tTagPair, p1, p2), scores)
	m.add(featureKey(tWord, ctx[2].word, 0), scores)
	m.add(featureKey(tPrevTagWord, p1, ctx[2].word), scores)
	m.add(featureKey(tPrevWord, ctx[1].word, 0), scores)
	m.add(featureKey(tPrevSuffix, ctx[1].suffix, 0), scores)
	m.add(featureKey(tPrev2Word, ctx[0].word, 0), scores)
	m.add(featureKey(tNextWord, ctx[3].word, 0), scores)
	m.add(featureKey(tNextSuffix, ctx[3].suffix, 0), scores)
	m.add(featureKey(tNext2Word, ctx[4].word, 0), scores)
}

// best is the tag of the highest score, the first class on a tie, as prose.
func (t *Tagger) best(scores *[maxClasses]float32) Tag {
	best, bestClass := scores[0], 0
	for c := 1; c < len(t.m.classTag); c++ {
		if scores[c] > best {
			best, bestClass = scores[c], c
		}
	}
	return t.m.classTag[bestClass]
}

// suffix is w's last three bytes, as prose cuts them.
func suffix(w string) string { return w[max(0, len(w)-3):] }

// context hashes w's normalised form and its last three bytes.
func (s *scratch) context(w string) ctxWord {
	nw := s.normalize(w)
	return ctxWord{hashString(nw), hashString(suffix(nw))}
}

// normalize is prose's normalisation of a word (hyphenated words, years
// and numbers become placeholders, the rest is lowercased as
// strings.ToLower would), in s.low, which it reuses.
func (s *scratch) normalize(w string) string {
	switch {
	case w == "":
		return w
	case w[0] != '-' && strings.IndexByte(w, '-') >= 0:
		return "!HYPHEN"
	case len(w) == 4 && isDecimalInt(w):
		return "!YEAR"
	case '0' <= w[0] && w[0] <= '9':
		return "!DIGITS"
	}
	lower := true
	for i := 0; i < len(w); i++ {
		if c := w[i]; 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf {
			lower = false
			break
		}
	}
	if lower {
		return w
	}
	s.low = s.low[:0]
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			s.low = append(s.low, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		s.low = utf8.AppendRune(s.low, unicode.ToLower(r)) // an invalid byte becomes U+FFFD, as in strings.Map
		i += n
	}
	return unsafeString(s.low)
}

// isDecimalInt reports whether s is what strconv.Atoi accepts: a sign, then
// ASCII digits.
func isDecimalInt(s string) bool {
	i := 0
	if s[0] == '+' || s[0] == '-' {
		i = 1
	}
	if i == len(s) {
		return false
	}
	for ; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isTrace matches prose's `^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`:
// the Treebank's traces and elisions.
func isTrace(w string) bool {
	switch {
	case w == "0", w == "*":
		return true
	case w[0] != '*':
		return false
	case len(w) == 3 && w[2] == '*' && (isWordByte(w[1]) || w[1] == '?'):
		return true
	case len(w) >= 3 && w[1] == '-':
		return isDigits(w[2:], 1, 3)
	}
	// *[A-Z]+*-\d{1,3}
	j := 1
	for j < len(w) && 'A' <= w[j] && w[j] <= 'Z' {
		j++
	}
	return j > 1 && j+1 < len(w) && w[j] == '*' && w[j+1] == '-' && isDigits(w[j+2:], 1, 3)
}

// isBracketLiteral matches `^\-[A-Z]{3}\-$`.
func isBracketLiteral(w string) bool {
	if len(w) != 5 || w[0] != '-' || w[4] != '-' {
		return false
	}
	for _, c := range []byte(w[1:4]) {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

func isDigits(s string, lo, hi int) bool {
	if len(s) < lo || len(s) > hi {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
