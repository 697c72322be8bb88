package tokenverify

import (
	"go/ast"
	"go/types"
)

// A golang-jwt parser whose claims validation is turned off
// (jwt.WithoutClaimsValidation) but that only ever calls
// ParseUnverified turns nothing off: ParseUnverified never validates
// claims or signature, and what is done with its claims is the
// unverified rule's business. Such a parser is built either inline
// (jwt.NewParser(jwt.WithoutClaimsValidation()).ParseUnverified(…)) or
// into a local variable every use of which is a ParseUnverified call.
// A parser that escapes (returned, stored, passed on) or is used for
// Parse as well keeps the report.

// parserOnlyUnverified reports whether the option call opt configures
// a parser used only for ParseUnverified.
func (c *pkgctx) parserOnlyUnverified(opt *ast.CallExpr) bool {
	np, ok := c.parents[opt].(*ast.CallExpr)
	if !ok || !isFuncNamed(c.callee(np), "NewParser") {
		return false
	}
	switch p := c.parents[np].(type) {
	case *ast.SelectorExpr:
		return p.Sel.Name == "ParseUnverified"
	case *ast.AssignStmt:
		if len(p.Lhs) != 1 || len(p.Rhs) != 1 {
			return false
		}
		return c.onlyParseUnverified(c.objOf(p.Lhs[0]), p)
	}
	return false
}

// onlyParseUnverified reports whether every use of the local variable
// v, in the function around at, is the receiver of ParseUnverified.
func (c *pkgctx) onlyParseUnverified(v types.Object, at ast.Node) bool {
	if v == nil || isPkgVar(v) {
		return false
	}
	body := funcBody(c.outerFunc(at))
	if body == nil {
		return false
	}
	uses, ok := 0, true
	ast.Inspect(body, func(n ast.Node) bool {
		id, isID := n.(*ast.Ident)
		if !ok || !isID || c.info.Uses[id] != v {
			return ok
		}
		uses++
		sel, isSel := c.parents[id].(*ast.SelectorExpr)
		if !isSel || sel.X != id || sel.Sel.Name != "ParseUnverified" {
			ok = false
		}
		return ok
	})
	return ok && uses > 0
}

// isFuncNamed reports whether fn is a function (not a method) called
// name.
func isFuncNamed(fn *types.Func, name string) bool {
	return fn != nil && fn.Name() == name && recvName(fn) == ""
}

// parserLitOnlyUnverified reports whether lit, a jwt.Parser literal
// (v3, v4: jwt.Parser{SkipClaimsValidation: true}), makes a parser used
// only for ParseUnverified: inline ((&jwt.Parser{…}).ParseUnverified)
// or through a local variable (p := jwt.Parser{…}; p.ParseUnverified).
func (c *pkgctx) parserLitOnlyUnverified(lit *ast.CompositeLit) bool {
	var e ast.Node = lit
	for {
		switch p := c.parents[e].(type) {
		case *ast.ParenExpr:
			e = p
			continue
		case *ast.UnaryExpr:
			e = p
			continue
		case *ast.SelectorExpr:
			return p.X == e && p.Sel.Name == "ParseUnverified"
		case *ast.AssignStmt:
			if len(p.Lhs) != 1 || len(p.Rhs) != 1 {
				return false
			}
			return c.onlyParseUnverified(c.objOf(p.Lhs[0]), p)
		case *ast.ValueSpec:
			if len(p.Names) != 1 || len(p.Values) != 1 {
				return false
			}
			return c.onlyParseUnverified(c.info.Defs[p.Names[0]], p)
		}
		return false
	}
}
