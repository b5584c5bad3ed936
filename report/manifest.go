package report

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// Manifest records what a run read and how, so that its outputs can be
// reproduced and checked: the same inputs, data files and settings give
// byte-identical outputs. It holds no wall-clock time unless asked to.
type Manifest struct {
	Slant     string          `json:"slant"`
	Go        string          `json:"go"`
	Command   []string        `json:"command"`
	Timestamp string          `json:"timestamp,omitempty"`
	Settings  map[string]any  `json:"settings"`
	Inputs    []ManifestInput `json:"inputs"`
	Data      []ManifestData  `json:"data"`
	Counts    ManifestCounts  `json:"counts"`
	// Ungrouped lists the outlets in no group of -groups.
	Ungrouped []string `json:"ungrouped_outlets,omitempty"`
}

// ManifestInput is one input file.
type ManifestInput struct {
	Path     string `json:"path"`
	Bytes    int64  `json:"bytes"`
	SHA256   string `json:"sha256"`
	Articles int    `json:"articles"`
	Skipped  int    `json:"skipped"`
}

// ManifestData is a data file in use: the actor table, a lexicon, a model.
type ManifestData struct {
	Name   string `json:"name"`
	Source string `json:"source"`
	SHA256 string `json:"sha256"`
}

// ManifestCounts sums up the run.
type ManifestCounts struct {
	Files    int `json:"files"`
	Articles int `json:"articles"`
	Skipped  int `json:"skipped"`
	Warnings int `json:"warnings"`
	Undated  int `json:"undated"` // analysed articles without a date
	// NotScored counts the analysed articles in a language other than
	// English, by ISO 639-1 code: their mentions are counted, but they have
	// no tone and no statements, the models being English.
	NotScored map[string]int `json:"not_scored,omitempty"`
}

// WriteManifest writes m as indented JSON into dir.
func WriteManifest(dir string, m Manifest) error {
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("manifest: %w", err)
	}
	return os.WriteFile(filepath.Join(dir, ManifestFile), append(data, '\n'), 0o644)
}
