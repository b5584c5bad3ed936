package postag

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
)

// A model file (model.bin, written by cmd/slant-postag from prose's) holds,
// after the magic line, in unsigned varints and little-endian float32s:
//
//	classes   count, then each name (length, bytes), in the model's order
//	          (ties go to the first)
//	words     count, then each unambiguous word (length, bytes) and its class,
//	          sorted by word
//	features  count, then each: its template (a byte), its one or two parts
//	          (length, bytes), its number of weights, and each weight's class
//	          (a byte) and value; sorted by template and parts
//
// Features keep their parts as text rather than as hashes so that the file
// does not depend on the hash function.
const magic = "slant postag perceptron 1\n"

// template is a feature template of the perceptron: what it reads around
// the word being tagged.
type template uint8

const (
	tBias        template = iota
	tSuffix               // the word's last three bytes, as written
	tPref1                // the word's first byte, as written
	tPrevTag              // the tag before
	tPrev2Tag             // the tag two before
	tTagPair              // the tag before and the one before it
	tWord                 // the word, normalised
	tPrevTagWord          // the tag before and the word
	tPrevWord             // the word before
	tPrevSuffix           // the last three bytes of the word before
	tPrev2Word            // the word two before
	tNextWord             // the word after
	tNextSuffix           // the last three bytes of the word after
	tNext2Word            // the word two after
	numTemplates
)

// templateKeys are prose's prefixes of each template's features, which
// prose joins with their parts (two parts with a space between).
var templateKeys = [numTemplates]string{
	"bias", "i suffix ", "i pref1 ", "i-1 tag ", "i-2 tag ", "i tag+i-2 tag ",
	"i word ", "i-1 tag+i word ", "i-1 word ", "i-1 suffix ", "i-2 word ",
	"i+1 word ", "i+1 suffix ", "i+2 word ",
}

func (t template) parts() int {
	switch t {
	case tBias:
		return 0
	case tTagPair, tPrevTagWord:
		return 2
	}
	return 1
}

// parseFeature splits one of prose's feature keys into its template and
// parts.
func parseFeature(key string) (template, string, string, bool) {
	if key == "bias" {
		return tBias, "", "", true
	}
	best := -1
	for t := tSuffix; t < numTemplates; t++ {
		if strings.HasPrefix(key, templateKeys[t]) && (best < 0 || len(templateKeys[t]) > len(templateKeys[best])) {
			best = int(t)
		}
	}
	if best < 0 {
		return 0, "", "", false
	}
	t := template(best)
	rest := key[len(templateKeys[t]):]
	if t.parts() == 1 {
		return t, rest, "", true
	}
	a, b, ok := strings.Cut(rest, " ") // the first part is a tag, with no space
	return t, a, b, ok
}

// Weight is a feature's weight for one class.
type Weight struct {
	Class uint8
	Value float32
}

// Source is a model in the shape prose trains it: the classes in order,
// the words tagged without scoring, and the weights of each feature under
// its key as prose spells it ("i-1 tag+i word DT house").
type Source struct {
	Classes  []string
	Words    map[string]string
	Features map[string][]Weight
}

// Encode writes src as a model file.
func Encode(w io.Writer, src Source) error {
	class := make(map[string]int, len(src.Classes))
	for i, c := range src.Classes {
		if _, ok := ParseTag(c); !ok {
			return fmt.Errorf("class %q is not a Penn Treebank tag", c)
		}
		class[c] = i
	}
	if len(src.Classes) > maxClasses {
		return fmt.Errorf("%d classes, at most %d", len(src.Classes), maxClasses)
	}
	type feature struct {
		t    template
		a, b string
		ws   []Weight
	}
	feats := make([]feature, 0, len(src.Features))
	for key, ws := range src.Features {
		t, a, b, ok := parseFeature(key)
		if !ok {
			return fmt.Errorf("feature %q: no known template", key)
		}
		for _, wt := range ws {
			if int(wt.Class) >= len(src.Classes) {
				return fmt.Errorf("feature %q: class %d of %d", key, wt.Class, len(src.Classes))
			}
		}
		feats = append(feats, feature{t, a, b, ws})
	}
	slices.SortFunc(feats, func(x, y feature) int {
		if x.t != y.t {
			return int(x.t) - int(y.t)
		}
		if c := strings.Compare(x.a, y.a); c != 0 {
			return c
		}
		return strings.Compare(x.b, y.b)
	})
	bw := bufio.NewWriter(w)
	var buf []byte
	str := func(s string) { buf = binary.AppendUvarint(buf, uint64(len(s))); buf = append(buf, s...) }
	buf = append(buf, magic...)
	buf = binary.AppendUvarint(buf, uint64(len(src.Classes)))
	for _, c := range src.Classes {
		str(c)
	}
	words := make([]string, 0, len(src.Words))
	for w := range src.Words {
		words = append(words, w)
	}
	slices.Sort(words)
	buf = binary.AppendUvarint(buf, uint64(len(words)))
	for _, w := range words {
		c, ok := class[src.Words[w]]
		if !ok {
			return fmt.Errorf("word %q: tag %q is not a class", w, src.Words[w])
		}
		str(w)
		buf = append(buf, byte(c))
	}
	buf = binary.AppendUvarint(buf, uint64(len(feats)))
	for _, f := range feats {
		buf = append(buf, byte(f.t))
		if f.t.parts() > 0 {
			str(f.a)
		}
		if f.t.parts() > 1 {
			str(f.b)
		}
		buf = binary.AppendUvarint(buf, uint64(len(f.ws)))
		for _, wt := range f.ws {
			buf = append(buf, wt.Class)
			buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(wt.Value))
		}
		if len(buf) > 1<<16 {
			bw.Write(buf)
			buf = buf[:0]
		}
	}
	bw.Write(buf)
	return bw.Flush()
}

