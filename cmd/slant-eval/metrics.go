package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
)

// confusion counts three-class predictions (-1, 0, 1) against gold labels.
type confusion [3][3]int // [gold+1][pred+1]

func (c *confusion) add(gold, pred int) { c[gold+1][pred+1]++ }

func (c *confusion) total() int {
	n := 0
	for _, row := range c {
		for _, v := range row {
			n += v
		}
	}
	return n
}

func (c *confusion) accuracy() float64 {
	if c.total() == 0 {
		return 0
	}
	return float64(c[0][0]+c[1][1]+c[2][2]) / float64(c.total())
}

// macroF1 is the unweighted mean of the three classes' F1.
func (c *confusion) macroF1() float64 {
	var sum float64
	for k := range 3 {
		tp := c[k][k]
		var gold, pred int
		for j := range 3 {
			gold += c[k][j]
			pred += c[j][k]
		}
		if tp > 0 {
			p, r := float64(tp)/float64(pred), float64(tp)/float64(gold)
			sum += 2 * p * r / (p + r)
		}
	}
	return sum / 3
}

// prf is precision, recall and F1 from counts of true positives and of
// predicted and gold items.
func prf(tp, pred, gold int) (p, r, f float64) {
	if pred > 0 {
		p = float64(tp) / float64(pred)
	}
	if gold > 0 {
		r = float64(tp) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// readJSONL decodes each line of the file at path into a T and calls fn.
func readJSONL[T any](path string, fn func(T) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for line := 1; sc.Scan(); line++ {
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if err := fn(v); err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
	}
	return sc.Err()
}

// readAll decodes every line of the file at path into a T.
func readAll[T any](path string) ([]T, error) {
	var out []T
	err := readJSONL(path, func(v T) error {
		out = append(out, v)
		return nil
	})
	return out, err
}
