package cli

import (
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/authvet/authvet/analyzers/suite"
	"github.com/authvet/authvet/internal/config"
	"github.com/authvet/authvet/internal/lint"
)

// VetAnalyzers returns the analyzers for a go vet -vettool run with args
// (os.Args[1:]): each honours //authvet:ignore comments and, when the
// package's directory has an .authvet.yml above it (up to the repository
// or module root, as for the CLI), that file's analyzer options (where
// the vet command line does not set them), disabled rules, level-off
// entries and path excludes. So vet and the CLI agree.
func VetAnalyzers(args []string) ([]*analysis.Analyzer, error) {
	as := suite.Analyzers()
	var f *config.File
	if cfg := vetConfigFile(args); cfg != "" {
		dir, err := vetPackageDir(cfg)
		if err != nil {
			return nil, err
		}
		if dir != "" {
			if f, err = loadVetConfig(dir, as, args); err != nil {
				return nil, err
			}
		}
	}
	out := make([]*analysis.Analyzer, len(as))
	for i, a := range as {
		out[i] = lint.WithSuppressions(a)
		if f != nil {
			out[i] = lint.WithFilter(out[i], vetKeep(f))
		}
	}
	return out, nil
}

// vetConfigFile returns the .cfg file go vet passes, or "".
func vetConfigFile(args []string) string {
	if len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg") {
		return args[len(args)-1]
	}
	return ""
}

// vetPackageDir reads the package's directory from go vet's .cfg file (a
// JSON unitchecker.Config): the directory of its first Go file, else its
// Dir. It returns "" for the standard library and for dependencies at a
// module version (in the module cache): the user's config is about the
// user's code, and a file shipped inside a dependency must not change
// (or break) the user's vet run.
func vetPackageDir(cfg string) (string, error) {
	data, err := os.ReadFile(cfg)
	if err != nil {
		return "", fmt.Errorf("reading vet config: %w", err)
	}
	var c struct {
		Dir           string
		ImportPath    string
		GoFiles       []string
		Standard      map[string]bool
		ModuleVersion string
		Module        *struct{ Version string }
	}
	if err := json.Unmarshal(data, &c); err != nil {
		return "", fmt.Errorf("reading vet config %s: %w", cfg, err)
	}
	if c.Standard[c.ImportPath] || c.ModuleVersion != "" || (c.Module != nil && c.Module.Version != "") {
		return "", nil
	}
	if len(c.GoFiles) > 0 && filepath.IsAbs(c.GoFiles[0]) {
		return filepath.Dir(c.GoFiles[0]), nil
	}
	return c.Dir, nil
}

// loadVetConfig finds and loads the config file for a package directory
// and sets the analyzer options it names, except those on the vet
// command line.
func loadVetConfig(dir string, as []*analysis.Analyzer, args []string) (*config.File, error) {
	path, err := config.Discover(dir)
	if err != nil || path == "" {
		return nil, err
	}
	f, err := config.Load(path, config.NewKnown(as, append(suite.Rules(), lint.Rules...)))
	if err != nil {
		return nil, err
	}
	given := map[string]bool{}
	for _, a := range args {
		if name, ok := strings.CutPrefix(a, "-"); ok {
			name = strings.TrimPrefix(name, "-")
			name, _, _ = strings.Cut(name, "=")
			given[name] = true
		}
	}
	byName := map[string]*flag.FlagSet{}
	for _, a := range as {
		byName[a.Name] = &a.Flags
	}
	for _, s := range f.Settings {
		an, opt, ok := strings.Cut(s.Key, ".")
		fs := byName[an]
		if !ok || fs == nil || given[s.Key] {
			continue // not an analyzer option, or set by the vet flags
		}
		if err := fs.Set(opt, s.Value); err != nil {
			return nil, &config.Error{File: f.Path, Pos: s.Pos, Msg: fmt.Sprintf("%s: %v", s.Key, err)}
		}
	}
	return f, nil
}

// vetKeep is the config's verdict on a vet diagnostic: rules.enable and
// rules.disable (analyzer names or rule ids), level off, and excludes.
func vetKeep(f *config.File) func(ruleID, filename string) bool {
	var enable, disable []string
	for _, s := range f.Settings {
		switch s.Key {
		case "rules.enable":
			enable = strings.Split(s.Value, ",")
		case "rules.disable":
			disable = strings.Split(s.Value, ",")
		}
	}
	enabled := enableDisable(enable, disable)
	return func(id, filename string) bool {
		return (enabled == nil || enabled(id)) && f.Keep(id, filename)
	}
}

// VetVersion answers go vet's -V=full as unitchecker does ("NAME version
// devel ... buildID=HASH"), with the config files of the repository go
// vet runs in folded into the hash. go vet caches each package's result
// under that id, so an edited .authvet.yml must change it or go vet
// would replay findings made under the old settings. go vet asks once
// per run, so one walk of the tree is affordable.
func VetVersion(w io.Writer) error {
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("-V=full: %w", err)
	}
	h := sha256.New()
	f, err := os.Open(exe)
	if err != nil {
		return fmt.Errorf("-V=full: %w", err)
	}
	_, err = io.Copy(h, f)
	f.Close()
	if err != nil {
		return fmt.Errorf("-V=full: %w", err)
	}
	for _, path := range vetConfigFiles() {
		if data, err := os.ReadFile(path); err == nil {
			fmt.Fprintf(h, "\x00config\x00%s\x00%d\x00", path, len(data))
			h.Write(data)
		}
	}
	_, err = fmt.Fprintf(w, "%s version devel authvet buildID=%02x\n", exe, h.Sum(nil))
	return err
}

// vetConfigFiles lists the config files that can apply to a go vet run
// from the working directory: the one found from it, and every one below
// the repository (or module) top, in a fixed order.
func vetConfigFiles() []string {
	var files []string
	if p, err := config.Discover("."); err == nil && p != "" {
		files = append(files, p)
	}
	wd, err := os.Getwd()
	if err != nil {
		return files
	}
	top := config.FindUp(wd, ".git")
	if top == "" {
		top = config.FindUp(wd, "go.mod")
	}
	if top == "" {
		return files
	}
	filepath.WalkDir(top, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // unreadable: nothing of ours can be there
		}
		if d.IsDir() {
			if n := d.Name(); p != top && (strings.HasPrefix(n, ".") || n == "vendor" || n == "node_modules" || n == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if slices.Contains(config.Names, d.Name()) {
			files = append(files, p)
		}
		return nil
	})
	return files
}
