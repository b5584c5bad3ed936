package tone

import "testing"

// TestWeightTable fills a small table with keys that share their first
// slot, so that lookups probe past each other and wrap around the end.
func TestWeightTable(t *testing.T) {
	tab := newWeightTable(8) // a key's first slot is its top 3 bits: a key's first slot is its top 3 bits
	const slot7 = 7 << 61
	tests := []struct {
		key    uint64
		insert bool // else only looked up
		w      float32
		found  bool
	}{
		{key: slot7 + 1, insert: true, w: 1, found: true},
		{key: slot7 + 2, insert: true, w: 2, found: true}, // wraps to slot 0
		{key: slot7 + 3, insert: true, w: 3, found: true}, // slot 1
		{key: 5, insert: true, w: 4, found: true},         // slot 0 taken: slot 2
		{key: slot7 + 4},
		{key: 6},
		{key: 1 << 62},
	}
	for _, tt := range tests {
		if tt.insert && !tab.insert(tt.key, [numClasses]float32{tt.w, -tt.w, 0}) {
			t.Fatalf("insert(%x) failed", tt.key)
		}
	}
	for _, tt := range tests {
		w, ok := tab.find(tt.key)
		switch {
		case ok != tt.found:
			t.Errorf("find(%x) = %v, want found %v", tt.key, ok, tt.found)
		case ok && w != [numClasses]float32{tt.w, -tt.w, 0}:
			t.Errorf("find(%x) = %v, want weights %v", tt.key, w, tt.w)
		}
	}
	if tab.insert(slot7+2, [numClasses]float32{}) {
		t.Errorf("insert of a key already there succeeded")
	}
}
