package lint

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"runtime"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// This file type-checks each analyzed package when the checker reaches it,
// instead of all of them before the analysis starts.
//
// go/packages parses and type-checks every package of the load before it
// returns, so a lint of a whole module held the syntax and types.Info of
// every package at once (on miniflux 43 of its 69 MB of peak live heap),
// and the release step (release.go) could free them only afterwards. Here
// go/packages gives only the metadata (files, import graph, export data
// of the dependencies); a first analyzer, which every other one requires,
// parses and type-checks its package as go/packages would, once the
// packages it imports are done; the release step frees it again. A gate
// bounds the packages that are loaded and not yet released, so that
// loading does not run ahead of the analysis: the peak then holds the
// syntax of a few packages, not of all of them.
//
// The gate cannot deadlock: a loaded package waits only for analyzer runs
// on itself and on the packages it imports, which were loaded before it,
// so every loaded package reaches its release step without loading
// another. A package that fails to type-check (no analyzer runs on it,
// nor on the packages importing it) gives its place back at once; when an
// analyzer fails, its package is never released and the gate opens for
// the rest of the run.

// lazyLoadMode is the metadata the lazy loader needs from go/packages:
// no syntax and no types, but the whole import graph with the
// dependencies' export data.
const lazyLoadMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedExportFile |
	packages.NeedTypesSizes | packages.NeedModule

// inFlight is how many packages may be loaded and not yet released, per
// CPU: every one more holds one more package's syntax, type information
// and SSA build. One, two and four measured alike on miniflux and dex
// while the dependencies' export data was held whole; since it is not
// (internal/exportdata), one per CPU peaks 6 % lower on miniflux and
// 15 % on dex than two, for the same CPU and, on a shared machine, the
// same wall time (docs/precision.md).
const inFlight = 1

// lazyLoader type-checks the analyzed packages as the analysis reaches
// them.
type lazyLoader struct {
	ctx   context.Context
	fset  *token.FileSet
	parse func(*token.FileSet, string, []byte) (*ast.File, error)
	rel   *releaser
	gate  *gate

	roots   map[*packages.Package]bool
	imports map[*packages.Package]map[string]*packages.Package // roots' whole import maps

	exportMu  sync.Mutex
	exportErr map[*packages.Package]error
}

// lazyLoadable reports whether the lazy loader can load pkgs. It cannot
// when a dependency imports one of them (a test variant's dependency does,
// or a module cycle), as export data would then define the types of a
// package the loader type-checks from source; nor when a dependency has
// no export data (it failed to build: go/packages then type-checks it and
// the dependencies importing it from source, and its error messages, in
// the report, come from that).
func lazyLoadable(pkgs []*packages.Package) bool {
	roots := map[string]bool{}
	for _, p := range pkgs {
		roots[p.ID] = true
	}
	ok := true
	seen := map[*packages.Package]bool{}
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		if seen[p] || !ok {
			return
		}
		seen[p] = true
		if !roots[p.ID] && p.ExportFile == "" && p.PkgPath != "unsafe" {
			ok = false
			return
		}
		for _, imp := range p.Imports {
			if !roots[p.ID] && roots[imp.ID] {
				ok = false
				return
			}
			visit(imp)
		}
	}
	for _, p := range pkgs {
		visit(p)
	}
	return ok
}

// newLazyLoader prepares pkgs, loaded with lazyLoadMode, for the checker:
// every package of the graph gets the types.Package its types will be
// read or type-checked into, and the roots a file set. It must run before
// linkRoots, which cuts the roots' import maps; restoreImports puts them
// back.
func newLazyLoader(ctx context.Context, pkgs []*packages.Package, parse func(*token.FileSet, string, []byte) (*ast.File, error), limit int) *lazyLoader {
	if limit <= 0 {
		limit = inFlight * runtime.GOMAXPROCS(0)
	}
	l := &lazyLoader{
		ctx:       ctx,
		fset:      token.NewFileSet(),
		parse:     parse,
		gate:      newGate(limit),
		roots:     make(map[*packages.Package]bool, len(pkgs)),
		imports:   make(map[*packages.Package]map[string]*packages.Package, len(pkgs)),
		exportErr: map[*packages.Package]error{},
	}
	// Every package gets its (empty) types.Package before any export
	// data is read, so that reading one never creates a package, as
	// go/packages does.
	seen := map[*packages.Package]bool{}
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		if seen[p] {
			return
		}
		seen[p] = true
		if p.PkgPath == "unsafe" {
			p.Types = types.Unsafe
		} else {
			p.Types = types.NewPackage(p.PkgPath, p.Name)
		}
		for _, imp := range p.Imports {
			visit(imp)
		}
	}
	for _, p := range pkgs {
		visit(p)
		l.roots[p] = true
		l.imports[p] = p.Imports
		p.Fset = l.fset
	}
	return l
}

