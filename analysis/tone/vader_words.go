package tone

import (
	"math/bits"
	"slices"
	"strings"

	"github.com/slant-news/slant/analysis/vocab"
)

// vaderWord is what VADER's rules ask of a word, read by the word's ID in
// the vocabulary: one lookup per word of a sentence, where the rules asked
// maps of strings many times per word.
type vaderWord struct {
	valence float64 // its mean valence, when inLexicon
	boost   float64 // its increment, when isBooster
	flags   vaderFlags
}

type vaderFlags uint8

const (
	inLexicon vaderFlags = 1 << iota
	isBooster            // a one-word booster
	negates              // the reference's negated: in NEGATE or holds "n't"
	inIdiom              // a word of a multi-word idiom or booster
	isBut                // "but": a sentence without skips butCheck
	// allCaps marks a vaderToken ALL CAPS (str.isupper), never a word.
	allCaps vaderFlags = 1 << 7
)

// vaderRuleWords are the words VADER's rules compare a word with, by ID.
type vaderRuleWords struct {
	no, but, kind, of, or, nor, least, at, very, never, so, this, without, doubt vocab.ID
}

// ruleWords lists the words of vaderRuleWords, in its order.
var ruleWords = []string{"no", "but", "kind", "of", "or", "nor", "least", "at", "very", "never", "so", "this", "without", "doubt"}

// Words returns every word v's rules ask of, in a fixed order: what a
// vocabulary must hold for withVocab.
func (v *vader) Words() []string {
	var words []string
	for _, m := range []map[string]float64{v.valences, v.booster} {
		for w := range m {
			words = append(words, w)
		}
	}
	for w := range v.negate {
		words = append(words, w)
	}
	for w := range v.idiomWord {
		words = append(words, w)
	}
	words = append(words, ruleWords...)
	slices.Sort(words)
	return slices.Compact(words)
}

// ownVocab is a vocabulary of v's words alone.
func (v *vader) ownVocab() *vocab.Vocab {
	var b vocab.Builder
	b.AddAll(v.Words()...)
	return b.Vocab()
}

// withVocab returns v reading its words by their IDs in voc, which holds
// every word of Words.
func (v *vader) withVocab(voc *vocab.Vocab) *vader {
	u := *v
	u.voc = voc
	u.index = newVaderIndex(voc)
	u.words = make([]vaderWord, voc.Len())
	for w, x := range v.valences {
		u.words[voc.ID(w)].valence = x
		u.words[voc.ID(w)].flags |= inLexicon
	}
	for w, x := range v.booster {
		u.words[voc.ID(w)].boost = x
		u.words[voc.ID(w)].flags |= isBooster
	}
	for id := vocab.Unknown + 1; int(id) < voc.Len(); id++ {
		w := voc.Word(id)
		if v.negate[w] || strings.Contains(w, "n't") {
			u.words[id].flags |= negates
		}
		if v.idiomWord[w] {
			u.words[id].flags |= inIdiom
		}
	}
	u.words[vocab.Unknown] = vaderWord{} // no word of v's is unknown
	ids := make([]vocab.ID, len(ruleWords))
	for k, w := range ruleWords {
		ids[k] = voc.ID(w)
	}
	r := &u.rule
	for k, p := range []*vocab.ID{&r.no, &r.but, &r.kind, &r.of, &r.or, &r.nor, &r.least, &r.at, &r.very, &r.never, &r.so, &r.this, &r.without, &r.doubt} {
		*p = ids[k]
	}
	u.words[r.but].flags |= isBut
	u.index.flags = make([]vaderFlags, len(u.words))
	for id, w := range u.words {
		u.index.flags[id] = w.flags
	}
	return &u
}

