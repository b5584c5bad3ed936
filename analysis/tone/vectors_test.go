package tone

import (
	"bytes"
	"encoding/binary"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/slant-news/slant/analysis/internal/testseed"
)

// testTable makes a table as cmd/slant-embed writes it.
func testTable(words []string, header string) []byte {
	var b bytes.Buffer
	b.WriteString(header)
	for d := range vectorDim {
		b.Write(binary.LittleEndian.AppendUint32(nil, math.Float32bits(float32(d+1)/127)))
	}
	for _, w := range words {
		b.WriteString(w + "\n")
	}
	for k := range words {
		for d := range vectorDim {
			b.WriteByte(byte(int8(k - d%3)))
		}
	}
	return b.Bytes()
}

func TestParseVectors(t *testing.T) {
	good := testTable([]string{"good", "bad"}, "slant-vectors 1 2 100 test\n")
	v, err := parseVectors(good)
	if err != nil {
		t.Fatal(err)
	}
	if k := v.lookup([]byte("bad"), fnv1a([]byte("bad"))); k != 1 || int8(v.row(k)[1]) != 0 || int8(v.row(k)[0]) != 1 {
		t.Errorf("bad: row %d, values %v", k, v.row(max(k, 0))[:3])
	}
	if v.lookup([]byte("ugly"), fnv1a([]byte("ugly"))) != -1 || v.scale[1] != float64(float32(2)/127) {
		t.Errorf("ugly found or scale %v", v.scale[1])
	}
	tests := []struct{ name, want string }{
		{"not a table", "not a slant-vectors"},
		{"slant-vectors 2 2 100 x\n", "not a slant-vectors"},
		{"slant-vectors 1 2 50 x\n", "dimensions"},
		{"slant-vectors 1 2 100 x\nabc", "truncated"},
	}
	for _, tt := range tests {
		if _, err := parseVectors([]byte(tt.name)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want %q", tt.name, err, tt.want)
		}
	}
	bad := map[string][]byte{
		"repeated word": testTable([]string{"good", "good"}, "slant-vectors 1 2 100 x\n"),
		"short values":  good[:len(good)-1],
		"missing words": testTable([]string{"good"}, "slant-vectors 1 2 100 x\n")[:4*vectorDim+30],
	}
	for name, data := range bad {
		if _, err := parseVectors(data); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestBuiltinVectors checks the committed table: 50,000 words, the common
// ones there, and similar words nearer than unrelated ones.
func TestBuiltinVectors(t *testing.T) {
	v, err := loadVectors()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(v.vals) / vectorDim; n != 50000 {
		t.Errorf("%d words, want 50000", n)
	}
	vec := func(w string) []float64 {
		k := v.lookup([]byte(w), fnv1a([]byte(w)))
		if k < 0 {
			t.Fatalf("%q not in the table", w)
		}
		out := make([]float64, vectorDim)
		for d, q := range v.row(k) {
			out[d] = float64(int8(q)) * v.scale[d]
		}
		return out
	}
	cos := func(a, b []float64) float64 {
		var ab, aa, bb float64
		for d := range a {
			ab, aa, bb = ab+a[d]*b[d], aa+a[d]*a[d], bb+b[d]*b[d]
		}
		return ab / math.Sqrt(aa*bb)
	}
	if near, far := cos(vec("condemned"), vec("denounced")), cos(vec("condemned"), vec("banana")); near <= far+0.3 {
		t.Errorf("cos(condemned, denounced) = %.2f, cos(condemned, banana) = %.2f", near, far)
	}
}

// TestVectorScores checks that scoring's shortcut (each word's vector
// weighed once, summed per window) gives the class scores that the named
// features of training give with the model file's weights.
func TestVectorScores(t *testing.T) {
	in := featureInputsT(t)
	m, err := parseTargetModel(targetModelData, in)
	if err != nil {
		t.Fatal(err)
	}
	weights := map[string][numClasses]float64{}
	for line := range strings.SplitSeq(string(targetModelData), "\n") {
		f := strings.Fields(line)
		if len(f) == 4 && strings.HasPrefix(f[0], "v:") {
			var w [numClasses]float64
			for c := range w {
				w[c], _ = strconv.ParseFloat(f[c+1], 64)
			}
			weights[f[0]] = w
		}
	}
	sentences := []struct{ text, target string }{
		{"Critics condemned Russia for the brutal attack on the city.", "Russia"},
		{"The government of Ukraine thanked the generous volunteers.", "Ukraine"},
		{"Russia", "Russia"},
		{"Officials said that the minister, who resigned, was praised.", "the minister"},
	}
	train, score := newFeatures(true), NewSentence()
	for _, tt := range sentences {
		start := strings.Index(tt.text, tt.target)
		var s targetSentence
		s.reset(tt.text)
		targetFeatures(&train, in, &s, start, start+len(tt.target))
		var want [numClasses]float64
		for i, name := range train.names {
			for c := range want {
				want[c] += weights[name][c] * train.vals[i]
			}
		}
		score.Reset(tt.text)
		targetFeatures(&score.features, in, &score.sentence, start, start+len(tt.target))
		if tt.text != tt.target && want == [numClasses]float64{} {
			t.Errorf("%q: no vector features", tt.text)
		}
		var got [numClasses]float64
		m.addVectorScores(&got, &score.sentence, &score.features)
		for c := range got {
			if math.Abs(got[c]-want[c]) > 1e-4 {
				t.Errorf("%q: class %d: vector score %v, named features give %v", tt.text, c, got[c], want[c])
			}
		}
	}
}

// FuzzParseVectors holds parseVectors to an error or a table whose every
// word finds its own row, whatever the bytes.
func FuzzParseVectors(f *testing.F) {
	f.Add(testTable([]string{"good", "bad"}, "slant-vectors 1 2 100 test\n"))
	f.Add(testTable([]string{"good"}, "slant-vectors 1 1 100 x\n"))
	f.Add([]byte("slant-vectors 1 2 100 x\nabc"))
	f.Add([]byte("slant-vectors 1 -1 100 x\n"))
	f.Add([]byte("slant-vectors 1 999999999 100 x\n" + strings.Repeat("x", 400)))
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := parseVectors(data)
		if err != nil {
			return
		}
		n := len(v.vals) / vectorDim
		for k := range v.index.entries {
			w, row := v.index.word(k), v.index.entries[k].info.vec
			if got := v.lookup(w, fnv1a(w)); got != row || int(got) >= n {
				t.Fatalf("%q: row %d, lookup gives %d of %d", w, row, got, n)
			}
		}
	})
}

