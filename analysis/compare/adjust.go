package compare

import (
	"cmp"
	"math"
	"slices"
)

// adjust sets the Q of every difference with a p-value: the
// Benjamini-Hochberg adjusted p-value over all of them, so that the rows
// with Q at most α have a false discovery rate of at most α (for
// independent or positively dependent tests).
func adjust(ds []Difference) {
	var idx []int
	for i := range ds {
		ds[i].Q = math.NaN()
		if !math.IsNaN(ds[i].P) {
			idx = append(idx, i)
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(ds[a].P, ds[b].P) })
	m := float64(len(idx))
	q := 1.0
	for k := len(idx) - 1; k >= 0; k-- {
		q = min(q, ds[idx[k]].P*m/float64(k+1))
		ds[idx[k]].Q = q
	}
}
