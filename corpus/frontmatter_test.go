package corpus

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// frontMatterYAML is front matter of every kind frontMatterNodes reads: plain
// keys, keys yaml.v3 resolves (numbers, merges, aliases, tags), equal keys,
// and what is not a mapping.
var frontMatterYAML = []string{
	"",
	"# a comment",
	"title: T\noutlet: O\ndate: 2025-01-01\nid: 0123",
	"title: |\n  two\n  lines\nurl: ~",
	"tags: [a, b]\nmeta: {a: 1}",
	"a: 1\nb: 2\na: 3",
	"a: 1\na: 2\na: 3\nb: 1\nb: 2",
	"a: 1\nb: 2\n'a': 3\n\"b\": 4",
	"1: one\ntrue: yes",
	"base: &b {x: 1}\n<<: *b\ny: 2",
	"&k a: 1\n*k : 2",
	"!!str a: 1\n!custom b: 2",
	"? [a]\n: 1",
	"just a string",
	"- a\n- b",
	"~",
}

// TestFrontMatterNodes: frontMatterNodes gives what yaml.Unmarshal into a
// map gives, errors included.
func TestFrontMatterNodes(t *testing.T) {
	for _, in := range frontMatterYAML {
		got, gotErr := frontMatterNodes([]byte(in))
		var want map[string]yaml.Node
		wantErr := yaml.Unmarshal([]byte(in), &want)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || !reflect.DeepEqual(got, want) {
			t.Errorf("%q: got %v, %v; want %v, %v", in, got, gotErr, want, wantErr)
		}
	}
}

// TestFrontMatterNodesBounds: many equal keys are listed up to a bound, and a
// mapping yaml.v3 would take quadratic time over is refused.
func TestFrontMatterNodesBounds(t *testing.T) {
	var equal strings.Builder
	for i := range 50000 {
		fmt.Fprintf(&equal, "k: %d\n", i)
	}
	_, err := frontMatterNodes([]byte(equal.String()))
	var te *yaml.TypeError
	if !errors.As(err, &te) || len(te.Errors) != maxEqualKeys+1 || te.Errors[maxEqualKeys] != "and 1249974990 more pairs of equal keys" {
		t.Errorf("50,000 equal keys: got %v", err)
	}
	odd := "1: x\n" + keys(maxOddFrontMatterKeys).String()
	if _, err := frontMatterNodes([]byte(odd)); err == nil || !strings.Contains(err.Error(), "over 1000 keys") {
		t.Errorf("%d keys, one a number: got %v", maxOddFrontMatterKeys+1, err)
	}
}

// FuzzFrontMatterNodes: frontMatterNodes agrees with yaml.Unmarshal into a
// map, short of the bounds.
func FuzzFrontMatterNodes(f *testing.F) {
	for _, in := range frontMatterYAML {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, gotErr := frontMatterNodes([]byte(in))
		if gotErr != nil && (strings.Contains(gotErr.Error(), "more pairs of equal keys") || strings.Contains(gotErr.Error(), "over 1000 keys")) {
			return
		}
		var want map[string]yaml.Node
		wantErr := yaml.Unmarshal([]byte(in), &want)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || !reflect.DeepEqual(got, want) {
			t.Errorf("%q: got %v, %v; want %v, %v", in, got, gotErr, want, wantErr)
		}
	})
}

// keys is n lines of distinct keys.
type keys int

func (n keys) String() string {
	var b strings.Builder
	for i := range int(n) {
		fmt.Fprintf(&b, "k%d: v\n", i)
	}
	return b.String()
}

// BenchmarkFrontMatter reads front matter of n keys: ns/op grows with n,
// not with its square as yaml.v3's map decoding does.
func BenchmarkFrontMatter(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		data := []byte(keys(n).String())
		b.Run(fmt.Sprintf("keys=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := frontMatterNodes(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
