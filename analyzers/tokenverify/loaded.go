package tokenverify

import (
	"go/ast"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
)

// loadsRecord reports whether e is a call that loads a record from a
// store it is handed: its results include a record (a struct, a pointer
// or an interface, not a string or a byte slice) and its receiver or an
// argument is a handle (a pointer to a struct or an interface value:
// a connection, a transaction, a repository), other than the request
// and a context. models.FindRefreshToken(tx, tok) and
// session.ActiveToken(tx) return what the store holds, found by tok;
// the record's fields are the store's values, not the caller's, so a
// comparison of two such fields authenticates nobody (suppliedVsStored
// asks loadedRecord of both sides). A function that
// only transforms the caller's value (decode(header) returning a pair)
// is handed no store, and its result still carries the value.
func (c *pkgctx) loadsRecord(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	if tv, ok := c.info.Types[call.Fun]; ok && tv.IsType() {
		return false
	}
	sig, ok := types.Unalias(c.info.TypeOf(call.Fun)).(*types.Signature)
	if !ok || !returnsRecord(sig.Results()) {
		return false
	}
	for _, a := range call.Args {
		if isRequestType(c.info.TypeOf(a)) {
			// Handed the incoming request, the call parses what the
			// caller sent (ParseAuthRequest(ctx, w, r)): no stored
			// record.
			return false
		}
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s, ok := c.info.Selections[sel]; ok && s.Kind() == types.MethodVal && isHandle(s.Recv()) {
			return true
		}
	}
	for _, a := range call.Args {
		if isHandle(c.info.TypeOf(a)) {
			return true
		}
	}
	return false
}

// returnsRecord reports a result list holding a struct, a pointer to
// one or an interface other than error.
func returnsRecord(res *types.Tuple) bool {
	for i := 0; i < res.Len(); i++ {
		t := res.At(i).Type()
		if credsrc.StringLike(t) || isErrorType(t) {
			continue
		}
		switch u := t.Underlying().(type) {
		case *types.Struct, *types.Interface:
			return true
		case *types.Pointer:
			if _, ok := u.Elem().Underlying().(*types.Struct); ok {
				return true
			}
		}
	}
	return false
}

// isHandle reports a pointer to a struct or a non-empty interface that
// is neither the request, its response writer, a context nor an error.
func isHandle(t types.Type) bool {
	if t == nil || isRequestType(t) || isErrorType(t) || isNamed(t, func(p string) bool { return p == "context" }, "Context") ||
		isNamed(t, func(p string) bool { return p == "net/http" }, "ResponseWriter") {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		_, ok := u.Elem().Underlying().(*types.Struct)
		return ok
	case *types.Interface:
		return u.NumMethods() > 0
	}
	return false
}

// loadedRecord reports whether e is, or is read from, a record a store
// returned (loadsRecord): the call itself, or a field of a local
// variable every assignment of which is such a record (through copies
// and type assertions).
func (c *pkgctx) loadedRecord(e ast.Expr) bool { return c.loadedAt(e, 0) }

func (c *pkgctx) loadedAt(e ast.Expr, depth int) bool {
	if depth > 4 {
		return false
	}
	if c.loadsRecord(e) {
		return true
	}
	if ta, ok := ast.Unparen(e).(*ast.TypeAssertExpr); ok {
		return c.loadedAt(ta.X, depth+1)
	}
	id := c.rootIdent(e)
	if id == nil {
		return false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok || v.IsField() || isPkgVar(v) || c.isParam(v) {
		return false
	}
	ds := c.defs[v]
	if len(ds) == 0 {
		return false
	}
	for _, d := range ds {
		if !c.loadedAt(d.rhs, depth+1) {
			return false
		}
	}
	return true
}
