package report

import (
	"slices"
	"testing"

	"github.com/slant-news/slant/analysis/audit"
)

// pandasNA are the strings pandas.read_csv reads as missing by default
// (pandas 2.2, pandas/_libs/parsers.pyx STR_NA_VALUES); readr's default,
// "" and "NA", is among them.
var pandasNA = []string{"", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan",
	"1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null"}

// TestResultWords checks that no result of a check reads as missing.
func TestResultWords(t *testing.T) {
	for _, r := range []string{audit.Pass, audit.Fail, audit.NotMeasured} {
		if slices.Contains(pandasNA, r) {
			t.Errorf("result %q is written as it is, which pandas reads as missing", r)
		}
	}
}
