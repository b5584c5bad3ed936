package report

import (
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/slant-news/slant/analysis/audit"

	"github.com/gocarina/gocsv"
)

// AuditFile is what slant audit writes into its -out directory.
const AuditFile = "audit.csv"

type auditRow struct {
	Source    string `csv:"source"`
	ArticleID string `csv:"article_id"`
	Outlet    string `csv:"outlet"`
	Rule      string `csv:"rule"`
	Actor     string `csv:"actor"`
	Measured  score  `csv:"measured"`
	Threshold score  `csv:"threshold"`
	Result    string `csv:"result"`
}

// WriteAudit writes audit.csv into dir, one row per check.
func WriteAudit(dir string, checks []audit.Check) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("creating the output directory: %w", err)
	}
	path := filepath.Join(dir, AuditFile)
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	rows := make([]auditRow, len(checks))
	for i, c := range checks {
		rows[i] = auditRow{
			Source: c.Source, ArticleID: c.ArticleID, Outlet: c.Outlet, Rule: c.Rule, Actor: c.Actor,
			Measured: score(c.Measured), Threshold: score(c.Threshold), Result: c.Result,
		}
	}
	cw := csv.NewWriter(f)
	cw.UseCRLF = true // RFC 4180, like the other files
	w := gocsv.NewSafeCSVWriter(cw)
	err = gocsv.MarshalCSV(rows, w)
	w.Flush()
	if err = errors.Join(err, w.Error(), f.Close()); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
