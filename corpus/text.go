package corpus

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

var (
	mdImageLine = regexp.MustCompile(`^!\[(.*?)\]\(.*\)$`)
	mdImageAlt  = regexp.MustCompile(`!\[(.*?)\]\(`)
	altAttr     = regexp.MustCompile(`\balt\s*=\s*(?:"([^"]*)"|'([^']*)')`)
	tag         = regexp.MustCompile(`<[^>]*>`)
)

// readText reads a plain text or Markdown article: optional YAML front
// matter, a title line unless the front matter has one, then the body. Markup
// lines are left out of the body, their alt text kept as captions. The Date is
// as written; deliver normalises it.
//
// Lines end with \n, \r\n or a lone \r. Invalid UTF-8 is left for the caller
// to repair: see textLines.
func readText(data []byte, path string, markdown bool) (Article, error) {
	lines := textLines(data)
	meta, lines, err := frontMatter(lines, path)
	if err != nil {
		return Article{}, err
	}
	a := Article{
		ID:       meta["id"],
		Outlet:   cmp.Or(meta["outlet"], meta["source"], meta["publisher"]),
		Date:     meta["date"],
		Title:    meta["title"],
		URL:      meta["url"],
		Language: cmp.Or(meta["language"], meta["lang"]),
		Source:   path,
		Line:     1,
	}
	if a.ID == "" {
		a.ID = pathID(path, 0)
	}
	a.lookup = func(name string) string { return meta[name] }
	if a.Outlet == "" {
		a.Outlet = folderOutlet(path)
	}

	var body []string
	titled := a.Title != ""
	for _, line := range lines {
		if caption, ok := markup(line); ok {
			if caption != "" {
				a.Captions = append(a.Captions, caption)
			}
			continue
		}
		switch {
		case titled:
			body = append(body, line)
		case strings.TrimSpace(line) != "":
			if markdown {
				line = strings.TrimLeft(strings.TrimSpace(line), "# \t")
			}
			a.Title = strings.TrimSpace(line)
			titled = true
		}
	}
	for len(body) > 0 && strings.TrimSpace(body[0]) == "" {
		body = body[1:]
	}
	for len(body) > 0 && strings.TrimSpace(body[len(body)-1]) == "" {
		body = body[:len(body)-1]
	}
	a.Text = strings.Join(body, "\n")
	return a, nil
}

// repairUTF8 replaces invalid UTF-8 in the text file data with U+FFFD,
// telling notice of the first line that holds some. It is done here rather
// than in Reader.check, as YAML front matter would reject it.
func repairUTF8(data []byte, path string, notice func(Notice)) []byte {
	if utf8.Valid(data) {
		return data
	}
	line := 1
	for i, l := range textLines(data) {
		if !utf8.ValidString(l) {
			line = i + 1
			break
		}
	}
	notice(Notice{Path: path, Line: line, Reason: invalidUTF8})
	return bytes.ToValidUTF8(data, []byte("\uFFFD"))
}

// textLines splits data into lines, without their ends (\n, \r\n or a lone
// \r) or a BOM.
func textLines(data []byte) []string {
	s := string(bytes.TrimPrefix(data, utf8BOM))
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Split(strings.ReplaceAll(s, "\r", "\n"), "\n")
}

// frontMatter splits off the YAML between a first line "---" and the next
// line "---" or "...", and returns its scalar values by key with the lines
// that follow it.
func frontMatter(lines []string, path string) (map[string]string, []string, error) {
	if len(lines) == 0 || strings.TrimRight(lines[0], " \t") != "---" {
		return nil, lines, nil
	}
	for end := 1; end < len(lines); end++ {
		if l := strings.TrimRight(lines[end], " \t"); l != "---" && l != "..." {
			continue
		}
		// Nodes rather than values keep what was written: a date or an id
		// such as 0123 as it stands, not as a time or a number.
		var nodes map[string]yaml.Node
		if err := yaml.Unmarshal([]byte(strings.Join(lines[1:end], "\n")), &nodes); err != nil {
			line := 1 // the "---" line; YAML lines start after it
			if n := YAMLLine(err); n > 0 {
				line = min(line+n, end) // YAML takes a lone \r for a line break too
			}
			return nil, nil, &Error{Path: path, Line: line, Err: fmt.Errorf("front matter: %w", err)}
		}
		meta := make(map[string]string, len(nodes))
		for key, n := range nodes {
			if n.Kind == yaml.ScalarNode && n.ShortTag() != "!!null" {
				meta[key] = strings.TrimSpace(n.Value)
			}
		}
		return meta, lines[end+1:], nil
	}
	return nil, nil, &Error{Path: path, Line: 1, Err: errors.New("front matter has no closing ---")}
}

// markup reports whether line is markup rather than prose: a line in angle
// brackets such as <image>...</image>, or a Markdown image. Its caption is
// its alt text: that of a Markdown image, else of an alt attribute, else the
// text between its tags.
func markup(line string) (caption string, ok bool) {
	t := strings.TrimSpace(line)
	if m := mdImageLine.FindStringSubmatch(t); m != nil {
		return strings.TrimSpace(m[1]), true
	}
	if !strings.HasPrefix(t, "<") || !strings.HasSuffix(t, ">") {
		return "", false
	}
	if m := mdImageAlt.FindStringSubmatch(t); m != nil {
		return strings.TrimSpace(m[1]), true
	}
	if m := altAttr.FindStringSubmatch(t); m != nil {
		return strings.TrimSpace(m[1] + m[2]), true
	}
	return strings.TrimSpace(tag.ReplaceAllString(t, "")), true
}
