package optin

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"

	"github.com/authvet/authvet/analyzers/internal/astparent"
)

func TestUnder(t *testing.T) {
	src := `package p
func f(s settings) {
	if s.SkipVerification {
		a = true
	}
	if s.Tenant != "" {
		b = true
	}
	switch {
	case s.DevMode:
		c = true
	}
	if !s.Insecure {
		return
	}
	d = true
	e = true
}

func g(o opts) {
	if o.noTLSCheck {
		h = true
	}
	if o.healthCheck {
		i = true
	}
	if o.useTLS {
		j = true
	}
	if o.hostKeyCheck == "strict" {
		k = true
	}
	if disableTls {
		l = true
	}
	if !w.DisableTLS {
		m = true
	}
	if o.disableRetries {
		n = true
	}
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	parents := map[ast.Node]ast.Node{}
	astparent.Record(f, parents, nil)
	want := map[string]bool{"a": true, "b": false, "c": true, "d": true, "e": true, "h": true, "i": false, "j": false, "k": false, "l": true, "m": false, "n": false}
	seen := 0
	ast.Inspect(f, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok {
			return true
		}
		name := as.Lhs[0].(*ast.Ident).Name
		seen++
		if got := Under(Stack(parents, as)); got != want[name] {
			t.Errorf("Under(%s = true) = %v, want %v", name, got, want[name])
		}
		return true
	})
	if seen != len(want) {
		t.Fatalf("saw %d assignments, want %d", seen, len(want))
	}
}
