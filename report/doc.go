// Package report writes the files of a run into its output directory.
//
// The files are:
//
//   - the CSV files (see Files): tidy tables, one row per observation, which
//     CSV writes as articles stream in (the per-article rows rendered by the
//     workers with Render, the outlet figures and the comparison at Close);
//   - audit.csv, one row per article and check of slant audit (WriteAudit);
//   - report.html, one self-contained page of charts and the evidence
//     behind each figure (HTML);
//   - manifest.json, what the run read and how (WriteManifest).
//
// Each CSV file has one definition, a table (table.go): the fields of its
// row type are its columns, named by their csv tags, which gocsv also reads.
// The README documents every column.
//
// Output puts the files in place all or nothing.
package report
