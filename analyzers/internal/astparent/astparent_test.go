package astparent

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"
)

func TestRecord(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "x.go", "package p\nfunc f() { if g(1) { return } }\nfunc g(int) bool { return true }\n", 0)
	if err != nil {
		t.Fatal(err)
	}
	m := map[ast.Node]ast.Node{}
	var visited int
	Record(f, m, func(ast.Node) { visited++ })
	if _, ok := m[f]; ok {
		t.Error("the root has a parent")
	}
	if visited != len(m)+1 {
		t.Errorf("visit called %d times for %d nodes", visited, len(m)+1)
	}
	var call *ast.CallExpr
	var lit *ast.BasicLit
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			call = n
		case *ast.BasicLit:
			lit = n
		}
		return true
	})
	if m[lit] != call {
		t.Errorf("parent of the argument is %T, want the call", m[lit])
	}
	if _, ok := m[call].(*ast.IfStmt); !ok {
		t.Errorf("parent of the condition is %T, want the if statement", m[call])
	}
	// Walk up from the literal to the file: every step is recorded.
	n, steps := ast.Node(lit), 0
	for n != f {
		p, ok := m[n]
		if !ok {
			t.Fatalf("no parent for %T", n)
		}
		n, steps = p, steps+1
	}
	if steps < 5 {
		t.Errorf("walked %d steps from the literal to the file", steps)
	}
	// A function body on its own: its statements' parent is the body.
	body := f.Decls[0].(*ast.FuncDecl).Body
	mb := map[ast.Node]ast.Node{}
	Record(body, mb, nil)
	if mb[body.List[0]] != body {
		t.Errorf("parent of the if statement is %T, want the body", mb[body.List[0]])
	}
}
