package tone

import (
	"slices"
	"strings"

	"github.com/slant-news/slant/analysis/vocab"
)

// vaderWord is what VADER's rules ask of a word, read by the word's ID in
// the vocabulary: one lookup per word of a sentence, where the rules asked
// maps of strings many times per word.
type vaderWord struct {
	valence float64 // its mean valence, when inLexicon
	boost   float64 // its increment, when isBooster
	flags   vaderFlags
}

type vaderFlags uint8

const (
	inLexicon vaderFlags = 1 << iota
	isBooster            // a one-word booster
	negates              // the reference's negated: in NEGATE or holds "n't"
	inIdiom              // a word of a multi-word idiom or booster
)

// vaderRuleWords are the words VADER's rules compare a word with, by ID.
type vaderRuleWords struct {
	no, but, kind, of, or, nor, least, at, very, never, so, this, without, doubt vocab.ID
}

// ruleWords lists the words of vaderRuleWords, in its order.
var ruleWords = []string{"no", "but", "kind", "of", "or", "nor", "least", "at", "very", "never", "so", "this", "without", "doubt"}

// Words returns every word v's rules ask of, in a fixed order: what a
// vocabulary must hold for withVocab.
func (v *vader) Words() []string {
	var words []string
	for _, m := range []map[string]float64{v.valences, v.booster} {
		for w := range m {
			words = append(words, w)
		}
	}
	for w := range v.negate {
		words = append(words, w)
	}
	for w := range v.idiomWord {
		words = append(words, w)
	}
	words = append(words, ruleWords...)
	slices.Sort(words)
	return slices.Compact(words)
}

// ownVocab is a vocabulary of v's words alone.
func (v *vader) ownVocab() *vocab.Vocab {
	var b vocab.Builder
	b.AddAll(v.Words()...)
	return b.Vocab()
}

// withVocab returns v reading its words by their IDs in voc, which holds
// every word of Words.
func (v *vader) withVocab(voc *vocab.Vocab) *vader {
	u := *v
	u.voc = voc
	u.words = make([]vaderWord, voc.Len())
	for w, x := range v.valences {
		u.words[voc.ID(w)].valence = x
		u.words[voc.ID(w)].flags |= inLexicon
	}
	for w, x := range v.booster {
		u.words[voc.ID(w)].boost = x
		u.words[voc.ID(w)].flags |= isBooster
	}
	for id := vocab.Unknown + 1; int(id) < voc.Len(); id++ {
		w := voc.Word(id)
		if v.negate[w] || strings.Contains(w, "n't") {
			u.words[id].flags |= negates
		}
		if v.idiomWord[w] {
			u.words[id].flags |= inIdiom
		}
	}
	u.words[vocab.Unknown] = vaderWord{} // no word of v's is unknown
	ids := make([]vocab.ID, len(ruleWords))
	for k, w := range ruleWords {
		ids[k] = voc.ID(w)
	}
	r := &u.rule
	for k, p := range []*vocab.ID{&r.no, &r.but, &r.kind, &r.of, &r.or, &r.nor, &r.least, &r.at, &r.very, &r.never, &r.so, &r.this, &r.without, &r.doubt} {
		*p = ids[k]
	}
	return &u
}