// TestProjSum holds projSum, whose running sums skip the words without a
// vector, to running sums with one per word, on every window and target
// of the seed's sentences: the same bits, and the same count of words.
func TestProjSum(t *testing.T) {
	m := targetScorer(t, TargetModel).(*modelTarget).model
	art := testseed.Read(t)
	var s targetSentence
	for _, sentence := range sentenceTexts(t, art.Title+"\n\n"+art.Text) {
		s.reset(sentence)
		s.prepare(m.in)
		s.sumProjections(m.proj)
		n := len(s.words)
		perWord := make([][projWidth]float64, n+1) // the words before k
		count := make([]int32, n+1)                // how many have a vector
		for k, w := range s.words {
			perWord[k+1], count[k+1] = perWord[k], count[k]
			if w.vec >= 0 {
				count[k+1]++
				for j, x := range m.proj[int(w.vec)*projWidth:][:projWidth] {
					perWord[k+1][j] = perWord[k][j] + float64(x)
				}
			}
		}
		for from := range n {
			for to := from; to < n; to++ {
				// A target inside the window, or the first word, outside it.
				first, last := from+(to-from)/3, from+(to-from)/2
				if from > 0 && to%2 == 0 {
					first, last = 0, 0
				}
				for win := range numVectorWindows {
					got, gotN := s.projSum(span{from, to}, first, last, win)
					var want [numClasses]float64
					wantN := count[to+1] - count[from]
					if from <= first {
						wantN -= count[last+1] - count[first]
					}
					if gotN != wantN {
						t.Fatalf("%q: window %d [%d, %d], target [%d, %d]: %d words, per word %d", sentence, win, from, to, first, last, gotN, wantN)
					}
					for c := range want {
						j := win*numClasses + c
						want[c] = perWord[to+1][j] - perWord[from][j]
						if from <= first {
							want[c] -= perWord[last+1][j] - perWord[first][j]
						}
					}
					if math.Float64bits(got[0]) != math.Float64bits(want[0]) || math.Float64bits(got[1]) != math.Float64bits(want[1]) || math.Float64bits(got[2]) != math.Float64bits(want[2]) {
						t.Fatalf("%q: window %d [%d, %d], target [%d, %d]: %v, per word %v", sentence, win, from, to, first, last, got, want)
					}
				}
			}
		}
	}
}
