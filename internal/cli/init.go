package cli

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/authvet/authvet/analyzers/suite"
	"github.com/authvet/authvet/internal/config"
	"github.com/authvet/authvet/scanners/secrets"
)

// This file is `authvet init`: a commented starter .authvet.yml for the
// repository it runs in, with what it found there (testdata directories,
// the loggers and routers the module imports, in-house functions that
// look like loggers or authorization checks) as suggestions.

// baselineName is the file `authvet init --baseline` writes.
const baselineName = "authvet-baseline.sarif"

func init() {
	register(&command{
		name:     "init",
		synopsis: "write a starter .authvet.yml for this repository",
		usage: `Usage: authvet init [flags] [dir]

Writes a commented starter .authvet.yml at the top of the repository (or
module) holding dir (default .): testdata directories are excluded, and the
in-house functions that look like loggers (for tokenlog.loggers) or
authorization checks (for scopecheck.authz-funcs) are listed as commented
suggestions. An existing file is kept unless --force is given.

With --baseline it also scans the repository and writes today's findings
to ` + baselineName + ` (SARIF, as --baseline reads it), referenced from the
config: a legacy repository starts at zero, and only new findings fail.

Examples:
  authvet init                # write .authvet.yml
  authvet init --baseline     # and accept today's findings
  authvet init --force        # overwrite an existing .authvet.yml`,
		flags: func(fs *pflag.FlagSet) func(*env, []string) error {
			force := fs.Bool("force", false, "overwrite an existing .authvet.yml")
			baseline := fs.Bool("baseline", false, "also write today's findings to "+baselineName+" and reference it")
			return func(e *env, args []string) error {
				if len(args) > 1 {
					return usageErrorf("init takes one directory, got %d: %s", len(args), strings.Join(args, " "))
				}
				dir := "."
				if len(args) == 1 {
					dir = args[0]
				}
				return runInit(e, dir, *force, *baseline)
			}
		},
	})
}

func runInit(e *env, dir string, force, baseline bool) error {
	if st, err := os.Stat(dir); err != nil {
		return usageErrorf("init: %v", err)
	} else if !st.IsDir() {
		return usageErrorf("init: %s is not a directory", dir)
	}
	root := reportRoot(dir)
	target := filepath.Join(root, config.Names[0])
	for _, n := range config.Names {
		p := filepath.Join(root, n)
		if _, err := os.Stat(p); err == nil && !force {
			return usageErrorf("init: %s exists; edit it, or run 'authvet init --force' to replace it", p)
		}
	}
	s, err := survey(root)
	if err != nil {
		return &exitError{ExitError, fmt.Errorf("init: %w", err)}
	}
	if err := writeOutput(target, starterConfig(s, "")); err != nil {
		return &exitError{ExitError, fmt.Errorf("init: %w", err)}
	}
	fmt.Fprintf(e.stderr, "authvet: wrote %s\n", target)
	if !baseline {
		return nil
	}
	// Today's findings, under the starter config (so excluded paths stay
	// out), become the baseline; --fail-on none because they are
	// accepted, not judged.
	bl := filepath.Join(root, baselineName)
	err = run(e, []string{"scan", "--config", target, "--format", "sarif", "-o", bl, "--fail-on", "none", root})
	if err != nil {
		return &exitError{ExitError, fmt.Errorf("init: the baseline scan failed, so %s does not reference a baseline: %w", target, err)}
	}
	if err := writeOutput(target, starterConfig(s, baselineName)); err != nil {
		return &exitError{ExitError, fmt.Errorf("init: %w", err)}
	}
	fmt.Fprintf(e.stderr, "authvet: wrote %s with today's findings; commit both files\n", bl)
	return nil
}

// surveyed is what init found in the repository.
type surveyed struct {
	modules  []string // module paths
	testdata []string // testdata directories, relative, slash-separated
	imported map[string]bool
	loggers  []string // in-house logging candidates, as tokenlog.loggers spells them
	authz    []string // in-house authorization candidates, as scopecheck.authz-funcs does
}

// Well-known packages init mentions; the analyzers know them already.
var (
	knownLoggers = []string{"log", "log/slog", "go.uber.org/zap", "github.com/sirupsen/logrus", "github.com/rs/zerolog",
		"github.com/go-kit/log", "github.com/golang/glog", "k8s.io/klog/v2", "github.com/hashicorp/go-hclog", "github.com/go-logr/logr"}
	knownRouters = []string{"net/http", "github.com/gin-gonic/gin", "github.com/go-chi/chi", "github.com/go-chi/chi/v5",
		"github.com/labstack/echo/v4", "github.com/gorilla/mux", "github.com/gofiber/fiber/v2", "google.golang.org/grpc"}
)