// vaderIndex finds the IDs of a vocabulary's words by their first eight
// bytes read as one integer (the head; all of most words) and their length:
// a hash of those is one multiplication, the filter in front a bit of 16 KB
// that stays in cache (four in five of a text's words are in no lexicon),
// and a slot holds the head itself, so that a word found is one read (and
// the rest of a longer word compared), where the vocabulary's lookup
// (VADER's largest cost) hashed the word's bytes one by one and compared
// them through a second table.
type vaderIndex struct {
	filter []uint64 // a bit per value of the hash's top filterBits, set for the words held
	slots  []indexSlot
	// tails has, by slot, the bytes 8 to 16 of its word (vocab.Head),
	// 0 for a word of eight bytes or fewer: a word of up to 16 bytes is
	// found without a comparison of strings.
	tails []uint64
	shift uint // 64 - log2(len(slots))
	voc   *vocab.Vocab
	flags []vaderFlags // of each word, by ID: vader.words' flags in a byte a word
}

type indexSlot struct {
	head uint64   // the word's first eight bytes (vocab.Head)
	n    uint32   // its length; 0 for an empty slot
	id   vocab.ID // its ID in the vocabulary
}

// filterBits is the size of the filter: 2^17 bits for some 7,500 words,
// so that a word not held finds its bit set one time in twenty.
const filterBits = 17

// newVaderIndex indexes the words of voc.
func newVaderIndex(voc *vocab.Vocab) *vaderIndex {
	size := 2
	for size < 2*voc.Len() {
		size *= 2
	}
	t := &vaderIndex{filter: make([]uint64, 1<<filterBits/64), slots: make([]indexSlot, size),
		tails: make([]uint64, size), shift: uint(64 - bits.TrailingZeros(uint(size))), voc: voc}
	mask := uint64(size - 1)
	for id := vocab.Unknown + 1; int(id) < voc.Len(); id++ {
		w := voc.Word(id)
		head := vocab.Head(w)
		h := headHash(head, len(w))
		f := h >> (64 - filterBits)
		t.filter[f/64] |= 1 << (f % 64)
		i := h >> t.shift
		for t.slots[i].n != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = indexSlot{head, uint32(len(w)), id}
		if len(w) > 8 {
			t.tails[i] = vocab.Head(w[8:min(len(w), 16)])
		}
	}
	return t
}

// headHash hashes a word by its head and length; its top bits are the
// filter's bit and the first slot.
func headHash(head uint64, n int) uint64 {
	return (head ^ uint64(n)<<59) * 0x9e3779b97f4a7c15
}

// id returns the ID of w, whose vocab.Head is head.
func (t *vaderIndex) id(w string, head uint64) vocab.ID {
	h := headHash(head, len(w))
	if !t.mayHold(h) {
		return vocab.Unknown
	}
	return t.probe(w, head, h)
}

// lookup returns the ID and flags of w, whose vocab.Head is head.
func (t *vaderIndex) lookup(w string, head uint64) (vocab.ID, vaderFlags) {
	id := t.id(w, head)
	return id, t.flags[id]
}

// lookupHead is lookup for a word of n <= 8 bytes, all in its head.
func (t *vaderIndex) lookupHead(head uint64, n int) (vocab.ID, vaderFlags) {
	h := headHash(head, n)
	if !t.mayHold(h) {
		return vocab.Unknown, 0
	}
	id := t.probeHead(head, 0, n, h)
	return id, t.flags[id]
}

// mayHold reports whether the word of headHash h may be held: the
// filter, inlined, turns most words away without a call.
func (t *vaderIndex) mayHold(h uint64) bool {
	f := h >> (64 - filterBits)
	return t.filter[f/64]&(1<<(f%64)) != 0
}

// probe is id(w, head) past the filter; h is their headHash.
func (t *vaderIndex) probe(w string, head, h uint64) vocab.ID {
	mask := uint64(len(t.slots) - 1)
	for i := h >> t.shift; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.n == 0 {
			return vocab.Unknown
		}
		if s.head == head && int(s.n) == len(w) && (len(w) <= 8 || t.voc.Word(s.id)[8:] == w[8:]) {
			return s.id
		}
	}
}

// probeHead is probe for a word of n <= 16 bytes, whose first eight
// are head and the others tail (0 if none).
func (t *vaderIndex) probeHead(head, tail uint64, n int, h uint64) vocab.ID {
	mask := uint64(len(t.slots) - 1)
	for i := h >> t.shift; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.n == 0 {
			return vocab.Unknown
		}
		if s.head == head && int(s.n) == n && t.tails[i] == tail {
			return s.id
		}
	}
}
