package report

import (
	"bytes"
	"encoding/csv"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/slant-news/slant/analysis/compare"

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

// TestRecords holds every table's header and records to gocsv's
// marshalling of its row struct, as the writers use it: the same columns in
// the same order, formatted, quoted and neutralised the same.
func TestRecords(t *testing.T) {
	for _, cfg := range []CSVConfig{{}, {Raw: true}} {
		var checked []*table
		check := func(tab *table, want, got []byte) {
			t.Helper()
			checked = append(checked, tab)
			if !bytes.Equal(got, want) {
				t.Errorf("%s, %+v: records\n%q\ngocsv writes\n%q", tab.file, cfg, got, want)
			}
		}
		check(records(t, articlesTable, cfg))
		check(records(t, sentencesTable, cfg))
		check(records(t, mentionsTable, cfg))
		check(records(t, actorsTable, cfg))
		check(records(t, outletsTable, cfg))
		check(records(t, groupsTable, cfg))
		check(records(t, quotesTable, cfg))
		check(records(t, balanceTable, cfg))
		check(records(t, differencesTable, cfg))
		check(records(t, timelineTable, cfg))
		check(records(t, skippedTable, cfg))
		check(records(t, auditTable, cfg))
		for _, tab := range append(slices.Clone(runTables), auditTable.table) {
			if !slices.Contains(checked, tab) {
				t.Errorf("%s: not checked", tab.file)
			}
		}
	}
}

// records returns what gocsv writes for rows of every kind of value, header
// included, and what the table's header and render write.
func records[R any](t *testing.T, tab tableOf[R], cfg CSVConfig) (_ *table, want, got []byte) {
	t.Helper()
	rows := fill[R](t)
	var w bytes.Buffer
	cw := gocsv.NewSafeCSVWriter(newCSVWriter(&w))
	if err := tab.header(cw); err != nil {
		t.Fatal(err)
	}
	if err := gocsv.MarshalCSVWithoutHeaders(rows, tab.rows(cw, cfg)); err != nil {
		t.Fatal(err)
	}
	var g bytes.Buffer
	hw := newCSVWriter(&g)
	hw.Write(tab.names())
	hw.Flush()
	var r rowRenderer
	g.Write(tab.render(&r, rows, cfg))
	return tab.table, w.Bytes(), g.Bytes()
}

// TestKeepColumns checks articles.csv's -keep columns: after the fixed
// ones in -keep order, in the header, neutralised like other text, and in
// datapackage.json.
func TestKeepColumns(t *testing.T) {
	cfg := CSVConfig{Keep: []string{"event_id", "author"}}
	tab := articlesFor(cfg)
	if got, want := tab.names()[len(articlesTable.columns):], cfg.Keep; !slices.Equal(got, want) {
		t.Fatalf("extra columns %q, want %q", got, want)
	}
	if len(articlesTable.columns) != len(tab.columns)-2 {
		t.Fatal("withExtra changed articles.csv's own table")
	}
	var w bytes.Buffer
	hw := gocsv.NewSafeCSVWriter(newCSVWriter(&w))
	if err := tab.header(hw); err != nil {
		t.Fatal(err)
	}
	hw.Flush()
	var r rowRenderer
	w.Write(tableOf[articleRow]{tab}.renderWith(&r, []articleRow{{ArticleID: "a", Words: 3}}, cfg, func(int) []string { return []string{"e1", "=cmd"} }))
	got, err := csv.NewReader(&w).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if h, row := got[0], got[1]; !slices.Equal(h[len(h)-3:], []string{"language", "event_id", "author"}) || !slices.Equal(row[len(row)-2:], []string{"e1", "'=cmd"}) || row[0] != "a" {
		t.Errorf("got\n%q", got)
	}
	p := describe([]*table{tab}, cfg)
	fields := p.Resources[0].Schema.Fields
	if last := fields[len(fields)-1]; last.Name != "author" || last.Type != "string" {
		t.Errorf("datapackage's last articles field %+v", last)
	}
	for _, bad := range [][]string{{"title"}, {"language"}, {"a", "a"}, {""}, {"=x"}, {" a"}} {
		if err := CheckKeep(bad); err == nil {
			t.Errorf("CheckKeep(%q) = nil", bad)
		}
	}
	if err := CheckKeep(cfg.Keep); err != nil {
		t.Error(err)
	}
}

// undoNeutralise drops the ' neutralise adds, as the README tells users to.
func undoNeutralise(s string) string {
	if neutralised.MatchString(s) {
		return s[1:]
	}
	return s
}

var neutralised = regexp.MustCompile(`^'+[-=+@\t\r]`)

// TestNeutralise checks which text fields are neutralised and that numbers
// never are.
func TestNeutralise(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"", ""},
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+1", "'+1"},
		{"-0.5", "'-0.5"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tindent", "'\tindent"},
		{"\rreturn", "'\rreturn"},
		{"'quoted'", "'quoted'"},
		{"'=x", "''=x"},
		{"''-x", "'''-x"},
		{"'", "'"},
		{"a=b", "a=b"},
		{" =1", " =1"},
	}
	for _, tt := range tests {
		r := differenceRow{Actor: tt.in, Measure: "sentiment", Difference: -0.5, Low: -1, High: 0.25}
		var w bytes.Buffer
		cw := gocsv.NewSafeCSVWriter(newCSVWriter(&w))
		if err := gocsv.MarshalCSVWithoutHeaders([]differenceRow{r}, differencesTable.rows(cw, CSVConfig{})); err != nil {
			t.Fatal(err)
		}
		got, err := csv.NewReader(&w).Read()
		if err != nil {
			t.Fatal(err)
		}
		if undone := undoNeutralise(tt.want); undone != tt.in {
			t.Errorf("%q: undone as the README says, %q", tt.in, undone)
		}
		if got[0] != tt.want || got[1] != "sentiment" || got[4] != "-0.5000" || got[5] != "-1.0000" {
			t.Errorf("%q: written as %q, want %q and the numbers as they are", tt.in, got, tt.want)
		}
		var rr rowRenderer
		raw, err := csv.NewReader(bytes.NewReader(differencesTable.render(&rr, []differenceRow{r}, CSVConfig{Raw: true}))).Read()
		if err != nil || raw[0] != tt.in {
			t.Errorf("%q: with Raw, read back as %q (%v)", tt.in, raw, err)
		}
	}
}

