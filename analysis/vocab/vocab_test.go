package vocab

import (
	"strings"
	"testing"
)

// TestVocab holds ID to the IDs Add gave, for words of every length
// (sharing their first eight bytes or not), and Unknown for words not
// added.
func TestVocab(t *testing.T) {
	words := []string{"a", "the", "said", "according", "accordingly", "accordion",
		"12345678", "123456789", "123456780", "", "naïve", "o'brien", "u.s"}
	for i := range 3000 { // enough to grow the table and collide
		words = append(words, strings.Repeat("x", i%40)+string(rune('a'+i%26))+strings.Repeat("y", i/26))
	}
	var b Builder
	want := map[string]ID{}
	for _, w := range words {
		id := b.Add(w)
		if prev, ok := want[w]; ok && prev != id {
			t.Fatalf("Add(%q) twice: %d, then %d", w, prev, id)
		}
		want[w] = id
	}
	v := b.Vocab()
	if v.Len() != len(want)+1 {
		t.Errorf("Len = %d, want %d", v.Len(), len(want)+1)
	}
	for w, id := range want {
		if got := v.ID(w); got != id {
			t.Errorf("ID(%q) = %d, want %d", w, got, id)
		}
		if got := v.IDBytes([]byte(w)); got != id {
			t.Errorf("IDBytes(%q) = %d, want %d", w, got, id)
		}
		if got := v.Word(id); got != w {
			t.Errorf("Word(%d) = %q, want %q", id, got, w)
		}
	}
	for _, w := range []string{"b", "thE", "accordin", "accordions", "12345679", "1234567", "naive", "xa "} {
		if _, added := want[w]; added {
			continue
		}
		if got := v.ID(w); got != Unknown {
			t.Errorf("ID(%q) = %d (%q), want Unknown", w, got, v.Word(got))
		}
	}
	if got := v.AppendIDs(nil, []string{"the", "zzz", "said"}); len(got) != 3 || got[0] != want["the"] || got[1] != Unknown || got[2] != want["said"] {
		t.Errorf("AppendIDs = %v", got)
	}
}

// TestEmpty: a Vocab of no words knows none.
func TestEmpty(t *testing.T) {
	v := new(Builder).Vocab()
	if v.Len() != 1 || v.ID("the") != Unknown || v.ID("") != Unknown {
		t.Errorf("empty Vocab: Len %d, ID(the) %d", v.Len(), v.ID("the"))
	}
}

// FuzzWordHead holds Head, by overlapping loads, to packing the bytes
// one by one, for a word's every prefix and both types of word.
func FuzzWordHead(f *testing.F) {
	f.Add("abcdefghij")
	f.Add("\xff\x00é")
	f.Fuzz(func(t *testing.T, s string) {
		for n := 0; n <= len(s); n++ {
			w := s[:n]
			var want uint64
			for i := 0; i < min(n, 8); i++ {
				want |= uint64(w[i]) << (8 * i)
			}
			if got := Head(w); got != want {
				t.Fatalf("Head(%q) = %#x, want %#x", w, got, want)
			}
			if got := Head([]byte(w)); got != want {
				t.Fatalf("Head([]byte(%q)) = %#x, want %#x", w, got, want)
			}
		}
	})
}

// FuzzVocab holds ID to a map of the words added, for a vocabulary of the
// input's fields and TestVocab's words, asked of each field and of each
// field changed in its last byte.
func FuzzVocab(f *testing.F) {
	f.Add("the said according accordingly accordion 12345678 123456789")
	f.Add("a b aa ab ba \xff naïve o'brien u.s abcdefghX abcdefghY")
	f.Fuzz(func(t *testing.T, s string) {
		fields := strings.Fields(s)
		var b Builder
		want := map[string]ID{}
		for _, w := range append(fields, "the", "said", "according") {
			want[w] = b.Add(w)
		}
		v := b.Vocab()
		for _, w := range fields {
			for _, q := range []string{w, w[:len(w)-1] + string(w[len(w)-1]^1), w + "x"} {
				if got := v.ID(q); got != want[q] { // want is Unknown (0) for a word not added
					t.Fatalf("ID(%q) = %d, want %d", q, got, want[q])
				}
			}
		}
		// AppendIDs, its filter in line, is ID word by word, after what
		// dst holds.
		ids := v.AppendIDs([]ID{7}, fields)
		for i, w := range fields {
			if ids[0] != 7 || ids[i+1] != v.ID(w) {
				t.Fatalf("AppendIDs: %q has %d, want %d", w, ids[i+1], v.ID(w))
			}
		}
	})
}

// FuzzBetween holds Between to its spec byte by byte: the high bit of
// each byte of x from lo to hi, for every range under 0x80.
func FuzzBetween(f *testing.F) {
	f.Add(uint64(0x4142435a5b606162), byte('A'), byte('Z'))
	f.Add(uint64(0x2009200d0e1f7f80), byte('\t'), byte('\r'))
	f.Add(uint64(0xff80302e3f212039), byte('0'), byte('9'))
	f.Add(uint64(0), byte(0), byte(0x7f))
	f.Fuzz(func(t *testing.T, x uint64, lo, hi byte) {
		lo, hi = lo&0x7f, hi&0x7f
		var want uint64
		for k := range 8 {
			if c := byte(x >> (8 * k)); lo <= c && c <= hi {
				want |= 0x80 << (8 * k)
			}
		}
		if got := Between(x, lo, hi); got != want {
			t.Fatalf("Between(%#x, %#x, %#x) = %#x, want %#x", x, lo, hi, got, want)
		}
	})
}
