package report

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/gocarina/gocsv"

	"github.com/slant-news/slant/analysis/vocab"
)

// A table is the one definition of a CSV file. Its row type's fields are
// the file's columns, in order: the csv tag names a column (gocsv writes the
// header row and the rows of audit.csv from the same tags), the doc tag
// describes it, and the field's Go type says how the column is written and
// what its Table Schema type is (see kinds). The rows of a run's files are
// written by appendRecord, which follows the same definition without
// gocsv's reflection per field (TestRecords holds the two together). The
// same definition gives datapackage.json and the README's tables of columns.
type table struct {
	file        string
	about       string // what a row is: "one row per analysed article"
	columns     []column
	primaryKey  []string
	foreignKeys []foreignKey
	empty       any // a []R of no rows: gocsv marshals its header
}

// A column is one field of a table's row type, or an extra text column.
type column struct {
	name   string
	doc    string  // {x} marks the code x
	field  int     // index in the row struct; extraField for an extra column
	offset uintptr // of the field in the row struct, for appendRecord
	kind   kind
}

// extraField is the field of an extra column, one named at run time
// (articles.csv's -keep columns) whose values come with each row apart
// from its struct.
const extraField = -1

// withExtra returns a copy of t with extra text columns after its own, doc
// describing each by its name. Its rows are rendered with their values.
func (t *table) withExtra(names []string, doc func(name string) string) *table {
	if len(names) == 0 {
		return t
	}
	x := *t
	x.columns = slices.Clip(x.columns)
	for _, name := range names {
		x.columns = append(x.columns, column{name: name, doc: doc(name), field: extraField, kind: textKind})
	}
	return &x
}

// extras is how many extra columns t has.
func (t *table) extras() int {
	n := 0
	for _, c := range t.columns {
		if c.field == extraField {
			n++
		}
	}
	return n
}

// A foreignKey joins columns of a table to the key of another.
type foreignKey struct {
	fields []string
	to     *table
	toKey  []string
}

// kind is how a column's values are written.
type kind uint8

const (
	textKind    kind = iota // a string, as it is but for neutralise
	intKind                 // an int, in decimal
	boolKind                // true or false
	scoreKind               // a score: four decimals, empty for NaN
	verdictKind             // a verdict: true, false or empty
	pvalueKind              // a p-value: six significant digits, empty for NaN
	labelKind               // a sentiment label: -1, 0, 1 or empty
)

// schemaTypes are the Table Schema types of the kinds.
var schemaTypes = [...]string{
	textKind:    "string",
	intKind:     "integer",
	boolKind:    "boolean",
	scoreKind:   "number",
	verdictKind: "boolean",
	pvalueKind:  "number",
	labelKind:   "integer",
}

// kinds maps the Go types a row field may have to how it is written.
var kinds = map[reflect.Type]kind{
	reflect.TypeFor[string]():  textKind,
	reflect.TypeFor[int]():     intKind,
	reflect.TypeFor[bool]():    boolKind,
	reflect.TypeFor[score]():   scoreKind,
	reflect.TypeFor[verdict](): verdictKind,
	reflect.TypeFor[pvalue]():  pvalueKind,
	reflect.TypeFor[label]():   labelKind,
}

// tableOf is a table with rows of type R.
type tableOf[R any] struct{ *table }

// define reads the definition of file, whose rows are as rows says, from
// its row type R. A field without a plain csv tag and a doc tag, or of a
// type kinds does not know, is a mistake in this package, so it panics, as
// key and ref do for a column that is not there (when the package is
// initialised, so in every test).
func define[R any](file, rows string) tableOf[R] {
	typ := reflect.TypeFor[R]()
	t := &table{file: file, about: rows, empty: []R{}}
	for i := range typ.NumField() {
		f := typ.Field(i)
		name, doc := f.Tag.Get("csv"), f.Tag.Get("doc")
		k, ok := kinds[f.Type]
		if name == "" || strings.ContainsAny(name, ",-") || doc == "" || !ok {
			panic(fmt.Sprintf("report: %s: field %s: want a plain csv tag, a doc tag and a type of kinds", file, f.Name))
		}
		t.columns = append(t.columns, column{name: name, doc: doc, field: i, offset: f.Offset, kind: k})
	}
	return tableOf[R]{t}
}

