package attribution_test

import (
	"sync"
	"testing"

	"github.com/slant-news/slant/analysis"
	"github.com/slant-news/slant/analysis/actor"
	"github.com/slant-news/slant/analysis/attribution"
	"github.com/slant-news/slant/analysis/segment"
	"github.com/slant-news/slant/analysis/vocab"
	"github.com/slant-news/slant/corpus"
)

// sampleCorpus is the real corpus attribution is measured on: the seed
// alone is one article's mix of rules.
const sampleCorpus = "../../../shared/eval/corpora/abp-sample-2000.jsonl"

// sample holds the English bodies of the sample, split into words and
// sentences.
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
		sample.err = corpus.ReadFile(sampleCorpus, func(art corpus.Article) error {
			if !analysis.English(analysis.Language(art)) {
				return nil
			}
			p := segment.Split(seg, art.Text)
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

// handover is a text as Analyze hands it over: its words copied into
// buf, lowered and looked up in the attributor's vocabulary just before.
// Slices made once for 2,000 texts and read again long after would add
// misses of the cache that attribution does not have in a run.
type handover struct {
	toks []segment.Token
	low  []string
	ids  []vocab.ID
}

func (h *handover) text(at *attribution.Attributor, p segment.Text) segment.Text {
	h.toks = append(h.toks[:0], p.Words...)
	p.Words = h.toks
	clear(h.low)
	h.low = segment.AppendLowerKeysOf(h.low[:0], p.Text, segment.ASCIILower(p.Text), p.Words)
	h.ids = at.Vocab().AppendIDs(h.ids[:0], h.low)
	p.Lower, p.IDs, p.Vocab = h.low, h.ids, at.Vocab()
	return p
}

// BenchmarkSampleEntries finds the entries of every English body of the
// sample, as slant analyze does, each handed over as Analyze does:
// BenchmarkSampleHandover is the handing over alone.
func BenchmarkSampleEntries(b *testing.B) {
	at, texts := sampleTexts(b)
	b.SetBytes(int64(sample.bytes))
	var h handover
	for b.Loop() {
		for _, p := range texts {
			at.Entries(h.text(at, p))
		}
	}
}

// BenchmarkSampleHandover is BenchmarkSampleEntries without the entries.
func BenchmarkSampleHandover(b *testing.B) {
	at, texts := sampleTexts(b)
	b.SetBytes(int64(sample.bytes))
	var h handover
	for b.Loop() {
		for _, p := range texts {
			h.text(at, p)
		}
	}
}
