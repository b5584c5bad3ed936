package postag

import (
	"bufio"
	"bytes"
	"cmp"
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
//	          (a byte) and value; in the order of their keys (featureKey)
//
// The features are in key order so that loading reads the table the
// tagger looks them up in rather than inserting 75,000 features into one
// (most of the load, when the file was sorted by template and parts): the
// file is written for featureKey and hashString as they are, and a file of
// other keys is rejected as out of order. The parts stay text, so that the
// file says what each feature is.
const magic = "slant postag perceptron 2\n"

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
		key  uint64
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
		if len(ws) > maxClasses {
			return fmt.Errorf("feature %q: %d weights, at most %d", key, len(ws), maxClasses)
		}
		feats = append(feats, feature{t, a, b, t.key(a, b), ws})
	}
	slices.SortFunc(feats, func(x, y feature) int { return cmp.Compare(x.key, y.key) })
	for i := 1; i < len(feats); i++ {
		if feats[i].key == feats[i-1].key {
			return fmt.Errorf("features %q and %q share a key", templateKeys[feats[i-1].t]+feats[i-1].a+" "+feats[i-1].b, templateKeys[feats[i].t]+feats[i].a+" "+feats[i].b)
		}
	}
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

// model is a decoded model file: its features in an open-addressing table,
// each at the slot its key's top bits number or at the first free one
// after (without wrapping round: the table has room past its last number).
type model struct {
	classTag []Tag // class -> tag
	tagClass [numTags]int8
	words    map[string]uint8
	slots    []slot // a power of two in size, at most half full, then the features pushed past it and a free slot
	shift    uint   // 64 - the bits of a slot number
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

// weightBytes is the size of a weight in the file: its class and value.
const weightBytes = 5

type reader struct {
	b   []byte
	err error
}

func (r *reader) uvarint() int {
	if b := r.b; len(b) > 0 && b[0] < 0x80 { // one byte, as most are: inlined (r.b is empty after an error)
		r.b = b[1:]
		return int(b[0])
	}
	return r.longUvarint()
}

func (r *reader) longUvarint() int {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 || v > math.MaxInt32 {
		r.fail()
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
		r.fail()
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

// fail records that the file is cut short, and empties what is left, so
// that every read after reads nothing.
func (r *reader) fail() {
	r.err = errors.New("truncated model file")
	r.b = nil
}

// str is the next string, a view of the file (which Load keeps).
func (r *reader) str() string { return unsafeString(r.bytes(r.uvarint())) }

func (r *reader) byte() byte {
	b := r.bytes(1)
	if b == nil {
		return 0
	}
	return b[0]
}

// decode reads a model file, which the model keeps: its words are read
// where they are.
func decode(data []byte) (*model, error) {
	if !bytes.HasPrefix(data, []byte(magic)) { // not string(data): a copy of the file
		return nil, errors.New("not a slant postag model file")
	}
	r := &reader{b: data[len(magic):]}
	m := &model{}
	for i := range m.tagClass {
		m.tagClass[i] = -1
	}
	nc := r.uvarint()
	if nc > maxClasses || (nc == 0 && r.err == nil) { // none: no tag to give
		return nil, fmt.Errorf("model has %d classes, want 1 to %d", nc, maxClasses)
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
	if err := m.readFeatures(r, nc); err != nil {
		return nil, err
	}
	if len(r.b) != 0 {
		return nil, fmt.Errorf("model file: %d bytes after the last feature", len(r.b))
	}
	return m, nil
}

// readFeatures reads the features into the table. They come in key order,
// so that each one's slot is its own number or the one after the feature
// before's, whichever is later: the table is written in order, as the
// file is read, rather than searched for a free slot 75,000 times.
func (m *model) readFeatures(r *reader, nc int) error {
	nf := r.uvarint()
	if r.err != nil {
		return r.err
	}
	if nf > len(r.b) {
		return errors.New("truncated model file")
	}
	bits := uint(1)
	for 1<<bits < 2*nf {
		bits++
	}
	m.shift = 64 - bits
	m.slots = make([]slot, 1<<bits+1)
	// Written before it is probed, as vocab.Builder.Vocab's slots are.
	clear(m.slots)
	m.classes = make([]uint8, 0, len(r.b)/weightBytes) // at most this many
	m.weights = make([]float32, 0, len(r.b)/weightBytes)
	last, prev := -1, uint64(0) // the slot and the key of the feature before
	for i := 0; i < nf && r.err == nil; i++ {
		t := template(r.byte())
		if t >= numTemplates && r.err == nil {
			return fmt.Errorf("feature %d: template %d", i, t)
		}
		var a, b string
		if t.parts() > 0 {
			a = unsafeString(r.bytes(r.uvarint()))
		}
		if t.parts() > 1 {
			b = unsafeString(r.bytes(r.uvarint()))
		}
		n := r.uvarint()
		if n > maxClasses && r.err == nil {
			return fmt.Errorf("feature %d: %d weights, at most %d", i, n, maxClasses)
		}
		off := len(m.weights)
		ws := r.bytes(weightBytes * n)
		if r.err != nil {
			break
		}
		// Within their capacities: the weights read so far took
		// weightBytes each of the bytes there were.
		m.classes, m.weights = m.classes[:off+n], m.weights[:off+n]
		cs, vs := m.classes[off:], m.weights[off:]
		for j := range cs {
			w := ws[weightBytes*j : weightBytes*(j+1)]
			if int(w[0]) >= nc {
				return fmt.Errorf("feature %d: class %d of %d", i, w[0], nc)
			}
			cs[j], vs[j] = w[0], math.Float32frombits(binary.LittleEndian.Uint32(w[1:]))
		}
		key := t.key(a, b)
		if i > 0 && key <= prev {
			return fmt.Errorf("feature %d: its key is not past the one before: not written for this tagger's keys (go generate ./analysis/postag)", i)
		}
		last, prev = max(int(key>>m.shift), last+1), key
		for last+1 >= len(m.slots) { // past the last number: room for it and a free slot after
			m.slots = append(m.slots, slot{})
		}
		m.slots[last] = slot{key, uint32(off), uint32(n)}
	}
	return r.err
}

// add adds the weights of the feature key into scores, if the model has it.
func (m *model) add(key uint64, scores *[maxClasses]float32) {
	for i := key >> m.shift; ; i++ {
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

// key is the table key of the feature of template t with parts a and b.
func (t template) key(a, b string) uint64 {
	var ha, hb uint64
	if t.parts() > 0 {
		ha = hashString(a)
	}
	if t.parts() > 1 {
		hb = hashString(b)
	}
	return featureKey(t, ha, hb)
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
// Two different features of the model never share a key (Encode checks,
// and decode finds the keys strictly rising);
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
