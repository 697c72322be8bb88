package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/authvet/authvet/analyzers/suite"
	"github.com/authvet/authvet/internal/config"
	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/internal/report"
)

// This file wires the configuration file (internal/config) into the
// commands: it finds and loads .authvet.yml, sets the flags the user did
// not set from it (flags over file over defaults), and applies its rule
// levels and path excludes to a report's findings.

// configFlags are --config/--no-config and what they loaded.
type configFlags struct {
	file   string
	none   bool
	loaded *config.File
	noted  bool
}

// register adds the flags; name is "config", or "authvet-config" where
// --config already names a gitleaks config (authvet secrets).
func (c *configFlags) register(fs *pflag.FlagSet, name string) {
	fs.StringVar(&c.file, name, "", "authvet config `FILE` (default: .authvet.yml or .authvet.yaml found from the scanned path up to the repository or module root)")
	fs.BoolVar(&c.none, "no-config", false, "ignore any .authvet.yml")
}

// settingFlags maps a config key to the flag it sets on each command,
// where the two differ.
var settingFlags = map[string]map[string]string{
	"rules.enable":          {"": "enable"},
	"rules.disable":         {"": "disable"},
	"secrets.config":        {"secrets": "config", "scan": "secrets-config"},
	"secrets.max-file-size": {"secrets": "max-file-size", "scan": "secrets-max-file-size"},
	"secrets.cache":         {"secrets": "cache", "scan": "secrets-cache"},
}

// flagFor returns the flag a config key sets on cmd, or "" when the key
// does not apply to cmd.
func flagFor(cmd, key string) string {
	m, ok := settingFlags[key]
	if !ok {
		return key
	}
	if f, ok := m[cmd]; ok {
		return f
	}
	return m[""]
}

// configKnown is what a config file may name, for the CLI: the suite's
// analyzers and the whole rule catalogue.
func configKnown() (*config.Known, error) {
	cat, err := catalogue()
	if err != nil {
		return nil, err
	}
	return config.NewKnown(suite.Analyzers(), cat.All()), nil
}

// applyConfig finds (from start) or reads the config file and sets every
// flag of fs it names that the command line left alone. It runs before
// outputFlags.validate, so file values are checked like flag values.
func (c *configFlags) apply(fs *pflag.FlagSet, cmd, start string) error {
	if c.none && c.file != "" {
		return usageErrorf("--no-config and a config file both given; use one")
	}
	if c.none {
		return nil
	}
	path := c.file
	if path == "" {
		p, err := config.Discover(start)
		if err != nil {
			return &exitError{ExitError, err}
		}
		if p == "" {
			return nil
		}
		path = p
	}
	k, err := configKnown()
	if err != nil {
		return &exitError{ExitError, err}
	}
	f, err := config.Load(path, k)
	if err != nil {
		return &exitError{ExitError, err}
	}
	for _, s := range f.Settings {
		name := flagFor(cmd, s.Key)
		fl := fs.Lookup(name)
		if name == "" || fl == nil || fs.Changed(name) {
			continue
		}
		if err := fs.Set(name, s.Value); err != nil {
			return &exitError{ExitError, &config.Error{File: f.Path, Pos: s.Pos, Msg: fmt.Sprintf("%s: %v", s.Key, err)}}
		}
		// Set marks the flag as given; the file is not the command line.
		fl.Changed = false
	}
	c.loaded = f
	return nil
}

// configStart is the directory the config file is looked for from: the
// path a command scans, or the working directory for package patterns.
func configStart(args []string) string {
	if len(args) == 1 {
		d := strings.TrimSuffix(strings.TrimSuffix(args[0], "..."), "/")
		if d == "" {
			d = "."
		}
		return d
	}
	return "."
}

// keep wraps a rule filter with the config's level-off entries.
func (c *configFlags) keep(enabled func(string) bool) func(string) bool {
	if c.loaded == nil || len(c.loaded.Levels) == 0 {
		return enabled
	}
	f := c.loaded
	return func(id string) bool {
		if f.Level(id) == "off" {
			return false
		}
		return enabled == nil || enabled(id)
	}
}

// applyToReport drops findings the config excludes or turns off, sets
// configured levels, and notes the file used. It is idempotent: lint
// applies it before --fix, finish again once secrets are merged in.
func (c *configFlags) applyToReport(r *report.Report) {
	f := c.loaded
	if f == nil {
		return
	}
	kept := r.Findings[:0]
	for _, fd := range r.Findings {
		abs := filepath.Join(r.Root, filepath.FromSlash(fd.Location.Path))
		if !f.Keep(fd.RuleID, abs) {
			continue
		}
		if l := f.Level(fd.RuleID); l != "" {
			fd.Level = finding.Level(l)
		}
		kept = append(kept, fd)
	}
	r.Findings = kept
	if !c.noted {
		c.noted = true
		n := report.Notification{Level: finding.LevelNote, Kind: "configuration", Message: "configuration read from " + f.Path}
		// The path is relative to the report's root where the file is
		// inside it (SARIF locations must be), else it stays in the
		// message only.
		abs := filepath.Join(f.Dir, filepath.Base(f.Path))
		if rel, err := filepath.Rel(r.Root, abs); err == nil && r.Root != "" && !strings.HasPrefix(rel, "..") {
			n.Path = filepath.ToSlash(rel)
			n.Message = "configuration read from " + n.Path
		}
		r.Notifications = append(r.Notifications, n)
	}
}

// ruleFilter is the rule-enabled predicate of --enable/--disable (or the
// config's rules.enable/disable) and the config's level-off entries.
func (v *validated) ruleFilter(cat *finding.Catalogue) (func(string) bool, error) {
	enabled, err := v.flagRuleFilter(cat)
	if err != nil {
		return nil, err
	}
	return v.conf.keep(enabled), nil
}

// enableDisable is the predicate of an enable and a disable list of rule
// ids and analyzer names (an empty enable list enables every rule); nil
// when both are empty.
func enableDisable(enable, disable []string) func(string) bool {
	if len(enable) == 0 && len(disable) == 0 {
		return nil
	}
	matches := func(list []string, id string) bool {
		for _, r := range list {
			if r == id || strings.HasPrefix(id, r+"/") {
				return true
			}
		}
		return false
	}
	return func(id string) bool {
		if len(enable) > 0 && !matches(enable, id) {
			return false
		}
		return !matches(disable, id)
	}
}
