package corpus

import (
	"fmt"
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

// BenchmarkUniqueSameID renames n articles that all have one id, as a
// corpus of records without ids but for a constant gives them: ns/op grows
// with n, not with its square, when each rename starts after the last.
func BenchmarkUniqueSameID(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for b.Loop() {
				var ids IDs
				for i := range n {
					a := Article{ID: "a", Source: "a.jsonl", Line: i + 1}
					ids.Unique(&a)
				}
			}
		})
	}
}
