package config

import (
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	yamlparser "github.com/goccy/go-yaml/parser"
)

// maxErrors bounds the problems reported for one file: past that, the
// file is probably not an authvet config at all.
const maxErrors = 20

// Top-level keys other than the analyzer sections.
var topKeys = []string{"baseline", "exclude", "fail-on", "include-tests", "rules", "secrets"}

var (
	ruleKeys    = []string{"disable", "enable", "exclude", "level"}
	secretKeys  = []string{"cache", "config", "max-file-size"}
	levelNames  = []string{"error", "warning", "note", "off"}
	failOnNames = []string{"error", "warning", "note", "none"}
)

var reYAMLPos = regexp.MustCompile(`\[(\d+):(\d+)\]`)

type parser struct {
	k    *Known
	f    *File
	errs Errors
	// cur is the key being read: the position of a problem with a
	// value that has none of its own (a missing value).
	cur ast.Node
}

func (p *parser) errorf(n ast.Node, suggest string, format string, args ...any) {
	if len(p.errs) >= maxErrors {
		return
	}
	at := pos(n)
	if at.Line == 0 {
		at = pos(p.cur)
	}
	p.errs = append(p.errs, &Error{File: p.f.Path, Pos: at, Msg: fmt.Sprintf(format, args...), Suggest: suggest})
}

func pos(n ast.Node) Pos {
	if n == nil {
		return Pos{}
	}
	tk := n.GetToken()
	if tk == nil || tk.Position == nil {
		return Pos{}
	}
	return Pos{tk.Position.Line, tk.Position.Column}
}

func (p *parser) parse(data []byte) {
	file, err := yamlparser.ParseBytes(data, 0)
	if err != nil {
		e := &Error{File: p.f.Path, Msg: "invalid YAML"}
		var ye yaml.Error
		if errors.As(err, &ye) {
			// goccy/go-yaml writes other positions as "[L:C]"; say it
			// in words, as the rest of the message does.
			e.Msg = "invalid YAML: " + reYAMLPos.ReplaceAllString(ye.GetMessage(), "line $1, column $2")
			if tk := ye.GetToken(); tk != nil && tk.Position != nil {
				e.Pos = Pos{tk.Position.Line, tk.Position.Column}
			}
		} else {
			e.Msg = "invalid YAML: " + err.Error()
		}
		p.errs = append(p.errs, e)
		return
	}
	var body ast.Node
	for _, doc := range file.Docs {
		if doc == nil || doc.Body == nil {
			continue
		}
		if _, ok := doc.Body.(*ast.CommentGroupNode); ok {
			continue
		}
		if body != nil {
			p.errorf(doc.Body, "", "a config file holds one YAML document; found a second")
			return
		}
		body = doc.Body
	}
	if body == nil {
		return // an empty file (or comments only) sets nothing
	}
	p.top(body)
}

// unwrap strips anchors, tags and comments from a value; aliases are
// refused (a setting should be readable where it is).
func (p *parser) unwrap(n ast.Node) (ast.Node, bool) {
	for {
		switch v := n.(type) {
		case *ast.AnchorNode:
			n = v.Value
		case *ast.TagNode:
			n = v.Value
		case *ast.AliasNode:
			p.errorf(v, "", "YAML aliases are not supported; write the value out")
			return nil, false
		case *ast.CommentGroupNode:
			return nil, true
		default:
			return n, true
		}
	}
}

// entries returns a mapping's key/value pairs; a null value is an empty
// mapping. what names the mapping in messages.
func (p *parser) entries(n ast.Node, what string) ([]*ast.MappingValueNode, bool) {
	n, ok := p.unwrap(n)
	if !ok {
		return nil, false
	}
	switch v := n.(type) {
	case nil, *ast.NullNode:
		return nil, true
	case *ast.MappingNode:
		return v.Values, true
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{v}, true
	}
	p.errorf(n, "", "%s must be a mapping of keys to values, not %s", what, describe(n))
	return nil, false
}

// key returns a mapping entry's key as a string.
func (p *parser) key(mv *ast.MappingValueNode) (string, bool) {
	kn, ok := p.unwrap(mv.Key)
	if !ok || kn == nil {
		return "", false
	}
	if mk, ok := kn.(*ast.MergeKeyNode); ok {
		p.errorf(mk, "", "YAML merge keys (<<) are not supported; write the keys out")
		return "", false
	}
	if s, ok := kn.(*ast.StringNode); ok {
		return s.Value, true
	}
	p.errorf(kn, "", "key %s must be a string", strings.TrimSpace(kn.String()))
	return "", false
}

// each walks a mapping's entries, refusing duplicate keys.
func (p *parser) each(n ast.Node, what string, fn func(key string, mv *ast.MappingValueNode)) {
	es, ok := p.entries(n, what)
	if !ok {
		return
	}
	seen := map[string]bool{}
	for _, mv := range es {
		if mv == nil {
			continue
		}
		k, ok := p.key(mv)
		if !ok {
			continue
		}
		if seen[k] {
			p.errorf(mv.Key, "", "duplicate key %s", k)
			continue
		}
		seen[k] = true
		saved := p.cur
		p.cur = mv.Key
		fn(k, mv)
		p.cur = saved
	}
}

