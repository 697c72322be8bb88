// Package lint runs authvet's analyzers over Go packages and turns their
// diagnostics into findings.
//
// It loads the packages once and runs every analyzer in one pass with
// golang.org/x/tools/go/analysis/checker. Only the packages being analyzed
// are parsed and type-checked from source; their dependencies come from the
// compiler's export data, as with gosec. Analysis facts therefore flow
// between the analyzed packages (a log wrapper in one package, its callers
// in another) but not from the standard library or third-party modules,
// which the analyzers know about by name and type instead. Each analyzed
// package is parsed and type-checked when the analysis reaches it and
// freed once its analyzers are done (lazy.go, release.go), so that a run
// holds the syntax of a few packages at a time, not of the whole module.
package lint

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/internal/testsupport"
)

// Config says what to analyze and how.
type Config struct {
	// Dir is the directory package patterns are resolved in.
	Dir string
	// Patterns are package patterns; empty means "./...".
	Patterns []string
	// Tests also analyzes _test.go files and reports findings in
	// test-support code (see internal/testsupport) at note level;
	// without it such findings are dropped.
	Tests bool
	// Analyzers to run.
	Analyzers []*analysis.Analyzer
	// Rules is the catalogue; every diagnostic's rule must be in it.
	Rules *finding.Catalogue
	// Enabled decides whether a rule id is reported; nil enables all.
	Enabled func(ruleID string) bool
	// Root is the directory finding paths are relative to; empty means
	// Dir.
	Root string
	// Env is the environment of the go command; nil means os.Environ().
	Env []string
	// BuildTags are passed to the go command as -tags.
	BuildTags []string
	// Secrets finds the values secret rules match in a line; they are
	// hidden in snippets and kept out of fingerprints. Nil finds none.
	Secrets func(text string) []string

	// keepSyntax keeps every package's syntax and type information to
	// the end of the run (see releaser), and so loads every package
	// before the analysis (see lazyLoader); tests compare the two.
	keepSyntax bool
	// inFlight, when set, is the lazy loader's bound on packages loaded
	// and not yet released instead of the default (lazy.go).
	inFlight int
	// lazyLoaded, when set, is given the lazy loader after the run.
	lazyLoaded func(*lazyLoader)
}

// PackageError is a package that could not be loaded or type-checked.
type PackageError struct {
	Package string
	Message string
	// Path is the file the first error is in, relative to the root, if
	// known.
	Path string
}

// Result is what a lint run produced.
type Result struct {
	Findings []finding.Finding
	// Packages counts the packages analyzed.
	Packages int
	// Errors lists packages that failed to load or type-check; findings
	// from the other packages are still in Findings.
	Errors []PackageError
	// Warnings lists packages that were analyzed although the go
	// command would not build them: a //go:embed pattern matched no
	// files (embedmiss.go).
	Warnings []PackageError
	// TestSupport lists test-support packages (by their directory:
	// test/, testutil/, mock…/) that failed to load, when Tests is off.
	// Their findings would not be shown, so the run is complete without
	// them; they are told, not counted as failures.
	TestSupport []PackageError
}

// loadMode asks for syntax and types of the named packages only; their
// dependencies are read from export data (no NeedDeps).
const loadMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedTypes | packages.NeedTypesSizes | packages.NeedSyntax |
	packages.NeedTypesInfo | packages.NeedModule