// key sets the columns that identify a row.
func (t tableOf[R]) key(columns ...string) tableOf[R] {
	t.mustHave(columns...)
	t.primaryKey = columns
	return t
}

// ref says that columns of t hold the key of the table to: each is the
// name of a column in both, or "mine=theirs".
func (t tableOf[R]) ref(to *table, columns ...string) tableOf[R] {
	fk := foreignKey{to: to}
	for _, c := range columns {
		mine, theirs, ok := strings.Cut(c, "=")
		if !ok {
			theirs = mine
		}
		fk.fields = append(fk.fields, mine)
		fk.toKey = append(fk.toKey, theirs)
	}
	t.mustHave(fk.fields...)
	to.mustHave(fk.toKey...)
	t.foreignKeys = append(t.foreignKeys, fk)
	return t
}

func (t *table) mustHave(columns ...string) {
	for _, c := range columns {
		if !slices.Contains(t.names(), c) {
			panic(fmt.Sprintf("report: %s has no column %s", t.file, c))
		}
	}
}

// names returns the column names, in order.
func (t *table) names() []string {
	names := make([]string, len(t.columns))
	for i, c := range t.columns {
		names[i] = c.name
	}
	return names
}

// appendRecord appends *row, an R of t, and the values of t's extra
// columns as one CSV record, formatted, neutralised (unless raw) and quoted
// as gocsv and encoding/csv write them (TestRecords holds it to them),
// without a string or a slice per field. It reads each field at its offset
// as the type define found there, where reflect.Value.Field checked it
// again for every field of every row (a sixth of the rows' time).
func (t *table) appendRecord(dst []byte, row unsafe.Pointer, extra []string, raw bool) []byte {
	return t.appendFields(dst, row, extra, raw, 0)
}

// appendFields is appendRecord from column from on, a comma before it
// unless it is the first.
func (t *table) appendFields(dst []byte, row unsafe.Pointer, extra []string, raw bool, from int) []byte {
	for i := from; i < len(t.columns); i++ {
		c := &t.columns[i] // ranging by value copied its 56 bytes for every field
		if i > 0 {
			dst = append(dst, ',')
		}
		if c.field == extraField {
			dst = appendText(dst, extra[0], raw)
			extra = extra[1:]
			continue
		}
		f := unsafe.Add(row, c.offset)
		switch c.kind {
		case textKind:
			dst = appendText(dst, *(*string)(f), raw)
		case intKind:
			dst = appendInt(dst, *(*int)(f))
		case boolKind:
			dst = strconv.AppendBool(dst, *(*bool)(f))
		case scoreKind:
			dst = appendFixed(dst, float64(*(*score)(f)), 4)
		case verdictKind:
			s, _ := (*verdict)(f).MarshalCSV()
			dst = append(dst, s...)
		case pvalueKind:
			s, _ := (*pvalue)(f).MarshalCSV()
			dst = append(dst, s...)
		case labelKind:
			s, _ := (*label)(f).MarshalCSV()
			dst = append(dst, s...)
		}
	}
	return append(dst, lineEnd...)
}

// appendText appends a text field, with neutralise's ' unless raw, quoted
// where encoding/csv quotes it: a field with a comma, a quote, a CR or LF,
// one that starts with white space, and \. (which PostgreSQL would take for
// the end of its data). Only quotes change inside the quotes, with LF line
// ends.
func appendText(dst []byte, s string, raw bool) []byte {
	if s != "" && plainStart[s[0]] { // most fields: neither marked nor white space first
		if !needsQuotes(s) {
			return append(dst, s...)
		}
		return appendQuoted(dst, s, false)
	}
	mark := !raw && evaluated(s)
	if !mark && !needsQuotes(s) && !(s != "" && startsWithSpace(s)) {
		return append(dst, s...)
	}
	if mark && !needsQuotes(s) {
		return append(append(dst, '\''), s...)
	}
	return appendQuoted(dst, s, mark)
}

// plainStart marks the bytes that a field can start with and be neither
// evaluated nor start with white space: ASCII after the space, but for
// the quote and those that evaluated looks for.
var plainStart = func() (plain [256]bool) {
	for c := '!'; c < utf8.RuneSelf; c++ {
		plain[c] = !strings.ContainsRune("'=+-@", c)
	}
	return plain
}()

