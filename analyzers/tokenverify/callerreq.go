package tokenverify

import (
	"go/ast"
	"go/types"
)

// Equality methods a login calls (review P, janus's basic-auth user).
//
// old.Secret != cur.Secret between two values of one type is change
// detection (change.go) when neither value comes from the request. In an
// equality method (func (u *user) Equals(o *user) bool { return
// u.Password == o.Password }) both values are the method's receiver and
// parameter, and where they come from is visible only at its calls. So
// when a side of the comparison is rooted at a parameter or the receiver
// of the function around it, the package's calls of that function are
// read: if one of them passes there a value from the request, or a local
// variable assigned from a call handed the request itself
// (currentUser, err := v.getUserFromRequest(r)), the comparison checks
// what a caller presented and is judged as a credential comparison. An
// equality function nobody in the package calls, or whose calls compare
// stored values only, stays change detection.

// paramFromRequest reports whether e is rooted at a parameter or the
// receiver of the function declaration around it, and some call of that
// function in the package passes a request-borne value there.
func (c *pkgctx) paramFromRequest(e ast.Expr) bool {
	decl, ok := c.enclosingFunc(e).(*ast.FuncDecl)
	if !ok {
		return false
	}
	fn, ok := c.info.Defs[decl.Name].(*types.Func)
	if !ok || !answersMatch(fn) {
		return false
	}
	obj := c.rootObj(e)
	if obj == nil {
		return false
	}
	recv := false
	idx := paramIndex(c.info, decl, obj)
	if idx < 0 {
		if decl.Recv == nil || len(decl.Recv.List) == 0 || len(decl.Recv.List[0].Names) == 0 || c.info.Defs[decl.Recv.List[0].Names[0]] != obj {
			return false
		}
		recv = true
	}
	c.indexCalls()
	for _, call := range c.calls[fn] {
		var arg ast.Expr
		if recv {
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok {
				continue
			}
			arg = sel.X
		} else if idx < len(call.Args) {
			arg = call.Args[idx]
		}
		if arg != nil && c.requestBorne(arg) {
			return true
		}
	}
	return false
}

// answersMatch reports whether fn answers whether two values match: its
// results are a bool, an error, or both (Equals, Verify, Check). A
// function that returns something else from the comparison (the kind of
// settings update to record, a list of changed fields) describes a
// difference; it decides no login, whatever its callers pass.
func answersMatch(fn *types.Func) bool {
	res := fn.Signature().Results()
	if res.Len() == 0 || res.Len() > 2 {
		return false
	}
	for i := 0; i < res.Len(); i++ {
		t := res.At(i).Type()
		if b, ok := t.Underlying().(*types.Basic); ok && b.Kind() == types.Bool {
			continue
		}
		if types.Identical(t, types.Universe.Lookup("error").Type()) {
			continue
		}
		return false
	}
	return true
}

// requestBorne reports whether e comes from the request: fromRequest,
// or a local variable assigned from a call handed the request itself.
func (c *pkgctx) requestBorne(e ast.Expr) bool {
	if c.fromRequest(e, 0) {
		return true
	}
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok {
		e = u.X
	}
	defs, obj := c.localDefs(e)
	if obj == nil || c.isParam(obj) {
		return false
	}
	for _, d := range defs {
		call, ok := ast.Unparen(d.rhs).(*ast.CallExpr)
		if !ok {
			continue
		}
		for _, a := range call.Args {
			if isRequestType(c.info.TypeOf(a)) {
				return true
			}
		}
	}
	return false
}