// Run loads the packages and runs the analyzers on them. It returns an
// error only when nothing could be analyzed at all (no go command, no
// module, a pattern matching nothing); packages that fail to load are
// reported in Result.Errors.
func Run(ctx context.Context, cfg Config) (*Result, error) {
	if len(cfg.Patterns) == 0 {
		cfg.Patterns = []string{"./..."}
	}
	if cfg.Root == "" {
		cfg.Root = cfg.Dir
	}
	root, err := filepath.Abs(cfg.Root)
	if err != nil {
		return nil, fmt.Errorf("resolving %s: %w", cfg.Root, err)
	}
	env := cfg.Env
	if env == nil {
		env = os.Environ()
	}
	parse := func(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
		// No analyzer reads the parser's ast.Object resolution, which
		// go/packages does by default and which types.Info supersedes;
		// skipping it saves an object and a scope entry per declared
		// name in every file held through the run.
		return parser.ParseFile(fset, filename, src, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
	}
	pcfg := &packages.Config{
		Context:   ctx,
		Mode:      loadMode,
		Dir:       cfg.Dir,
		Tests:     cfg.Tests,
		Env:       env,
		ParseFile: parse,
	}
	if len(cfg.BuildTags) > 0 {
		pcfg.BuildFlags = []string{"-tags=" + strings.Join(cfg.BuildTags, ",")}
	}
	// Packages are type-checked as the analysis reaches them (lazy.go)
	// unless every package's syntax is kept anyway.
	lazy := !cfg.keepSyntax
	if lazy {
		pcfg.Mode = lazyLoadMode
	}
	pkgs, err := packages.Load(pcfg, cfg.Patterns...)
	if err == nil && lazy && !lazyLoadable(pkgs) {
		lazy = false
		pcfg.Mode = loadMode
		pkgs, err = packages.Load(pcfg, cfg.Patterns...)
	}
	if err != nil {
		return nil, fmt.Errorf("loading packages %s: %w", strings.Join(cfg.Patterns, " "), err)
	}
	if len(pkgs) == 0 {
		if why := whyNothingLoaded(ctx, cfg, env); why != "" {
			return nil, fmt.Errorf("the go command could not load %s in %s: %s", strings.Join(cfg.Patterns, " "), cfg.Dir, why)
		}
		return nil, fmt.Errorf("no Go packages match %s in %s", strings.Join(cfg.Patterns, " "), cfg.Dir)
	}

	res := &Result{}
	var todo []*packages.Package
	for _, p := range pkgs {
		if !isTestMain(p) {
			todo = append(todo, p)
		}
	}
	var loader *lazyLoader
	if lazy {
		// Every package is loaded in the analysis, the broken ones
		// too, so that their errors are known as go/packages gives
		// them; they are sorted out afterwards.
		loader = newLazyLoader(ctx, todo, parse, cfg.inFlight)
		if cfg.lazyLoaded != nil {
			defer cfg.lazyLoaded(loader)
		}
		loader.readDependencies()
	} else {
		relaxEmbedMisses(todo)
		todo, res.Errors, res.Warnings = sortLoaded(ctx, cfg, env, root, todo)
	}
	linkRoots(todo)

	analyzers := cfg.Analyzers
	if cfg.Enabled != nil {
		analyzers = enabledAnalyzers(analyzers, cfg.Rules, cfg.Enabled)
	}
	conv := newConverter(root, cfg.Rules, cfg.Secrets)
	rel := newReleaser(todo)
	good := todo
	var graph *checker.Graph
	var load, release *analysis.Analyzer
	if len(todo) > 0 && len(analyzers) > 0 {
		if loader != nil {
			loader.rel = rel
			rel.after = loader.gate.release
			load = loader.analyzer()
			analyzers = gated(analyzers, load, loader.gate)
		}
		if loader == nil {
			analyzers = recovering(analyzers)
		}
		if !cfg.keepSyntax {
			release = rel.analyzer(analyzers)
			analyzers = append(analyzers, release)
		}
		graph, err = checker.Analyze(analyzers, todo, &checker.Options{})
		if err != nil {
			return nil, fmt.Errorf("running analyzers: %w", err)
		}
	}
	if loader != nil {
		loader.restoreImports()
		good, res.Errors, res.Warnings = sortLoaded(ctx, cfg, env, root, todo)
	}
	if !cfg.Tests {
		res.Errors, res.TestSupport = splitTestSupport(res.Errors)
	}
	res.Packages = countPackages(good)
	if graph != nil {
		analyzed := make(map[*packages.Package]bool, len(good))
		for _, p := range good {
			analyzed[p] = true
		}
		failed := map[string][]string{}
		defer func() {
			for pkg, errs := range failed {
				sort.Strings(errs)
				res.Errors = append(res.Errors, PackageError{Package: pkg, Message: "analyzer failed: " + strings.Join(errs, "; ")})
			}
			sort.Slice(res.Errors, func(i, j int) bool { return res.Errors[i].Package < res.Errors[j].Package })
		}()
		// The diagnostics are taken out of the graph, which is then
		// let go: it holds every action's pass, results and facts,
		// which the conversion below does not need, and the conversion
		// compiles the secret rules for redaction (some 11 MB) on top.
		type diag struct {
			p *packages.Package
			a *analysis.Analyzer
			d analysis.Diagnostic
		}
		var diags []diag
		for act := range graph.All() {
			if !act.IsRoot || act.Analyzer == release || act.Analyzer == load || !analyzed[act.Package] {
				// The release step fails only when an analyzer it
				// waits for did, which is reported there; a package
				// that did not load is reported by sortLoaded.
				continue
			}
			if act.Err != nil {
				failed[act.Package.PkgPath] = append(failed[act.Package.PkgPath], fmt.Sprintf("%s: %v", act.Analyzer.Name, act.Err))
				continue
			}
			for _, d := range act.Diagnostics {
				diags = append(diags, diag{act.Package, act.Analyzer, d})
			}
		}
		graph = nil
		tests := map[*packages.Package]*testsupport.Index{}
		for _, x := range diags {
			p := x.p
			ix := tests[p]
			if ix == nil {
				ix = rel.tests(p)
				tests[p] = ix
			}
			// Test-support findings are kept until suppression
			// comments are matched (an ignore comment beside one is
			// used, not stale), then dropped unless --include-tests
			// asks for them.
			why, _ := ix.At(x.d.Pos)
			if err := conv.add(p.Fset, x.a, x.d, why); err != nil {
				return nil, err
			}
		}
	}

	fs := conv.findings()
	// Suppression comments are read from every analyzed file, so that
	// comments that suppress nothing can be reported too.
	fs = applySuppressions(fs, collectIgnores(good, rel, conv), cfg.Enabled, conv)
	if !cfg.Tests {
		// test-support code: shown only with --include-tests
		kept := fs[:0]
		for _, f := range fs {
			if f.RuleID == IgnoreRule || f.Properties["testSupport"] == nil {
				kept = append(kept, f)
			}
		}
		fs = kept
	}
	if cfg.Enabled != nil {
		kept := fs[:0]
		for _, f := range fs {
			if cfg.Enabled(f.RuleID) {
				kept = append(kept, f)
			}
		}
		fs = kept
	}
	finding.Sort(fs)
	assignFingerprints(fs)
	sort.Slice(res.Errors, func(i, j int) bool { return res.Errors[i].Package < res.Errors[j].Package })
	res.Findings = fs
	return res, nil
}

// sortLoaded splits loaded packages into those that can be analyzed and
// the errors of the others: a package with errors of its own, named with
// their cause in a dependency when the go command knows it, and a package
// that compiles only as far as its broken imports allow (analyzing
// half-typed code gives wrong answers, so the cause is named once
// instead). A package whose only errors are embed misses is analyzed,
// its misses returned as warnings (embedmiss.go).
func sortLoaded(ctx context.Context, cfg Config, env []string, root string, pkgs []*packages.Package) ([]*packages.Package, []PackageError, []PackageError) {
	var errs, warns []PackageError
	broken := map[string]bool{}
	var importBroken []string
	for _, p := range pkgs {
		if len(ownErrors(p)) > 0 {
			broken[p.PkgPath] = true
			if importFailed(p) {
				importBroken = append(importBroken, p.PkgPath)
			}
		}
	}
	// A package that imports a broken dependency outside the analyzed
	// ones is told why the dependency failed. When the dependency's own
	// error is itself a knock-on ("could not import …" of a module the
	// proxy refused), the go command is asked for the cause.
	depWhy := map[string]string{}
	for _, p := range pkgs {
		if len(ownErrors(p)) == 0 && p.IllTyped {
			why := dependencyCause(p, broken)
			depWhy[p.PkgPath] = why
			if !broken[brokenImport(p, broken)] && (why == "" || strings.Contains(why, "could not import")) {
				importBroken = append(importBroken, p.PkgPath)
			}
		}
	}
	// A failed import's cause (a module that could not be downloaded, a
	// missing go.sum entry) comes from the go command, named first.
	causes := rootCauses(ctx, cfg, env, importBroken)
	var good []*packages.Package
	for _, p := range pkgs {
		switch {
		case len(ownErrors(p)) > 0:
			errs = append(errs, withCause(packageError(p, root), causes[p.PkgPath]))
		case p.IllTyped:
			msg := "it imports " + brokenImport(p, broken) + ", which failed to load"
			if why := depWhy[p.PkgPath]; why != "" {
				// A dependency outside the analyzed packages is not
				// reported on its own: say why it failed (a cgo
				// package whose C library is not installed).
				msg += ": " + why
			}
			errs = append(errs, withCause(PackageError{
				Package: p.PkgPath,
				Message: msg,
			}, causes[p.PkgPath]))
		default:
			good = append(good, p)
			if onlyEmbedMisses(p) && !p.IllTyped {
				warns = append(warns, packageError(p, root))
			}
		}
	}
	sort.Slice(warns, func(i, j int) bool { return warns[i].Package < warns[j].Package })
	return good, errs, warns
}

// splitTestSupport takes out of errs the packages whose files lie in a
// test-support directory (nuclio's pkg/processor/trigger/test, which
// builds only with a test tag its suite needs): judged by the path
// relative to the module, never by the module path.
func splitTestSupport(errs []PackageError) (kept, tests []PackageError) {
	for _, pe := range errs {
		if rel := filepath.ToSlash(pe.Path); rel != "" && !path.IsAbs(rel) && testsupport.Package(path.Dir(rel)) {
			tests = append(tests, pe)
			continue
		}
		kept = append(kept, pe)
	}
	return kept, tests
}

// isTestMain reports whether p is the synthesized main package of a test
// binary, which has no source of the user's.
func isTestMain(p *packages.Package) bool {
	return p.Name == "main" && strings.HasSuffix(p.PkgPath, ".test")
}

// countPackages counts distinct import paths, so that a package and its
// test variant count once.
func countPackages(pkgs []*packages.Package) int {
	seen := map[string]bool{}
	for _, p := range pkgs {
		seen[p.PkgPath] = true
	}
	return len(seen)
}

// linkRoots points each package's imports at the other analyzed packages
// and drops the rest. The checker then runs fact-using analyzers over the
// analyzed packages in dependency order, and never over dependencies that
// were loaded from export data (they have no syntax to analyze).
func linkRoots(pkgs []*packages.Package) {
	byID := make(map[string]*packages.Package, len(pkgs))
	for _, p := range pkgs {
		byID[p.ID] = p
	}
	for _, p := range pkgs {
		imports := make(map[string]*packages.Package)
		for path, imp := range p.Imports {
			if q, ok := byID[imp.ID]; ok && q != p {
				imports[path] = q
			}
		}
		p.Imports = imports
	}
}

func packageError(p *packages.Package, root string) PackageError {
	var msgs []string
	path := ""
	for i, e := range sortErrors(p.Errors) {
		if i == 5 {
			msgs = append(msgs, fmt.Sprintf("and %d more errors", len(p.Errors)-5))
			break
		}
		msg := e.Msg
		if e.Pos != "" && e.Pos != "-" {
			pos := e.Pos
			if rel, err := filepath.Rel(root, pos); err == nil && !strings.HasPrefix(rel, "..") {
				pos = rel
			}
			if path == "" {
				path = filepath.ToSlash(strings.SplitN(pos, ":", 2)[0])
			}
			msg = pos + ": " + msg
		}
		msgs = append(msgs, msg)
	}
	return PackageError{Package: p.PkgPath, Message: strings.Join(msgs, "; "), Path: path}
}

// enabledAnalyzers drops analyzers none of whose rules are enabled, so
// disabling a rule family also saves its work.
func enabledAnalyzers(as []*analysis.Analyzer, cat *finding.Catalogue, enabled func(string) bool) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	for _, a := range as {
		keep := enabled(a.Name)
		if !keep && cat != nil {
			for _, r := range cat.All() {
				if (r.ID == a.Name || strings.HasPrefix(r.ID, a.Name+"/")) && enabled(r.ID) {
					keep = true
					break
				}
			}
		}
		if keep {
			out = append(out, a)
		}
	}
	return out
}

