package plainhttp

import (
	"crypto/tls"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// insecureSuites are the cipher suites Go itself lists as insecure
// (tls.InsecureCipherSuites: RC4, 3DES, CBC with SHA-256 and the
// anonymous or export-grade ones it knows), by ID. The list comes from
// the standard library the analyzer is built with, not from names.
var insecureSuites = func() map[uint16]string {
	m := map[uint16]string{}
	for _, s := range tls.InsecureCipherSuites() {
		m[s.ID] = s.Name
	}
	return m
}()

// cipherSuites reports a tls.Config CipherSuites list that enables
// suites the standard library lists as insecure: written in the literal
// lit, assigned to the field (cfg.CipherSuites = …, lit nil), or held in
// a variable every assignment of which is a slice literal or an append
// to it (suiteElements). Left alone: a config whose MinVersion in the
// same literal is TLS 1.3 (suites are then not used), a list chosen
// under a condition the user controls, TLS probing tools, and
// test-support code.
func (c *checker) cipherSuites(lit *ast.CompositeLit, list ast.Expr, stack []ast.Node) {
	if c.isTestFile(list.Pos()) || (lit != nil && minVersionAtLeast13(c, lit)) {
		return
	}
	elts, ok := c.suiteElements(list, stack, 0)
	if !ok {
		return
	}
	var names []string
	var first, last ast.Expr
	for _, e := range elts {
		tv, ok := c.pass.TypesInfo.Types[e]
		if !ok || tv.Value == nil {
			continue
		}
		id, ok := constant.Uint64Val(constant.ToInt(tv.Value))
		if !ok || id > 0xffff {
			continue
		}
		if name, bad := insecureSuites[uint16(id)]; bad {
			names = append(names, name)
			if first == nil {
				first = e
			}
			last = e
		}
	}
	if first == nil || c.userCondition(stack) || c.ssaForm().probesAt(c.enclosingFunc(stack)) {
		return
	}
	end := last.End()
	if cl, ok := ast.Unparen(list).(*ast.CompositeLit); ok {
		end = cl.End()
	}
	c.pass.Report(analysis.Diagnostic{
		Pos:      first.Pos(),
		End:      end,
		Category: catCipherSuite,
		Message: "tls.Config CipherSuites enables " + strings.Join(names, ", ") +
			", which the standard library lists as insecure; drop them or leave CipherSuites unset",
	})
}

// suiteElements returns the suites a CipherSuites value lists: the
// elements of a slice literal, of an append, or of every assignment to
// a variable (local to the function around the top of stack, or of the
// package) when each is one of those. ok is false when a value cannot
// be listed (a call, a parameter, a field).
func (c *checker) suiteElements(e ast.Expr, stack []ast.Node, depth int) ([]ast.Expr, bool) {
	if depth > 3 {
		return nil, false
	}
	info := c.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return e.Elts, true
	case *ast.CallExpr:
		id, ok := ast.Unparen(e.Fun).(*ast.Ident)
		if !ok || id.Name != "append" || len(e.Args) == 0 || e.Ellipsis.IsValid() {
			return nil, false
		}
		if _, builtin := info.Uses[id].(*types.Builtin); !builtin {
			return nil, false
		}
		base, _ := c.suiteElements(e.Args[0], stack, depth+1)
		return append(base[:len(base):len(base)], e.Args[1:]...), true
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok || v.IsField() {
			return nil, false
		}
		var scopes []ast.Node
		if v.Parent() == v.Pkg().Scope() {
			for _, f := range c.pass.Files {
				scopes = append(scopes, f)
			}
		} else {
			body := funcBodyOf(stack)
			if body == nil || v.Pos() < body.Pos() || v.Pos() > body.End() {
				return nil, false // a parameter
			}
			scopes = append(scopes, body)
		}
		var elts []ast.Expr
		ok = true
		is := func(x ast.Expr) bool {
			id, isID := ast.Unparen(x).(*ast.Ident)
			return isID && (info.Defs[id] == v || info.Uses[id] == v)
		}
		value := func(r ast.Expr) {
			// An append to the variable itself adds its arguments.
			if ac, isCall := ast.Unparen(r).(*ast.CallExpr); isCall && len(ac.Args) > 0 && is(ac.Args[0]) {
				if id, isID := ast.Unparen(ac.Fun).(*ast.Ident); isID && id.Name == "append" && !ac.Ellipsis.IsValid() {
					elts = append(elts, ac.Args[1:]...)
					return
				}
			}
			more, known := c.suiteElements(r, stack, depth+1)
			ok = ok && known
			elts = append(elts, more...)
		}
		for _, sc := range scopes {
			ast.Inspect(sc, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.AssignStmt:
					for i, l := range n.Lhs {
						if is(l) {
							if len(n.Lhs) != len(n.Rhs) {
								ok = false
							} else {
								value(n.Rhs[i])
							}
						}
					}
				case *ast.ValueSpec:
					for i, id := range n.Names {
						if is(id) && i < len(n.Values) && len(n.Names) == len(n.Values) {
							value(n.Values[i])
						}
					}
				case *ast.UnaryExpr:
					if n.Op == token.AND && is(n.X) {
						ok = false // its address escapes
					}
				}
				return ok
			})
		}
		return elts, ok && len(elts) > 0
	}
	return nil, false
}

// minVersionAtLeast13 reports whether the literal sets MinVersion to a
// constant of TLS 1.3 or later, where CipherSuites is not used.
func minVersionAtLeast13(c *checker, lit *ast.CompositeLit) bool {
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if id, ok := kv.Key.(*ast.Ident); !ok || id.Name != "MinVersion" {
			continue
		}
		if tv, ok := c.pass.TypesInfo.Types[kv.Value]; ok && tv.Value != nil {
			v, ok := constant.Uint64Val(constant.ToInt(tv.Value))
			return ok && v >= tls.VersionTLS13
		}
	}
	return false
}
