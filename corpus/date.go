package corpus

import (
	"strings"
	"time"
)

// dateLayouts are the date forms ParseDate knows, tried in order. Layouts
// without a time of day give a date-only result.
var dateLayouts = []struct {
	layout   string
	dateOnly bool
}{
	{time.RFC3339, false}, // time.Parse takes a fraction of a second even when the layout has none
	{"2006-01-02T15:04:05-0700", false},
	{"2006-01-02T15:04:05", false},
	{"2006-01-02T15:04Z07:00", false},
	{"2006-01-02T15:04", false},
	{"2006-01-02 15:04:05Z07:00", false},
	{"2006-01-02 15:04:05 Z07:00", false},
	{"2006-01-02 15:04:05 -0700", false},
	{"2006-01-02 15:04:05 MST", false},
	{"2006-01-02 15:04:05", false},
	{"2006-01-02 15:04", false},
	{time.RFC1123, false},
	{time.RFC1123Z, false},
	{"Mon, 2 Jan 2006 15:04:05 MST", false}, // RSS feeds often write the day with one digit
	{"Mon, 2 Jan 2006 15:04:05 -0700", false},
	{time.RFC850, false},
	{time.ANSIC, false},
	{time.UnixDate, false},
	{"2006-01-02", true},
	{"2006/01/02", true},
	{"January 2, 2006", true},
	{"Jan 2, 2006", true},
	{"2 January 2006", true},
	{"2 Jan 2006", true},
	{"Monday, January 2, 2006", true},
	{"Mon, Jan 2, 2006", true},
}

// ParseDate reads a date written in one of many common forms and returns it
// in ISO 8601: "2006-01-02" when s has no time of day, else RFC 3339 (to the
// second, with the offset given, or "Z" when s has none). It reports false,
// with "", for an empty or unknown date.
func ParseDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	return parseDate(s, strings.Contains(s, ":"))
}

// parseDate is ParseDate of the trimmed s, which holds a colon if clock. A
// layout with a time of day (15:04, a colon between two elements) cannot
// take a date without one, and a failed time.Parse costs allocations, so
// those layouts are passed over without it.
func parseDate(s string, clock bool) (string, bool) {
	for _, l := range dateLayouts {
		if !clock && strings.Contains(l.layout, "15:04") {
			continue
		}
		// In UTC, so that a zone abbreviation means the same on every machine.
		t, err := time.ParseInLocation(l.layout, s, time.UTC)
		if err != nil {
			continue
		}
		if l.dateOnly {
			return t.Format(time.DateOnly), true
		}
		out := t.Format(time.RFC3339)
		// Some layouts take offsets that RFC 3339 cannot write.
		if _, err := time.Parse(time.RFC3339, out); err != nil {
			return "", false
		}
		return out, true
	}
	return "", false
}