func (p *parser) top(n ast.Node) {
	p.each(n, "the config file", func(k string, mv *ast.MappingValueNode) {
		switch k {
		case "rules":
			p.rules(mv.Value)
		case "exclude":
			p.f.Exclude = append(p.f.Exclude, p.globs(mv.Value, "exclude")...)
		case "fail-on":
			if s, ok := p.enum(mv.Value, "fail-on", failOnNames); ok {
				p.set("fail-on", s, mv.Value)
			}
		case "baseline":
			if s, ok := p.str(mv.Value, "baseline"); ok {
				p.set("baseline", p.path(s), mv.Value)
			}
		case "include-tests":
			if b, ok := p.boolean(mv.Value, "include-tests"); ok {
				p.set("include-tests", b, mv.Value)
			}
		case "secrets":
			p.secrets(mv.Value)
		default:
			if _, ok := p.k.Analyzers[k]; ok {
				p.analyzer(k, mv.Value)
				return
			}
			p.errorf(mv.Key, closest(k, append(append([]string(nil), topKeys...), p.k.analyzerNames()...)),
				"unknown key %s", k)
		}
	})
}

func (p *parser) set(key, value string, n ast.Node) {
	p.f.Settings = append(p.f.Settings, Setting{Key: key, Value: value, Pos: pos(n)})
}

// path resolves a path from the file against the file's directory.
func (p *parser) path(s string) string {
	if filepath.IsAbs(s) {
		return filepath.Clean(s)
	}
	return filepath.Join(p.f.Dir, filepath.FromSlash(s))
}

func (p *parser) rules(n ast.Node) {
	p.each(n, "rules", func(k string, mv *ast.MappingValueNode) {
		switch k {
		case "enable", "disable":
			if ids := p.ruleList(mv.Value, "rules."+k); ids != nil {
				p.set("rules."+k, strings.Join(ids, ","), mv.Value)
			}
		case "level":
			p.each(mv.Value, "rules.level", func(id string, e *ast.MappingValueNode) {
				if !p.rule(id, e.Key) {
					return
				}
				if l, ok := p.enum(e.Value, "the level of "+id, levelNames); ok {
					p.f.Levels[id] = l
				}
			})
		case "exclude":
			p.each(mv.Value, "rules.exclude", func(id string, e *ast.MappingValueNode) {
				if !p.rule(id, e.Key) {
					return
				}
				p.f.RuleExclude[id] = append(p.f.RuleExclude[id], p.globs(e.Value, "rules.exclude."+id)...)
			})
		default:
			p.errorf(mv.Key, closest(k, ruleKeys), "unknown key rules.%s", k)
		}
	})
}

// rule checks a rule id or analyzer name.
func (p *parser) rule(id string, n ast.Node) bool {
	if p.k.validRule(id) {
		return true
	}
	p.errorf(n, closest(id, p.k.ruleNames()), "unknown rule %s", id)
	return false
}

// ruleList reads a list of rule ids; nil when it is not valid.
func (p *parser) ruleList(n ast.Node, what string) []string {
	items, ok := p.strList(n, what, false)
	if !ok {
		return nil
	}
	out := []string{}
	valid := true
	for _, it := range items {
		if !p.rule(it.s, it.n) {
			valid = false
		}
		out = append(out, it.s)
	}
	if !valid {
		return nil
	}
	return out
}

func (p *parser) globs(n ast.Node, what string) []Glob {
	items, ok := p.strList(n, what, false)
	if !ok {
		return nil
	}
	var out []Glob
	for _, it := range items {
		g, err := compileGlob(it.s)
		if err != nil {
			p.errorf(it.n, "", "%v", err)
			continue
		}
		g.Pos = pos(it.n)
		out = append(out, g)
	}
	return out
}

func (p *parser) secrets(n ast.Node) {
	p.each(n, "secrets", func(k string, mv *ast.MappingValueNode) {
		switch k {
		case "config", "cache":
			if s, ok := p.str(mv.Value, "secrets."+k); ok {
				p.set("secrets."+k, p.path(s), mv.Value)
			}
		case "max-file-size":
			if s, ok := p.integer(mv.Value, "secrets.max-file-size"); ok {
				p.set("secrets.max-file-size", s, mv.Value)
			}
		default:
			p.errorf(mv.Key, closest(k, secretKeys), "unknown key secrets.%s", k)
		}
	})
}

