package gitleaksrules

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	_ "unsafe" // for go:linkname, see resetExtendDepth

	"github.com/pelletier/go-toml/v2"
	"github.com/rs/zerolog"
	"github.com/spf13/viper"
	"github.com/zricethezav/gitleaks/v8/config"
	"github.com/zricethezav/gitleaks/v8/logging"
	"github.com/zricethezav/gitleaks/v8/regexp"

	"github.com/authvet/authvet/internal/finding"
)

func init() {
	// gitleaks logs through a global zerolog logger that writes to stderr,
	// including the secret it skipped at trace level. authvet reports
	// through its own findings only, so the logger is silenced for good.
	logging.Logger = zerolog.Nop()
}

// DefaultMaxDecodeDepth is how many nested encodings (base64, hex,
// percent, unicode escapes) are decoded by default, as in the gitleaks CLI.
const DefaultMaxDecodeDepth = 5

// Set is a compiled rule set. It is safe for concurrent use.
type Set struct {
	cfg    config.Config
	source string // "default" or the config file's path
	hash   string

	// route picks, per fragment, a detector with or without decoding
	// and with or without generic-api-key (see fast.go). Detectors are
	// used read-only after construction, which gitleaks' own concurrent
	// scans rely on too.
	route *router

	rulesOnce sync.Once
	rules     []finding.Rule
	byID      map[string]*finding.Rule

	minOnce  sync.Once
	minMatch int // MinMatch
}

var (
	defaultOnce sync.Once
	defaultSet  *Set
	defaultErr  error

	// loadMu serialises config loading: gitleaks' extend support uses the
	// global viper instance and a package-level depth counter.
	loadMu  sync.Mutex
	loaded  = map[string]*Set{}
	loadErr = map[string]error{}
)

// Default returns the gitleaks default rule set, compiled on first use.
func Default() *Set {
	defaultOnce.Do(func() {
		loadMu.Lock()
		defer loadMu.Unlock()
		v := viper.New()
		v.SetConfigType("toml")
		if err := v.ReadConfig(strings.NewReader(config.DefaultConfig)); err != nil {
			defaultErr = err
			return
		}
		defaultSet, defaultErr = translate(v, "default", []byte(config.DefaultConfig))
	})
	if defaultErr != nil {
		// The default config is embedded in gitleaks and covered by its
		// tests and ours; failing to compile it is a build defect.
		panic(fmt.Sprintf("gitleaksrules: default gitleaks config does not compile: %v", defaultErr))
	}
	return defaultSet
}

// Load compiles the gitleaks config file at path (the .gitleaks.toml
// format, including [extend] useDefault/path and disabledRules). Each
// path and content is compiled once per process. A config that does not parse, or a
// regex that does not compile, is an error naming the file and, where it
// can be found, the line.
func Load(path string) (*Set, error) {
	loadMu.Lock()
	defer loadMu.Unlock()
	// Compiled sets are kept by path and content (extended files
	// included), so an edited config is compiled afresh.
	key := path
	if data, err := readRegular(path); err == nil {
		key += "\x00" + HashOf(path, data)
	}
	if s, ok := loaded[key]; ok {
		return s, nil
	}
	if err, ok := loadErr[key]; ok {
		return nil, err
	}
	s, err := load(path)
	if err != nil {
		loadErr[key] = err
		return nil, err
	}
	loaded[key] = s
	return s, nil
}

// ConfigError is a rule-set file that cannot be used.
type ConfigError struct {
	Path string
	Line int // 0 when unknown
	Col  int
	Msg  string
}

func (e *ConfigError) Error() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

func load(path string) (*Set, error) {
	data, err := readRegular(path)
	if err != nil {
		return nil, &ConfigError{Path: path, Msg: err.Error()}
	}
	// Parse the TOML first on its own: viper drops the position of a
	// syntax error, and users need the line.
	var probe map[string]any
	if err := toml.Unmarshal(data, &probe); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, col := de.Position()
			return nil, &ConfigError{Path: path, Line: line, Col: col, Msg: de.Error()}
		}
		return nil, &ConfigError{Path: path, Msg: err.Error()}
	}
	// A config comes with the repository it scans: one that extends
	// /dev/zero or a pipe must not hang the scan.
	for d, depth := data, 0; depth < maxExtendDepth; depth++ {
		p := extendPath(d)
		if p == "" {
			break
		}
		next, err := readRegular(p)
		if err != nil {
			return nil, &ConfigError{Path: path, Line: lineOfError(data, p), Msg: "[extend] path: " + err.Error()}
		}
		d = next
	}
	// gitleaks' [extend] reads through the global viper instance; use it
	// for user configs so that extend.path resolves as in gitleaks.
	viper.Reset()
	viper.SetConfigFile(path)
	viper.SetConfigType("toml")
	if err := viper.ReadInConfig(); err != nil {
		return nil, &ConfigError{Path: path, Msg: err.Error()}
	}
	defer viper.Reset()
	return translate(viper.GetViper(), path, data)
}

