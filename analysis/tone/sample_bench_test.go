package tone

import (
	"sync"
	"testing"

	"github.com/slant-news/slant/analysis/actor"
	"github.com/slant-news/slant/analysis/segment"
	"github.com/slant-news/slant/corpus"
)

// sampleCorpus is the real corpus the stages are measured on, as slant
// analyze meets it.
const sampleCorpus = evalCorpora + "/abp-sample-2000.jsonl"

// sampleSentence is a sentence of the sample, lowered, with its words and
// its actors' mentions.
type sampleSentence struct {
	text, lowered string
	words         []segment.Token
	mentions      []actor.Match
}

var sample = sync.OnceValues(func() ([]sampleSentence, error) {
	seg, err := segment.NewPunkt()
	if err != nil {
		return nil, err
	}
	actors := actor.Default()
	var ss []sampleSentence
	err = corpus.ReadFile(sampleCorpus, func(art corpus.Article) error {
		for _, text := range []string{art.Title, art.Text} {
			low := segment.ASCIILower(text)
			for _, sp := range segment.Sentences(seg, text) {
				s := text[sp.Start:sp.End]
				words := segment.Tokenize(s, nil, false)
				ss = append(ss, sampleSentence{s, low[sp.Start:sp.End], words, actors.MatchWords(s, words)})
			}
		}
		return nil
	}, func(corpus.Notice) {})
	return ss, err
})

func sampleSentences(b *testing.B) []sampleSentence {
	ss, err := sample()
	if err != nil {
		b.Skipf("%s: %v (the evaluation data lives in ../shared/eval)", sampleCorpus, err)
	}
	return ss
}

// BenchmarkSampleVADER is VADER's tone of every sentence of the sample, as
// slant analyze scores them.
func BenchmarkSampleVADER(b *testing.B) {
	ss := sampleSentences(b)
	v, scratch := newVader(), NewSentence()
	for b.Loop() {
		for i := range ss {
			v.ScoreLowered(ss[i].text, ss[i].lowered, scratch)
		}
	}
}

// BenchmarkSampleTarget rates every mention of an actor in the sample with
// the target model, as slant analyze rates them.
func BenchmarkSampleTarget(b *testing.B) {
	ss := sampleSentences(b)
	ts := targetScorer(b, TargetModel)
	t := NewSentence()
	for b.Loop() {
		for i := range ss {
			s := &ss[i]
			if len(s.mentions) == 0 {
				continue
			}
			t.ResetWords(s.text, s.words, 0)
			for _, m := range s.mentions {
				ts.Rate(t, m.Start, m.End)
			}
		}
	}
}

// BenchmarkFeatureInputs loads the target model's feature inputs, as a
// run does at its start.
func BenchmarkFeatureInputs(b *testing.B) {
	for b.Loop() {
		if _, err := new(models).featureInputs(); err != nil {
			b.Fatal(err)
		}
	}
}