// appendQuoted appends s in quotes, with neutralise's ' first if mark, its
// quotes doubled.
func appendQuoted(dst []byte, s string, mark bool) []byte {
	dst = append(dst, '"')
	if mark {
		dst = append(dst, '\'')
	}
	for {
		i := strings.IndexByte(s, '"')
		if i < 0 {
			break
		}
		dst = append(dst, s[:i+1]...)
		dst = append(dst, '"')
		s = s[i+1:]
	}
	return append(append(dst, s...), '"')
}

// needsQuotes reports whether s holds what encoding/csv quotes a field for
// wherever it is in it.
func needsQuotes(s string) bool {
	if s == `\.` {
		return true
	}
	// Eight bytes at a time (most of a text: the sentences), a word that
	// may have one (a quote, a comma, or a byte under 0x0E: a CR or LF, or
	// a rarer control byte) byte by byte, and the last few bytes as the
	// last eight, which overlap those before, if s has eight
	// (FuzzAppendText).
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if mayNeedQuotes(vocab.Load8(s[i:i+8])) && hasQuoted(s[i:i+8]) {
			return true
		}
	}
	if i == len(s) || (len(s) >= 8 && !mayNeedQuotes(vocab.Load8(s[len(s)-8:]))) {
		return false
	}
	return hasQuoted(s[i:])
}

// hasQuoted reports whether s has a byte that encoding/csv quotes a field
// for, byte by byte.
func hasQuoted(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n', '\r', '"', ',':
			return true
		}
	}
	return false
}

// mayNeedQuotes reports whether a byte of x is a quote, a comma or under
// 0x0E: each test exact, as Hacker's Delight's 6-1 and its "less than" form
// are, under one mask.
func mayNeedQuotes(x uint64) bool {
	const lsb, msb = 0x0101010101010101, 0x8080808080808080
	q, c := x^(lsb*'"'), x^(lsb*',')
	return ((q-lsb)&^q|(c-lsb)&^c|(x-lsb*0x0E)&^x)&msb != 0
}

