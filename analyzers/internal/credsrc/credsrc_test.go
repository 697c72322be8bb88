package credsrc_test

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
	"sync"
	"testing"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"
)

// exprAnalyzer reports FromExpr on the right-hand side of every blank
// assignment, so that the fixture's want comments pin each description.
var exprAnalyzer = &analysis.Analyzer{
	Name: "credsrcexpr",
	Doc:  "test analyzer for credsrc.FromExpr",
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				as, ok := n.(*ast.AssignStmt)
				if !ok {
					return true
				}
				for i, l := range as.Lhs {
					if id, ok := l.(*ast.Ident); ok && id.Name == "_" && i < len(as.Rhs) {
						if src, ok := credsrc.FromExpr(pass.TypesInfo, as.Rhs[i]); ok {
							pass.Reportf(as.Rhs[i].Pos(), "%s", src.Desc)
						}
					}
				}
				return true
			})
		}
		return nil, nil
	},
}

func TestFromExpr(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), exprAnalyzer, "a")
}

// TestFromValue checks that the SSA view agrees with the syntax view:
// every line the expression test expects a source on has an SSA value
// FromValue recognises with the same description (parameters aside,
// which SSA names "parameter" and syntax "variable"), and no other line
// has one.
func TestFromValue(t *testing.T) {
	var mu sync.Mutex
	ssaLines := map[int]string{}
	exprLines := map[int]string{}
	ssaAnalyzer := &analysis.Analyzer{
		Name:     "credsrcssa",
		Doc:      "test analyzer for credsrc.FromValue",
		Requires: []*analysis.Analyzer{buildssa.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			fset := pass.Fset
			for _, fn := range pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs {
				if fn.Name() != "sources" && fn.Name() != "signed" {
					continue
				}
				for _, p := range fn.Params {
					record(&mu, ssaLines, fset, p, p.Pos(), false)
				}
				for _, b := range fn.Blocks {
					for _, instr := range b.Instrs {
						if v, ok := instr.(ssa.Value); ok {
							record(&mu, ssaLines, fset, v, v.Pos(), true)
						}
					}
				}
			}
			return nil, nil
		},
	}
	collect := &analysis.Analyzer{
		Name: "credsrcexprlines",
		Doc:  "collects FromExpr lines",
		Run: func(pass *analysis.Pass) (any, error) {
			for _, f := range pass.Files {
				ast.Inspect(f, func(n ast.Node) bool {
					if as, ok := n.(*ast.AssignStmt); ok {
						for i, l := range as.Lhs {
							if id, ok := l.(*ast.Ident); ok && id.Name == "_" && i < len(as.Rhs) {
								if src, ok := credsrc.FromExpr(pass.TypesInfo, as.Rhs[i]); ok {
									mu.Lock()
									exprLines[pass.Fset.Position(as.Pos()).Line] = src.Desc
									mu.Unlock()
								}
							}
						}
					}
					return true
				})
			}
			return nil, nil
		},
	}
	// The collecting analyzers report nothing, so the fixture's want
	// comments are expected to go unmatched here.
	analysistest.Run(quiet{}, analysistest.TestData(), collect, "a")
	analysistest.Run(quiet{}, analysistest.TestData(), ssaAnalyzer, "a")
	if len(exprLines) < 20 {
		t.Fatalf("only %d source lines collected", len(exprLines))
	}
	for line, want := range exprLines {
		got, ok := ssaLines[line]
		if strings.Contains(want, " in variable ") {
			// Parameters are declared on the signature line in SSA.
			continue
		}
		if !ok || got != want {
			t.Errorf("line %d: FromValue gave %q, FromExpr %q", line, got, want)
		}
	}
	for line, got := range ssaLines {
		// Loading r.Header is itself a source in SSA (the whole header),
		// also where the syntax then reads a harmless header from it.
		if _, ok := exprLines[line]; !ok && !strings.Contains(got, "parameter") && !strings.HasPrefix(got, "request headers") {
			t.Errorf("line %d: FromValue found %q where FromExpr found nothing", line, got)
		}
	}
}

func record(mu *sync.Mutex, lines map[int]string, fset *token.FileSet, v ssa.Value, pos token.Pos, _ bool) {
	src, ok := credsrc.FromValue(v)
	if !ok || !pos.IsValid() {
		return
	}
	mu.Lock()
	lines[fset.Position(pos).Line] = src.Desc
	mu.Unlock()
}

// quiet discards analysistest's complaints about unmatched wants.
type quiet struct{}

func (quiet) Errorf(string, ...any) {}

func TestCarrierOf(t *testing.T) {
	got := map[string]string{}
	var mu sync.Mutex
	a := &analysis.Analyzer{
		Name: "credsrccarrier",
		Doc:  "collects CarrierOf verdicts",
		Run: func(pass *analysis.Pass) (any, error) {
			scope := pass.Pkg.Scope()
			for _, name := range scope.Names() {
				tn, ok := scope.Lookup(name).(*types.TypeName)
				if !ok {
					continue
				}
				for _, typ := range []types.Type{tn.Type(), types.NewPointer(tn.Type())} {
					c, ok := credsrc.CarrierOf(typ)
					mu.Lock()
					if ok {
						got[credsrc.TypeString(typ)] = c.Field
					} else {
						got[credsrc.TypeString(typ)] = ""
					}
					mu.Unlock()
				}
			}
			return nil, nil
		},
	}
	analysistest.Run(quiet{}, analysistest.TestData(), a, "a")
	for typ, want := range map[string]string{
		"a.Config":      "Password",
		"*a.Config":     "Password",
		"a.Outer":       "Inner.Password",
		"a.Redacted":    "",
		"a.HidesInner":  "",
		"a.PtrOnly":     "Secret", // fmt does not call a pointer method on a value
		"*a.PtrOnly":    "",
		"*a.Redacted":   "",
		"a.Unrelated":   "",
		"*a.WithOAuth2": "Tok.AccessToken",
		"a.DBRef":       "",
		"a.AWSKeys":     "SecretKey",
		"a.OrphanKey":   "DBSecretKey",
	} {
		if g, ok := got[typ]; !ok || g != want {
			t.Errorf("CarrierOf(%s) = %q (found %v), want %q", typ, g, ok, want)
		}
	}
}
