package tokenverify

import (
	"go/ast"
	"go/types"
)

// Change detection (issue 15, class 7). old.Secret != cur.Secret reads
// the same credential field of two values of one type: a record before
// and after an update, a cached configuration and the saved one. It
// asks whether the secret changed (to drop sessions, rotate a cache),
// not whether a caller knows it: nobody supplies a guess to compare.
// A request-borne value on either side (a session decoded from the
// request into the same type as the stored one) keeps the finding.

// sameFieldOfTwo reports whether x and y read one field of two
// different values of the same type, neither taken from the request.
func (c *pkgctx) sameFieldOfTwo(x, y ast.Expr) bool {
	sx, ok := ast.Unparen(x).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	sy, ok := ast.Unparen(y).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	selx, okx := c.info.Selections[sx]
	sely, oky := c.info.Selections[sy]
	if !okx || !oky || selx.Kind() != types.FieldVal || sely.Kind() != types.FieldVal || selx.Obj() != sely.Obj() {
		return false
	}
	if !types.Identical(derefType(c.info.TypeOf(sx.X)), derefType(c.info.TypeOf(sy.X))) {
		return false
	}
	if types.ExprString(sx.X) == types.ExprString(sy.X) {
		return false // the same value read twice
	}
	return !c.fromRequest(sx.X, 0) && !c.fromRequest(sy.X, 0)
}
