package lint

import (
	"fmt"
	"go/ast"
	"go/token"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/authvet/authvet/internal/finding"
)

// IgnoreRule is the rule id of problems with suppression comments
// themselves.
const IgnoreRule = "authvet/ignore"

// Rules are the driver's own rules.
var Rules = []finding.Rule{{
	ID:    IgnoreRule,
	Short: "suppression comment without a reason, or that suppresses nothing",
	Full: "An //authvet:ignore comment must name the rules it suppresses and give a reason after \"--\", " +
		"and it must suppress a finding on its own line or the line below. A reasonless or stale suppression " +
		"hides the next real problem on that line without anyone having looked at it.",
	Help: "Suppress a finding on the line it is on, or the line above, with the rule and a reason:\n\n" +
		"**Bad**\n\n```go\nresp, err := http.Get(\"http://api.example.com/v1\") //authvet:ignore plainhttp\n```\n\n" +
		"**Good**\n\n```go\n//authvet:ignore plainhttp/url -- the test double only speaks HTTP, see #123\n" +
		"resp, err := http.Get(\"http://api.example.com/v1\")\n```\n\n" +
		"A rule name without a sub-rule (`plainhttp`) covers all of its sub-rules, and a rule covers its variants (`plainhttp/url` covers `plainhttp/url-no-credential`). Remove comments that no " +
		"longer suppress anything.",
	Level:            finding.LevelWarning,
	SecuritySeverity: 2.0,
	Precision:        finding.PrecisionVeryHigh,
}}

const ignoreDirective = "authvet:ignore"

// ignore is one //authvet:ignore comment.
type ignore struct {
	path   string // relative to root
	line   int
	column int
	rules  []string
	reason string
	raw    string
	used   bool
}

// parseIgnore parses the text of a comment; ok is false when it is not an
// authvet:ignore directive.
func parseIgnore(text string) (rules []string, reason string, ok bool) {
	t := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(text, "//"), "/*"))
	t = strings.TrimSpace(strings.TrimSuffix(t, "*/"))
	if !strings.HasPrefix(t, ignoreDirective) {
		return nil, "", false
	}
	t = strings.TrimPrefix(t, ignoreDirective)
	if t != "" && t[0] != ' ' && t[0] != '\t' {
		return nil, "", false // e.g. "authvet:ignored", not ours
	}
	spec, why, _ := strings.Cut(t, "--")
	for _, r := range strings.Split(spec, ",") {
		rules = append(rules, strings.Fields(r)...)
	}
	// "//authvet:ignore" (no space, as Go writes directives) is always
	// meant as one. "// authvet:ignore" may also be prose that names the
	// directive ("an authvet:ignore directive."): it is one only when what
	// follows reads as rule ids.
	if !strings.HasPrefix(text, "//"+ignoreDirective) {
		for _, r := range rules {
			if !looksLikeRuleID(r) {
				return nil, "", false
			}
		}
	}
	return rules, strings.TrimSpace(why), true
}

// looksLikeRuleID reports whether s is shaped like a rule id or analyzer
// name: lower-case words of letters, digits, '-' and '_', joined by '/'.
func looksLikeRuleID(s string) bool {
	for _, part := range strings.Split(s, "/") {
		if part == "" {
			return false
		}
		for _, c := range part {
			if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
				return false
			}
		}
	}
	return true
}

// fileIgnores returns the authvet:ignore comments of a file, with path
// absolute (as the file set has it).
func fileIgnores(fset *token.FileSet, f *ast.File) []*ignore {
	var out []*ignore
	for _, cg := range f.Comments {
		for _, cm := range cg.List {
			if !strings.Contains(cm.Text, ignoreDirective) {
				continue
			}
			rules, reason, ok := parseIgnore(cm.Text)
			if !ok {
				continue
			}
			pos := fset.Position(cm.Slash)
			out = append(out, &ignore{
				path: pos.Filename, line: pos.Line, column: pos.Column,
				rules: rules, reason: reason, raw: cm.Text,
			})
		}
	}
	return out
}

