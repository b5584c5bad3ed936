package corpus

import (
	"net/url"
	"strings"
)

// field is one of the article fields that JSON Lines, JSON and CSV records
// carry under a name.
type field int

const (
	fieldID field = iota
	fieldOutlet
	fieldDate
	fieldTitle
	fieldURL
	fieldText
	fieldLanguage
	numFields
)

// fieldNames lists the names each field goes by, preferred first: ours, then
// those of news-please (maintext, source_domain, date_publish) and Media Cloud
// (media_name, publish_date, stories_id), so their exports read as they are.
var fieldNames = [numFields][]string{
	fieldID:       {"id", "stories_id"},
	fieldOutlet:   {"outlet", "source_domain", "media_name"},
	fieldDate:     {"date", "date_publish", "publish_date"},
	fieldTitle:    {"title"},
	fieldURL:      {"url"},
	fieldText:     {"text", "maintext"},
	fieldLanguage: {"language", "lang"},
}

// record is the fields of one JSON Lines, JSON or CSV record, as written.
type record [numFields]string

// fill sets each field from the first of its names that value gives something
// other than white space for. Values are trimmed, except the text, which has
// to stay byte for byte.
func (r *record) fill(value func(f field, name string) (string, error)) error {
	for f, names := range fieldNames {
		for _, name := range names {
			v, err := value(field(f), name)
			if err != nil {
				return err
			}
			if strings.TrimSpace(v) == "" {
				continue
			}
			if field(f) != fieldText {
				v = strings.TrimSpace(v)
			}
			r[f] = v
			break
		}
	}
	return nil
}

// article is the Article of r, which starts at line of path. Records of files
// holding many (multi) get the line in their derived id.
func (r *record) article(path string, line int, multi bool) Article {
	a := Article{
		ID:       r[fieldID],
		Outlet:   r[fieldOutlet],
		Date:     r[fieldDate],
		Title:    r[fieldTitle],
		URL:      r[fieldURL],
		Text:     r[fieldText],
		Language: r[fieldLanguage],
		Source:   path,
		Line:     line,
	}
	if a.ID == "" {
		idLine := 0
		if multi {
			idLine = line
		}
		a.ID = pathID(path, idLine)
	}
	if a.Outlet == "" {
		a.Outlet = urlOutlet(a.URL)
	}
	return a
}

// urlOutlet names the outlet of an article by its URL's host, for inputs that
// leave the outlet out.
func urlOutlet(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err == nil && u.Host == "" && !strings.Contains(rawURL, "://") {
		u, err = url.Parse("//" + rawURL) // "example.com/a" has no scheme
	}
	host := ""
	if err == nil {
		host = strings.Trim(strings.TrimPrefix(strings.ToLower(u.Hostname()), "www."), ".")
	}
	if host == "" {
		return "unknown"
	}
	return host
}
