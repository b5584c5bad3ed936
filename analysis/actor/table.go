// Package actor finds the mentions of a table's actors in text.
//
// A Table is read from quanteda dictionary YAML (Parse; Default is the
// built-in one): each actor has patterns, words or phrases with the glob
// wildcards * and ?, matched word by word against the text.
package actor

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/slant-news/slant/analysis/segment"

	"gopkg.in/yaml.v3"

	"github.com/slant-news/slant/corpus"
)

//go:embed actors.yaml
var defaultActors []byte

// DefaultFile is the name under which the embedded default actor table
// is reported (in errors, `slant actors` and the manifest).
const DefaultFile = "actors.yaml (built in)"

// DefaultYAML returns the embedded default actor table as YAML.
func DefaultYAML() []byte { return defaultActors }

// Default returns the embedded default actor table.
func Default() *Table {
	a, err := Parse(DefaultFile, defaultActors)
	if err != nil {
		panic(err) // the embedded file is tested; this cannot happen at run time
	}
	return a
}

// Actor is one entry of an actor table: a name and its patterns, as
// written (an exclusion with its leading "!").
type Actor struct {
	Name     string
	Patterns []string
}

// Table is an actor table compiled for matching. It is safe for concurrent
// use.
type Table struct {
	List   []Actor
	Source string // the file it was read from
	SHA256 string // of the file's bytes

	exact  map[string]*phrase // by first word as written, for case-sensitive patterns
	folded map[string]*phrase // by first word lowercased, for case-insensitive patterns
	globs  []*pattern         // patterns whose first word has a wildcard
	// The globs again by the first byte their first word must start with
	// (of the word as written, or lowercased for case-insensitive ones),
	// so that a word is tried against only those that can match; globAny
	// are those that start with a wildcard.
	globByte [2][256][]*pattern
	globAny  []*pattern
	// prefixes and suffixes hold the globs whose first word is a plain
	// prefix (Ukrain*) or suffix (*stan), [fold] as globByte, rather than
	// globByte and globAny: see affix.go.
	prefixes, suffixes [2]affixIndex
	// exactLens is a one-sided filter in front of exact: bit n of
	// exactLens[c] is set when a key of n bytes (min(n, 63)) starts with
	// the byte c, so that most words, lowercase or of another length,
	// cost no map lookup.
	exactLens [256]uint64
	// starts holds the first bytes of the case-sensitive patterns' first
	// words, but for suffixes' (mayStartAt).
	starts [256]bool
	// exclusions says whether some patterns are exclusions (see match.go).
	exclusions bool
	index      map[string]int // actor name -> its place in List
	// lowers says whether some pattern matches words lowercased (folded,
	// or a glob of hasFoldedGlob): known once, not at every sentence.
	lowers bool
}

// Index returns the place of the actor named name in List, or -1.
func (a *Table) Index(name string) int {
	if i, ok := a.index[name]; ok {
		return i
	}
	return -1
}

// Names returns the actor names in table order.
func (a *Table) Names() []string {
	names := make([]string, len(a.List))
	for i, x := range a.List {
		names[i] = x.Name
	}
	return names
}

type pattern struct {
	actor int
	not   bool     // an exclusion: where it matches, actor's patterns do not
	words []string // lowercased when fold
	fold  bool
	glob  []globKind
}

type globKind uint8

const (
	literal  globKind = iota
	prefix            // a single trailing *: the word without it is a prefix
	wildcard          // anything else with * or ?
)