func (p *parser) analyzer(name string, n ast.Node) {
	var names []string
	for _, o := range p.k.Analyzers[name] {
		names = append(names, o.Name)
	}
	p.each(n, name, func(k string, mv *ast.MappingValueNode) {
		o, ok := p.k.option(name, k)
		if !ok {
			if len(names) == 0 {
				p.errorf(mv.Key, "", "unknown key %s.%s: %s has no options", name, k, name)
				return
			}
			p.errorf(mv.Key, closest(k, names), "unknown key %s.%s (%s's options: %s)", name, k, name, strings.Join(names, ", "))
			return
		}
		key := name + "." + k
		var v string
		switch o.Kind {
		case KindBool:
			v, ok = p.boolean(mv.Value, key)
		case KindInt:
			v, ok = p.integer(mv.Value, key)
		case KindFloat:
			v, ok = p.number(mv.Value, key)
		default:
			var items []item
			items, ok = p.strList(mv.Value, key, true)
			parts := make([]string, len(items))
			for i, it := range items {
				parts[i] = it.s
			}
			v = strings.Join(parts, ",")
		}
		if ok {
			p.set(key, v, mv.Value)
		}
	})
}

// item is a string and where it was.
type item struct {
	s string
	n ast.Node
}

// strList reads a list of strings; with scalar, a single string is also
// accepted (analyzer options take "a,b" or [a, b]).
func (p *parser) strList(n ast.Node, what string, scalar bool) ([]item, bool) {
	n, ok := p.unwrap(n)
	if !ok {
		return nil, false
	}
	if scalar {
		if s, ok := stringValue(n); ok {
			return []item{{s, n}}, true
		}
	}
	seq, isSeq := n.(*ast.SequenceNode)
	if !isSeq {
		want := "a list of strings"
		if scalar {
			want = "a string or a list of strings"
		}
		p.errorf(n, "", "%s must be %s, not %s", what, want, describe(n))
		return nil, false
	}
	var out []item
	valid := true
	for _, v := range seq.Values {
		v, ok := p.unwrap(v)
		if !ok {
			valid = false
			continue
		}
		s, isStr := stringValue(v)
		if !isStr {
			p.errorf(v, "", "%s must hold strings, not %s", what, describe(v))
			valid = false
			continue
		}
		out = append(out, item{s, v})
	}
	return out, valid
}

func (p *parser) str(n ast.Node, what string) (string, bool) {
	n, ok := p.unwrap(n)
	if !ok {
		return "", false
	}
	s, ok := stringValue(n)
	if !ok {
		p.errorf(n, "", "%s must be a string, not %s", what, describe(n))
		return "", false
	}
	if strings.TrimSpace(s) == "" {
		p.errorf(n, "", "%s must not be empty", what)
		return "", false
	}
	return s, true
}

func (p *parser) enum(n ast.Node, what string, allowed []string) (string, bool) {
	s, ok := p.str(n, what)
	if !ok {
		return "", false
	}
	for _, a := range allowed {
		if s == a {
			return s, true
		}
	}
	n, _ = p.unwrap(n)
	p.errorf(n, closest(s, allowed), "%s %q: want %s", what, s, strings.Join(allowed, ", "))
	return "", false
}

func (p *parser) boolean(n ast.Node, what string) (string, bool) {
	n, ok := p.unwrap(n)
	if !ok {
		return "", false
	}
	if b, ok := n.(*ast.BoolNode); ok {
		return strconv.FormatBool(b.Value), true
	}
	p.errorf(n, "", "%s must be true or false, not %s", what, describe(n))
	return "", false
}

func (p *parser) integer(n ast.Node, what string) (string, bool) {
	n, ok := p.unwrap(n)
	if !ok {
		return "", false
	}
	if i, ok := n.(*ast.IntegerNode); ok {
		switch v := i.Value.(type) {
		case int64:
			if v < 0 {
				p.errorf(n, "", "%s must not be negative", what)
				return "", false
			}
			return strconv.FormatInt(v, 10), true
		case uint64:
			return strconv.FormatUint(v, 10), true
		}
	}
	p.errorf(n, "", "%s must be a whole number, not %s", what, describe(n))
	return "", false
}

func (p *parser) number(n ast.Node, what string) (string, bool) {
	n, ok := p.unwrap(n)
	if !ok {
		return "", false
	}
	switch v := n.(type) {
	case *ast.IntegerNode:
		return strings.TrimSpace(v.GetToken().Value), true
	case *ast.FloatNode:
		return strconv.FormatFloat(v.Value, 'g', -1, 64), true
	}
	p.errorf(n, "", "%s must be a number, not %s", what, describe(n))
	return "", false
}

// stringValue returns a string scalar's value.
func stringValue(n ast.Node) (string, bool) {
	switch v := n.(type) {
	case *ast.StringNode:
		return v.Value, true
	case *ast.LiteralNode:
		if v.Value != nil {
			return v.Value.Value, true
		}
	}
	return "", false
}

// describe names a node's type for messages.
func describe(n ast.Node) string {
	switch v := n.(type) {
	case nil, *ast.NullNode:
		return "nothing"
	case *ast.StringNode, *ast.LiteralNode:
		return "a string"
	case *ast.BoolNode:
		return "a boolean"
	case *ast.IntegerNode:
		return "a number"
	case *ast.FloatNode, *ast.InfinityNode, *ast.NanNode:
		return "a number"
	case *ast.SequenceNode:
		return "a list"
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	default:
		return v.Type().String()
	}
}
