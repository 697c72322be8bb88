package tokenverify

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// A remembered value (issue 15, class 7). t.lastCredential != cred,
// where the program later stores cred into t.lastCredential (in the same
// function, or in a caller that stores what this function returns),
// compares a presented value with the one presented before: it asks
// whether the peer changed its value (an ICE restart, a rotated key to
// reconnect with), and the field holds nothing but what was presented
// earlier. An authentication compares with a secret of the program's own
// and never writes the presented value into it. Pinning on first use
// writes before it compares, so only a write after the comparison counts.

// remembered reports whether one side of comparison n is a field that
// the package later fills with the other side.
func (c *pkgctx) remembered(n ast.Expr, x, y ast.Expr) bool {
	return c.remembers(n, x, y) || c.remembers(n, y, x)
}

// remembers reports whether the local variable v is stored, after n,
// into the field stored reads: in n's function, or in a caller that
// stores the result of n's function that returns v.
func (c *pkgctx) remembers(n ast.Expr, v, stored ast.Expr) bool {
	vid, ok := ast.Unparen(v).(*ast.Ident)
	if !ok {
		return false
	}
	vobj, ok := c.info.Uses[vid].(*types.Var)
	sel, isSel := ast.Unparen(stored).(*ast.SelectorExpr)
	if !ok || !isSel || vobj.Parent() == nil || vobj.Parent() == vobj.Pkg().Scope() {
		return false
	}
	field, ok := c.info.Uses[sel.Sel].(*types.Var)
	if !ok || !field.IsField() {
		return false
	}
	fd, ok := c.enclosingFunc(n).(*ast.FuncDecl)
	if !ok || fd.Body == nil {
		return false
	}
	if c.storesInto(fd.Body, vobj, field, n.End()) {
		return true
	}
	// The value is returned: look for callers that store that result.
	k := -1
	inspectShallow(fd.Body, func(m ast.Node) bool {
		if r, ok := m.(*ast.ReturnStmt); ok {
			for i, e := range r.Results {
				if id, ok := ast.Unparen(e).(*ast.Ident); ok && c.info.Uses[id] == vobj {
					k = i
				}
			}
		}
		return k < 0
	})
	fn, _ := c.info.Defs[fd.Name].(*types.Func)
	if k < 0 || fn == nil {
		return false
	}
	for _, f := range c.files {
		found := false
		ast.Inspect(f, func(m ast.Node) bool {
			as, ok := m.(*ast.AssignStmt)
			if !ok || found || len(as.Rhs) != 1 || k >= len(as.Lhs) {
				return !found
			}
			call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
			if !ok || typeutil.StaticCallee(c.info, call) != fn {
				return true
			}
			lid, ok := as.Lhs[k].(*ast.Ident)
			if !ok {
				return true
			}
			lobj, _ := c.info.ObjectOf(lid).(*types.Var)
			body := c.enclosingFunc(as)
			if lobj == nil || body == nil {
				return true
			}
			found = c.storesInto(body, lobj, field, as.End())
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// storesInto reports whether body assigns the variable v to field
// (x.field = v) after position after.
func (c *pkgctx) storesInto(body ast.Node, v *types.Var, field *types.Var, after token.Pos) bool {
	found := false
	inspectShallow(body, func(m ast.Node) bool {
		as, ok := m.(*ast.AssignStmt)
		if !ok || found || len(as.Lhs) != len(as.Rhs) || as.Pos() < after {
			return !found
		}
		for i, l := range as.Lhs {
			ls, ok := ast.Unparen(l).(*ast.SelectorExpr)
			if !ok || c.info.Uses[ls.Sel] != field {
				continue
			}
			if id, ok := ast.Unparen(as.Rhs[i]).(*ast.Ident); ok && c.info.Uses[id] == v {
				found = true
			}
		}
		return !found
	})
	return found
}