// Parse reads an actor table in the quanteda dictionary YAML format: a
// mapping from actor name to a list of patterns. Nested mappings are merged
// into their top-level actor, as quanteda's levels = 1 does. Errors are
// *corpus.Error with the file's line.
func Parse(path string, data []byte) (*Table, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, &corpus.Error{Path: path, Line: corpus.YAMLLine(err), Err: fmt.Errorf("invalid YAML: %w", err)}
	}
	fail := func(n *yaml.Node, format string, args ...any) error {
		return &corpus.Error{Path: path, Line: n.Line, Err: fmt.Errorf(format, args...)}
	}
	if len(doc.Content) == 0 {
		return nil, &corpus.Error{Path: path, Err: errors.New("no actors")}
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, fail(root, "want a mapping of actor names to pattern lists")
	}
	a := &Table{Source: path, SHA256: digest(data), exact: map[string]*phrase{}, folded: map[string]*phrase{}}
	seen := map[string]int{}
	a.index = map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, val := root.Content[i], root.Content[i+1]
		name := strings.TrimSpace(key.Value)
		if name == "" {
			return nil, fail(key, "empty actor name")
		}
		if line, dup := seen[name]; dup {
			return nil, fail(key, "actor %q already defined at line %d", name, line)
		}
		seen[name] = key.Line
		actor := Actor{Name: name}
		var collect func(n *yaml.Node) error
		collect = func(n *yaml.Node) error {
			switch n.Kind {
			case yaml.ScalarNode:
				p, err := compileEntry(len(a.List), n)
				if err != nil {
					return fail(n, "actor %q: %v", name, err)
				}
				actor.Patterns = append(actor.Patterns, n.Value)
				a.add(p)
				a.exclusions = a.exclusions || p.not
			case yaml.SequenceNode:
				for _, c := range n.Content {
					if err := collect(c); err != nil {
						return err
					}
				}
			case yaml.MappingNode:
				for j := 1; j < len(n.Content); j += 2 {
					if err := collect(n.Content[j]); err != nil {
						return err
					}
				}
			default:
				return fail(n, "actor %q: want a list of patterns", name)
			}
			return nil
		}
		if err := collect(val); err != nil {
			return nil, err
		}
		if len(actor.Patterns) == 0 {
			return nil, fail(key, "actor %q has no patterns", name)
		}
		if !hasInclusion(actor.Patterns) {
			return nil, fail(key, "actor %q has only exclusions (patterns with a leading !)", name)
		}
		a.index[name] = len(a.List)
		a.List = append(a.List, actor)
	}
	a.lowers = len(a.folded) > 0 || a.hasFoldedGlob()
	return a, nil
}

func compilePattern(actor int, s string) (*pattern, error) {
	toks := segment.Tokenize(s, nil, true)
	if len(toks) == 0 {
		return nil, fmt.Errorf("pattern %q has no words", s)
	}
	p := &pattern{actor: actor, fold: !hasUpper(s)}
	for _, t := range toks {
		w := t.Key(s)
		if strings.Trim(w, "*?") == "" {
			return nil, fmt.Errorf("pattern %q would match every word", s)
		}
		if p.fold {
			w = strings.ToLower(w)
		}
		kind := literal
		switch i := strings.IndexAny(w, "*?"); {
		case i == len(w)-1 && w[i] == '*':
			kind, w = prefix, w[:i]
		case i >= 0:
			kind = wildcard
		}
		p.words = append(p.words, w)
		p.glob = append(p.glob, kind)
	}
	return p, nil
}

func (a *Table) add(p *pattern) {
	switch {
	case p.glob[0] != literal:
		a.globs = append(a.globs, p)
		fold := 0
		if p.fold {
			fold = 1
		}
		w := p.words[0]
		suffix, isSuffix := plainSuffix(w)
		switch {
		case p.glob[0] == prefix:
			a.prefixes[fold].add(w, p)
			a.starts[w[0]] = a.starts[w[0]] || fold == 0
		case p.glob[0] == wildcard && isSuffix:
			a.suffixes[fold].add(suffix, p)
		case w != "" && w[0] != '*' && w[0] != '?':
			a.globByte[fold][w[0]] = append(a.globByte[fold][w[0]], p)
			a.starts[w[0]] = a.starts[w[0]] || fold == 0
		default:
			a.globAny = append(a.globAny, p)
		}
	case p.fold:
		addPhrase(a.folded, p)
	default:
		addPhrase(a.exact, p)
		if w := p.words[0]; w != "" {
			a.exactLens[w[0]] |= 1 << min(len(w), 63)
			a.starts[w[0]] = true
		}
	}
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// match reports how many tokens p covers starting at toks[i], or 0. Words of
// a phrase must be separated by white space only.
func (p *pattern) match(text string, toks []segment.Token, lower []string, i int) int {
	if i+len(p.words) > len(toks) {
		return 0
	}
	for j, w := range p.words {
		t := toks[i+j]
		if j > 0 && strings.TrimSpace(text[toks[i+j-1].End:t.Start]) != "" {
			return 0
		}
		s := t.Key(text)
		if p.fold {
			s = lower[i+j]
		}
		switch p.glob[j] {
		case literal:
			if s != w {
				return 0
			}
		case prefix:
			if !strings.HasPrefix(s, w) {
				return 0
			}
		case wildcard:
			if !globMatch(w, s) {
				return 0
			}
		}
	}
	return len(p.words)
}

func digest(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}
