package ssabuild_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"runtime"
	"sync"
	"testing"
	"weak"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/authvet/authvet/analyzers/internal/ssabuild"
)

const src = `package p

func f(x int) int { return g(x) + 1 }

func g(x int) int {
	h := func() int { return x * 2 }
	return h()
}
`

func newShared(t *testing.T) *ssabuild.Shared {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		Scopes:       map[ast.Node]*types.Scope{},
		Instances:    map[*ast.Ident]types.Instance{},
		FileVersions: map[*ast.File]string{},
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	pass := &analysis.Pass{Analyzer: ssabuild.Analyzer, Fset: fset, Files: []*ast.File{f}, Pkg: pkg, TypesInfo: info}
	res, err := ssabuild.Analyzer.Run(pass)
	if err != nil {
		t.Fatal(err)
	}
	return res.(*ssabuild.Shared)
}

// Analyzers asking for the same package while one of them holds the
// build share it: one build per package, not one per analyzer.
func TestGetShared(t *testing.T) {
	s := newShared(t)
	const n = 8
	got := make([]*buildssa.SSA, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { got[i] = s.Get() })
	}
	wg.Wait()
	for i := 1; i < n; i++ {
		if got[i] != got[0] {
			t.Fatalf("Get %d built the package again while another build was held", i)
		}
	}
	// Source functions in buildssa's order: each declared function, then
	// its literals.
	var names []string
	for _, fn := range got[0].SrcFuncs {
		names = append(names, fn.Name())
	}
	if want := []string{"f", "g", "g$1"}; len(names) != len(want) || names[0] != want[0] || names[1] != want[1] || names[2] != want[2] {
		t.Errorf("SrcFuncs = %v, want %v", names, want)
	}
	if !hasDebugRef(got[0]) {
		t.Error("the shared build has no debug references; credexposure needs ssa.GlobalDebug")
	}
}

// The result stays in the driver until the end of a run; the build must
// not: once no analyzer holds it, it is collected, and a later Get builds
// it again.
func TestGetNotRetained(t *testing.T) {
	s := newShared(t)
	w := weak.Make(s.Get())
	for range 5 {
		runtime.GC()
		if w.Value() == nil {
			break
		}
	}
	if w.Value() != nil {
		t.Fatal("the SSA build is still reachable from the analyzer's result after every user let it go")
	}
	if r := s.Get(); r == nil || len(r.SrcFuncs) != 3 {
		t.Fatalf("Get after collection = %v, want a fresh build", r)
	}
}

func hasDebugRef(r *buildssa.SSA) bool {
	for _, fn := range r.SrcFuncs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if _, ok := instr.(*ssa.DebugRef); ok {
					return true
				}
			}
		}
	}
	return false
}
