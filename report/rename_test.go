package report

import (
	"bytes"
	"reflect"
	"testing"

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
