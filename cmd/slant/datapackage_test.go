package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/slant-news/slant/report"
)

// dataPackage is what TestDataPackage reads of datapackage.json.
type dataPackage struct {
	Profile   string
	Resources []dataResource
}

type dataResource struct {
	Name, Path, Profile string
	Dialect             struct{ LineTerminator string }
	Schema              struct {
		Fields []struct {
			Name, Type, Description string
		}
		PrimaryKey  []string
		ForeignKeys []struct {
			Fields    []string
			Reference struct {
				Resource string
				Fields   []string
			}
		}
		MissingValues []string
	}
}

// TestDataPackage validates datapackage.json against the CSV files of an
// audit of the demo corpus (analyze's files and audit.csv): every CSV file
// is a resource; each resource's fields are its header row, in order; every
// value is of its field's type; primary keys are unique and complete, and
// foreign keys find their rows.
func TestDataPackage(t *testing.T) {
	t.Chdir(repoRoot(t))
	out := t.TempDir()
	var stderr bytes.Buffer
	if code := run([]string{"audit", "-quiet", "-out", out, "testdata/corpus"}, nil, io.Discard, &stderr); code != exitFailure {
		t.Fatalf("slant audit: exit %d, want %d (a failed check)\n%s", code, exitFailure, stderr.String())
	}
	data, err := os.ReadFile(filepath.Join(out, report.DataPackageFile))
	if err != nil {
		t.Fatal(err)
	}
	var pkg dataPackage
	if err := json.Unmarshal(data, &pkg); err != nil {
		t.Fatal(err)
	}
	if pkg.Profile != "tabular-data-package" {
		t.Errorf("profile %q", pkg.Profile)
	}
	csvFiles, _ := filepath.Glob(filepath.Join(out, "*.csv"))
	if len(pkg.Resources) != len(csvFiles) {
		t.Errorf("%d resources for %d CSV files", len(pkg.Resources), len(csvFiles))
	}
	tables := map[string][]map[string]string{} // rows by resource
	for _, r := range pkg.Resources {
		tables[r.Name] = readResource(t, out, r)
	}
	for _, r := range pkg.Resources {
		checkKeys(t, r, tables)
	}
}

// readResource reads the rows of r, checking its header and its types.
func readResource(t *testing.T, dir string, r dataResource) []map[string]string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, r.Path))
	if err != nil {
		t.Errorf("resource %s: %v", r.Name, err)
		return nil
	}
	if end := bytes.IndexAny(raw, "\r\n"); end < 0 || !bytes.HasPrefix(raw[end:], []byte(r.Dialect.LineTerminator)) {
		t.Errorf("%s: the header row does not end in %q", r.Path, r.Dialect.LineTerminator)
	}
	records, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	if err != nil || len(records) == 0 {
		t.Errorf("%s: %v", r.Path, err)
		return nil
	}
	var names []string
	for _, f := range r.Schema.Fields {
		names = append(names, f.Name)
		if f.Description == "" {
			t.Errorf("%s: %s has no description", r.Path, f.Name)
		}
	}
	if !slices.Equal(records[0], names) {
		t.Errorf("%s: header row %v, fields %v", r.Path, records[0], names)
		return nil
	}
	var rows []map[string]string
	for i, rec := range records[1:] {
		row := map[string]string{}
		for j, f := range r.Schema.Fields {
			row[f.Name] = rec[j]
			if v := rec[j]; !slices.Contains(r.Schema.MissingValues, v) && !ofType(v, f.Type) {
				t.Errorf("%s:%d: %s = %q is not a %s", r.Path, i+2, f.Name, v, f.Type)
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// checkKeys checks that r's primary key is unique and complete, and that
// each of its foreign keys finds a row.
func checkKeys(t *testing.T, r dataResource, tables map[string][]map[string]string) {
	t.Helper()
	key := func(row map[string]string, fields []string) string {
		var k []string
		for _, f := range fields {
			k = append(k, row[f])
		}
		return strings.Join(k, "\x00")
	}
	seen := map[string]bool{}
	for _, row := range tables[r.Name] {
		if len(r.Schema.PrimaryKey) == 0 {
			break
		}
		k := key(row, r.Schema.PrimaryKey)
		if slices.Contains(strings.Split(k, "\x00"), "") {
			t.Errorf("%s: primary key %v: %q has a missing value", r.Path, r.Schema.PrimaryKey, k)
		}
		if seen[k] {
			t.Errorf("%s: primary key %v: %q twice", r.Path, r.Schema.PrimaryKey, k)
		}
		seen[k] = true
	}
	for _, fk := range r.Schema.ForeignKeys {
		to := tables[fk.Reference.Resource]
		if len(to) == 0 {
			t.Errorf("%s: foreign key to %s, which has no rows", r.Path, fk.Reference.Resource)
		}
		present := map[string]bool{}
		for _, row := range to {
			present[key(row, fk.Reference.Fields)] = true
		}
		for _, row := range tables[r.Name] {
			if k := key(row, fk.Fields); !present[k] {
				t.Errorf("%s: %v = %q is not in %s %v", r.Path, fk.Fields, k, fk.Reference.Resource, fk.Reference.Fields)
			}
		}
	}
}

// ofType reports whether v is a value of the Table Schema type.
func ofType(v, typ string) bool {
	switch typ {
	case "string":
		return true
	case "integer":
		_, err := strconv.Atoi(v)
		return err == nil
	case "number":
		_, err := strconv.ParseFloat(v, 64)
		return err == nil
	case "boolean":
		return v == "true" || v == "false"
	}
	return false
}
