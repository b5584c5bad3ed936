package main

import (
	"reflect"
	"testing"

	"github.com/slant-news/slant/analysis/compare"
)

func TestFlagValues(t *testing.T) {
	pairs := []struct {
		in   string
		want pairsFlag
		ok   bool
	}{{"20", 20, true}, {"0", 0, true}, {"all", compare.AllPairs, true}, {"-1", 0, false}, {"many", 0, false}}
	for _, tt := range pairs {
		var p pairsFlag
		err := p.Set(tt.in)
		if (err == nil) != tt.ok || (tt.ok && p != tt.want) {
			t.Errorf("-pairs %s: %v, %v", tt.in, p, err)
		}
	}
	named := []struct {
		in   string
		want [2]string
		ok   bool
	}{{"A,B", [2]string{"A", "B"}, true}, {`"Smith, Jones",Wire`, [2]string{"Smith, Jones", "Wire"}, true},
		{"A", [2]string{}, false}, {"A,B,C", [2]string{}, false}, {",B", [2]string{}, false}}
	for _, tt := range named {
		var p pairFlags
		err := p.Set(tt.in)
		if (err == nil) != tt.ok || (tt.ok && !reflect.DeepEqual(p, pairFlags{tt.want})) {
			t.Errorf("-pair %s: %v, %v", tt.in, p, err)
		}
	}
	shards := []struct {
		in   string
		want shardFlag
		ok   bool
	}{{"0/3", shardFlag{0, 3}, true}, {"2/3", shardFlag{2, 3}, true}, {"3/3", shardFlag{}, false},
		{"0/0", shardFlag{}, false}, {"-1/2", shardFlag{}, false}, {"1", shardFlag{}, false}}
	for _, tt := range shards {
		var s shardFlag
		err := s.Set(tt.in)
		if (err == nil) != tt.ok || (tt.ok && s != tt.want) {
			t.Errorf("-shard %s: %v, %v", tt.in, s, err)
		}
	}
}
