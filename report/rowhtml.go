package report

import (
	"strconv"
	"strings"
)

// renderRow writes an article's table row as the template's "row" would
// (report.html.tmpl, which keeps it as the statement of the markup):
// html/template's reflection over the row took as long as the rest of
// its rendering. TestRowTemplate and FuzzRowTemplate hold the two to the
// same bytes.
func renderRow(b *strings.Builder, r *row) {
	b.WriteString(`<td>`)
	escapeHTML(b, r.Outlet)
	b.WriteString("</td>\n<td class=\"date\">")
	escapeHTML(b, r.Date)
	b.WriteString("</td>\n<td><details><summary>")
	escapeHTML(b, r.Title)
	b.WriteString("</summary>\n<div class=\"meta\">")
	escapeHTML(b, r.ID)
	if r.Date != "" {
		b.WriteString(` · `)
		escapeHTML(b, r.Date)
	}
	b.WriteString(` · `)
	b.WriteString(strconv.Itoa(r.Words))
	b.WriteString(` words`)
	if r.URL != "" {
		b.WriteString(` · <a href="`)
		escapeHTML(b, normalizeURL(filterURL(r.URL)))
		b.WriteString(`" rel="noreferrer">source</a>`)
	}
	b.WriteString("</div>\n<div class=\"evidence\"></div></details>")
	if r.Brief {
		b.WriteString(`<span class="badge" title="fewer than `)
		b.WriteString(strconv.Itoa(r.BriefWords))
		b.WriteString(` words: shares mean little">brief</span>`)
	}
	b.WriteString("</td>\n<td data-v=\"")
	b.WriteString(strconv.Itoa(r.Words))
	b.WriteString(`">`)
	b.WriteString(strconv.Itoa(r.Words))
	b.WriteString("</td>\n<td class=\"figures\" data-v=\"")
	b.WriteString(strconv.Itoa(r.Mentions))
	b.WriteString(`">`)
	for i := range r.Actors {
		actorLine(b, &r.Actors[i], strconv.Itoa(r.Actors[i].Mentions))
	}
	b.WriteString("</td>\n<td class=\"figures\" data-v=\"")
	b.WriteString(strconv.Itoa(r.Quotes))
	b.WriteString(`">`)
	if r.Quotes != 0 {
		for i := range r.Actors {
			if r.Actors[i].Quotes != 0 {
				actorLine(b, &r.Actors[i], strconv.Itoa(r.Actors[i].Quotes))
			}
		}
	} else {
		b.WriteString(`–`)
	}
	b.WriteString("</td>\n<td class=\"figures\">")
	for i := range r.Actors {
		var tone strings.Builder
		escapeHTML(&tone, r.Actors[i].Tone)
		actorLine(b, &r.Actors[i], tone.String())
	}
	b.WriteString("</td>\n</tr>\n")
}

// actorLine writes an actor's line of a figures cell: its swatch, its
// name and the figure, which is escaped already.
func actorLine(b *strings.Builder, a *rowActor, figure string) {
	b.WriteString(`<div><span class="swatch a`)
	b.WriteString(strconv.Itoa(a.Color))
	b.WriteString(`"></span>`)
	escapeHTML(b, a.Name)
	b.WriteByte(' ')
	b.WriteString(figure)
	b.WriteString(`</div>`)
}

// filterURL is html/template's filter of a URL attribute's value: one with
// a scheme other than http, https or mailto becomes "#ZgotmplZ".
func filterURL(s string) string {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") {
		if !strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
			return "#ZgotmplZ"
		}
	}
	return s
}

// normalizeURL is html/template's normalizer of a URL: every byte other
// than RFC 3986's unreserved and reserved characters and valid percent
// escapes percent-encoded, in lowercase hex.
func normalizeURL(s string) string {
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; urlKept(c) || (c == '%' && i+2 < len(s) && isHexDigit(s[i+1]) && isHexDigit(s[i+2])) {
			continue
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		b.WriteByte('%')
		b.WriteString(hexByte(s[i]))
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

// urlKept reports whether the URL normalizer leaves c as it is.
func urlKept(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("!#$&*+,/:;=?@[]-._~", c) >= 0
}

func isHexDigit(c byte) bool {
	return ('0' <= c && c <= '9') || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F')
}

func hexByte(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&15]})
}
