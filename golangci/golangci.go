// Package golangci is authvet's golangci-lint v2 module plugin. A blank
// import of it (which `golangci-lint custom` writes from .custom-gcl.yml)
// registers the linter "authvet", which runs every authvet analyzer, as
// analyzers/suite lists them.
//
// Its settings (linters.settings.custom.authvet.settings in .golangci.yml)
// are, all optional:
//
//	enable:  [RULE, ...]   # run only these analyzers or rules (ids as in `authvet rules`)
//	disable: [RULE, ...]   # do not report these analyzers or rules
//	<analyzer>:            # an analyzer's options: its Analyzer.Flags, as
//	  <option>: VALUE      # --<analyzer>.<option> on the CLI, -<analyzer>.<option> under go vet
//
// A list value of an option is joined with commas, as on the command line.
// A setting that would not reach an analyzer is an error, so that
// golangci-lint stops with a message instead of running without it: an
// unknown analyzer, rule or option, or a value of the wrong type (a
// string for a number or a switch, a list for a number).
//
// As under go vet, //authvet:ignore comments hold. The package imports the
// analyzers and the shared analysis layer only: never scanners/, so that
// a golangci-lint build does not link gitleaks.
package golangci

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/authvet/authvet/analyzers/suite"
	"github.com/authvet/authvet/internal/lint"
)

// Name is the linter's name in golangci-lint's configuration.
const Name = "authvet"

func init() {
	register.Plugin(Name, New)
}

// plugin is the configured linter.
type plugin struct {
	analyzers []*analysis.Analyzer
}

// New configures the linter from its settings: it sets the analyzers'
// options (their flags, which are process-wide as under go vet) and
// chooses the analyzers and rules to run.
func New(settings any) (register.LinterPlugin, error) {
	s, err := decode(settings)
	if err != nil {
		return nil, fmt.Errorf("authvet settings: %w", err)
	}
	rules, err := selectRules(s.enable, s.disable)
	if err != nil {
		return nil, fmt.Errorf("authvet settings: %w", err)
	}
	byName := map[string]*analysis.Analyzer{}
	for _, a := range suite.Analyzers() {
		byName[a.Name] = a
	}
	for _, name := range sortedKeys(s.options) {
		a := byName[name]
		if a == nil {
			return nil, fmt.Errorf("authvet settings: unknown analyzer or setting %q (settings: enable, disable, %s)", name, strings.Join(sortedKeys(byName), ", "))
		}
		if err := setFlags(a, s.options[name]); err != nil {
			return nil, fmt.Errorf("authvet settings: %s: %w", name, err)
		}
	}
	p := &plugin{}
	for _, a := range suite.Analyzers() {
		if !slices.ContainsFunc(rules.ids, func(id string) bool { return analyzerOf(id) == a.Name }) {
			continue // every rule of the analyzer is off
		}
		p.analyzers = append(p.analyzers, lint.WithSuppressions(rules.filter(a)))
	}
	return p, nil
}

// BuildAnalyzers returns the configured analyzers.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) { return p.analyzers, nil }

// GetLoadMode says that the analyzers need type information.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// settings is the decoded configuration.
type settings struct {
	enable, disable []string
	options         map[string]map[string]json.RawMessage // analyzer -> option -> value
}

// decode reads golangci-lint's settings value (a map from the YAML,
// possibly nil) through JSON, as register.DecodeSettings does, keeping
// every key so that none is silently dropped.
func decode(raw any) (settings, error) {
	var s settings
	if raw == nil {
		return s, nil
	}
	data, err := json.Marshal(raw)
	if err != nil {
		return s, fmt.Errorf("encoding settings: %w", err)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return s, fmt.Errorf("want a map of analyzer names (and enable, disable) to settings, got %s", data)
	}
	s.options = map[string]map[string]json.RawMessage{}
	for k, v := range top {
		switch k {
		case "enable", "disable":
			var list []string
			if err := json.Unmarshal(v, &list); err != nil {
				return s, fmt.Errorf("%s: want a list of analyzer names or rule ids, got %s", k, v)
			}
			if k == "enable" {
				s.enable = list
			} else {
				s.disable = list
			}
		default:
			var opts map[string]json.RawMessage
			if err := json.Unmarshal(v, &opts); err != nil || opts == nil {
				return s, fmt.Errorf("%s: want a map of option names to values, got %s", k, v)
			}
			s.options[k] = opts
		}
	}
	return s, nil
}

