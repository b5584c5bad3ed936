package report

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/slant-news/slant/analysis"
	"github.com/slant-news/slant/analysis/compare"
	"github.com/slant-news/slant/corpus"
)

// TestRename holds the renaming of rendered rows to rendering them with the
// new id, for ids that need quoting, neutralising and escaping.
func TestRename(t *testing.T) {
	an, err := analysis.New(analysis.Config{})
	if err != nil {
		t.Fatal(err)
	}
	actors := an.Actors().Names()
	dir := t.TempDir()
	h, err := CreateHTML(dir, actors)
	if err != nil {
		t.Fatal(err)
	}
	defer h.rows.Close()
	for _, raw := range []bool{false, true} {
		c, err := CreateCSV(t.TempDir(), CSVConfig{Raw: raw})
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range []string{"plain", `with, "comma"`, "=1+1", "'", " lead", "<b>&amp;", "two\nlines"} {
			render := func(id string) (CSVRows, []byte, HTMLRow) {
				a := an.Analyze(corpus.Article{ID: id, Outlet: "O, \"x\"", Title: "Russia talks",
					Text: "Kyiv said \"we will not be sidelined\", Zelensky told reporters.\r\nMoscow disagreed."})
				rows, err := c.Render(a)
				if err != nil {
					t.Fatal(err)
				}
				s := a.Summary(actors)
				hr, err := h.Render(a)
				if err != nil {
					t.Fatal(err)
				}
				return rows, c.RenderBalance(&s), hr
			}
			rows, balance, hr := render(id)
			wantRows, wantBalance, wantHTML := render(id + "~2")
			gotRows, err := RenameCSV(rows, "~2")
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(gotRows, wantRows) {
				t.Errorf("raw %v, %q: CSV rows renamed\n%q\nwant\n%q", raw, id, gotRows, wantRows)
			}
			if got, _ := AppendToField(balance, 1, "~2"); !bytes.Equal(got, wantBalance) {
				t.Errorf("raw %v, %q: balance row renamed %q, want %q", raw, id, got, wantBalance)
			}
			hr.Rename("O, \"x\"", id, id+"~2")
			if !reflect.DeepEqual(hr, wantHTML) {
				t.Errorf("%q: HTML row renamed\n%q\nwant\n%q", id, hr.HTML, wantHTML.HTML)
			}
		}
		c.Close(nil, &compare.Comparison{})
	}
}

// FuzzAppendToField holds AppendToField to writing the records with the
// suffix added, for any fields the CSV writer may write.
func FuzzAppendToField(f *testing.F) {
	f.Add("id", "x,y", "=1", 0)
	f.Add(`"quoted"`, "a\nb", "", 1)
	f.Add(" lead", "\r\n", "'", 2)
	f.Add(`\.`, `\.`, `\.`, 1)
	f.Fuzz(func(t *testing.T, a, b, c string, n int) {
		n = ((n % 3) + 3) % 3
		for _, s := range []*string{&a, &b, &c} {
			if !utf8.ValidString(*s) {
				*s = strings.ToValidUTF8(*s, "?")
			}
		}
		write := func(records [][]string) []byte {
			var buf bytes.Buffer
			w := newCSVWriter(&buf)
			w.WriteAll(records)
			return buf.Bytes()
		}
		rec := []string{a, b, c}
		with := slices.Clone(rec)
		with[n] += "~2"
		got, err := AppendToField(write([][]string{rec, rec}), n, "~2")
		if err != nil {
			t.Fatal(err)
		}
		if want := write([][]string{with, with}); !bytes.Equal(got, want) {
			t.Errorf("%q, field %d: %q, want %q", rec, n, got, want)
		}
	})
}
