// Package vocab interns the words of lexicons and models.
//
// A Vocab gives each word it holds a small number, its ID, so that a token
// is looked up once in a vocabulary and a stage then reads what it knows of
// the word from an array indexed by the ID, not from maps of strings. A
// body's tokens carry their IDs in the vocabulary of attribution's word
// lists; VADER and the target model keep vocabularies of their own (see
// analysis.New). The words are lowercase forms as
// the lexicons list them; a word in none has the ID Unknown.
package vocab

import "slices"

// ID is a word's number in a Vocab: from 1 in the order the words were
// added, Unknown for a word the Vocab does not hold.
type ID uint32

// Unknown is the ID of every word a Vocab does not hold.
const Unknown ID = 0

// Builder gathers the words of a Vocab. The zero value is ready to use.
type Builder struct {
	ids   map[string]ID
	words []string
}

// Add adds w, unless it is there already, and returns its ID.
func (b *Builder) Add(w string) ID {
	if id, ok := b.ids[w]; ok {
		return id
	}
	if b.ids == nil {
		b.ids = map[string]ID{}
	}
	b.words = append(b.words, w)
	id := ID(len(b.words))
	b.ids[w] = id
	return id
}

// AddAll adds each of words.
func (b *Builder) AddAll(words ...string) {
	if b.ids == nil { // sized once, rather than grown some ten times
		b.ids = make(map[string]ID, len(words))
		b.words = make([]string, 0, len(words))
	}
	for _, w := range words {
		b.Add(w)
	}
}

// Vocab returns the words added so far, with the IDs Add gave them.
func (b *Builder) Vocab() *Vocab {
	n := uint32(1024)
	for n < 4*uint32(len(b.words)) {
		n *= 2
	}
	slots := make([]uint32, n)
	// Written before it is probed: a fresh page that is read first maps
	// the kernel's zero page, which the first insert must then copy, with
	// a TLB shootdown on every core the run uses (a sixth of a short
	// run's CPU time, README: Speed); written first, it is mapped once.
	clear(slots)
	v := &Vocab{slots: slots, mask: n - 1, entries: make([]entry, 1, len(b.words)+1)}
	for _, w := range b.words {
		head := Head(w)
		v.entries = append(v.entries, entry{head, len(w), w})
		h := keyHash(head, len(w))
		i := slotOf(h, v.mask)
		for v.slots[i] != 0 {
			i = (i + 1) & v.mask
		}
		v.slots[i] = uint32(len(v.entries) - 1)
		v.filter.add(h)
	}
	return v
}

// Vocab is a set of words, each with its ID. It is immutable, so safe for
// concurrent use.
//
// The lookup is open addressing over a hash of the word's first eight
// bytes and its length (its Head, one multiplication), with a table at
// most a quarter full, behind a filter of the same hash's top bits: a word
// the Vocab does not hold costs the hash and a bit; a word's first eight
// bytes are compared as one integer kept beside it, not through the
// pointer of a string, and words that share them are told apart by the
// rest: less than a Go map's lookup.
type Vocab struct {
	slots   []uint32 // an ID, 0 for empty
	entries []entry  // by ID; entries[0] stands for Unknown
	mask    uint32
	filter  filter
}

type entry struct {
	head uint64 // the word's first eight bytes (Head)
	n    int    // its length
	word string
}

// Len is the number of IDs, Unknown included: an array indexed by a
// Vocab's IDs has Len entries.
func (v *Vocab) Len() int { return len(v.entries) }

// Word returns the word of id ("" for Unknown).
func (v *Vocab) Word(id ID) string { return v.entries[id].word }

// ID returns the ID of w, or Unknown.
func (v *Vocab) ID(w string) ID { return lookup(v, w) }

// IDBytes is ID for a word in bytes.
func (v *Vocab) IDBytes(w []byte) ID { return lookup(v, w) }

func lookup[T string | []byte](v *Vocab, w T) ID {
	head := Head(w)
	h := keyHash(head, len(w))
	if !v.filter.mayHave(h) {
		return Unknown
	}
	return probe(v, w, head, h)
}