// RuleID joins an analyzer's name and a diagnostic's category into a rule
// id: "plainhttp" + "url" = "plainhttp/url".
func RuleID(a *analysis.Analyzer, category string) string {
	if category == "" {
		return a.Name
	}
	return a.Name + "/" + category
}

// converter turns diagnostics into findings. It caches file contents for
// snippets, and drops the duplicates that a package and its test variant
// both report.
type converter struct {
	root    string
	rules   *finding.Catalogue
	secrets func(string) []string
	mu      sync.Mutex
	files   map[string][]string // absolute path -> lines
	seen    map[string]bool
	out     []finding.Finding
}

func newConverter(root string, rules *finding.Catalogue, secrets func(string) []string) *converter {
	return &converter{root: root, rules: rules, secrets: secrets, files: map[string][]string{}, seen: map[string]bool{}}
}

// shown is a source line as a report may show it: string literals hidden
// on lines of sensitive rules, and every value a secret rule matches
// hidden on all lines.
func (c *converter) shown(line string, sensitive bool) string {
	if sensitive {
		line = RedactLiterals(line)
	}
	if c.secrets != nil {
		for _, s := range c.secrets(line) {
			line = finding.RedactIn(line, s)
		}
	}
	return line
}

// lineHash is the fingerprint input of a line: a hash of the line as the
// report shows it, so that a fingerprint lets no reader test a guess at a
// hidden value.
func lineHash(shown string) string {
	return finding.Hash(finding.NormalizeLine(shown))
}

