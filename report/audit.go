package report

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/slant-news/slant/analysis/audit"

	"github.com/gocarina/gocsv"
)

// AuditFile is what slant audit writes into its -out directory.
const AuditFile = "audit.csv"

var auditTable = define[auditRow](AuditFile, "one row per article and check").
	ref(articlesTable.table, "article_id")

type auditRow struct {
	Source    string `csv:"source" doc:"the input file"`
	ArticleID string `csv:"article_id" doc:"the article (joins {articles.csv})"`
	Outlet    string `csv:"outlet" doc:"the article's outlet"`
	Rule      string `csv:"rule" doc:"{min_voice_balance}, {max_voice_share}, {every_mentioned_actor_quoted} or {max_sentiment_gap}"`
	Actor     string `csv:"actor" doc:"the actor checked (the most-quoted one for {max_voice_share}, each mentioned one for {every_mentioned_actor_quoted}); empty for the article-wide rules"`
	Measured  score  `csv:"measured" doc:"the article's figure (statements for {every_mentioned_actor_quoted}); empty when not measured"`
	Threshold score  `csv:"threshold" doc:"the policy's threshold (1 for {every_mentioned_actor_quoted})"`
	Result    string `csv:"result" doc:"{pass}, {fail} or {not_measured} (nothing to measure: no statements, fewer than two actors with a tone)"`
}

// WriteAudit writes audit.csv into dir, one row per check.
func WriteAudit(dir string, checks []audit.Check, cfg CSVConfig) error {
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
	w := gocsv.NewSafeCSVWriter(newCSVWriter(f))
	err = auditTable.header(w)
	if err == nil {
		err = gocsv.MarshalCSVWithoutHeaders(rows, auditTable.rows(w, cfg))
	}
	w.Flush()
	if err = errors.Join(err, w.Error(), f.Close()); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
