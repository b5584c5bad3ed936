package corpus

import (
	"os"
	"testing"
)

// sampleCorpus is the real corpus the reader is measured on.
const sampleCorpus = "../../shared/eval/corpora/abp-sample-2000.jsonl"

// BenchmarkReadJSONL reads the 2,000 articles of the sample corpus, per
// byte of the file.
func BenchmarkReadJSONL(b *testing.B) {
	info, err := os.Stat(sampleCorpus)
	if err != nil {
		b.Skipf("%s not found: %v", sampleCorpus, err)
	}
	b.SetBytes(info.Size())
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		err := ReadFile(sampleCorpus, func(Article) error { n++; return nil }, func(nt Notice) {})
		if err != nil || n != 2000 {
			b.Fatalf("read %d articles: %v", n, err)
		}
	}
}