// readDependencies reads the export data of every dependency a root
// imports, before the analysis starts. The types it holds stay to the end
// of the run anyway, but reading one allocates twice its export data for
// a moment (net/http's is several megabytes): done here, that comes on
// top of a heap of metadata, where during the analysis it came on top of
// the analyzers' working sets and raised the peak.
func (l *lazyLoader) readDependencies() {
	for p := range l.imports {
		for _, imp := range l.imports[p] {
			if !l.roots[imp] && imp.PkgPath != "unsafe" {
				_, _ = l.exportData(imp) // an error is kept for the importer
			}
		}
	}
}

// restoreImports gives the roots back the import maps linkRoots cut, for
// the error messages that name a broken dependency.
func (l *lazyLoader) restoreImports() {
	for p, imports := range l.imports {
		p.Imports = imports
	}
}

// analyzer returns the analyzer that loads a package. Its fact type is
// never exported: declaring one makes the checker run it on a package
// only after it ran on the packages imported.
func (l *lazyLoader) analyzer() *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      "authvetload",
		Doc:       "parses and type-checks a package once the packages it imports are done",
		Run:       l.run,
		FactTypes: []analysis.Fact{new(loadedFact)},
	}
}

// loadedFact is never exported; see lazyLoader.analyzer.
type loadedFact struct{}

func (*loadedFact) AFact() {}

func (l *lazyLoader) run(pass *analysis.Pass) (any, error) {
	p := l.rel.byTypes[pass.Pkg]
	if p == nil || !l.roots[p] {
		return nil, fmt.Errorf("package %s is not one the driver loaded", pass.Pkg.Path())
	}
	l.gate.acquire()
	l.load(p)
	if p.IllTyped {
		// No analyzer runs on it, so it is never released.
		l.gate.release()
		return nil, nil
	}
	l.rel.hold(p)
	return nil, nil
}

// load parses and type-checks p as go/packages does (loadPackage), and
// records its errors the same way.
func (l *lazyLoader) load(p *packages.Package) {
	appendError := func(err error) {
		switch err := err.(type) {
		case packages.Error:
			p.Errors = append(p.Errors, err)
		case *os.PathError:
			p.Errors = append(p.Errors, packages.Error{Pos: err.Path + ":1", Msg: err.Err.Error(), Kind: packages.ParseError})
		case scanner.ErrorList:
			for _, e := range err {
				p.Errors = append(p.Errors, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
			}
		case types.Error:
			p.TypeErrors = append(p.TypeErrors, err)
			p.Errors = append(p.Errors, packages.Error{Pos: err.Fset.Position(err.Pos).String(), Msg: err.Msg, Kind: packages.TypeError})
		default:
			p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
		}
	}
	if err := l.ctx.Err(); err != nil {
		appendError(err)
		p.IllTyped = true
		return
	}
	p.TypesInfo = &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
	if len(p.CompiledGoFiles) == 0 && p.ExportFile != "" {
		appendError(packages.Error{Pos: "-", Msg: "sources missing for package " + p.ID, Kind: packages.ParseError})
		p.IllTyped = true
		return
	}
	files := make([]*ast.File, 0, len(p.CompiledGoFiles))
	for _, name := range p.CompiledGoFiles {
		src, err := os.ReadFile(name)
		if err != nil {
			appendError(err)
			continue
		}
		f, err := l.parse(l.fset, name, src)
		if err != nil {
			appendError(err)
		}
		if f != nil {
			files = append(files, f)
		}
	}
	p.Syntax = files

	imports := l.imports[p]
	tc := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			imp := imports[path]
			if imp == nil {
				return nil, fmt.Errorf("no metadata for %s", path)
			}
			if l.roots[imp] {
				// Type-checked from source before p: the checker runs
				// this analyzer on p after it ran on p's imports.
				return imp.Types, nil
			}
			return l.exportData(imp)
		}),
		Error: appendError,
		Sizes: p.TypesSizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	typErr := types.NewChecker(tc, l.fset, p.Types, p.TypesInfo).Files(files)
	if typErr != nil && len(p.Errors) == 0 {
		appendError(typErr)
	}
	ill := len(ownErrors(p)) > 0 // an embed miss leaves the types whole (embedmiss.go)
	for _, imp := range imports {
		if l.illTyped(imp) {
			ill = true
		}
	}
	p.IllTyped = ill
}

// illTyped reports whether an import of a root failed: a root that did
// not type-check, or a dependency whose export data could not be read.
func (l *lazyLoader) illTyped(imp *packages.Package) bool {
	if l.roots[imp] {
		return imp.IllTyped
	}
	l.exportMu.Lock()
	defer l.exportMu.Unlock()
	return l.exportErr[imp] != nil
}

