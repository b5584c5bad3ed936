package audit

import (
	"math"
	"strings"
	"testing"

	"github.com/slant-news/slant/analysis/compare"
)

func TestParsePolicy(t *testing.T) {
	tests := []struct {
		name, yaml string
		err        string // substring of the error; "" for none
	}{
		{"default", string(DefaultYAML()), ""},
		{"empty: every rule off", "", ""},
		{"one rule", "max_sentiment_gap: 0.2\n", ""},
		{"misspelt rule", "max_sentiment_gapp: 0.2\n", "line 1"},
		{"out of range", "max_voice_share: 1.5\n", "max_voice_share: 1.5 is not in [0, 1]"},
		{"not a number", "min_voice_balance: high\n", "invalid policy"},
	}
	for _, tt := range tests {
		_, err := Parse("p.yaml", []byte(tt.yaml))
		switch {
		case tt.err == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%s: error %v, want one with %q", tt.name, err, tt.err)
		}
	}
	p, err := Parse(DefaultFile, DefaultYAML())
	if err != nil || p.MinVoiceBalance == nil || p.MaxVoiceShare == nil || !p.AllQuoted || p.MaxSentimentGap == nil {
		t.Errorf("default policy %+v, %v: want every rule on", p, err)
	}
}

func TestAudit(t *testing.T) {
	actors := []string{"A", "B", "C"}
	f := func(v float64) *float64 { return &v }
	all := Policy{MinVoiceBalance: f(0.5), MaxVoiceShare: f(0.6), AllQuoted: true, MaxSentimentGap: f(0.5)}
	// Quotes are a stub until attribution fills them in.
	tests := []struct {
		name    string
		article []compare.ArticleActor
		other   int
		want    []string // rule/actor=result, in order
	}{
		{
			name: "balanced",
			article: []compare.ArticleActor{
				{Mentions: 2, Quotes: 2, SentimentSum: 0.2, SentimentN: 1},
				{Mentions: 1, Quotes: 2, SentimentSum: -0.1, SentimentN: 1},
				{Mentions: 1, Quotes: 1},
			},
			want: []string{"min_voice_balance/=pass", "max_voice_share/A=pass",
				"every_mentioned_actor_quoted/A=pass", "every_mentioned_actor_quoted/B=pass", "every_mentioned_actor_quoted/C=pass",
				"max_sentiment_gap/=pass"},
		},
		{
			name: "one voice, one unquoted actor, a wide gap",
			article: []compare.ArticleActor{
				{Mentions: 5, Quotes: 4, SentimentSum: 0.8, SentimentN: 1},
				{Mentions: 1, SentimentSum: -0.4, SentimentN: 1},
				{},
			},
			want: []string{"min_voice_balance/=fail", "max_voice_share/A=fail",
				"every_mentioned_actor_quoted/A=pass", "every_mentioned_actor_quoted/B=fail",
				"max_sentiment_gap/=fail"},
		},
		{
			name:    "no statements: voice rules not measured",
			article: []compare.ArticleActor{{Mentions: 1, SentimentN: 1}, {}, {}},
			want: []string{"min_voice_balance/=not_measured", "max_voice_share/=not_measured",
				"every_mentioned_actor_quoted/A=not_measured", "max_sentiment_gap/=not_measured"},
		},
		{
			name:    "statements by others count in the share",
			article: []compare.ArticleActor{{Mentions: 1, Quotes: 1}, {}, {}},
			other:   3,
			want: []string{"min_voice_balance/=fail", "max_voice_share/A=pass",
				"every_mentioned_actor_quoted/A=pass", "max_sentiment_gap/=not_measured"},
		},
	}
	for _, tt := range tests {
		s := withStatements(compare.ArticleSummary{ID: "x", Actors: tt.article, OtherQuotes: tt.other})
		var got []string
		for _, c := range Audit(s, actors, all) {
			got = append(got, c.Rule+"/"+c.Actor+"="+c.Result)
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%s:\n got %v\nwant %v", tt.name, got, tt.want)
		}
	}
	if got := Audit(&compare.ArticleSummary{Actors: make([]compare.ArticleActor, 3)}, actors, Policy{}); len(got) != 0 {
		t.Errorf("empty policy: %d checks, want none", len(got))
	}
	c := Audit(withStatements(compare.ArticleSummary{Actors: []compare.ArticleActor{{Mentions: 1, Quotes: 3}, {Quotes: 1}, {}}}), actors, Policy{MaxVoiceShare: f(0.6)})[0]
	if c.Actor != "A" || math.Abs(c.Measured-0.75) > 1e-9 || c.Threshold != 0.6 {
		t.Errorf("max_voice_share check = %+v, want A at 0.75 vs 0.6", c)
	}
}

// withStatements counts s's statements as if none were joint.
func withStatements(s compare.ArticleSummary) *compare.ArticleSummary {
	s.Statements = s.OtherQuotes
	for _, a := range s.Actors {
		s.Statements += a.Quotes
	}
	return &s
}
