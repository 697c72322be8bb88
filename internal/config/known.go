package config

import (
	"flag"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/authvet/authvet/internal/finding"
)

// Kind is the type a setting's value must have.
type Kind int

const (
	// KindString is a string or a list of strings (joined with commas,
	// as every list-valued analyzer flag takes them).
	KindString Kind = iota
	KindBool
	KindInt
	KindFloat
)

// Option is one analyzer flag as the config file sees it.
type Option struct {
	Name  string
	Usage string
	Kind  Kind
}

// Known is what a config file may name: the analyzers with their options
// (taken from Analyzer.Flags, never a hand-kept list) and the rule ids.
type Known struct {
	// Analyzers maps an analyzer name to its options, sorted by name.
	Analyzers map[string][]Option
	// Rules are the known rule ids, sorted. Any id starting "secret/" is
	// also accepted: a repository's gitleaks config can define rules
	// that are only known once the scanner reads it.
	Rules []string
}

// NewKnown describes analyzers' flags and a rule catalogue's ids.
func NewKnown(as []*analysis.Analyzer, rules []finding.Rule) *Known {
	k := &Known{Analyzers: map[string][]Option{}}
	for _, a := range as {
		opts := []Option{}
		a.Flags.VisitAll(func(f *flag.Flag) {
			opts = append(opts, Option{Name: f.Name, Usage: f.Usage, Kind: flagKind(f.Value)})
		})
		sort.Slice(opts, func(i, j int) bool { return opts[i].Name < opts[j].Name })
		k.Analyzers[a.Name] = opts
	}
	seen := map[string]bool{}
	for _, r := range rules {
		if !seen[r.ID] {
			seen[r.ID] = true
			k.Rules = append(k.Rules, r.ID)
		}
	}
	sort.Strings(k.Rules)
	return k
}

// flagKind derives a setting's type from a flag.Value: the standard
// library's values say through flag.Getter; custom values (lists of
// names) take a string.
func flagKind(v flag.Value) Kind {
	if b, ok := v.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		return KindBool
	}
	if g, ok := v.(flag.Getter); ok {
		switch g.Get().(type) {
		case bool:
			return KindBool
		case int, int64, uint, uint64:
			return KindInt
		case float64:
			return KindFloat
		}
	}
	return KindString
}

// option returns an analyzer's option by name.
func (k *Known) option(analyzer, name string) (Option, bool) {
	for _, o := range k.Analyzers[analyzer] {
		if o.Name == name {
			return o, true
		}
	}
	return Option{}, false
}

// ruleNames are the names a rule list may hold: rule ids and the
// analyzer (family) names before their "/".
func (k *Known) ruleNames() []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, id := range k.Rules {
		if i := strings.IndexByte(id, '/'); i > 0 && !strings.HasPrefix(id, "secret/") {
			add(id[:i])
		}
		add(id)
	}
	for a := range k.Analyzers {
		add(a)
	}
	sort.Strings(out)
	return out
}

// validRule reports whether name is a rule id, an analyzer name or a
// secret rule.
func (k *Known) validRule(name string) bool {
	if strings.HasPrefix(name, "secret/") && len(name) > len("secret/") {
		return true
	}
	for _, n := range k.ruleNames() {
		if n == name {
			return true
		}
	}
	return false
}

func (k *Known) analyzerNames() []string {
	var out []string
	for a := range k.Analyzers {
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}
