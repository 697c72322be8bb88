package tokenverify

import (
	"go/ast"
	"go/types"
)

// A comparison followed by the overwrite it detects. An update handler
// that records whether a stored secret changes before replacing it
// (changed = changed || (registry.Password != *payload.Password), then
// registry.Password = *payload.Password) compares to decide whether to
// re-sync, not whether the caller knows the secret: the caller replaces
// it either way. The rule: the comparison's value is stored (an
// assignment or a declaration, not an if that may reject) and a later
// statement of the same block, with no return before it, assigns one
// operand to the other. A comparison in an if is left to
// storesCompared and keepsStored (change.go).

// overwrittenAfter reports whether n, comparing x and y, is such a
// change check.
func (c *pkgctx) overwrittenAfter(n, x, y ast.Expr) bool {
	var cur ast.Node = n
	var stmt ast.Stmt
	var block *ast.BlockStmt
	for stmt == nil {
		p := c.parents[cur]
		switch p := p.(type) {
		case nil, *ast.FuncLit, *ast.FuncDecl, *ast.IfStmt, *ast.ForStmt, *ast.SwitchStmt, *ast.ReturnStmt:
			return false
		case *ast.AssignStmt, *ast.DeclStmt:
			b, ok := c.parents[p].(*ast.BlockStmt)
			if !ok {
				return false
			}
			stmt, block = p.(ast.Stmt), b
		}
		cur = p
	}
	xs, ys := types.ExprString(ast.Unparen(x)), types.ExprString(ast.Unparen(y))
	after := false
	for _, st := range block.List {
		if st == stmt {
			after = true
			continue
		}
		if !after {
			continue
		}
		switch st := st.(type) {
		case *ast.ReturnStmt, *ast.BranchStmt:
			return false
		case *ast.AssignStmt:
			if len(st.Lhs) != len(st.Rhs) {
				continue
			}
			for i := range st.Lhs {
				l, r := types.ExprString(ast.Unparen(st.Lhs[i])), types.ExprString(ast.Unparen(st.Rhs[i]))
				if (l == xs && r == ys) || (l == ys && r == xs) {
					return true
				}
			}
		}
	}
	return false
}
