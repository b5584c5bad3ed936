package report

import (
	"bytes"
	"encoding/csv"
	"math"
	"reflect"
	"strconv"
	"testing"

	"github.com/gocarina/gocsv"
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

// TestRecords holds each per-article row type's record to gocsv's
// marshalling of the struct: the same columns in the same order, formatted
// and quoted the same.
func TestRecords(t *testing.T) {
	check := func(name string, rows any, got []byte) {
		t.Helper()
		var want bytes.Buffer
		cw := csv.NewWriter(&want)
		cw.UseCRLF = true
		if err := gocsv.MarshalCSVWithoutHeaders(rows, gocsv.NewSafeCSVWriter(cw)); err != nil {
			t.Fatal(err)
		}
		if string(got) != want.String() {
			t.Errorf("%s: records\n%q\ngocsv writes\n%q", name, got, want.String())
		}
	}
	var r rowRenderer
	articles := fill[articleRow](t)
	check("articleRow", articles, renderRows(&r, articles))
	sentences := fill[sentenceRow](t)
	check("sentenceRow", sentences, renderRows(&r, sentences))
	mentions := fill[mentionRow](t)
	check("mentionRow", mentions, renderRows(&r, mentions))
	actors := fill[actorRow](t)
	check("actorRow", actors, renderRows(&r, actors))
	quotes := fill[quoteRow](t)
	check("quoteRow", quotes, renderRows(&r, quotes))
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
			switch f.Kind() {
			case reflect.String:
				f.SetString(strs[k%len(strs)] + strconv.Itoa(j))
			case reflect.Int:
				f.SetInt(int64(k*7 - 10))
			case reflect.Bool:
				f.SetBool(k%2 == 0)
			case reflect.Float64:
				f.SetFloat(nums[k%len(nums)])
			default:
				t.Fatalf("fill: field kind %s", f.Kind())
			}
		}
	}
	return rows
}
