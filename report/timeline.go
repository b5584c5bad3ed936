package report

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/gocarina/gocsv"

	"github.com/slant-news/slant/analysis/timeline"
)

// TimelineFile holds the figures per period; see timeline.Timeline.
const TimelineFile = "timeline.csv"

type timelineRow struct {
	Period           string `csv:"period"`
	Outlet           string `csv:"outlet"`
	Actor            string `csv:"actor"`
	Articles         int    `csv:"articles"`
	Mentions         int    `csv:"mentions"`
	MentionShare     score  `csv:"mention_share"`
	MentionShareLow  score  `csv:"mention_share_low"`
	MentionShareHigh score  `csv:"mention_share_high"`
	Sentiment        score  `csv:"sentiment"`
	SentimentLow     score  `csv:"sentiment_low"`
	SentimentHigh    score  `csv:"sentiment_high"`
	Quotes           int    `csv:"quotes"`
	Statements       int    `csv:"statements"`
	VoiceShare       score  `csv:"voice_share"`
	VoiceShareLow    score  `csv:"voice_share_low"`
	VoiceShareHigh   score  `csv:"voice_share_high"`
}

// WriteTimeline writes timeline.csv into dir: one row per period, outlet
// and actor, the rows of all outlets together (an empty outlet) first in
// each period, the articles without a date last (an empty period).
func WriteTimeline(dir string, tl *timeline.Timeline) error {
	rows := make([]timelineRow, len(tl.Rows))
	for i, r := range tl.Rows {
		rows[i] = timelineRow{
			Period: r.Period, Outlet: r.Outlet, Actor: r.Actor,
			Articles: r.Articles, Mentions: r.Mentions,
			MentionShare: score(r.MentionShare), MentionShareLow: score(r.MentionShareCI.Low), MentionShareHigh: score(r.MentionShareCI.High),
			Sentiment: score(r.Sentiment), SentimentLow: score(r.SentimentCI.Low), SentimentHigh: score(r.SentimentCI.High),
			Quotes: r.Quotes, Statements: r.Statements,
			VoiceShare: score(r.VoiceShare), VoiceShareLow: score(r.VoiceShareCI.Low), VoiceShareHigh: score(r.VoiceShareCI.High),
		}
	}
	path := filepath.Join(dir, TimelineFile)
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("creating %s: %w", path, err)
	}
	buf := bufio.NewWriterSize(f, 64<<10)
	cw := csv.NewWriter(buf)
	cw.UseCRLF = true // RFC 4180, as the other files
	w := gocsv.NewSafeCSVWriter(cw)
	err = gocsv.MarshalCSV(rows, w)
	w.Flush()
	if err = errors.Join(err, w.Error(), buf.Flush(), f.Close()); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