// gitleaksExtendDepth is gitleaks' private [extend] depth counter.
// Translate increments it for each extended config and never resets it,
// so after two configs with [extend] in one process the next ones are
// silently not extended. gitleaks v8 has no public way to reset it (no
// function touches it but the extends themselves), and doing the extend
// here instead would need gitleaks' private merge, since rules that only
// override a default rule's fields do not validate on their own. So it is
// reached by name; TestGitleaksVersionPinned fails on any gitleaks
// upgrade, and a rename fails the link.
//
//go:linkname gitleaksExtendDepth github.com/zricethezav/gitleaks/v8/config.extendDepth
var gitleaksExtendDepth int

// translate turns a read viper config into a Set. gitleaks compiles
// regexes with MustCompile and counts [extend] depth in a global that it
// never resets (so a second config with useDefault in one process would
// silently not extend); both are handled here.
func translate(v *viper.Viper, source string, data []byte) (s *Set, err error) {
	var vc config.ViperConfig
	if err := v.Unmarshal(&vc); err != nil {
		return nil, &ConfigError{Path: source, Msg: err.Error()}
	}
	gitleaksExtendDepth = 0
	defer func() {
		gitleaksExtendDepth = 0
		if r := recover(); r != nil {
			err = configPanic(source, data, r)
		}
	}()
	cfg, err := vc.Translate()
	if err != nil {
		if line, msg, ok := v7Hint(err.Error(), data); ok { // v7keys.go
			return nil, &ConfigError{Path: source, Line: line, Msg: msg}
		}
		return nil, &ConfigError{Path: source, Line: lineOfError(data, err.Error()), Msg: err.Error()}
	}
	if len(cfg.Rules) == 0 {
		return nil, &ConfigError{Path: source, Msg: "the config defines no rules (add [extend] useDefault = true to keep gitleaks' defaults)"}
	}
	if source != "default" {
		cfg.Path = source
	} else {
		cfg.Path = ""
	}
	return newSet(cfg, source, data), nil
}

// configPanic turns a gitleaks MustCompile panic into a ConfigError,
// locating the offending regex in the file where it can.
func configPanic(source string, data []byte, r any) error {
	msg := fmt.Sprint(r)
	line := 0
	// regexp.MustCompile panics with "regexp: Compile(`expr`): error".
	if i := strings.Index(msg, "Compile("); i >= 0 {
		expr := msg[i+len("Compile("):]
		if j := strings.Index(expr, "): "); j >= 0 {
			expr = expr[:j]
		}
		expr = strings.Trim(expr, "`\"")
		line = lineOfError(data, expr)
	}
	return &ConfigError{Path: source, Line: line, Msg: "invalid regular expression: " + msg}
}

