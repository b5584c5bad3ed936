package report

import (
	"math"
	"testing"
)

func TestScore(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0.0000"},
		{1, "1.0000"},
		{-1, "-1.0000"},
		{0.123456, "0.1235"},
		{-0.00001, "0.0000"}, // no negative zero
		{math.NaN(), ""},     // nothing to average
	}
	for _, tt := range tests {
		if got, _ := score(tt.in).MarshalCSV(); got != tt.want {
			t.Errorf("score(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
