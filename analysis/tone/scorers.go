// Package tone rates the tone of sentences and the sentiment toward a
// target within one.
//
// Sentence scorers (VADER, Naive Bayes) rate a whole sentence; target
// scorers (slant's own model trained on NewsMTSC, and VADER or Naive Bayes
// over the target's clause) rate one mention. Each is chosen by name once,
// with NewSentenceScorer or NewTargetScorer, or an analysis's set with
// NewScorers, which share their models; TrainTarget builds the model.
package tone

import (
	"fmt"
	"strings"
)

// SentenceScorer rates the tone of a whole sentence.
type SentenceScorer interface {
	// Score returns the sentence's tone in [-1, 1].
	Score(sentence string) float64
}

// LoweredScorer is a SentenceScorer that can be handed, beside the
// sentence, the same with its ASCII capitals lowercased
// (segment.ASCIILower) when the caller has it, rather than make it: VADER
// is one.
type LoweredScorer interface {
	SentenceScorer
	// ScoreLowered is Score(sentence); lowered is
	// segment.ASCIILower(sentence). It works in scratch's room, if
	// not nil: reuse one from sentence to sentence, as for a target's.
	ScoreLowered(sentence, lowered string, scratch *Sentence) float64
}

// NewSentenceScorer loads the named sentence scorer, one of
// SentenceScorers.
func NewSentenceScorer(name string) (SentenceScorer, error) {
	return new(models).sentenceScorer(name)
}

func (m *models) sentenceScorer(name string) (SentenceScorer, error) {
	switch name {
	case ScorerVADER:
		return m.vader()
	case ScorerNB:
		return m.naiveBayes()
	}
	return nil, fmt.Errorf("unknown sentence scorer %q (have %s)", name, strings.Join(SentenceScorers, ", "))
}

// TargetScorer rates the sentiment toward one target (a mention) within a
// sentence, not the tone of the sentence as a whole.
type TargetScorer interface {
	// Rate rates the sentiment toward s's text[start:end]: a label (-1, 0
	// or 1) and a score in [-1, 1]. Offsets out of range or inside a
	// UTF-8 sequence are clamped and moved to rune boundaries, so any
	// input gets an answer.
	Rate(s *Sentence, start, end int) (label int, score float64)
}

// NewTargetScorer loads the named target scorer, one of TargetScorers.
func NewTargetScorer(name string) (TargetScorer, error) {
	return new(models).targetScorer(name)
}

func (m *models) targetScorer(name string) (TargetScorer, error) {
	switch name {
	case TargetModel:
		// The feature inputs load while the weights are read: reading
		// them is the longest part of the model's load, and needs none of
		// the inputs.
		type loaded struct {
			in  *featureInputs
			err error
		}
		inputs := make(chan loaded, 1)
		go func() {
			in, err := m.featureInputs()
			inputs <- loaded{in, err}
		}()
		w, err := parseWeights(targetModelData, targetCompiledData)
		in := <-inputs
		if in.err != nil {
			return nil, in.err
		}
		if err != nil {
			return nil, fmt.Errorf("loading the target model: %w", err)
		}
		return &modelTarget{model: w.model(in.in)}, nil
	case TargetVADER:
		v, err := m.vader()
		if err != nil {
			return nil, err
		}
		return &clauseTarget{v}, nil
	case TargetNB:
		nb, err := m.naiveBayes()
		if err != nil {
			return nil, err
		}
		return &clauseTarget{nb}, nil
	}
	return nil, fmt.Errorf("unknown sentiment scorer %q (have %v)", name, TargetScorers)
}

// modelTarget is the target scorer TargetModel.
type modelTarget struct {
	model *targetModel
}

func (m *modelTarget) Rate(t *Sentence, start, end int) (label int, score float64) {
	start, end = clampSpan(t.sentence.text, start, end)
	return m.model.predict(t, start, end)
}

// clauseTarget is a target scorer that rates the target's clause with a
// sentence scorer: TargetVADER and TargetNB.
type clauseTarget struct{ SentenceScorer }

func (c *clauseTarget) Rate(t *Sentence, start, end int) (label int, score float64) {
	s := &t.sentence
	start, end = clampSpan(s.text, start, end)
	cs, ce := s.clause(start, end)
	score = c.Score(s.text[cs:ce])
	return Polarity(score), score
}

// NaiveBayesSHA256 returns the hex digest of the Naive Bayes model file that
// scorer (a SentenceScorer or a TargetScorer) uses, for the record of a run;
// ok is false when it uses none.
func NaiveBayesSHA256(scorer any) (sum string, ok bool) {
	if c, isClause := scorer.(*clauseTarget); isClause {
		scorer = c.SentenceScorer
	}
	if nb, isNB := scorer.(*naiveBayes); isNB {
		return nb.sha256, true
	}
	return "", false
}

// Scorers are the scorers of one analysis, made together so that each
// built-in model is loaded once and shared: VADER serves both the sentence
// tone and the target model's features, Naive Bayes both -nb's sentence
// tone and the nb target scorer. They are safe for concurrent use.
type Scorers struct {
	Target TargetScorer   // the named target scorer
	VADER  SentenceScorer // VADER's sentence tone
	NB     SentenceScorer // Naive Bayes's sentence tone; nil unless asked for
}

// NewScorers loads the named target scorer, VADER's sentence tone and, if
// nb, Naive Bayes's.
func NewScorers(target string, nb bool) (Scorers, error) {
	var m models
	var s Scorers
	var err error
	if s.Target, err = m.targetScorer(target); err != nil {
		return Scorers{}, err
	}
	if s.VADER, err = m.sentenceScorer(ScorerVADER); err != nil {
		return Scorers{}, err
	}
	if nb {
		if s.NB, err = m.sentenceScorer(ScorerNB); err != nil {
			return Scorers{}, err
		}
	}
	return s, nil
}

// models loads each built-in model the first time a scorer made through
// it needs one, and then hands out the same one.
type models struct {
	v  *vader
	nb *naiveBayes
}

// vader is VADER over the built-in lexicons.
func (m *models) vader() (*vader, error) {
	if m.v == nil {
		v, err := newVaderFrom(defaultVADERLexicon, defaultVADEREmoji)
		if err != nil {
			return nil, fmt.Errorf("loading the VADER lexicon: %w", err)
		}
		m.v = v
	}
	return m.v, nil
}

// naiveBayes is cdipaolo/sentiment's built-in model.
func (m *models) naiveBayes() (*naiveBayes, error) {
	if m.nb == nil {
		nb, err := newNaiveBayes()
		if err != nil {
			return nil, err
		}
		m.nb = nb
	}
	return m.nb, nil
}
