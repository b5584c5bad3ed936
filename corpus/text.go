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
		nodes, err := frontMatterNodes([]byte(strings.Join(lines[1:end], "\n")))
		if err != nil {
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

// frontMatterNodes is the YAML mapping data holds, by key, as
// yaml.Unmarshal into a map[string]yaml.Node gives it, errors included, in
// time linear in the keys. yaml.v3 compares every key of a mapping with every
// other, and reports every pair of equal keys: 50,000 lines of front matter
// took seconds, and 50,000 equal keys more memory than the machine had. So a
// mapping whose keys are all plain strings, as front matter's are, is read
// from its nodes, its duplicates found by hashing; anything else goes to
// yaml.Unmarshal, when small.
func frontMatterNodes(data []byte) (map[string]yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	root := doc.Content[0]
	if !plainStringKeys(root) {
		if len(root.Content) > 2*maxOddFrontMatterKeys {
			return nil, fmt.Errorf("over %d keys in a mapping that is not of plain strings", maxOddFrontMatterKeys)
		}
		var nodes map[string]yaml.Node
		err := yaml.Unmarshal(data, &nodes)
		return nodes, err
	}
	nodes := make(map[string]yaml.Node, len(root.Content)/2)
	dup := false
	for i := 0; i < len(root.Content); i += 2 {
		k := root.Content[i].Value
		if _, ok := nodes[k]; ok {
			dup = true
			continue
		}
		nodes[k] = *root.Content[i+1]
	}
	if dup {
		return nil, &yaml.TypeError{Errors: equalKeys(root.Content)}
	}
	return nodes, nil
}

// maxOddFrontMatterKeys bounds the mapping left to yaml.v3, whose time grows
// with the square of its keys.
const maxOddFrontMatterKeys = 1000

// plainStringKeys reports whether n is a mapping whose keys are all scalars
// tagged !!str: keys a map[string] takes as written, with no merge (<<),
// alias or other tag to resolve.
func plainStringKeys(n *yaml.Node) bool {
	if n.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Kind != yaml.ScalarNode || k.ShortTag() != "!!str" {
			return false
		}
	}
	return true
}

// maxEqualKeys is how many pairs of equal keys equalKeys lists.
const maxEqualKeys = 10

// equalKeys lists the pairs of equal keys of a mapping's content, in
// yaml.v3's words and order (each key, then each later one equal to it), the
// first maxEqualKeys of them and how many more.
func equalKeys(content []*yaml.Node) []string {
	at := map[string][]int{} // key -> the indexes of its nodes
	for i := 0; i < len(content); i += 2 {
		at[content[i].Value] = append(at[content[i].Value], i)
	}
	var errs []string
	more := 0
	for i := 0; i < len(content); i += 2 {
		ni := content[i]
		later := at[ni.Value][1:] // the keys before i have been taken off
		at[ni.Value] = later
		for k, j := range later {
			if len(errs) == maxEqualKeys {
				more += len(later) - k
				break
			}
			nj := content[j]
			errs = append(errs, fmt.Sprintf("line %d: mapping key %#v already defined at line %d", nj.Line, nj.Value, ni.Line))
		}
	}
	if more > 0 {
		errs = append(errs, fmt.Sprintf("and %d more pairs of equal keys", more))
	}
	return errs
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
