package attribution

// wordTable maps the lexicon's words to their wordInfo for the one lookup
// per token newDoc makes: open addressing over a hash of the word, with a
// table at most a quarter full, so that a word in no list (most words)
// costs a short hash and one probe that finds an empty slot, and a word's
// first eight bytes are compared as one integer kept beside its classes,
// not through the pointer of a string: less than a Go map's lookup.
type wordTable struct {
	slots   []uint32 // index+1 into entries, 0 for empty
	entries []wordEntry
	mask    uint32
}

type wordEntry struct {
	head uint64 // the word's first eight bytes (wordHead)
	n    int    // its length
	word string
	info wordInfo
}

func newWordTable(m map[string]wordInfo) *wordTable {
	n := uint32(1024)
	for n < 4*uint32(len(m)) {
		n *= 2
	}
	t := &wordTable{slots: make([]uint32, n), mask: n - 1}
	for w, wi := range m {
		head := wordHead(w)
		t.entries = append(t.entries, wordEntry{head, len(w), w, wi})
		h := wordHash(w, head) & t.mask
		for t.slots[h] != 0 {
			h = (h + 1) & t.mask
		}
		t.slots[h] = uint32(len(t.entries))
	}
	return t
}

// wordHead packs the first eight bytes of w (fewer for a shorter word)
// into an integer.
func wordHead(w string) uint64 {
	var x uint64
	for i := 0; i < len(w) && i < 8; i++ {
		x |= uint64(w[i]) << (8 * i)
	}
	return x
}

// wordHash hashes w, whose wordHead is head: its length and head mixed by
// one multiplication, then FNV-1a over any bytes past the eighth.
func wordHash(w string, head uint64) uint32 {
	h := uint32((head ^ uint64(len(w))<<59) * 0x9e3779b97f4a7c15 >> 32)
	for i := 8; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return h
}

// get returns the classes of the lowercase word w (none for a word in no
// list).
func (t *wordTable) get(w string) wordInfo {
	head := wordHead(w)
	for h := wordHash(w, head) & t.mask; ; h = (h + 1) & t.mask {
		e := t.slots[h]
		if e == 0 {
			return wordInfo{}
		}
		if en := &t.entries[e-1]; en.head == head && en.n == len(w) && (len(w) <= 8 || en.word[8:] == w[8:]) {
			return en.info
		}
	}
}