// fill returns rows of T with every field set, each row differently and
// each field of a row to a different value, with the cases CSV quoting and
// the score format have to get right.
func fill[T any](t *testing.T) []T {
	t.Helper()
	strs := []string{`plain`, `with, comma`, "quote \" and\nnew line", ``, ` lead space`, "“curly”;x",
		"=1+1", "-", "'quoted", "\r\nCRLF", "@x"}
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
			case score, pvalue:
				f.SetFloat(nums[k%len(nums)] * 1e-3)
			case verdict:
				iv := compare.Interval{Low: nums[k%len(nums)], High: nums[(k+1)%len(nums)]}
				f.Set(reflect.ValueOf(verdict{iv}))
			case label:
				f.Set(reflect.ValueOf(label{k%3 - 1, k%4 != 0}))
			default:
				t.Fatalf("fill: field type %s", f.Type())
			}
		}
	}
	return rows
}

// FuzzNeutralise checks that a neutralised text field never starts with a
// character a spreadsheet evaluates, and that undoing gives the text back.
func FuzzNeutralise(f *testing.F) {
	for _, s := range []string{"", "plain", "=1", "-0.5", "'", "''=x", "'quoted'", "\t", "\r\n", "@", "''", ", a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		record := []string{s, "", "", "", "-1.0000", "", "", "", "outlet", "rest", "0.001998", "0.0123"} // a differences.csv record
		differencesTable.neutralise(record)
		if strings.ContainsAny(record[0][:min(1, len(record[0]))], "=+-@\t\r") {
			t.Errorf("%q: neutralised as %q", s, record[0])
		}
		if undone := undoNeutralise(record[0]); undone != s {
			t.Errorf("%q: neutralised as %q, undone as %q", s, record[0], undone)
		}
		if record[4] != "-1.0000" {
			t.Errorf("a number neutralised: %q", record[4])
		}
	})
}

// FuzzAppendText holds appendText, the text fields of render, to
// encoding/csv writing the neutralised field.
func FuzzAppendText(f *testing.F) {
	for _, s := range []string{"", "plain", `\.`, "\u00a0x", " x", "'=x", "=a\"b", "a,b", "\r\n", "\"", "@\n", "'", "-1",
		"a sentence of some words", "a sentence, of some words", "some eight\nbytes", "sixteen bytes ok\r", "eight by\"tes and more",
		"a tab\tin eight bytes, then more", "a tab\tthen eight plain bytes", "\x01\x0d\x0e\x80 long enough, then", "\xff\xfe\x8e\xa2\xac,",
		"nine byte,s", "ten bytes ok\x01x", "a tail after eight\"", "eighteen byte tail\x00"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, raw bool) {
		record := []string{s}
		if !raw && evaluated(s) {
			record[0] = "'" + s
		}
		var want bytes.Buffer
		w := newCSVWriter(&want)
		w.Write(record)
		w.Flush()
		got := append(appendText(nil, s, raw), lineEnd...)
		if string(got) != want.String() {
			t.Errorf("appendText(%q, %v) = %q, encoding/csv writes %q", s, raw, got, want.String())
		}
	})
}