// collectIgnores reads every authvet:ignore comment of the analyzed files,
// with paths relative to the root.
func collectIgnores(pkgs []*packages.Package, rel *releaser, c *converter) []*ignore {
	var out []*ignore
	seen := map[string]bool{}
	for _, p := range pkgs {
		for _, ig := range rel.ignores(p) {
			key := fmt.Sprintf("%s:%d:%d", ig.path, ig.line, ig.column)
			if seen[key] {
				continue // a package and its test variant share files
			}
			seen[key] = true
			ig.path = c.rel(ig.path)
			out = append(out, ig)
		}
	}
	return out
}

// covers reports whether an ignore comment's rule list names id: exactly,
// as the analyzer part of it ("plainhttp" covers "plainhttp/url"), or as
// the rule a variant refines: a rule's lower-level forms are named with
// a suffix ("plainhttp/url" covers "plainhttp/url-no-credential",
// "credexposure/query" covers "credexposure/query-opt-in"), so a
// suppression written before a finding moved to a variant still holds.
func (ig *ignore) covers(id string) bool {
	for _, r := range ig.rules {
		if r == id || strings.HasPrefix(id, r+"/") || r == "all" ||
			strings.Contains(r, "/") && strings.HasPrefix(id, r+"-") {
			return true
		}
	}
	return false
}

// applySuppressions marks findings on an ignore comment's line, or the line
// below it, as suppressed in source, and adds authvet/ignore findings for
// comments without a reason or that suppress nothing.
func applySuppressions(fs []finding.Finding, igs []*ignore, enabled func(string) bool, c *converter) []finding.Finding {
	if len(igs) == 0 {
		return fs
	}
	byLine := map[string][]*ignore{}
	for _, ig := range igs {
		for _, l := range []int{ig.line, ig.line + 1} {
			k := fmt.Sprintf("%s:%d", ig.path, l)
			byLine[k] = append(byLine[k], ig)
		}
	}
	for i := range fs {
		f := &fs[i]
		for _, ig := range byLine[fmt.Sprintf("%s:%d", f.Location.Path, f.Location.StartLine)] {
			if ig.covers(f.RuleID) && ig.reason != "" && len(ig.rules) > 0 {
				ig.used = true
				f.Suppression = &finding.Suppression{Kind: "inSource", Justification: ig.reason}
				break
			} else if ig.covers(f.RuleID) {
				ig.used = true // reported below for its missing reason
			}
		}
	}
	for _, ig := range igs {
		var msg string
		switch {
		case len(ig.rules) == 0:
			msg = "authvet:ignore comment names no rule; write //authvet:ignore <rule> -- <reason>"
		case ig.reason == "":
			msg = fmt.Sprintf("authvet:ignore %s has no reason; add \"-- <why this is safe>\" or the finding stays reported", strings.Join(ig.rules, ","))
		case !ig.used && anyEnabled(ig.rules, enabled):
			msg = fmt.Sprintf("authvet:ignore %s suppresses nothing on this line or the next; remove it", strings.Join(ig.rules, ","))
		default:
			continue
		}
		line := ""
		if lines, ok := c.files[filepath.Join(c.root, filepath.FromSlash(ig.path))]; ok && ig.line <= len(lines) {
			line = lines[ig.line-1]
		}
		fs = append(fs, finding.Finding{
			RuleID:   IgnoreRule,
			Level:    finding.LevelWarning,
			Message:  msg,
			Location: finding.Location{Path: ig.path, StartLine: ig.line, StartColumn: ig.column},
			Snippet:  strings.TrimRight(line, " \t\r"),
			Properties: map[string]any{
				"lineHash": lineHash(c.shown(ig.raw, false)),
			},
		})
	}
	return fs
}

// anyEnabled reports whether any of the named rules is enabled, so that a
// comment for a rule the user turned off is not called stale.
func anyEnabled(rules []string, enabled func(string) bool) bool {
	if enabled == nil {
		return true
	}
	for _, r := range rules {
		if enabled(r) {
			return true
		}
	}
	return false
}
