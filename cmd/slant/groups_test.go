package main

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

var groupsTests = []struct {
	name, path, data string
	want             map[string][]string // nil: an error
}{
	{"csv with header", "g.csv", "outlet,group\nA,left\nB,left\nC,right\n", map[string][]string{"left": {"A", "B"}, "right": {"C"}}},
	{"csv without header, BOM, an outlet in two groups", "g.csv", "\ufeffA,left\nA,state\n", map[string][]string{"left": {"A"}, "state": {"A"}}},
	{"csv quoted name", "g.csv", "\"Smith, Jones\",x\n", map[string][]string{"x": {"Smith, Jones"}}},
	{"csv three fields", "g.csv", "A,b,c\n", nil},
	{"csv empty group", "g.csv", "A,\n", nil},
	{"csv empty file", "g.csv", "", nil},
	{"yaml", "g.yaml", "left: [A, B]\nright:\n  - C\n", map[string][]string{"left": {"A", "B"}, "right": {"C"}}},
	{"yaml list", "g.yml", "- A\n", nil},
	{"yaml group without outlets", "g.yaml", "left: []\n", nil},
}

func TestParseGroups(t *testing.T) {
	for _, tt := range groupsTests {
		parse := parseGroupsCSV
		if tt.path != "g.csv" {
			parse = parseGroupsYAML
		}
		got, err := parse(tt.path, []byte(tt.data))
		if (err != nil) != (tt.want == nil) || (err == nil && !reflect.DeepEqual(got, tt.want)) {
			t.Errorf("%s: %v, %v; want %v", tt.name, got, err, tt.want)
		}
	}
}

// TestManyGroups: a -groups file of over maxGroups groups is refused, in
// either format, and the YAML one before yaml.v3 compares its keys pair by
// pair.
func TestManyGroups(t *testing.T) {
	var csv, yml strings.Builder
	for i := range 50 * maxGroups {
		fmt.Fprintf(&csv, "o%d,g%d\n", i, i)
		fmt.Fprintf(&yml, "g%d: [o%d]\n", i, i)
	}
	for _, tt := range []struct {
		parse func(string, []byte) (map[string][]string, error)
		data  string
	}{{parseGroupsCSV, csv.String()}, {parseGroupsYAML, yml.String()}} {
		if _, err := tt.parse("g", []byte(tt.data)); !errors.Is(err, errManyGroups) {
			t.Errorf("%d groups: got %v, want %v", 50*maxGroups, err, errManyGroups)
		}
	}
	if _, err := parseGroupsCSV("g", []byte(strings.Join(strings.Split(csv.String(), "\n")[:maxGroups], "\n"))); err != nil {
		t.Errorf("%d groups: %v", maxGroups, err)
	}
}

func FuzzParseGroups(f *testing.F) {
	for _, tt := range groupsTests {
		f.Add(tt.data)
	}
	f.Fuzz(func(t *testing.T, data string) {
		for _, parse := range []func(string, []byte) (map[string][]string, error){parseGroupsCSV, parseGroupsYAML} {
			groups, err := parse("g", []byte(data))
			if err == nil && len(groups) == 0 {
				t.Errorf("%q: no groups and no error", data)
			}
			for g, outlets := range groups {
				if len(outlets) == 0 {
					t.Errorf("%q: group %q without outlets", data, g)
				}
			}
		}
	})
}
