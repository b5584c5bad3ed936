package main

import (
	"bytes"
	"os"
	"testing"

	"github.com/jdkato/prose/v3/tag/aptagmodel"
)

// TestModelIsProse checks that the embedded model is prose's, converted by
// this command (after an upgrade of prose: go generate ./analysis/postag).
func TestModelIsProse(t *testing.T) {
	want, src, err := convert(aptagmodel.English)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../analysis/postag/model.bin")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("analysis/postag/model.bin (%d bytes) is not prose's model converted (%d bytes): run go generate ./analysis/postag", len(got), len(want))
	}
	if len(src.Classes) != 45 || len(src.Words) != 1549 || len(src.Features) != 75447 {
		t.Errorf("%d classes, %d words, %d features; prose v3.2.3 has 45, 1549, 75447", len(src.Classes), len(src.Words), len(src.Features))
	}
}

func TestRunUsage(t *testing.T) {
	var stderr bytes.Buffer
	if code := run([]string{"-nope"}, &stderr); code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
}
