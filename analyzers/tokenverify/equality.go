package tokenverify

import (
	"go/ast"
	"go/types"
)

// Equality functions.
//
// A function that reports whether two values of one record type are
// equal (func (c *SMTPConfig) isEqual(other *SMTPConfig) bool) compares
// each field with the same field of the other value, credentials
// included: c.Password != other.Password detects a changed
// configuration, it authenticates nobody. A comparison counts as one
// when the function returns a single bool, both operands select the same
// field, and each is reached from a different receiver or parameter of
// the function whose types are the same record type (pointers aside).
// The same field compared between a stored record and one decoded from a
// request inside a handler or a login function (no bool result, or not
// both from parameters) is still judged as a comparison.
func (c *pkgctx) equalityCompare(n, x, y ast.Expr) bool {
	fx, rx, okx := c.fieldPath(x)
	fy, ry, oky := c.fieldPath(y)
	if !okx || !oky || fx != fy || rx == ry {
		return false
	}
	fd, ok := c.enclosingFunc(n).(*ast.FuncDecl)
	if !ok {
		return false
	}
	sig, ok := c.info.Defs[fd.Name].Type().(*types.Signature)
	if !ok || sig.Results().Len() != 1 || !types.Identical(sig.Results().At(0).Type(), types.Typ[types.Bool]) {
		return false
	}
	params := map[*types.Var]bool{}
	if r := sig.Recv(); r != nil {
		params[r] = true
	}
	for i := 0; i < sig.Params().Len(); i++ {
		params[sig.Params().At(i)] = true
	}
	if !params[rx] || !params[ry] {
		return false
	}
	return types.Identical(derefType(rx.Type()), derefType(ry.Type()))
}

// fieldPath returns the field a selector chain ends in and the variable
// it starts from (c.SMTP.Password: Password and c).
func (c *pkgctx) fieldPath(e ast.Expr) (*types.Var, *types.Var, bool) {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return nil, nil, false
	}
	s := c.info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal {
		return nil, nil, false
	}
	field := s.Obj().(*types.Var)
	x := ast.Unparen(sel.X)
	for {
		inner, ok := x.(*ast.SelectorExpr)
		if !ok {
			break
		}
		if is := c.info.Selections[inner]; is == nil || is.Kind() != types.FieldVal {
			return nil, nil, false
		}
		x = ast.Unparen(inner.X)
	}
	id, ok := x.(*ast.Ident)
	if !ok {
		return nil, nil, false
	}
	root, ok := c.info.Uses[id].(*types.Var)
	return field, root, ok
}