// startsWithSpace reports whether the non-empty s starts with white space.
func startsWithSpace(s string) bool {
	if c := s[0]; c < utf8.RuneSelf {
		return c == ' ' || ('\t' <= c && c <= '\r') // unicode.IsSpace's ASCII
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// lineEnd ends every record: LF, as readr and pandas write CSV. With
// RFC 4180's CRLF, encoding/csv writes a newline inside a field as CRLF
// too, so that "a\nb" and "a\r\nb" would read back the same.
const lineEnd = "\n"

// newCSVWriter returns the encoding/csv writer every file is written with.
func newCSVWriter(w io.Writer) *csv.Writer {
	cw := csv.NewWriter(w)
	cw.UseCRLF = lineEnd == "\r\n"
	return cw
}

// CSVConfig says how the CSV files are written; the zero value is the
// default.
type CSVConfig struct {
	// Raw writes text fields as they are. By default a text field that a
	// spreadsheet would evaluate (see neutralise) starts with a '.
	Raw bool
	// Keep names input fields (corpus.Article.Fields) written as extra
	// text columns of articles.csv, in this order after the fixed ones; see
	// CheckKeep for the names allowed.
	Keep []string
}

// neutralise prefixes a ' to each text field of a record of t that a
// spreadsheet would run as a formula: one that starts with =, +, -, @, a
// tab or a CR (OWASP's rule for CSV injection). So that dropping the ' gives
// back the text exactly, a field that starts with 's before one of those
// characters gets one more ' too; any other field stays as it is (a title
// in quotes, 'Like a crime scene', say). Numbers, even negative ones, are
// never text fields.
func (t *table) neutralise(record []string) {
	for i, c := range t.columns {
		if c.kind == textKind && evaluated(record[i]) {
			record[i] = "'" + record[i]
		}
	}
}

// evaluated reports whether a text field needs neutralise's '.
func evaluated(s string) bool {
	i := 0
	for i < len(s) && s[i] == '\'' {
		i++
	}
	if i == len(s) {
		return false
	}
	switch s[i] {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// rowWriter is a gocsv writer of t's rows that neutralises them.
type rowWriter struct {
	gocsv.CSVWriter
	t *table
}

func (w rowWriter) Write(record []string) error {
	w.t.neutralise(record)
	return w.CSVWriter.Write(record)
}

// rows returns the writer for t's rows on w.
func (t *table) rows(w gocsv.CSVWriter, cfg CSVConfig) gocsv.CSVWriter {
	if cfg.Raw {
		return w
	}
	return rowWriter{w, t}
}

// header writes t's header row, as gocsv derives it from the tags, and
// the names of any extra columns after it.
func (t *table) header(w gocsv.CSVWriter) error {
	if t.extras() > 0 {
		return w.Write(t.names())
	}
	return gocsv.MarshalCSV(t.empty, w)
}

// rowRenderer renders rows into a buffer it reuses.
type rowRenderer struct {
	buf []byte
}

// render returns rows as CSV records, without a header.
func (t tableOf[R]) render(r *rowRenderer, rows []R, cfg CSVConfig) []byte {
	return t.renderWith(r, rows, cfg, nil)
}

// renderWith is render for a table with extra columns: extra gives their
// values for row i.
func (t tableOf[R]) renderWith(r *rowRenderer, rows []R, cfg CSVConfig, extra func(i int) []string) []byte {
	if len(rows) == 0 {
		return nil
	}
	r.buf = t.appendRows(r.buf[:0], rows, cfg, extra)
	return bytes.Clone(r.buf)
}

// appendRows appends rows as CSV records to dst; extra, if not nil, gives
// the values of the extra columns of row i.
func (t tableOf[R]) appendRows(dst []byte, rows []R, cfg CSVConfig, extra func(i int) []string) []byte {
	for i := range rows {
		var x []string
		if extra != nil {
			x = extra(i)
		}
		dst = t.appendRecord(dst, unsafe.Pointer(&rows[i]), x, cfg.Raw)
	}
	return dst
}

// appendArticleRows is appendRows for the rows of one article, without
// extra columns, which start with its id and outlet: the two are rendered
// once, with the first row, and copied into the rows after that have the
// same, rather than checked for quoting again in every row.
func (t tableOf[R]) appendArticleRows(dst []byte, rows []R, cfg CSVConfig) []byte {
	cols := t.columns
	if len(rows) == 0 || len(cols) < 3 || cols[0].kind != textKind || cols[1].kind != textKind || t.extras() > 0 {
		return t.appendRows(dst, rows, cfg, nil)
	}
	text := func(i, c int) string { return *(*string)(unsafe.Add(unsafe.Pointer(&rows[i]), cols[c].offset)) }
	id, outlet := text(0, 0), text(0, 1)
	start := len(dst)
	dst = append(appendText(dst, id, cfg.Raw), ',')
	dst = appendText(dst, outlet, cfg.Raw)
	end := len(dst) // dst[start:end] is the two fields
	for i := range rows {
		row := unsafe.Pointer(&rows[i])
		switch {
		case i == 0:
		case text(i, 0) == id && text(i, 1) == outlet:
			dst = append(dst, dst[start:end]...)
		default:
			dst = t.appendRecord(dst, row, nil, cfg.Raw)
			continue
		}
		dst = t.appendFields(dst, row, nil, cfg.Raw, 2)
	}
	return dst
}

// score is a tone in [-1, 1], a share or an index, written with four
// decimals, and empty when it is undefined (NaN).
type score float64

func (s score) MarshalCSV() (string, error) { return fixed(float64(s), 4), nil }

// label is a tone label, -1, 0 or 1, written empty where there is none:
// a mention that was not scored (an article not in English), an actor or
// outlet without scored mentions.
type label struct {
	n      int
	scored bool
}

func (l label) MarshalCSV() (string, error) {
	if !l.scored {
		return "", nil
	}
	return strconv.Itoa(l.n), nil
}

// fixed formats f with the given decimals, never as a negative zero; NaN
// gives "".
func fixed(f float64, decimals int) string {
	var b [32]byte // on the stack, for the usual number
	return string(appendFixed(b[:0], f, decimals))
}

// appendFixed appends fixed(f, decimals) to dst.
func appendFixed(dst []byte, f float64, decimals int) []byte {
	if math.IsNaN(f) {
		return dst
	}
	if b, ok := appendFixedShort(dst, f, decimals); ok {
		return b
	}
	return appendFixedFloat(dst, f, decimals)
}

// appendFixedFloat is appendFixed by strconv, for any f but NaN.
func appendFixedFloat(dst []byte, f float64, decimals int) []byte {
	start := len(dst)
	dst = strconv.AppendFloat(dst, f, 'f', decimals, 64)
	if dst[start] == '-' && isZero(dst[start+1:]) {
		dst = append(dst[:start], dst[start+1:]...)
	}
	return dst
}

// appendFixedShort is appendFixed for the usual figure, a score or a share
// of at most four decimals under 10,000, by rounding f·10^decimals to an
// integer, faster than strconv's exact decimal conversion (a sixth of the
// CSV rows' time went to it). f·10^decimals is then under 10^8, within 2^-25 of the
// exact product, so its nearest integer is the exact product's unless it
// lies within 10^-6 of a half: then, and for any other f, ok is false
// (FuzzAppendFixed holds it to strconv).
func appendFixedShort(dst []byte, f float64, decimals int) (_ []byte, ok bool) {
	if decimals < 1 || decimals > 4 || !(math.Abs(f) < 1e4) {
		return dst, false
	}
	v := f * pow10[decimals]
	r := math.Round(v)
	if math.Abs(v-r) > 0.5-1e-6 {
		return dst, false
	}
	n := int64(r)
	if n < 0 {
		dst = append(dst, '-')
		n = -n
	}
	if decimals == 4 && n < 10*10000 { // a score or a share: one digit, then two pairs
		return appendDigits4(append(dst, byte('0'+n/10000), '.'), int(n%10000)), true
	}
	if decimals == 2 && n < 10*100 { // report.html's tones: one digit, then a pair
		return appendDigits2(append(dst, byte('0'+n/100), '.'), int(n%100)), true
	}
	dst = strconv.AppendInt(dst, n/ipow10[decimals], 10)
	dst = append(dst, '.')
	var digits [4]byte
	for d, frac := decimals-1, n%ipow10[decimals]; d >= 0; d, frac = d-1, frac/10 {
		digits[d] = byte('0' + frac%10)
	}
	return append(dst, digits[:decimals]...), true
}

// appendInt is strconv.AppendInt(dst, int64(n), 10) without its calls for
// the usual count or offset, under 100,000 (FuzzAppendInt holds it to
// strconv).
func appendInt(dst []byte, n int) []byte {
	switch {
	case uint(n) < 10:
		return append(dst, byte('0'+n))
	case uint(n) < 100:
		return appendDigits2(dst, n)
	case uint(n) < 1000:
		return appendDigits2(append(dst, byte('0'+n/100)), n%100)
	case uint(n) < 10000:
		return appendDigits4(dst, n)
	case uint(n) < 100000:
		return appendDigits4(append(dst, byte('0'+n/10000)), n%10000)
	}
	return strconv.AppendInt(dst, int64(n), 10)
}

// appendDigits2 appends n, 0 <= n < 100, as its two digits.
func appendDigits2(dst []byte, n int) []byte {
	return append(dst, digitPairs[2*n], digitPairs[2*n+1])
}

// appendDigits4 appends n, 0 <= n < 10000, as its four digits, zeros
// first.
func appendDigits4(dst []byte, n int) []byte {
	hi, lo := 2*(n/100), 2*(n%100)
	return append(dst, digitPairs[hi], digitPairs[hi+1], digitPairs[lo], digitPairs[lo+1])
}

// digitPairs holds the two digits of each number from 00 to 99.
const digitPairs = "00010203040506070809101112131415161718192021222324252627282930313233343536373839" +
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879" +
	"8081828384858687888990919293949596979899"

// pow10 and ipow10 are the powers of ten of appendFixedShort's decimals.
var (
	pow10  = [...]float64{1, 10, 100, 1000, 10000}
	ipow10 = [...]int64{1, 10, 100, 1000, 10000}
)

// isZero reports whether the formatted number b is all zeros.
func isZero(b []byte) bool {
	for _, c := range b {
		if c != '0' && c != '.' {
			return false
		}
	}
	return true
}
