package attribution_test

import (
	"sync"
	"testing"

	"github.com/slant-news/slant/analysis"
	"github.com/slant-news/slant/analysis/actor"
	"github.com/slant-news/slant/analysis/attribution"
	"github.com/slant-news/slant/analysis/segment"
	"github.com/slant-news/slant/corpus"
)

// sampleCorpus is the real corpus attribution is measured on: the seed
// alone is one article's mix of rules.
const sampleCorpus = "../../../shared/eval/corpora/abp-sample-2000.jsonl"

// sample holds the English bodies of the sample, split, lowered and looked
// up in the attributor's vocabulary as Analyze hands them over.
var sample struct {
	once  sync.Once
	at    *attribution.Attributor
	texts []segment.Text
	bytes int
	err   error
}

func sampleTexts(b *testing.B) (*attribution.Attributor, []segment.Text) {
	sample.once.Do(func() {
		seg, err := segment.NewPunkt()
		if err == nil {
			sample.at, err = attribution.New(nil, actor.Default())
		}
		if err != nil {
			sample.err = err
			return
		}
		voc := sample.at.Vocab()
		sample.err = corpus.ReadFile(sampleCorpus, func(art corpus.Article) error {
			if !analysis.English(analysis.Language(art)) {
				return nil
			}
			p := segment.Split(seg, art.Text)
			low := segment.ASCIILower(p.Text)
			p.Lower = segment.AppendLowerKeysOf(nil, p.Text, low, p.Words)
			p.IDs, p.Vocab = voc.AppendIDs(nil, p.Lower), voc
			sample.texts = append(sample.texts, p)
			sample.bytes += len(p.Text)
			return nil
		}, func(corpus.Notice) {})
	})
	if sample.err != nil {
		b.Skipf("%s: %v", sampleCorpus, sample.err)
	}
	return sample.at, sample.texts
}

// BenchmarkSampleEntries finds the entries of every English body of the
// sample, as slant analyze does.
func BenchmarkSampleEntries(b *testing.B) {
	at, texts := sampleTexts(b)
	b.SetBytes(int64(sample.bytes))
	for b.Loop() {
		for _, p := range texts {
			at.Entries(p)
		}
	}
}
