package lint

import (
	"go/ast"
	"go/types"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/packages"

	"github.com/authvet/authvet/internal/testsupport"
)

// releaser frees each package's syntax and type information as soon as
// every analyzer has finished with it, instead of at the end of the run.
//
// The checker keeps every package's pass, and with it the package's
// syntax trees, its types.Info and the results of its analyzers
// (plainhttp's AST inspector), until it returns: in a lint of a whole
// module that is most of the peak heap. Analyzers of the packages that
// import a package read only its types and facts, never its syntax, so
// once the package's own analyzers are done what the driver still needs
// of its syntax (the test-support index and the suppression comments)
// is kept in a small form and the rest is cleared in place, where the
// checker's references see it too.
//
// A package whose analyzers failed is not released: the driver then
// reads its syntax as before.
type releaser struct {
	byTypes map[*types.Package]*packages.Package

	mu    sync.Mutex
	files map[*ast.File]int // packages not yet released that hold the file
	done  map[*packages.Package]*released

	// after, when set, is called once a package is released.
	after func()
}

// released is what the driver keeps of a released package.
type released struct {
	tests   *testsupport.Index
	ignores []*ignore // paths absolute, as the file set has them
}

func newReleaser(pkgs []*packages.Package) *releaser {
	r := &releaser{
		byTypes: make(map[*types.Package]*packages.Package, len(pkgs)),
		files:   map[*ast.File]int{},
		done:    make(map[*packages.Package]*released, len(pkgs)),
	}
	for _, p := range pkgs {
		r.byTypes[p.Types] = p
		// A package and its test variant share the parsed files that
		// both compile.
		for _, f := range p.Syntax {
			r.files[f]++
		}
	}
	return r
}

// analyzer returns the analyzer that releases a package: it requires
// every analyzer of the run, so the checker runs it on a package only
// after all of them have finished there.
func (r *releaser) analyzer(analyzers []*analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "authvetrelease",
		Doc:        "frees a package's syntax and type information once every analyzer is done with it",
		Requires:   closure(analyzers),
		Run:        r.run,
		ResultType: reflect.TypeFor[struct{}](),
	}
}

// closure returns the analyzers and everything they require, each once.
func closure(as []*analysis.Analyzer) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	seen := map[*analysis.Analyzer]bool{}
	var add func(a *analysis.Analyzer)
	add = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, req := range a.Requires {
			add(req)
		}
		out = append(out, a)
	}
	for _, a := range as {
		add(a)
	}
	return out
}

func (r *releaser) run(pass *analysis.Pass) (any, error) {
	p := r.byTypes[pass.Pkg]
	if p == nil {
		return struct{}{}, nil
	}
	keep := &released{tests: testIndex(p)}
	for _, f := range p.Syntax {
		keep.ignores = append(keep.ignores, fileIgnores(p.Fset, f)...)
	}
	for _, res := range pass.ResultOf {
		if insp, ok := res.(*inspector.Inspector); ok {
			*insp = inspector.Inspector{}
		}
	}
	if info := p.TypesInfo; info != nil {
		// Dropped, not cleared: a cleared map keeps its buckets.
		*info = types.Info{}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, f := range p.Syntax {
		if r.files[f]--; r.files[f] == 0 {
			delete(r.files, f)
			*f = ast.File{Package: f.Package, Name: f.Name, FileStart: f.FileStart, FileEnd: f.FileEnd, GoVersion: f.GoVersion}
		}
	}
	r.done[p] = keep
	if r.after != nil {
		r.after()
	}
	return struct{}{}, nil
}

// hold counts the files of a package loaded after newReleaser, which
// saw no syntax of it (lazy.go).
func (r *releaser) hold(p *packages.Package) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, f := range p.Syntax {
		r.files[f]++
	}
}

// testIndex is the test-support index of a package's files.
func testIndex(p *packages.Package) *testsupport.Index {
	mod := ""
	if p.Module != nil {
		mod = p.Module.Path
	}
	return testsupport.NewInModule(p.Fset, p.PkgPath, mod, p.Syntax, p.TypesInfo)
}

// tests returns the test-support index of p, from its released form
// when it has one.
func (r *releaser) tests(p *packages.Package) *testsupport.Index {
	r.mu.Lock()
	k := r.done[p]
	r.mu.Unlock()
	if k != nil {
		return k.tests
	}
	return testIndex(p)
}

// ignores returns the suppression comments of p's files, with absolute
// paths, from its released form when it has one.
func (r *releaser) ignores(p *packages.Package) []*ignore {
	r.mu.Lock()
	k := r.done[p]
	r.mu.Unlock()
	if k != nil {
		return k.ignores
	}
	var out []*ignore
	for _, f := range p.Syntax {
		out = append(out, fileIgnores(p.Fset, f)...)
	}
	return out
}
