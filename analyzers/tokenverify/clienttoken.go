package tokenverify

import (
	"go/ast"
	"go/types"
)

// A token the program's own HTTP transport holds is the program's
// credential, attached to the requests it sends: crowdsec's API client
// keeps the JWT its server issued in JWTTransport.Token and decodes it
// (jwt.Parse(tokenStr, nil)) to read its subscription type. Nobody
// presents that token to the program, so reading its claims without a
// key decides nothing about a caller, as for a token the client just
// received from the token endpoint (fetched.go).
//
// Rule: the raw token is a field, read directly or through local
// variables, of a struct type with a RoundTrip(*http.Request)
// (*http.Response, error) method (an http.RoundTripper).

// transportToken reports whether e holds a field of an http.RoundTripper
// struct.
func (c *pkgctx) transportToken(e ast.Expr, depth int) bool {
	if depth > 4 {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return c.everyDef(x, func(rhs ast.Expr) bool { return c.transportToken(rhs, depth+1) })
	case *ast.CallExpr:
		// []byte(tok), string(b): the same token.
		if tv, ok := c.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return c.transportToken(x.Args[0], depth+1)
		}
	case *ast.SelectorExpr:
		sel := c.info.Selections[x]
		if sel == nil || sel.Kind() != types.FieldVal {
			return false
		}
		return isRoundTripper(sel.Recv())
	}
	return false
}

// isRoundTripper reports whether t, or the struct it points to, has
// net/http's RoundTrip method.
func isRoundTripper(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(t), true, nil, "RoundTrip")
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Type().(*types.Signature)
	return sig.Params().Len() == 1 && sig.Results().Len() == 2 &&
		isNamed(sig.Params().At(0).Type(), func(p string) bool { return p == "net/http" }, "Request")
}