// maxClasses bounds the classes so that scores fit in an array on the stack.
const maxClasses = 64

// model is a decoded model file: the weights of each feature under the
// hash of its template and parts, in an open-addressing table.
type model struct {
	classTag []Tag // class -> tag
	tagClass [numTags]int8
	words    map[string]uint8
	slots    []slot // a power of two in size, at most half full
	classes  []uint8
	weights  []float32
}

// slot is a feature: key is its hash (never 0, which marks an empty slot),
// its weights classes[off:off+n] and weights[off:off+n].
type slot struct {
	key uint64
	off uint32
	n   uint32
}

type reader struct {
	b   []byte
	err error
}

func (r *reader) uvarint() int {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 || v > math.MaxInt32 {
		r.err = errors.New("truncated model file")
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n > len(r.b) {
		r.err = errors.New("truncated model file")
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *reader) str() string { return string(r.bytes(r.uvarint())) }

func (r *reader) byte() byte {
	b := r.bytes(1)
	if b == nil {
		return 0
	}
	return b[0]
}

// decode reads a model file.
func decode(data []byte) (*model, error) {
	if !strings.HasPrefix(string(data), magic) {
		return nil, errors.New("not a slant postag model file")
	}
	r := &reader{b: data[len(magic):]}
	m := &model{}
	for i := range m.tagClass {
		m.tagClass[i] = -1
	}
	nc := r.uvarint()
	if nc > maxClasses {
		return nil, fmt.Errorf("model has %d classes, at most %d", nc, maxClasses)
	}
	for i := 0; i < nc && r.err == nil; i++ {
		name := r.str()
		tag, ok := ParseTag(name)
		if !ok && r.err == nil {
			return nil, fmt.Errorf("model class %q is not a Penn Treebank tag", name)
		}
		m.classTag = append(m.classTag, tag)
		m.tagClass[tag] = int8(i)
	}
	nw := r.uvarint()
	m.words = make(map[string]uint8, min(nw, len(r.b)))
	for i := 0; i < nw && r.err == nil; i++ {
		w := r.str()
		c := r.byte()
		if int(c) >= nc && r.err == nil {
			return nil, fmt.Errorf("word %q: class %d of %d", w, c, nc)
		}
		m.words[w] = c
	}
	nf := r.uvarint()
	if r.err != nil {
		return nil, r.err
	}
	if nf > len(r.b) {
		return nil, errors.New("truncated model file")
	}
	size := 1
	for size < 2*nf {
		size *= 2
	}
	m.slots = make([]slot, size)
	m.classes = make([]uint8, 0, len(r.b)/5) // a weight takes five bytes: at most this many
	m.weights = make([]float32, 0, len(r.b)/5)
	for i := 0; i < nf && r.err == nil; i++ {
		t := template(r.byte())
		if t >= numTemplates && r.err == nil {
			return nil, fmt.Errorf("feature %d: template %d", i, t)
		}
		var ha, hb uint64
		if t.parts() > 0 {
			ha = hashString(string(r.bytes(r.uvarint())))
		}
		if t.parts() > 1 {
			hb = hashString(string(r.bytes(r.uvarint())))
		}
		n := r.uvarint()
		off := len(m.weights)
		for j := 0; j < n && r.err == nil; j++ {
			c := r.byte()
			v := r.bytes(4)
			if r.err != nil {
				break
			}
			if int(c) >= nc {
				return nil, fmt.Errorf("feature %d: class %d of %d", i, c, nc)
			}
			m.classes = append(m.classes, c)
			m.weights = append(m.weights, math.Float32frombits(binary.LittleEndian.Uint32(v)))
		}
		if r.err != nil {
			break
		}
		if !m.insert(featureKey(t, ha, hb), uint32(off), uint32(n)) {
			return nil, fmt.Errorf("feature %d: its hash is another feature's", i)
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	if len(r.b) != 0 {
		return nil, fmt.Errorf("model file: %d bytes after the last feature", len(r.b))
	}
	return m, nil
}

func (m *model) insert(key uint64, off, n uint32) bool {
	mask := uint64(len(m.slots) - 1)
	for i := key & mask; ; i = (i + 1) & mask {
		switch m.slots[i].key {
		case 0:
			m.slots[i] = slot{key, off, n}
			return true
		case key:
			return false
		}
	}
}

// add adds the weights of the feature key into scores, if the model has it.
func (m *model) add(key uint64, scores *[maxClasses]float32) {
	mask := uint64(len(m.slots) - 1)
	for i := key & mask; ; i = (i + 1) & mask {
		s := &m.slots[i]
		if s.key == key {
			cs, ws := m.classes[s.off:s.off+s.n], m.weights[s.off:s.off+s.n]
			for j, c := range cs {
				scores[c&(maxClasses-1)] += ws[j]
			}
			return
		}
		if s.key == 0 {
			return
		}
	}
}

// hashString is 64-bit FNV-1a.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// featureKey is the table key of template t with parts hashed to a and b.
// Two different features of the model never share a key (decode checks);
// a feature the model lacks could take one of theirs with a probability
// of about one in 2^64 / 75,000 per lookup.
func featureKey(t template, a, b uint64) uint64 {
	k := mix(mix(a+uint64(t+1)*0x9e3779b97f4a7c15) ^ b)
	if k == 0 {
		k = 1
	}
	return k
}

// mix is splitmix64's finaliser.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}