func (c *converter) rel(abs string) string {
	if rel, err := filepath.Rel(c.root, abs); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(abs)
}

// line returns line n (1-based) of the file, or "".
func (c *converter) line(abs string, n int) string {
	lines, ok := c.files[abs]
	if !ok {
		data, err := os.ReadFile(abs)
		if err == nil {
			lines = strings.Split(string(data), "\n")
		}
		c.files[abs] = lines
	}
	if n < 1 || n > len(lines) {
		return ""
	}
	return strings.TrimRight(lines[n-1], "\r")
}

// add converts d. testWhy, when set, says why d is in test-support
// code: the finding is then a note, with the reason in its properties.
func (c *converter) add(fset *token.FileSet, a *analysis.Analyzer, d analysis.Diagnostic, testWhy string) error {
	id := RuleID(a, d.Category)
	rule, ok := c.rules.Lookup(id)
	if !ok {
		return fmt.Errorf("analyzer %s reported rule %s, which has no metadata", a.Name, id)
	}
	start := fset.Position(d.Pos)
	end := start
	if d.End.IsValid() {
		end = fset.Position(d.End)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	key := fmt.Sprintf("%s\x00%s:%d:%d\x00%s", id, start.Filename, start.Line, start.Column, d.Message)
	if c.seen[key] {
		return nil
	}
	c.seen[key] = true
	f := finding.Finding{
		RuleID:  id,
		Level:   rule.Level,
		Message: d.Message,
		Location: finding.Location{
			Path:        c.rel(start.Filename),
			StartLine:   start.Line,
			StartColumn: start.Column,
			EndLine:     end.Line,
			EndColumn:   end.Column,
		},
	}
	// The snippet keeps values the secret rules match: the report hides
	// them (report.Report.Redacted), and needs their context on the line
	// to hide them in the finding's other texts too.
	raw := c.line(start.Filename, start.Line)
	snippet := raw
	if rule.Sensitive {
		snippet = RedactLiterals(raw)
	}
	f.Snippet = strings.TrimRight(snippet, " \t\r")
	f.Properties = map[string]any{}
	if testWhy != "" {
		if f.Level.AtLeast(finding.LevelNote) {
			f.Level = finding.LevelNote
		}
		f.Properties["testSupport"] = testWhy
	}
	for _, rel := range d.Related {
		p := fset.Position(rel.Pos)
		loc := finding.Location{Path: c.rel(p.Filename), StartLine: p.Line, StartColumn: p.Column, Message: rel.Message}
		if rel.End.IsValid() {
			e := fset.Position(rel.End)
			loc.EndLine, loc.EndColumn = e.Line, e.Column
		}
		if rule.CodeFlow {
			f.Flow = append(f.Flow, loc)
		} else {
			f.Related = append(f.Related, loc)
		}
	}
	for _, sf := range d.SuggestedFixes {
		fix := finding.Fix{Description: sf.Message}
		for _, te := range sf.TextEdits {
			s := fset.Position(te.Pos)
			e := s
			if te.End.IsValid() {
				e = fset.Position(te.End)
			}
			fix.Edits = append(fix.Edits, finding.Edit{
				Path: c.rel(s.Filename), Start: s.Offset, End: e.Offset,
				StartLine: s.Line, StartColumn: s.Column, EndLine: e.Line, EndColumn: e.Column,
				NewText: string(te.NewText),
			})
		}
		if len(fix.Edits) > 0 {
			f.Fixes = append(f.Fixes, fix)
		}
	}
	// Two findings on lines that show alike are told apart by their
	// occurrence index (assignFingerprints).
	f.Properties["lineHash"] = lineHash(c.shown(raw, rule.Sensitive))
	c.out = append(c.out, f)
	return nil
}

func (c *converter) findings() []finding.Finding {
	return c.out
}

// assignFingerprints gives each finding its line-free fingerprint: rule,
// path, normalised line text (by hash) and the occurrence index among
// findings of the same rule on equal lines of the same file. fs must be
// sorted by position.
func assignFingerprints(fs []finding.Finding) {
	occ := map[string]int{}
	for i := range fs {
		f := &fs[i]
		lh, _ := f.Properties["lineHash"].(string)
		if lh == "" {
			lh = f.Snippet
		}
		delete(f.Properties, "lineHash")
		if len(f.Properties) == 0 {
			f.Properties = nil
		}
		k := f.RuleID + "\x00" + f.Location.Path + "\x00" + lh
		f.Fingerprint = finding.Fingerprint(f.RuleID, f.Location.Path, lh, occ[k])
		occ[k]++
	}
}

// brokenImport names an import of p that failed to load, directly or
// through its own imports; "a dependency" when none is found.
// dependencyCause returns the first error of the package brokenImport
// names when that package is not one of the analyzed ones (a module
// dependency, whose errors are not reported otherwise), on one line and
// cut to 300 bytes; "" when it is analyzed or has no error of its own.
func dependencyCause(p *packages.Package, broken map[string]bool) string {
	path := brokenImport(p, broken)
	if broken[path] {
		return "" // reported with its own errors
	}
	var dep *packages.Package
	packages.Visit([]*packages.Package{p}, func(q *packages.Package) bool {
		if dep != nil {
			return false
		}
		if q.PkgPath == path {
			dep = q
			return false
		}
		return true
	}, nil)
	if dep == nil || len(dep.Errors) == 0 {
		return ""
	}
	msg := strings.Join(strings.Fields(sortErrors(dep.Errors)[0].Msg), " ")
	if len(msg) > 300 {
		msg = msg[:300] + "…"
	}
	return msg
}

func brokenImport(p *packages.Package, broken map[string]bool) string {
	seen := map[string]bool{}
	var walk func(q *packages.Package) string
	walk = func(q *packages.Package) string {
		if seen[q.ID] {
			return ""
		}
		seen[q.ID] = true
		paths := make([]string, 0, len(q.Imports))
		for path := range q.Imports {
			paths = append(paths, path)
		}
		sort.Strings(paths)
		for _, path := range paths {
			imp := q.Imports[path]
			if broken[imp.PkgPath] || len(imp.Errors) > 0 {
				return imp.PkgPath
			}
			if r := walk(imp); r != "" {
				return r
			}
		}
		return ""
	}
	if r := walk(p); r != "" {
		return r
	}
	return "a package"
}