// Names that suggest a function logs, or authorizes; a suggestion only,
// which the user confirms by uncommenting it.
var (
	reLogName   = regexp.MustCompile(`^(Log|Logf|Debug|Debugf|Info|Infof|Warn|Warnf|Warning|Warningf|Error|Errorf|Print|Printf|Println|Trace|Tracef|Emit|Event|Record|Audit|Auditf)$|^(Log|Debug|Info|Warn|Trace|Audit)[A-Z]`)
	reAuthzName = regexp.MustCompile(`(?i)authori[sz]|authz|permission|permit|scope|role|policy|acl|rbac|entitle|gate|guard|enforce|allow|can[A-Z]|access`)
)

// maxSuggestions bounds each list of candidates: past that, the names
// are too generic to be a useful hint.
const maxSuggestions = 12

// survey walks the repository's Go files (parsing, not type-checking:
// init must work where the code does not build yet).
func survey(root string) (*surveyed, error) {
	s := &surveyed{imported: map[string]bool{}}
	modOf := map[string]string{} // directory -> module path
	modDir := map[string]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // an unreadable directory is skipped, not fatal
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			name := d.Name()
			if p != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "vendor" || name == "node_modules") {
				return filepath.SkipDir
			}
			if name == "testdata" {
				s.testdata = append(s.testdata, rel)
				return filepath.SkipDir
			}
			parent := filepath.Dir(p)
			modOf[p], modDir[p] = modOf[parent], modDir[parent]
			if mp := modulePath(filepath.Join(p, "go.mod")); mp != "" {
				modOf[p], modDir[p] = mp, p
				s.modules = append(s.modules, mp)
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		dir := filepath.Dir(p)
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil || modOf[dir] == "" {
			return nil // init suggests; the linter will name broken files
		}
		for _, imp := range f.Imports {
			if ip, err := strconv.Unquote(imp.Path.Value); err == nil {
				s.imported[ip] = true
			}
		}
		if f.Name.Name == "main" {
			return nil // a command's functions cannot be imported
		}
		pkgRel, _ := filepath.Rel(modDir[dir], dir)
		importPath := path.Join(modOf[dir], filepath.ToSlash(pkgRel))
		s.candidates(f, importPath)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("surveying %s: %w", root, err)
	}
	for _, l := range []*[]string{&s.loggers, &s.authz} {
		sort.Strings(*l)
		*l = compactStrings(*l)
	}
	return s, nil
}

// candidates adds a file's exported functions and methods that look like
// in-house loggers (a log-like name and a variadic ...any parameter) or
// authorization checks (an authorization-like name and a request,
// context or claims parameter, returning an error or a bool).
func (s *surveyed) candidates(f *ast.File, importPath string) {
	for _, decl := range f.Decls {
		fd, ok := decl.(*ast.FuncDecl)
		if !ok || !fd.Name.IsExported() {
			continue
		}
		name := importPath + "." + fd.Name.Name
		if fd.Recv != nil && len(fd.Recv.List) == 1 {
			recv := recvTypeName(fd.Recv.List[0].Type)
			if recv == "" || !ast.IsExported(recv) {
				continue
			}
			name = importPath + "." + recv + "." + fd.Name.Name
		}
		params := fd.Type.Params.List
		if reLogName.MatchString(fd.Name.Name) && len(params) > 0 && isVariadicAny(params[len(params)-1].Type) {
			s.loggers = append(s.loggers, name)
			continue
		}
		if reAuthzName.MatchString(fd.Name.Name) && len(params) > 0 && returnsVerdict(fd.Type.Results) {
			s.authz = append(s.authz, name)
		}
	}
}

func recvTypeName(e ast.Expr) string {
	switch t := e.(type) {
	case *ast.StarExpr:
		return recvTypeName(t.X)
	case *ast.Ident:
		return t.Name
	case *ast.IndexExpr:
		return recvTypeName(t.X)
	case *ast.IndexListExpr:
		return recvTypeName(t.X)
	}
	return ""
}

func isVariadicAny(e ast.Expr) bool {
	el, ok := e.(*ast.Ellipsis)
	if !ok {
		return false
	}
	switch t := el.Elt.(type) {
	case *ast.Ident:
		return t.Name == "any"
	case *ast.InterfaceType:
		return len(t.Methods.List) == 0
	}
	return false
}

// returnsVerdict reports whether a function's results say yes or no: an
// error or a bool among them.
func returnsVerdict(res *ast.FieldList) bool {
	if res == nil {
		return false
	}
	for _, r := range res.List {
		if id, ok := r.Type.(*ast.Ident); ok && (id.Name == "error" || id.Name == "bool") {
			return true
		}
	}
	return false
}

func compactStrings(ss []string) []string {
	out := ss[:0]
	for i, s := range ss {
		if i == 0 || s != ss[i-1] {
			out = append(out, s)
		}
	}
	return out
}

