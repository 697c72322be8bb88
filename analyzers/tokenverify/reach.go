package tokenverify

import (
	"go/ast"
	"go/token"
)

// Definitions that cannot reach a use.
//
// held follows a local variable to every value assigned to it in the
// package. Code runs in order, so an assignment that comes after a use
// in the same function body, with no loop around both that could run it
// first and no goto that could jump back, cannot give the use its value:
// a cache that compares the token it loaded with the one a caller used,
// then stores a freshly fetched token in the same variable, compares
// only what it loaded. A use inside a function literal is not judged
// this way (the literal may run after the later assignment, as a defer
// does), and neither is an assignment whose variable's address is
// taken (held refuses those already).

// reaches reports whether the definition d may give its value to the
// use of a variable at use. It says no only when d is positioned after
// use in the same function body, no for or range statement of that body
// encloses both, and the body has no goto.
func (c *pkgctx) reaches(d def, use ast.Node) bool {
	if use == nil || d.rhs == nil || d.rhs.Pos() <= use.Pos() {
		return true
	}
	fn := c.enclosingFunc(use)
	if fn == nil || c.enclosingFunc(d.rhs) != fn {
		return true
	}
	if _, lit := fn.(*ast.FuncLit); lit {
		return true
	}
	if hasGoto(funcBody(fn)) {
		return true
	}
	for p := c.parents[use]; p != nil && p != fn; p = c.parents[p] {
		switch p.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			if p.Pos() <= d.rhs.Pos() && d.rhs.End() <= p.End() {
				// The loop's next iteration sees this assignment.
				return true
			}
		}
	}
	return false
}

// hasGoto reports whether body holds a goto statement.
func hasGoto(body *ast.BlockStmt) bool {
	found := false
	if body == nil {
		return false
	}
	ast.Inspect(body, func(n ast.Node) bool {
		if b, ok := n.(*ast.BranchStmt); ok && b.Tok == token.GOTO {
			found = true
		}
		return !found
	})
	return found
}
