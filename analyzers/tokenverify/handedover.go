package tokenverify

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// A value handed to the caller when it does not match.
//
// A handler that sets a cookie only when the browser's copy differs
// (if cookie == visitToken { return }; ctx.SetCookie("visit",
// visitToken, …)) compares the value it is about to give the caller:
// on a mismatch the caller receives the value itself, so the time the
// comparison takes tells them nothing the response does not. When one
// side of == is a variable and the function, after an if on the
// comparison whose branch returns, passes that same variable to a
// SetCookie call (net/http.SetCookie with an http.Cookie literal whose
// Value it is, or a framework's SetCookie method taking it as an
// argument) after the if in its block or an enclosing block of the
// function, or, for !=, inside the if's own branch, the comparison is not reported. A value set as a cookie
// only when it matches (a login that sets the password it checked) is
// still reported, as is a compare whose mismatch branch sets nothing.

// handedOverOnMismatch reports whether x or y is given to the caller as
// a cookie on the path where the comparison n says they differ.
func (c *pkgctx) handedOverOnMismatch(n ast.Expr, x, y ast.Expr, op string) bool {
	ifs, ok := c.parents[n].(*ast.IfStmt)
	if !ok || ifs.Cond != n || ifs.Else != nil {
		return false
	}
	var region []ast.Stmt
	switch op {
	case "==":
		// the mismatch path runs after the if: its branch must leave
		if len(ifs.Body.List) == 0 {
			return false
		}
		if _, ok := ifs.Body.List[len(ifs.Body.List)-1].(*ast.ReturnStmt); !ok {
			return false
		}
		// the statements after the if in its block and in each
		// enclosing block of the function (if !force { if cookie ==
		// v { return } }; SetCookie(v))
		var cur ast.Node = ifs
		for p := c.parents[cur]; p != nil; cur, p = p, c.parents[p] {
			if _, ok := p.(*ast.FuncLit); ok {
				break
			}
			if _, ok := p.(*ast.FuncDecl); ok {
				break
			}
			blk, ok := p.(*ast.BlockStmt)
			if !ok {
				continue
			}
			for i, s := range blk.List {
				if s == cur {
					region = append(region, blk.List[i+1:]...)
				}
			}
		}
	case "!=":
		region = ifs.Body.List
	default:
		return false
	}
	for _, side := range []ast.Expr{x, y} {
		id, ok := ast.Unparen(side).(*ast.Ident)
		if !ok {
			continue
		}
		obj, ok := c.info.Uses[id].(*types.Var)
		if !ok {
			continue
		}
		for _, s := range region {
			if c.setsCookieWith(s, obj) {
				return true
			}
		}
	}
	return false
}

// setsCookieWith reports whether s calls a SetCookie function or method
// with obj as an argument or as the Value of an http.Cookie literal it
// is given.
func (c *pkgctx) setsCookieWith(s ast.Stmt, obj *types.Var) bool {
	found := false
	ast.Inspect(s, func(n ast.Node) bool {
		if found {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false // runs later, if at all
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn, _ := typeutil.Callee(c.info, call).(*types.Func)
		if fn == nil || fn.Name() != "SetCookie" {
			return true
		}
		for _, a := range call.Args {
			if c.isObj(a, obj) {
				found = true
			}
			a = ast.Unparen(a)
			if u, ok := a.(*ast.UnaryExpr); ok && u.Op == token.AND {
				a = ast.Unparen(u.X)
			}
			if lit, ok := a.(*ast.CompositeLit); ok {
				for _, e := range lit.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok {
						if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Value" && c.isObj(kv.Value, obj) {
							found = true
						}
					}
				}
			}
		}
		return !found
	})
	return found
}

// isObj reports whether e is the variable obj.
func (c *pkgctx) isObj(e ast.Expr, obj *types.Var) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && c.info.Uses[id] == obj
}
