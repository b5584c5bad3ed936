package analysis

import "github.com/slant-news/slant/analysis/vocab"

// shareVocab builds one vocabulary from the words of every lexicon and
// model the stages look tokens up in, and has each stage read its IDs, so
// that a body's word is looked up once for them all (words.lower).
func (a *Analyzer) shareVocab() {
	var b vocab.Builder
	b.AddAll(a.attr.Words()...)
	a.vocab = b.Vocab()
	a.attr = a.attr.WithVocab(a.vocab)
}