// modulePath reads the module line of a go.mod, or "".
func modulePath(gomod string) string {
	data, err := os.ReadFile(gomod)
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "module"); ok {
			rest = strings.TrimSpace(rest)
			if uq, err := strconv.Unquote(rest); err == nil {
				rest = uq
			}
			if i := strings.Index(rest, "//"); i >= 0 {
				rest = strings.TrimSpace(rest[:i])
			}
			return rest
		}
	}
	return ""
}

// starterConfig renders the starter file. Everything the survey could
// only guess at is commented out; the user uncomments what is true.
func starterConfig(s *surveyed, baseline string) []byte {
	var b bytes.Buffer
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("# yaml-language-server: $schema=%s\n", config.SchemaID)
	w("#\n# authvet configuration, written by `authvet init`; see the README's\n")
	w("# \"Configuration\" section. Flags on the command line win over this file,\n")
	w("# and this file wins over the defaults. Unknown keys and rules are errors.\n")
	if len(s.modules) > 0 {
		w("#\n# Modules: %s\n", strings.Join(s.modules, ", "))
	}
	w("\n# Exit 1 on findings at or above this level: error, warning, note or none.\nfail-on: warning\n")
	if baseline != "" {
		w("\n# Today's findings, accepted when authvet was adopted: only new ones fail.\n")
		w("# Regenerate with: authvet scan --format sarif -o %s\nbaseline: %s\n", baseline, baseline)
	}
	w("\n# Findings under these paths (relative to this file) are dropped, lint and\n# secrets alike.\n")
	if len(s.testdata) > 0 {
		w("# testdata directories found: %s\nexclude:\n  - \"**/testdata/**\"\n", listSome(s.testdata, 5))
	} else {
		w("# exclude:\n#   - \"**/testdata/**\"\n#   - internal/mocks/**\n")
	}
	w("\n# Rules: authvet rules lists them.\n# rules:\n#   disable: [scopecheck/broad-scope]\n#   level:\n#     plainhttp/url: error\n")
	w("#   exclude:\n#     hardcodedcred/assignment: [\"internal/fixtures/**\"]\n")
	w("\n# Also analyze _test.go files.\n# include-tests: true\n")

	suggest := map[string][]string{"tokenlog.loggers": s.loggers, "scopecheck.authz-funcs": s.authz}
	notes := map[string]string{
		"tokenlog": importNote("Loggers the module imports (tokenlog knows them already)", s.imported, knownLoggers) +
			suggestionNote("In-house functions that look like loggers; uncomment those that log", s.loggers),
		"scopecheck": importNote("Routers the module imports", s.imported, knownRouters) +
			suggestionNote("In-house functions that look like authorization checks; uncomment those that are", s.authz),
	}
	for _, a := range suite.Analyzers() {
		if !hasFlags(&a.Flags) {
			continue // nothing to configure
		}
		w("\n")
		if n := notes[a.Name]; n != "" {
			b.WriteString(n)
		}
		w("# %s:\n", a.Name)
		a.Flags.VisitAll(func(f *flag.Flag) {
			w("#   # %s\n", wrapComment(f.Usage, "#   # "))
			list := suggest[a.Name+"."+f.Name]
			switch {
			case len(list) > 0:
				w("#   %s:\n", f.Name)
				for i, c := range list {
					if i == maxSuggestions {
						w("#     # … and %d more\n", len(list)-maxSuggestions)
						break
					}
					w("#     - %s\n", c)
				}
			case f.DefValue != "":
				w("#   %s: %s\n", f.Name, f.DefValue)
			default:
				w("#   %s: []\n", f.Name)
			}
		})
	}
	w("\n# The secret scanner (a gitleaks config extends or replaces its rules).\n")
	w("# secrets:\n#   config: .gitleaks.toml\n#   max-file-size: %d\n#   cache: .cache/authvet\n", secrets.DefaultMaxFileSize)
	return b.Bytes()
}

func importNote(what string, imported map[string]bool, known []string) string {
	var found []string
	for _, p := range known {
		if imported[p] {
			found = append(found, p)
		}
	}
	if len(found) == 0 {
		return ""
	}
	return fmt.Sprintf("# %s: %s.\n", what, strings.Join(found, ", "))
}

func suggestionNote(what string, list []string) string {
	if len(list) == 0 {
		return ""
	}
	return "# " + what + ".\n"
}

func listSome(ss []string, n int) string {
	if len(ss) <= n {
		return strings.Join(ss, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(ss[:n], ", "), len(ss)-n)
}

// wrapComment folds a flag's usage onto comment lines of about 76
// columns.
func wrapComment(s, prefix string) string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		if line != "" && len(prefix)+len(line)+1+len(word) > 76 {
			lines = append(lines, line)
			line = word
			continue
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	lines = append(lines, line)
	return strings.Join(lines, "\n"+prefix)
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}
