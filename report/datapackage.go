package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// DataPackageFile is the codebook of the CSV files in an output directory:
// a Frictionless Data Package (https://specs.frictionlessdata.io/) with a
// Table Schema per file, which R's frictionless package and Python's
// frictionless (or pandas, reading the paths) load as typed tables.
const DataPackageFile = "datapackage.json"

// The parts of a Data Package that slant writes.
type (
	dataPackage struct {
		Profile     string     `json:"profile"`
		Name        string     `json:"name"`
		Title       string     `json:"title"`
		Description string     `json:"description"`
		Resources   []resource `json:"resources"`
	}
	resource struct {
		Name        string  `json:"name"`
		Path        string  `json:"path"`
		Profile     string  `json:"profile"`
		Description string  `json:"description"`
		Format      string  `json:"format"`
		MediaType   string  `json:"mediatype"`
		Encoding    string  `json:"encoding"`
		Dialect     dialect `json:"dialect"`
		Schema      schema  `json:"schema"`
	}
	dialect struct {
		Delimiter      string `json:"delimiter"`
		LineTerminator string `json:"lineTerminator"`
		QuoteChar      string `json:"quoteChar"`
		DoubleQuote    bool   `json:"doubleQuote"`
		Header         bool   `json:"header"`
	}
	schema struct {
		Fields        []field     `json:"fields"`
		PrimaryKey    []string    `json:"primaryKey,omitempty"`
		ForeignKeys   []reference `json:"foreignKeys,omitempty"`
		MissingValues []string    `json:"missingValues"`
	}
	field struct {
		Name        string `json:"name"`
		Type        string `json:"type"`
		Description string `json:"description"`
	}
	reference struct {
		Fields    []string `json:"fields"`
		Reference struct {
			Resource string   `json:"resource"`
			Fields   []string `json:"fields"`
		} `json:"reference"`
	}
)

// WriteDataPackage writes datapackage.json into dir, describing the CSV
// files of slant's in dir, written as cfg says.
func WriteDataPackage(dir string, cfg CSVConfig) error {
	var tables []*table
	for _, t := range append(slices.Clone(runTables), auditTable.table) {
		if t == articlesTable.table {
			t = articlesFor(cfg) // with the -keep columns
		}
		if _, err := os.Stat(filepath.Join(dir, t.file)); err == nil {
			tables = append(tables, t)
		} else if !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(describe(tables, cfg)); err != nil {
		return fmt.Errorf("%s: %w", DataPackageFile, err)
	}
	return os.WriteFile(filepath.Join(dir, DataPackageFile), b.Bytes(), 0o644)
}

// describe returns the Data Package of tables.
func describe(tables []*table, cfg CSVConfig) dataPackage {
	p := dataPackage{
		Profile:     "tabular-data-package",
		Name:        "slant",
		Title:       "slant's tables",
		Description: "The CSV files of a run of slant: one row per observation, columns as the README's Outputs section documents them. An empty field is a missing value.",
	}
	if cfg.Raw {
		p.Description += " Text fields are as in the input (-raw-csv)."
	} else {
		p.Description += " A text field that starts with =, +, -, @, a tab or a CR, after any 's, has a ' put before it, so that no spreadsheet runs it as a formula; drop the first ' of such a field to restore it."
	}
	for _, t := range tables {
		r := resource{
			Name: t.resource(), Path: t.file, Profile: "tabular-data-resource",
			Description: t.about, Format: "csv", MediaType: "text/csv", Encoding: "utf-8",
			Dialect: dialect{Delimiter: ",", LineTerminator: lineEnd, QuoteChar: `"`, DoubleQuote: true, Header: true},
			Schema:  schema{PrimaryKey: t.primaryKey, MissingValues: []string{""}},
		}
		for _, c := range t.columns {
			r.Schema.Fields = append(r.Schema.Fields, field{Name: c.name, Type: schemaTypes[c.kind], Description: markdown(c.doc)})
		}
		for _, fk := range t.foreignKeys {
			ref := reference{Fields: fk.fields}
			ref.Reference.Resource, ref.Reference.Fields = fk.to.resource(), fk.toKey
			r.Schema.ForeignKeys = append(r.Schema.ForeignKeys, ref)
		}
		p.Resources = append(p.Resources, r)
	}
	return p
}

// resource is t's name in the Data Package.
func (t *table) resource() string { return strings.TrimSuffix(t.file, ".csv") }

// markdown renders a column's doc in Markdown: {x} is `x`.
func markdown(doc string) string { return codeMarks.Replace(doc) }

var codeMarks = strings.NewReplacer("{", "`", "}", "`")
