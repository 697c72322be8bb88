// Package config reads authvet's configuration file, .authvet.yml: it
// finds the file (walking up from the scanned path to the repository or
// module root), parses it, and checks every key, type, rule id and path
// pattern, naming the file, line and column of anything wrong.
//
// A loaded File is a list of flag-shaped Settings (the CLI and go vet
// set the very flag.Values the command line does, where the user did not
// set the flag) plus the rule levels and path excludes that the drivers
// apply to findings.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Names are the file names looked for, in order.
var Names = []string{".authvet.yml", ".authvet.yaml"}

// Pos is a position in the config file.
type Pos struct{ Line, Col int }

// Setting is one value for a flag, keyed as in the file: "fail-on",
// "baseline", "include-tests", "rules.enable", "rules.disable",
// "secrets.config", "secrets.max-file-size", "secrets.cache" or
// "<analyzer>.<flag>". Value is the flag's text form (lists joined with
// commas; paths made absolute against the file's directory).
type Setting struct {
	Key   string
	Value string
	Pos   Pos
}

// File is a loaded, valid configuration file.
type File struct {
	// Path is the file as shown in messages; Dir is its absolute
	// directory, which relative paths and patterns are relative to.
	Path, Dir string
	Settings  []Setting
	// Levels maps a rule id or analyzer name to error, warning, note or
	// off.
	Levels map[string]string
	// Exclude holds patterns whose findings are dropped, of every rule;
	// RuleExclude those of one rule id or analyzer.
	Exclude     []Glob
	RuleExclude map[string][]Glob
}

// Error is a problem in a config file. It prints as "MSG at FILE:L:C",
// with a suggestion when a name looks misspelt.
type Error struct {
	File    string
	Pos     Pos
	Msg     string
	Suggest string
}

func (e *Error) Error() string {
	s := e.Msg
	if e.Pos.Line > 0 {
		s += fmt.Sprintf(" at %s:%d:%d", e.File, e.Pos.Line, e.Pos.Col)
	} else {
		s += " in " + e.File
	}
	if e.Suggest != "" {
		s += "; did you mean " + e.Suggest + "?"
	}
	return s
}

// Errors is every problem found in one file.
type Errors []*Error

func (es Errors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Load reads and checks the file at path.
func Load(path string, k *Known) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading config: %w", err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("reading config: %w", err)
	}
	return Parse(data, displayPath(path), filepath.Dir(abs), k)
}

// Parse checks a config file's contents. name is shown in messages; dir
// is the absolute directory relative paths are resolved against.
func Parse(data []byte, name, dir string, k *Known) (*File, error) {
	p := &parser{k: k, f: &File{Path: name, Dir: dir, Levels: map[string]string{}, RuleExclude: map[string][]Glob{}}}
	p.parse(data)
	if len(p.errs) > 0 {
		return nil, p.errs
	}
	return p.f, nil
}

// displayPath shows path relative to the working directory when it is
// below it, else as given.
func displayPath(path string) string {
	if !filepath.IsAbs(path) {
		return filepath.Clean(path)
	}
	wd, err := os.Getwd()
	if err != nil {
		return path
	}
	if rel, err := filepath.Rel(wd, path); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return path
}

// ErrAmbiguous is returned by Discover when one directory holds both
// names.
var ErrAmbiguous = errors.New("both .authvet.yml and .authvet.yaml exist")

// Discover finds the config file for a scan of start (a directory or a
// file): the first .authvet.yml or .authvet.yaml in start or a parent,
// up to the repository's top level (the nearest directory holding .git)
// or, outside a repository, the module root (the nearest go.mod). It
// returns "" when there is none. It runs no git command, so go vet's
// per-package processes can afford it.
func Discover(start string) (string, error) {
	abs, err := filepath.Abs(start)
	if err != nil {
		return "", fmt.Errorf("finding config: %w", err)
	}
	if st, err := os.Stat(abs); err == nil && !st.IsDir() {
		abs = filepath.Dir(abs)
	}
	stop := FindUp(abs, ".git")
	if stop == "" {
		stop = FindUp(abs, "go.mod")
	}
	if stop == "" {
		stop = abs
	}
	for dir := abs; ; dir = filepath.Dir(dir) {
		var found []string
		for _, n := range Names {
			if st, err := os.Stat(filepath.Join(dir, n)); err == nil && st.Mode().IsRegular() {
				found = append(found, filepath.Join(dir, n))
			}
		}
		switch len(found) {
		case 1:
			return found[0], nil
		case 2:
			return "", fmt.Errorf("%w in %s; keep one", ErrAmbiguous, dir)
		}
		if dir == stop || filepath.Dir(dir) == dir {
			return "", nil
		}
	}
}

// FindUp returns the nearest directory at or above the absolute directory
// dir that holds name (a file or directory), or "".
func FindUp(dir, name string) string {
	for {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Level returns the configured level of a rule (its own entry, else its
// analyzer's), or "".
func (f *File) Level(ruleID string) string {
	if f == nil {
		return ""
	}
	if l, ok := f.Levels[ruleID]; ok {
		return l
	}
	if i := strings.IndexByte(ruleID, '/'); i > 0 {
		return f.Levels[ruleID[:i]]
	}
	return ""
}

// Excluded reports whether findings of ruleID in the file at absPath are
// excluded by a pattern.
func (f *File) Excluded(ruleID, absPath string) bool {
	if f == nil {
		return false
	}
	rel, err := filepath.Rel(f.Dir, absPath)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false
	}
	rel = filepath.ToSlash(rel)
	lists := [][]Glob{f.Exclude, f.RuleExclude[ruleID]}
	if i := strings.IndexByte(ruleID, '/'); i > 0 {
		lists = append(lists, f.RuleExclude[ruleID[:i]])
	}
	for _, l := range lists {
		for _, g := range l {
			if g.Match(rel) {
				return true
			}
		}
	}
	return false
}

// Keep reports whether a finding of ruleID at absPath survives the
// file's level-off entries and excludes.
func (f *File) Keep(ruleID, absPath string) bool {
	return f.Level(ruleID) != "off" && !f.Excluded(ruleID, absPath)
}
