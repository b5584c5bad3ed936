package report

import (
	"strings"
)

// appendRow appends an article's table row as the template's "row" would
// write it (report.html.tmpl, which keeps it as the statement of the
// markup): html/template's reflection over the row took as long as the
// rest of its rendering. TestRowTemplate and FuzzRowTemplate hold the two
// to the same bytes.
func appendRow(b []byte, r *row) []byte {
	b = append(b, `<td>`...)
	b = appendHTML(b, r.Outlet)
	b = append(b, "</td>\n<td class=\"date\">"...)
	b = appendHTML(b, r.Date)
	b = append(b, "</td>\n<td><details><summary>"...)
	b = appendHTML(b, r.Title)
	b = append(b, "</summary>\n<div class=\"meta\">"...)
	b = appendHTML(b, r.ID)
	if r.Date != "" {
		b = append(b, ` · `...)
		b = appendHTML(b, r.Date)
	}
	b = append(b, ` · `...)
	b = appendInt(b, r.Words)
	b = append(b, ` words`...)
	if r.URL != "" {
		b = append(b, ` · <a href="`...)
		b = appendHTML(b, normalizeURL(filterURL(r.URL)))
		b = append(b, `" rel="noreferrer">source</a>`...)
	}
	b = append(b, "</div>\n<div class=\"evidence\"></div></details>"...)
	if r.Brief {
		b = append(b, `<span class="badge" title="fewer than `...)
		b = appendInt(b, r.BriefWords)
		b = append(b, ` words: shares mean little">brief</span>`...)
	}
	b = append(b, "</td>\n<td data-v=\""...)
	b = appendInt(b, r.Words)
	b = append(b, `">`...)
	b = appendInt(b, r.Words)
	b = append(b, "</td>\n<td class=\"figures\" data-v=\""...)
	b = appendInt(b, r.Mentions)
	b = append(b, `">`...)
	for i := range r.Actors {
		b = appendInt(appendActor(b, &r.Actors[i]), r.Actors[i].Mentions)
		b = append(b, `</div>`...)
	}
	b = append(b, "</td>\n<td class=\"figures\" data-v=\""...)
	b = appendInt(b, r.Quotes)
	b = append(b, `">`...)
	if r.Quotes != 0 {
		for i := range r.Actors {
			if r.Actors[i].Quotes != 0 {
				b = appendInt(appendActor(b, &r.Actors[i]), r.Actors[i].Quotes)
				b = append(b, `</div>`...)
			}
		}
	} else {
		b = append(b, `–`...)
	}
	b = append(b, "</td>\n<td class=\"figures\">"...)
	for i := range r.Actors {
		b = appendHTML(appendActor(b, &r.Actors[i]), r.Actors[i].Tone)
		b = append(b, `</div>`...)
	}
	return append(b, "</td>\n</tr>\n"...)
}

// appendActor appends the start of an actor's line of a figures cell, up
// to its figure: its swatch and its name. The line ends with </div>.
func appendActor(b []byte, a *rowActor) []byte {
	b = append(b, `<div><span class="swatch a`...)
	b = appendInt(b, a.Color)
	b = append(b, `"></span>`...)
	b = appendHTML(b, a.Name)
	return append(b, ' ')
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
