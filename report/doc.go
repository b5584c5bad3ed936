// Package report writes the files of a run into its output directory.
//
// The files are:
//
//   - the CSV files (see Files): tidy tables, one row per observation, which
//     CSV writes as articles stream in (the per-article rows rendered by the
//     workers with Render, the outlet figures and the comparison at Close);
//   - audit.csv, one row per article and check of slant audit (WriteAudit),
//     and the same checks as JUnit XML for CI (WriteJUnit);
//   - datapackage.json, the codebook of the CSV files as a Frictionless
//     Data Package (WriteDataPackage);
//   - report.html, one self-contained page of charts and the evidence
//     behind each figure (HTML);
//   - manifest.json, what the run read and how (WriteManifest).
//
// Each CSV file has one definition, a table (table.go): the fields of its
// row type are its columns, named by their csv tags, which gocsv also reads,
// and described by their doc tags. The writers, datapackage.json and the
// README's tables of columns all follow it. CSVConfig says how text is
// written: by default, text a spreadsheet would run as a formula starts
// with a '.
//
// Output puts the files in place all or nothing.
package report
