package report

import (
	"github.com/slant-news/slant/analysis/timeline"
)

// TimelineFile holds the figures per period; see timeline.Timeline.
const TimelineFile = "timeline.csv"

var timelineTable = define[timelineRow](TimelineFile, "one row per period, outlet and actor").
	key("period", "outlet", "actor")

type timelineRow struct {
	Period           string `csv:"period" doc:"the ISO date the period starts on (a day; the Monday of an ISO week; the first of a month)"`
	Outlet           string `csv:"outlet" doc:"the outlet; {(all)} for all outlets together"`
	Actor            string `csv:"actor" doc:"the actor"`
	Articles         int    `csv:"articles" doc:"the period's articles (of the outlet), whether they mention the actor or not"`
	Mentions         int    `csv:"mentions" doc:"the actor's mentions in them"`
	MentionShare     score  `csv:"mention_share" doc:"{mentions} / all actor mentions in them; empty when there are none"`
	MentionShareLow  score  `csv:"mention_share_low" doc:"low end of the 95% bootstrap interval of {mention_share}; empty without one (fewer than 5 of the period's articles with a mention, or {-resamples 0})"`
	MentionShareHigh score  `csv:"mention_share_high" doc:"high end of the 95% bootstrap interval of {mention_share}"`
	Sentiment        score  `csv:"sentiment" doc:"mean {score} of the actor's mentions ({mentions.csv}); empty when there are none"`
	SentimentLow     score  `csv:"sentiment_low" doc:"low end of the 95% bootstrap interval of {sentiment}; empty without one (fewer than 5 of the period's articles with a mention of the actor)"`
	SentimentHigh    score  `csv:"sentiment_high" doc:"high end of the 95% bootstrap interval of {sentiment}"`
	Quotes           int    `csv:"quotes" doc:"attributed statements whose speakers include the actor"`
	Statements       int    `csv:"statements" doc:"all the period's statements, voices of no actor included"`
	VoiceShare       score  `csv:"voice_share" doc:"{quotes} / {statements}; empty when there are none"`
	VoiceShareLow    score  `csv:"voice_share_low" doc:"low end of the 95% bootstrap interval of {voice_share}; empty without one (fewer than 5 of the period's articles with a statement)"`
	VoiceShareHigh   score  `csv:"voice_share_high" doc:"high end of the 95% bootstrap interval of {voice_share}"`
}

// Timeline writes the rows of timeline.csv, before Close: one row per
// period, outlet and actor, the rows of all outlets together first in each
// period. Articles without a date are in no row (tl.Undated counts them).
func (c *CSV) Timeline(tl *timeline.Timeline) error {
	return c.write(timelineTable.table, timelineRows(tl))
}

func timelineRows(tl *timeline.Timeline) []timelineRow {
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
	return rows
}