// probe is lookup past the filter: h is the keyHash of w's head.
func probe[T string | []byte](v *Vocab, w T, head, h uint64) ID {
	for i := slotOf(h, v.mask); ; i = (i + 1) & v.mask {
		id := v.slots[i]
		if id == 0 {
			return Unknown
		}
		if e := &v.entries[id]; e.head == head && e.n == len(w) && (len(w) <= 8 || e.word[8:] == string(w[8:])) {
			return ID(id)
		}
	}
}

// AppendIDs appends the ID of each of words to dst.
func (v *Vocab) AppendIDs(dst []ID, words []string) []ID {
	// The filter in line: most of a text's words are turned away by it
	// without a call. The IDs are written into dst grown once.
	n := len(dst)
	dst = slices.Grow(dst, len(words))[:n+len(words)]
	ids := dst[n:]
	for k, w := range words {
		// Head(w), written out: as a call it was a fifth of the loop,
		// and the loop's values were stored in its frame around it.
		var head uint64
		switch n := len(w); {
		case n >= 8:
			head = Load8(w)
		case n >= 4:
			head = le32(w) | le32(w[n-4:])<<(8*(n-4))
		case n >= 2:
			head = le16(w) | le16(w[n-2:])<<(8*(n-2))
		case n == 1:
			head = uint64(w[0])
		}
		id := Unknown
		if h := keyHash(head, len(w)); v.filter.mayHave(h) {
			id = probe(v, w, head, h)
		}
		ids[k] = id
	}
	return dst
}

// filter is a one-sided filter in front of the table: a bitset over the
// top bits of a word's keyHash, set for every word of the Vocab. Most
// words of a text are in no list, and most of those find their bit
// clear.
type filter [1 << 16 / 64]uint64

func (f *filter) add(h uint64) {
	b := h >> 48
	f[b/64] |= 1 << (b % 64)
}

// mayHave is false when no word added has the keyHash h.
func (f *filter) mayHave(h uint64) bool {
	b := h >> 48
	return f[b/64]&(1<<(b%64)) != 0
}

// Head packs the first eight bytes of w (fewer for a shorter word, the
// rest zero), the first lowest, into an integer: one load when there are
// eight, and for a shorter word (most of a text's) two that overlap,
// rather than a loop byte by byte. Tables of words compare it as one
// integer where they would compare the word's first bytes.
func Head[T string | []byte](w T) uint64 {
	switch n := len(w); {
	case n >= 8:
		return Load8(w)
	case n >= 4:
		return le32(w) | le32(w[n-4:])<<(8*(n-4))
	case n >= 2:
		return le16(w) | le16(w[n-2:])<<(8*(n-2))
	case n == 1:
		return uint64(w[0])
	}
	return 0
}

// Load8 is the first eight bytes of w, which has at least eight, as a
// little-endian integer: the one load that Head and the scans of
// segment and tone that go eight bytes at a time share.
func Load8[T string | []byte](w T) uint64 {
	_ = w[7]
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}

// Between has the high bit of each byte of x from lo to hi (both under
// 0x80), and no other bit: "hasbetween" of Bit Twiddling Hacks, exact for
// each byte; a byte from 0x80 up is masked out. It is the range test of
// the scans that read eight bytes at a time by Load8.
func Between(x uint64, lo, hi byte) uint64 {
	const ones, low7, high = 0x0101010101010101, 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	y := x & low7
	return (ones*(127+uint64(hi)+1) - y) &^ x & (y + ones*(127-(uint64(lo)-1))) & high
}

// le32 and le16 are the first four and two bytes of w as a little-endian
// integer.
func le32[T string | []byte](w T) uint64 {
	_ = w[3]
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24
}

func le16[T string | []byte](w T) uint64 {
	_ = w[1]
	return uint64(w[0]) | uint64(w[1])<<8
}

// keyHash hashes a word by its Head and its length: one multiplication.
// Its top 16 bits are the filter's bit, bits 32 up its slot (slotOf), so
// that the two are apart.
func keyHash(head uint64, n int) uint64 {
	return (head ^ uint64(n)<<59) * 0x9e3779b97f4a7c15
}

// slotOf is the first slot of the keyHash h in a table of mask+1 slots.
func slotOf(h uint64, mask uint32) uint32 { return uint32(h>>32) & mask }