// exportData returns the types of a dependency, read from its export
// data on first use, as go/packages' loadFromExportData does: reads are
// serialised, as each may complete the types.Package of any package in
// the dependency's import graph.
func (l *lazyLoader) exportData(p *packages.Package) (*types.Package, error) {
	l.exportMu.Lock()
	defer l.exportMu.Unlock()
	if p.Types.Complete() {
		return p.Types, nil
	}
	if err := l.exportErr[p]; err != nil {
		return nil, err
	}
	tp, err := readExportData(l.fset, p)
	if err != nil {
		l.exportErr[p] = err
		return nil, err
	}
	p.Types = tp
	return tp, nil
}

func readExportData(fset *token.FileSet, p *packages.Package) (*types.Package, error) {
	if p.ExportFile == "" {
		return nil, errors.New("no export data file")
	}
	f, err := os.Open(p.ExportFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The go command's export files are archives until Go 1.29; this is
	// how go/packages itself reads them (packages.go, loadFromExportData).
	//lint:ignore SA1019 go/packages reads ExportFile the same way
	r, err := gcexportdata.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", p.ExportFile, err)
	}
	// The view of the package graph that export data may name: every
	// package p imports, directly or not, by path.
	view := map[string]*types.Package{}
	seen := map[*packages.Package]bool{}
	var visit func(imports map[string]*packages.Package)
	visit = func(imports map[string]*packages.Package) {
		for _, q := range imports {
			if !seen[q] {
				seen[q] = true
				view[q.PkgPath] = q.Types
				visit(q.Imports)
			}
		}
	}
	visit(p.Imports)
	view[p.PkgPath] = p.Types
	tp, err := gcexportdata.Read(r, fset, view, p.PkgPath)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %v", p.ExportFile, err)
	}
	return tp, nil
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// gate bounds the packages loaded and not yet released.
type gate struct {
	mu   sync.Mutex
	cond *sync.Cond
	n    int  // packages in
	max  int  // bound on n
	peak int  // largest n seen
	open bool // no bound any more
}

func newGate(max int) *gate {
	g := &gate{max: max}
	g.cond = sync.NewCond(&g.mu)
	return g
}

func (g *gate) acquire() {
	g.mu.Lock()
	defer g.mu.Unlock()
	for !g.open && g.n >= g.max {
		g.cond.Wait()
	}
	g.n++
	g.peak = max(g.peak, g.n)
}

func (g *gate) release() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.n--
	g.cond.Broadcast()
}

// openUp lets every later acquire through: a package whose analyzer
// failed is never released, and its place would be lost.
func (g *gate) openUp() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.open = true
	g.cond.Broadcast()
}

// gated returns copies of the analyzers, and of everything they require,
// that also require load, so that the checker builds no pass of a package
// before it is loaded. A copy whose run fails opens the gate. A panic in
// a run becomes its error (recover.go).
func gated(analyzers []*analysis.Analyzer, load *analysis.Analyzer, g *gate) []*analysis.Analyzer {
	return copyAnalyzers(analyzers, load, g)
}

// copyAnalyzers copies the analyzers and their prerequisites. With load
// and g set, each copy also requires load and opens g when it fails
// (gated); with neither, the copies only recover (recovering).
func copyAnalyzers(analyzers []*analysis.Analyzer, load *analysis.Analyzer, g *gate) []*analysis.Analyzer {
	copies := map[*analysis.Analyzer]*analysis.Analyzer{}
	var cp func(a *analysis.Analyzer) *analysis.Analyzer
	cp = func(a *analysis.Analyzer) *analysis.Analyzer {
		if c, ok := copies[a]; ok {
			return c
		}
		c := *a
		c.Requires = nil
		if load != nil {
			c.Requires = append(c.Requires, load)
		}
		for _, req := range a.Requires {
			c.Requires = append(c.Requires, cp(req))
		}
		run, reqs := a.Run, a.Requires
		c.Run = func(pass *analysis.Pass) (res any, err error) {
			// The analyzer reads its prerequisites' results by their
			// original names (ssabuild.Get looks up ssabuild.Analyzer).
			for _, req := range reqs {
				pass.ResultOf[req] = pass.ResultOf[copies[req]]
			}
			defer func() {
				if p := recover(); p != nil {
					res, err = nil, recovered(a, pass, p)
				}
				if err != nil && g != nil {
					g.openUp()
				}
			}()
			return run(pass)
		}
		copies[a] = &c
		return &c
	}
	out := make([]*analysis.Analyzer, len(analyzers))
	for i, a := range analyzers {
		out[i] = cp(a)
	}
	return out
}
