// Package ssabuild builds a package's SSA form inside an analyzer's run,
// for analyzers that use facts. A checker runs such an analyzer on every
// dependency it loaded; requiring buildssa would build SSA for all of
// them, the standard library included, which costs more than the
// analysis. Building it in run lets the analyzer skip the packages
// where nothing can be found first.
package ssabuild

import (
	"go/ast"
	"go/build"
	"go/types"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"
)

// Build builds the package's SSA form the way the buildssa pass does:
// its source functions are the declared functions and methods and,
// after each, its function literals.
func Build(pass *analysis.Pass) *buildssa.SSA { return BuildMode(pass, 0) }

// BuildMode is Build with a builder mode: ssa.GlobalDebug keeps the
// debug references that name the local variable a value is bound to.
func BuildMode(pass *analysis.Pass, mode ssa.BuilderMode) *buildssa.SSA {
	prog := ssa.NewProgram(pass.Fset, mode)
	for _, p := range pass.Pkg.Imports() {
		prog.CreatePackage(p, nil, nil, true)
	}
	pkg := prog.CreatePackage(pass.Pkg, pass.Files, pass.TypesInfo, false)
	pkg.Build()
	var funcs []*ssa.Function
	var add func(f *ssa.Function)
	add = func(f *ssa.Function) {
		funcs = append(funcs, f)
		for _, anon := range f.AnonFuncs {
			add(anon)
		}
	}
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok {
				if obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					if f := prog.FuncValue(obj); f != nil {
						add(f)
					}
				}
			}
		}
	}
	return &buildssa.SSA{Pkg: pkg, SrcFuncs: funcs}
}

// InGOROOT reports whether the package's files are in the standard
// library's source tree.
func InGOROOT(pass *analysis.Pass) bool {
	if len(pass.Files) == 0 || goroot == "" {
		return false
	}
	name := pass.Fset.File(pass.Files[0].Pos()).Name()
	return strings.HasPrefix(filepath.ToSlash(name), goroot)
}

var goroot = func() string {
	r := build.Default.GOROOT
	if r == "" {
		return ""
	}
	return strings.TrimSuffix(filepath.ToSlash(r), "/") + "/src/"
}()

// InModCache reports whether the package's files are in the module
// cache: a dependency loaded from source because the driver needed it
// for facts. Dependencies are not analyzed (the foundation's drivers
// load them from export data, so no driver has facts for them), which
// keeps the result the same whichever way the driver loads them.
func InModCache(pass *analysis.Pass) bool {
	if len(pass.Files) == 0 || modcache == "" {
		return false
	}
	name := filepath.ToSlash(pass.Fset.File(pass.Files[0].Pos()).Name())
	return strings.HasPrefix(name, modcache)
}

var modcache = func() string {
	if m := os.Getenv("GOMODCACHE"); m != "" {
		return strings.TrimSuffix(filepath.ToSlash(m), "/") + "/"
	}
	if gp := build.Default.GOPATH; gp != "" {
		return strings.TrimSuffix(filepath.ToSlash(filepath.SplitList(gp)[0]), "/") + "/pkg/mod/"
	}
	return ""
}()
