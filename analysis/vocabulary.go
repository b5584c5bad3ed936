package analysis

import "github.com/slant-news/slant/analysis/vocab"

// shareVocab builds the vocabulary a body's tokens carry the IDs of
// (words.lower), from the word lists attribution reads its word classes
// by, and has attribution read those IDs, so that a token is looked up
// once. VADER and the target model keep vocabularies of their own: VADER
// splits a sentence at white space, not into the body's tokens, and the
// target model's lookups by ID measured no faster (README, Speed).
func (a *Analyzer) shareVocab() {
	var b vocab.Builder
	b.AddAll(a.attr.Words()...)
	a.vocab = b.Vocab()
	a.attr = a.attr.WithVocab(a.vocab)
}
