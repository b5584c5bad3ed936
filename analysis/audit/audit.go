// Package audit checks each article against a policy of thresholds (the
// built-in policy.yaml, or a user's) and says which checks pass and fail.
package audit

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/slant-news/slant/analysis/compare"

	"gopkg.in/yaml.v3"

	"github.com/slant-news/slant/corpus"
)

//go:embed policy.yaml
var defaultPolicy []byte

// DefaultFile is the name under which the embedded default policy is
// reported.
const DefaultFile = "policy.yaml (built in)"

// DefaultYAML returns the embedded default audit policy.
func DefaultYAML() []byte { return defaultPolicy }

// Audit rules, as named in policies and findings.
const (
	RuleMinVoiceBalance = "min_voice_balance"
	RuleMaxVoiceShare   = "max_voice_share"
	RuleAllQuoted       = "every_mentioned_actor_quoted"
	RuleMaxSentimentGap = "max_sentiment_gap"
)

// Check results, in words that pandas and readr do not read as a missing
// value (as they read "n/a", "NA" or "null"), so that audit.csv writes them
// as they are.
const (
	Pass        = "pass"
	Fail        = "fail"
	NotMeasured = "not_measured" // nothing to measure: no statements, fewer than two tones
)

// minQuotes is what "quoted at least once" means.
const minQuotes = 1

// Policy holds the thresholds of an audit; a nil threshold switches its
// rule off.
type Policy struct {
	MinVoiceBalance *float64 `yaml:"min_voice_balance"`
	MaxVoiceShare   *float64 `yaml:"max_voice_share"`
	AllQuoted       bool     `yaml:"every_mentioned_actor_quoted"`
	MaxSentimentGap *float64 `yaml:"max_sentiment_gap"`
}

// Parse reads an audit policy; unknown rules are errors, so that a
// misspelt rule is not silently off. Errors are *corpus.Error with the
// file's line where known.
func Parse(path string, data []byte) (Policy, error) {
	var p Policy
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&p); err != nil && !errors.Is(err, io.EOF) {
		return Policy{}, &corpus.Error{Path: path, Line: corpus.YAMLLine(err), Err: fmt.Errorf("invalid policy: %w", err)}
	}
	for _, t := range []struct {
		rule string
		v    *float64
		max  float64
	}{
		{RuleMinVoiceBalance, p.MinVoiceBalance, 1},
		{RuleMaxVoiceShare, p.MaxVoiceShare, 1},
		{RuleMaxSentimentGap, p.MaxSentimentGap, 2},
	} {
		if t.v != nil && (math.IsNaN(*t.v) || *t.v < 0 || *t.v > t.max) {
			return Policy{}, &corpus.Error{Path: path, Err: fmt.Errorf("%s: %v is not in [0, %v]", t.rule, *t.v, t.max)}
		}
	}
	return p, nil
}

// Check is one rule checked on one article.
type Check struct {
	ArticleID, Outlet, Source string
	Rule                      string
	Actor                     string // the actor the check is about, if any
	Measured, Threshold       float64
	Result                    string // Pass, Fail or NotMeasured
}

// Audit checks one article against a policy. Voice rules are not measured
// on an article without statements: a share of nothing is undefined.
func Audit(s *compare.ArticleSummary, actors []string, p Policy) []Check {
	var out []Check
	add := func(rule, actor string, measured, threshold float64, ok bool) {
		c := Check{ArticleID: s.ID, Outlet: s.Outlet, Source: s.Source, Rule: rule, Actor: actor,
			Measured: measured, Threshold: threshold, Result: Fail}
		switch {
		case math.IsNaN(measured):
			c.Result = NotMeasured
		case ok:
			c.Result = Pass
		}
		out = append(out, c)
	}
	b := compare.BalanceOf(s.Actors, s.Statements)
	quotes := s.Statements
	if p.MinVoiceBalance != nil {
		add(RuleMinVoiceBalance, "", b.Voice, *p.MinVoiceBalance, b.Voice >= *p.MinVoiceBalance)
	}
	if p.MaxVoiceShare != nil {
		top, share := "", math.NaN()
		for j, a := range s.Actors {
			if quotes > 0 && (top == "" || float64(a.Quotes)/float64(quotes) > share) {
				top, share = actors[j], float64(a.Quotes)/float64(quotes)
			}
		}
		add(RuleMaxVoiceShare, top, share, *p.MaxVoiceShare, share <= *p.MaxVoiceShare)
	}
	if p.AllQuoted {
		for j, a := range s.Actors {
			if a.Mentions == 0 {
				continue
			}
			measured := float64(a.Quotes)
			if quotes == 0 {
				measured = math.NaN()
			}
			add(RuleAllQuoted, actors[j], measured, minQuotes, a.Quotes >= minQuotes)
		}
	}
	if p.MaxSentimentGap != nil {
		add(RuleMaxSentimentGap, "", b.SentimentGap, *p.MaxSentimentGap, b.SentimentGap <= *p.MaxSentimentGap)
	}
	return out
}