// lineOfError returns the 1-based line of data holding the longest quoted
// or literal piece of msg, or 0.
func lineOfError(data []byte, msg string) int {
	var cands []string
	for _, part := range strings.FieldsFunc(msg, func(r rune) bool { return r == '\'' || r == '`' || r == '"' }) {
		if len(part) >= 3 {
			cands = append(cands, part)
		}
	}
	sort.Slice(cands, func(i, j int) bool { return len(cands[i]) > len(cands[j]) })
	for _, c := range cands {
		if i := bytes.Index(data, []byte(c)); i >= 0 {
			return bytes.Count(data[:i], []byte("\n")) + 1
		}
		// The regex may be written with TOML escapes doubled.
		if i := bytes.Index(data, []byte(strings.ReplaceAll(c, `\`, `\\`))); i >= 0 {
			return bytes.Count(data[:i], []byte("\n")) + 1
		}
	}
	return 0
}

// defaultGenericRegex is generic-api-key's regex in gitleaks' default
// config; the fast path of fast.go applies only to it.
var defaultGenericRegex = sync.OnceValue(func() string {
	v := viper.New()
	v.SetConfigType("toml")
	if err := v.ReadConfig(strings.NewReader(config.DefaultConfig)); err != nil {
		return ""
	}
	var vc config.ViperConfig
	if err := v.Unmarshal(&vc); err != nil {
		return ""
	}
	for _, r := range vc.Rules {
		if r.ID == GenericRuleID {
			return regexp.MustCompile(r.Regex).String()
		}
	}
	return ""
})

// HashOf is the Hash of the set compiled from data, read from source
// ("default" for gitleaks' default rules, else the config file's path),
// known without compiling it.
func HashOf(source string, data []byte) string {
	h := finding.Hash("gitleaksrules/v1", source, string(data))
	if source != "default" {
		// A user config that extends the default depends on the default
		// too; the default's text is part of the gitleaks version.
		h = finding.Hash(h, config.DefaultConfig)
		// One that extends another file depends on that file's content
		// (gitleaks follows [extend] path up to two levels, resolving it
		// as a path from the working directory, as here).
		for depth := 0; depth < maxExtendDepth; depth++ {
			p := extendPath(data)
			if p == "" {
				break
			}
			next, err := readRegular(p)
			if err != nil {
				h = finding.Hash(h, p, "unreadable")
				break
			}
			h, data = finding.Hash(h, p, string(next)), next
		}
	}
	return h[:24]
}

// maxExtendDepth is how many [extend] path levels gitleaks follows.
const maxExtendDepth = 2

// extendPath is the [extend] path of a config's text, or "".
func extendPath(data []byte) string {
	var c struct {
		Extend struct {
			Path string `toml:"path"`
		} `toml:"extend"`
	}
	if toml.Unmarshal(data, &c) != nil {
		return ""
	}
	return c.Extend.Path
}

// maxConfigSize bounds a config file read: a gitleaks config is a few
// hundred kilobytes at most.
const maxConfigSize = 16 << 20

// readRegular reads a config file that must be a regular file of
// reasonable size (not a device, a pipe or a directory).
func readRegular(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", path)
	}
	if st.Size() > maxConfigSize {
		return nil, fmt.Errorf("%s is larger than %d bytes", path, maxConfigSize)
	}
	return os.ReadFile(path)
}

// ReadConfig reads a config file for HashOf, refusing what is not a
// regular file (a repository's .gitleaks.toml may be a symlink to a
// device).
func ReadConfig(path string) ([]byte, error) { return readRegular(path) }

// DefaultHash is HashOf gitleaks' default rules.
func DefaultHash() string { return HashOf("default", []byte(config.DefaultConfig)) }

func newSet(cfg config.Config, source string, data []byte) *Set {
	h := HashOf(source, data)
	var generic string
	if r, ok := cfg.Rules[GenericRuleID]; ok && source == "default" && r.Regex != nil {
		generic = r.Regex.String() // the default config is its own reference
	} else {
		generic = defaultGenericRegex()
	}
	return &Set{cfg: cfg, source: source, hash: h, route: newRouter(cfg, generic)}
}

// Source is "default" or the path of the config file.
func (s *Set) Source() string { return s.source }

// Hash identifies the rule set's content (and gitleaks' default rules it
// may extend): caches keyed by it are invalidated when the rules change.
func (s *Set) Hash() string { return s.hash }

// ConfigPath is the path of the user's config file, empty for the default.
func (s *Set) ConfigPath() string {
	if s.source == "default" {
		return ""
	}
	return s.source
}

// RuleIDs returns the gitleaks rule ids, sorted.
func (s *Set) RuleIDs() []string {
	ids := make([]string, 0, len(s.cfg.Rules))
	for id := range s.cfg.Rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// PathAllowed reports whether the set's global allowlists exclude a
// path outright (an allowlist with paths and nothing else, or with the
// OR condition): such files need not be read at all.
func (s *Set) PathAllowed(path string) bool {
	for _, a := range s.cfg.Allowlists {
		if len(a.Paths) == 0 {
			continue
		}
		if a.MatchCondition == config.AllowlistMatchAnd && (len(a.Commits) > 0 || len(a.Regexes) > 0 || len(a.StopWords) > 0) {
			continue
		}
		if a.PathAllowed(path) {
			return true
		}
	}
	return false
}

// RuleKeywords returns the keywords of a gitleaks rule id (its prefilter:
// a fragment is matched against the rule only when one of them occurs in
// it, as a substring, case-insensitively), or nil.
func (s *Set) RuleKeywords(id string) []string {
	return s.cfg.Rules[id].Keywords
}

// RuleRegex returns the regular expression of a gitleaks rule id, or ""
// for a rule that matches by path only or does not exist. Tests use it to
// build a sample of every rule (testkeys.FromRegex).
func (s *Set) RuleRegex(id string) string {
	r, ok := s.cfg.Rules[id]
	if !ok || r.Regex == nil {
		return ""
	}
	return r.Regex.String()
}
