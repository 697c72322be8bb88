package tokenverify

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// A comparison whose mismatch turns the request away as unauthenticated
// is an authentication decision, whatever the operands are called
// (review L: nakama's runtime key, read from ?http_key= and compared
// with the configured HTTPKey before writing 401). The names (HttpKey,
// ServerKey) say nothing credname knows; the use says it all: a value
// the caller sent, checked against one the program holds, and a
// mismatch answered with 401/403 or codes.Unauthenticated /
// codes.PermissionDenied.

// rejectsUnauthenticated reports whether n, a != comparison, is the
// condition (or an operand of a || condition) of an if statement whose
// body turns the request away as unauthenticated or forbidden.
func (c *pkgctx) rejectsUnauthenticated(n ast.Expr, op string) bool {
	if op != "!=" {
		return false
	}
	cur := ast.Node(n)
	for {
		p := c.parents[cur]
		switch p := p.(type) {
		case *ast.ParenExpr:
			cur = p
			continue
		case *ast.BinaryExpr:
			if p.Op != token.LOR {
				return false
			}
			cur = p
			continue
		case *ast.IfStmt:
			return p.Cond == cur && c.rejectBody(p.Body)
		}
		return false
	}
}

// rejectBody reports whether a block answers 401/403 (WriteHeader,
// http.Error, a framework's status) or returns a gRPC status error with
// codes.Unauthenticated or codes.PermissionDenied.
func (c *pkgctx) rejectBody(b *ast.BlockStmt) bool {
	found := false
	ast.Inspect(b, func(n ast.Node) bool {
		if found {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false // a closure defined here is not run here
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		for _, a := range call.Args {
			if c.unauthStatus(a) {
				found = true
				return false
			}
		}
		return true
	})
	return found
}

// unauthStatus reports whether e is the HTTP status 401 or 403, or the
// gRPC code Unauthenticated or PermissionDenied.
func (c *pkgctx) unauthStatus(e ast.Expr) bool {
	if sel, ok := ast.Unparen(e).(*ast.SelectorExpr); ok {
		if obj, ok := c.info.Uses[sel.Sel].(*types.Const); ok && obj.Pkg() != nil && obj.Pkg().Path() == "google.golang.org/grpc/codes" {
			return obj.Name() == "Unauthenticated" || obj.Name() == "PermissionDenied"
		}
	}
	tv, ok := c.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return false
	}
	if b, ok := types.Unalias(tv.Type).Underlying().(*types.Basic); !ok || b.Info()&types.IsInteger == 0 {
		return false
	}
	v, ok := constant.Int64Val(tv.Value)
	return ok && (v == 401 || v == 403)
}

// presentedVsHeld reports whether one side of a comparison comes from
// the request and the other does not: the caller's value against the
// program's.
func (c *pkgctx) presentedVsHeld(x, y ast.Expr) bool {
	return c.fromRequest(x, 0) != c.fromRequest(y, 0)
}
