package attribution

// wordTable maps the lexicon's words to their wordInfo for the one lookup
// per token newDoc makes: open addressing over a hash of the word's bytes,
// with a table at most a quarter full, so that a word in no list (most
// words) costs a short hash and one probe that finds an empty slot, less
// than a Go map's lookup.
type wordTable struct {
	slots   []uint32 // index+1 into entries, 0 for empty
	entries []wordEntry
	mask    uint32
}

type wordEntry struct {
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
		t.entries = append(t.entries, wordEntry{w, wi})
		h := wordHash(w) & t.mask
		for t.slots[h] != 0 {
			h = (h + 1) & t.mask
		}
		t.slots[h] = uint32(len(t.entries))
	}
	return t
}

// wordHash is FNV-1a over the bytes of w.
func wordHash(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return h
}

// get returns the classes of the lowercase word w (none for a word in no
// list).
func (t *wordTable) get(w string) wordInfo {
	for h := wordHash(w) & t.mask; ; h = (h + 1) & t.mask {
		e := t.slots[h]
		if e == 0 {
			return wordInfo{}
		}
		if en := &t.entries[e-1]; en.word == w {
			return en.info
		}
	}
}
