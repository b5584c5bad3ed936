package report

import (
	"bytes"
	"math"
	"reflect"
	"slices"
	"strconv"
	"testing"

	"github.com/gocarina/gocsv"

	"github.com/slant-news/slant/analysis"
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

// TestRecords holds every table's header and records to gocsv's
// marshalling of its row struct: the same columns in the same order,
// formatted and quoted the same.
func TestRecords(t *testing.T) {
	var checked []*table
	check := func(tab *table, want, got []byte) {
		t.Helper()
		checked = append(checked, tab)
		if !bytes.Equal(got, want) {
			t.Errorf("%s: records\n%q\ngocsv writes\n%q", tab.file, got, want)
		}
	}
	check(records(t, articlesTable))
	check(records(t, sentencesTable))
	check(records(t, mentionsTable))
	check(records(t, actorsTable))
	check(records(t, outletsTable))
	check(records(t, quotesTable))
	check(records(t, balanceTable))
	check(records(t, differencesTable))
	check(records(t, skippedTable))
	check(records(t, auditTable))
	for _, tab := range append(slices.Clone(runTables), auditTable.table) {
		if !slices.Contains(checked, tab) {
			t.Errorf("%s: not checked", tab.file)
		}
	}
}

// records returns what gocsv writes for rows of every kind of value, header
// included, and what the table's header and render write.
func records[R any](t *testing.T, tab tableOf[R]) (_ *table, want, got []byte) {
	t.Helper()
	rows := fill[R](t)
	var w bytes.Buffer
	if err := gocsv.MarshalCSV(rows, gocsv.NewSafeCSVWriter(newCSVWriter(&w))); err != nil {
		t.Fatal(err)
	}
	var g bytes.Buffer
	cw := newCSVWriter(&g)
	cw.Write(tab.names())
	cw.Flush()
	var r rowRenderer
	g.Write(tab.render(&r, rows))
	return tab.table, w.Bytes(), g.Bytes()
}

// fill returns rows of T with every field set, each row differently and
// each field of a row to a different value, with the cases CSV quoting and
// the score format have to get right.
func fill[T any](t *testing.T) []T {
	t.Helper()
	strs := []string{`plain`, `with, comma`, "quote \" and\nnew line", ``, ` lead space`, "“curly”;x"}
	nums := []float64{0.12345, math.NaN(), -0.00001, -1, 1}
	rows := make([]T, 5)
	for i := range rows {
		v := reflect.ValueOf(&rows[i]).Elem()
		for j := range v.NumField() {
			f := v.Field(j)
			k := i + j
			switch f.Interface().(type) {
			case string:
				f.SetString(strs[k%len(strs)] + strconv.Itoa(j))
			case int:
				f.SetInt(int64(k*7 - 10))
			case bool:
				f.SetBool(k%2 == 0)
			case score:
				f.SetFloat(nums[k%len(nums)])
			case verdict:
				iv := analysis.Interval{Low: nums[k%len(nums)], High: nums[(k+1)%len(nums)]}
				f.Set(reflect.ValueOf(verdict{iv}))
			default:
				t.Fatalf("fill: field type %s", f.Type())
			}
		}
	}
	return rows
}
