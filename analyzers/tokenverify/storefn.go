package tokenverify

import (
	"go/ast"
	"go/types"
)

// A function that hands back what a store holds.
//
// fromRequest follows a call's arguments: strings.TrimSpace(token) is
// the request's token when token is. A function whose first result is
// an interface (any) does not compute that result from its arguments,
// it returns a value it keeps or found: tmptokens.Check(email) (any,
// error) is the reset token stored for that address, whoever chose the
// address. A method of a value that is not the request was already
// read that way; this extends it to package-level stores and caches.
// Functions of the request itself (a framework's c.Get, taking the
// context) still carry it. The result type is the one of the call: a
// generic function instantiated with a concrete type (zitadel's
// rs.Introspect[*oidc.IntrospectionResponse](ctx, provider, token))
// returns that type, computed from its arguments like any other call;
// its declared result, a type parameter, is no store's any.

// containerLookup reports whether call is a function call, not given
// the request, whose first result is of interface type.
func (c *pkgctx) containerLookup(call *ast.CallExpr) bool {
	fn := c.callee(call)
	if fn == nil || recvName(fn) != "" {
		return false
	}
	// The signature of this call: a generic function instantiated here
	// (rs.Introspect[*Response](ctx, p, token)) returns the type it was
	// instantiated with, not an interface, even though its declared
	// result, a type parameter, is one to types.IsInterface.
	sig, ok := c.info.TypeOf(call.Fun).(*types.Signature)
	if !ok {
		sig = fn.Type().(*types.Signature)
	}
	res := sig.Results()
	if res.Len() == 0 || !types.IsInterface(res.At(0).Type()) || isErrorType(res.At(0).Type()) {
		return false
	}
	if _, ok := types.Unalias(res.At(0).Type()).(*types.TypeParam); ok {
		return false // still generic here: what it returns is its caller's type
	}
	for _, a := range call.Args {
		if isRequestType(c.info.TypeOf(a)) {
			return false
		}
	}
	return true
}
