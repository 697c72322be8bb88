// Package ssabuild builds a package's SSA form once for all the analyzers
// that need it, and only when one of them asks.
//
// A checker runs an analyzer that uses facts on every dependency it
// loaded; requiring buildssa would build SSA for all of them, the
// standard library included, which costs more than the analysis. The
// analyzers here require [Analyzer] instead: its result, a [Shared],
// builds nothing until an analyzer that found something worth following
// calls [Shared.Get], and the analyzers that ask for the same package get
// the same build. The build is held weakly: a driver keeps every
// analyzer's result until the end of the run, and holding each package's
// SSA that long would cost more memory than building it again in the
// rare case an analyzer asks after the others have let it go.
package ssabuild

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"weak"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"
)

// Analyzer's result is the package's [*Shared] SSA builder.
var Analyzer = &analysis.Analyzer{
	Name:       "authvetssa",
	Doc:        "builds a package's SSA form once, on demand, for the authvet analyzers that use it",
	URL:        "https://github.com/authvet/authvet",
	Run:        func(pass *analysis.Pass) (any, error) { return &Shared{pass: pass}, nil },
	ResultType: reflect.TypeFor[*Shared](),
}

// Mode is the builder mode of the shared build. ssa.GlobalDebug keeps the
// debug references that name the local variable a value is bound to,
// which credexposure reads; the other analyzers skip them.
const Mode = ssa.GlobalDebug

// Shared builds one package's SSA form on the first Get and hands the
// same build to every later Get while any caller still holds it.
type Shared struct {
	pass *analysis.Pass

	mu    sync.Mutex
	built weak.Pointer[buildssa.SSA]
}

// Get returns the package's SSA form, building it if no other analyzer
// holds a build of it. It is safe for concurrent use; the caller keeps
// the result alive for as long as it uses it.
func Get(pass *analysis.Pass) *buildssa.SSA {
	s, ok := pass.ResultOf[Analyzer].(*Shared)
	if !ok {
		panic(fmt.Sprintf("analyzer %s does not require ssabuild.Analyzer", pass.Analyzer.Name))
	}
	return s.Get()
}

// Get returns the package's SSA form; see the package function Get.
func (s *Shared) Get() *buildssa.SSA {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r := s.built.Value(); r != nil {
		return r
	}
	r := buildSSA(s.pass, Mode)
	s.built = weak.Make(r)
	return r
}

// buildSSA builds the package's SSA form the way the buildssa pass does:
// its source functions are the declared functions and methods and,
// after each, its function literals.
func buildSSA(pass *analysis.Pass, mode ssa.BuilderMode) *buildssa.SSA {
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
	// Function literals in package-level variables' initializers
	// (var google = Provider{UserInfo: func(tok string) {...}}) are
	// anonymous functions of the synthesized package initializer, which
	// buildssa leaves out; they are source code like any other. The
	// initializer itself is not a source function.
	if init := pkg.Func("init"); init != nil && init.Synthetic != "" {
		for _, anon := range init.AnonFuncs {
			add(anon)
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