// fixedCases are numbers whose rounding to four decimals is close: exact
// halves (0.03125 rounds to even), near halves, negative zeros, the limit
// of appendFixedShort.
var fixedCases = []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 0.03125, 0.09375, -0.03125, 0.00005, -0.00005, 0.00004999, -0.00004,
	0.99995, -0.99995, 0.123456789, 9.9999, -9.99994, 9.99995, 10.00004, 0.0101, 0.9009, 9.994, 9.995, -0.005, 9999.99995, 9999.4999, 10000, -10000, 1e-300, 1.5e300, 0.1 + 0.2, 2.0 / 3, math.Inf(1), math.Inf(-1), math.NaN()}

// TestAppendFixed checks fixed's decimals against strconv's, which round
// the exact value half to even.
func TestAppendFixed(t *testing.T) {
	for _, f := range fixedCases {
		for decimals := range 6 {
			want := ""
			if !math.IsNaN(f) {
				want = string(appendFixedFloat(nil, f, decimals))
			}
			if got := fixed(f, decimals); got != want {
				t.Errorf("fixed(%v, %d) = %q, want %q", f, decimals, got, want)
			}
		}
	}
	// Every 2^-16 over [-2, 2], where binary halves are, and each
	// multiple of 10^-4.5 and its neighbours, where decimal ones are.
	for i := -1 << 17; i <= 1<<17; i++ {
		for _, f := range []float64{float64(i) / (1 << 16), float64(i) * 0.5e-4, math.Nextafter(float64(i)*0.5e-4, 1), math.Nextafter(float64(i)*0.5e-4, -1)} {
			if got, want := appendFixed(nil, f, 4), appendFixedFloat(nil, f, 4); string(got) != string(want) {
				t.Fatalf("appendFixed(%v, 4) = %q, strconv gives %q", f, got, want)
			}
		}
	}
}

// FuzzAppendFixed holds appendFixed's short way to strconv's.
func FuzzAppendFixed(f *testing.F) {
	for _, x := range fixedCases {
		f.Add(x, 4)
		f.Add(x, 2)
	}
	f.Fuzz(func(t *testing.T, x float64, decimals int) {
		decimals = decimals & 7
		if math.IsNaN(x) {
			return
		}
		if got, want := appendFixed(nil, x, decimals), appendFixedFloat(nil, x, decimals); string(got) != string(want) {
			t.Errorf("appendFixed(%v, %d) = %q, strconv gives %q", x, decimals, got, want)
		}
	})
}

// FuzzArticleRows holds appendArticleRows, which renders the id and the
// outlet once for an article's rows, to appendRows, which renders every
// field of every row: ids and outlets that need quoting or neutralising,
// and a row whose id or outlet differs from the first's.
func FuzzArticleRows(f *testing.F) {
	f.Add("a1", "CNN", "text", 3, -1, false, false)
	f.Add(`"q",x`, "=Fox", " lead", 2, 1, false, true)
	f.Add(`\.`, "", "", 1, 0, true, false)
	f.Add("id", "out,let", "a\nb", 4, 2, true, true)
	f.Fuzz(func(t *testing.T, id, outlet, text string, n, other int, otherOutlet, raw bool) {
		n = 1 + int(uint(n)%5)
		rows := make([]quoteRow, n)
		for i := range rows {
			rows[i] = quoteRow{ArticleID: id, Outlet: outlet, Part: "body", Sentence: i, Text: text, Speaker: outlet}
		}
		if i := int(uint(other) % uint(n)); other != 0 {
			if otherOutlet {
				rows[i].Outlet += "~"
			} else {
				rows[i].ArticleID = text
			}
		}
		cfg := CSVConfig{Raw: raw}
		got := quotesTable.appendArticleRows([]byte("before\n"), rows, cfg)
		want := quotesTable.appendRows([]byte("before\n"), rows, cfg, nil)
		if !bytes.Equal(got, want) {
			t.Fatalf("appendArticleRows:\n%s\nappendRows:\n%s", got, want)
		}
	})
}

// FuzzAppendInt holds appendInt to strconv.AppendInt.
func FuzzAppendInt(f *testing.F) {
	for _, n := range []int{0, 9, 10, 99, 100, 999, 1000, 9999, 10000, 99999, 100000, -1, -10, math.MaxInt, math.MinInt} {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, n int) {
		if got, want := appendInt([]byte("x"), n), strconv.AppendInt([]byte("x"), int64(n), 10); string(got) != string(want) {
			t.Errorf("appendInt(%d) = %q, strconv gives %q", n, got, want)
		}
	})
}
