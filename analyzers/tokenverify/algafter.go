package tokenverify

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// The alg rule, a method checked after the parse.
//
// A program may check the signing method on the token the parse
// returns instead of inside the key function:
//
//	parsed, err := jwt.ParseWithClaims(raw, claims, keyFunc)
//	...
//	if _, ok := parsed.Method.(*jwt.SigningMethodHMAC); !ok { return errBadAlg }
//
// Such a check rejects a token signed with another family before its
// claims are used, which is what the check inside the key function
// achieves. So a parse whose result token has its Method examined in
// the same function (a type assertion, a type switch, or a comparison
// or switch that involves Method, Method.Alg() or Header["alg"]) is
// treated like a key function that checks the method. Only the
// parse's own result counts: a Method read on another token, or the
// token's Method only printed or passed on, is no check, and the parse
// is still reported.

// checksMethodAfter reports whether the token returned by the parse
// call has its signing method checked in the enclosing function.
func (c *pkgctx) checksMethodAfter(call *ast.CallExpr) bool {
	as, ok := c.parents[call].(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || ast.Unparen(as.Rhs[0]) != call || len(as.Lhs) == 0 {
		return false
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok || id.Name == "_" {
		return false
	}
	tok := c.info.ObjectOf(id)
	if tok == nil || !isJWTToken(tok.Type()) {
		return false
	}
	var body *ast.BlockStmt
	for n := ast.Node(call); n != nil; n = c.parents[n] {
		if fd, ok := n.(*ast.FuncDecl); ok {
			body = fd.Body
			break
		}
		if fl, ok := n.(*ast.FuncLit); ok {
			body = fl.Body
			break
		}
	}
	if body == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.TypeAssertExpr:
			found = c.isTokenMethod(n.X, tok)
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				found = c.mentionsMethod(n.X, tok) || c.mentionsMethod(n.Y, tok)
			}
		case *ast.SwitchStmt:
			found = n.Tag != nil && c.mentionsMethod(n.Tag, tok)
		}
		return true
	})
	return found
}

// isTokenMethod reports whether e is tok.Method.
func (c *pkgctx) isTokenMethod(e ast.Expr, tok types.Object) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Method" {
		return false
	}
	x, ok := ast.Unparen(sel.X).(*ast.Ident)
	return ok && c.info.Uses[x] == tok
}

// mentionsMethod reports whether e is tok.Method, tok.Method.Alg() or
// tok.Header["alg"] (possibly converted or type-asserted to a string).
func (c *pkgctx) mentionsMethod(e ast.Expr, tok types.Object) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		return c.isTokenMethod(e, tok)
	case *ast.CallExpr:
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Alg" && len(e.Args) == 0 {
			return c.isTokenMethod(sel.X, tok)
		}
		if len(e.Args) == 1 {
			if tv, ok := c.info.Types[e.Fun]; ok && tv.IsType() {
				return c.mentionsMethod(e.Args[0], tok)
			}
		}
	case *ast.TypeAssertExpr:
		return c.mentionsMethod(e.X, tok)
	case *ast.IndexExpr:
		sel, ok := ast.Unparen(e.X).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Header" {
			return false
		}
		x, ok := ast.Unparen(sel.X).(*ast.Ident)
		if !ok || c.info.Uses[x] != tok {
			return false
		}
		k, ok := c.constString(e.Index)
		return ok && strings.EqualFold(k, "alg")
	}
	return false
}