// setFlags sets an analyzer's options.
func setFlags(a *analysis.Analyzer, opts map[string]json.RawMessage) error {
	for _, name := range sortedKeys(opts) {
		f := a.Flags.Lookup(name)
		if f == nil {
			var known []string
			a.Flags.VisitAll(func(f *flag.Flag) { known = append(known, f.Name) })
			return fmt.Errorf("unknown option %q (options: %s)", name, strings.Join(known, ", "))
		}
		v, err := flagValue(f, opts[name])
		if err != nil {
			return fmt.Errorf("option %s: %w", name, err)
		}
		if err := a.Flags.Set(name, v); err != nil {
			return fmt.Errorf("option %s: %w", name, err)
		}
	}
	return nil
}

// flagValue turns a YAML value into the flag's command-line text,
// checking its type against the flag's: a switch takes true or false, a
// number a number, any other option a string or a list of strings.
func flagValue(f *flag.Flag, raw json.RawMessage) (string, error) {
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return "", err
	}
	var want string
	switch g := f.Value.(type) {
	case interface{ IsBoolFlag() bool }:
		if g.IsBoolFlag() {
			want = "bool"
		}
	}
	if want == "" {
		if g, ok := f.Value.(flag.Getter); ok {
			switch g.Get().(type) {
			case float64, int, int64, uint, uint64:
				want = "number"
			}
		}
	}
	switch v := v.(type) {
	case bool:
		if want == "bool" {
			return fmt.Sprint(v), nil
		}
	case json.Number:
		if want == "number" {
			return v.String(), nil
		}
	case string:
		if want == "" {
			return v, nil
		}
	case []any:
		if want == "" {
			parts := make([]string, len(v))
			for i, e := range v {
				s, ok := e.(string)
				if !ok {
					return "", fmt.Errorf("want a list of strings, got %s", raw)
				}
				if strings.Contains(s, ",") {
					return "", fmt.Errorf("list element %q holds a comma, which separates values", s)
				}
				parts[i] = s
			}
			return strings.Join(parts, ","), nil
		}
	}
	if want == "" {
		want = "string or list of strings"
	}
	return "", fmt.Errorf("want a %s, got %s", want, raw)
}

// ruleSet is the rules that are on.
type ruleSet struct {
	ids []string // sorted
}

// selectRules resolves enable and disable (analyzer names or rule ids)
// against the suite's rules.
func selectRules(enable, disable []string) (ruleSet, error) {
	var all []string
	analyzers := map[string]bool{}
	for _, r := range suite.Rules() {
		all = append(all, r.ID)
		analyzers[analyzerOf(r.ID)] = true
	}
	matches := func(sel, id string) bool { return sel == id || sel == analyzerOf(id) }
	check := func(key string, sels []string) error {
		for _, sel := range sels {
			if !analyzers[sel] && !slices.Contains(all, sel) {
				return fmt.Errorf("%s: unknown analyzer or rule %q (run `authvet rules` for the list)", key, sel)
			}
		}
		return nil
	}
	if err := check("enable", enable); err != nil {
		return ruleSet{}, err
	}
	if err := check("disable", disable); err != nil {
		return ruleSet{}, err
	}
	var on []string
	for _, id := range all {
		if len(enable) > 0 && !slices.ContainsFunc(enable, func(s string) bool { return matches(s, id) }) {
			continue
		}
		if slices.ContainsFunc(disable, func(s string) bool { return matches(s, id) }) {
			continue
		}
		on = append(on, id)
	}
	sort.Strings(on)
	return ruleSet{ids: on}, nil
}

// filter returns a, or a copy of it that drops the diagnostics of rules
// that are off. The copy shares a's flags, facts and requirements.
func (rs ruleSet) filter(a *analysis.Analyzer) *analysis.Analyzer {
	all := true
	for _, r := range suite.Rules() {
		if analyzerOf(r.ID) == a.Name && !rs.on(r.ID) {
			all = false
		}
	}
	if all {
		return a
	}
	c := *a
	c.Run = func(pass *analysis.Pass) (any, error) {
		p := *pass
		p.Report = func(d analysis.Diagnostic) {
			if rs.on(lint.RuleID(a, d.Category)) {
				pass.Report(d)
			}
		}
		return a.Run(&p)
	}
	return &c
}

func (rs ruleSet) on(id string) bool {
	_, ok := slices.BinarySearch(rs.ids, id)
	return ok
}

func analyzerOf(ruleID string) string {
	name, _, _ := strings.Cut(ruleID, "/")
	return name
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
