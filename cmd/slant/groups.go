package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/slant-news/slant/corpus"
)

// maxGroups is the most groups -groups may give: every pair of groups is
// compared, so the work grows with the square of the groups (800 took 6 s
// and wrote 3.2 million rows of differences.csv).
const maxGroups = 1000

// errManyGroups is the error of a -groups file of over maxGroups groups.
var errManyGroups = fmt.Errorf("over %d groups: every pair of groups is compared, so the work grows with the square of the groups", maxGroups)

// loadGroups reads -groups: a CSV file of outlet,group rows (a header row
// outlet,group is allowed), or a YAML mapping of each group to its list of
// outlets (.yaml, .yml). "" means no groups.
func loadGroups(path string) (map[string][]string, error) {
	if path == "" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("-groups: %w", err)
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		return parseGroupsYAML(path, data)
	default:
		return parseGroupsCSV(path, data)
	}
}

func parseGroupsCSV(path string, data []byte) (map[string][]string, error) {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	r.FieldsPerRecord = 2
	groups := map[string][]string{}
	for first := true; ; first = false {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line := 0
			if pe := (*csv.ParseError)(nil); errors.As(err, &pe) {
				line = pe.StartLine
			}
			return nil, &corpus.Error{Path: path, Line: line, Err: fmt.Errorf("want outlet,group rows: %w", err)}
		}
		outlet, group := strings.TrimSpace(rec[0]), strings.TrimSpace(rec[1])
		if first && outlet == "outlet" && group == "group" {
			continue // the header
		}
		if outlet == "" || group == "" {
			line, _ := r.FieldPos(0)
			return nil, &corpus.Error{Path: path, Line: line, Err: errors.New("an empty outlet or group")}
		}
		groups[group] = append(groups[group], outlet)
	}
	if len(groups) == 0 {
		return nil, &corpus.Error{Path: path, Err: errors.New("no groups")}
	}
	if len(groups) > maxGroups {
		return nil, &corpus.Error{Path: path, Err: errManyGroups}
	}
	return groups, nil
}

func parseGroupsYAML(path string, data []byte) (map[string][]string, error) {
	// The keys counted first: yaml.v3 compares every key of a mapping with
	// every other as it decodes it.
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err == nil && len(doc.Content) > 0 && doc.Content[0].Kind == yaml.MappingNode && len(doc.Content[0].Content) > 2*maxGroups {
		return nil, &corpus.Error{Path: path, Err: errManyGroups}
	}
	var groups map[string][]string
	if err := yaml.Unmarshal(data, &groups); err != nil {
		return nil, &corpus.Error{Path: path, Line: corpus.YAMLLine(err), Err: fmt.Errorf("want a mapping of each group to its list of outlets: %w", err)}
	}
	if len(groups) == 0 {
		return nil, &corpus.Error{Path: path, Err: errors.New("no groups")}
	}
	for g, outlets := range groups {
		if strings.TrimSpace(g) == "" || len(outlets) == 0 {
			return nil, &corpus.Error{Path: path, Err: fmt.Errorf("group %q has no outlets", g)}
		}
	}
	return groups, nil
}
