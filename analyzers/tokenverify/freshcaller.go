package tokenverify

import (
	"go/ast"
	"go/types"
)

// Freshness checked by the parse's callers, or by a helper.
//
// A helper that parses and verifies a token and returns it
// (go-oidc-middleware's getAndValidateTokenFromString, a jwx v1
// jwt.ParseString with a key and no jwt.WithValidate) leaves the expiry
// to its caller, which compares the token's Expiration() with the
// clock: validExpiration := isTokenExpirationValid(token.Expiration(),
// drift), whose body is expiration.Add(drift).After(time.Now()). When
// every call of the helper in the package is in a function that checks
// freshness so (fresh.go), directly or by handing a time claim to a
// function of the package that compares its parameter with the current
// time, the expiry is checked. A helper with no call in the package, or
// one caller that checks nothing, keeps the finding.

// callersCheckFreshness reports whether the parse call's token is
// returned by the function declaration around it, and every call of
// that function in the package is in a function that checks freshness.
func (c *pkgctx) callersCheckFreshness(parse *ast.CallExpr) bool {
	decl, ok := c.enclosingFunc(parse).(*ast.FuncDecl)
	if !ok || decl.Body == nil || !c.returnsParsed(decl, parse) {
		return false
	}
	fn, ok := c.info.Defs[decl.Name].(*types.Func)
	if !ok {
		return false
	}
	calls := c.callsOf(fn) // caller.go
	for _, call := range calls {
		if !c.checksFreshness(call) {
			return false
		}
	}
	return len(calls) > 0
}

// returnsParsed reports whether decl returns the result of parse: the
// call itself in a return, or the variable it is assigned to.
func (c *pkgctx) returnsParsed(decl *ast.FuncDecl, parse *ast.CallExpr) bool {
	var tok types.Object
	if as, ok := c.parents[parse].(*ast.AssignStmt); ok && len(as.Rhs) == 1 && len(as.Lhs) > 0 {
		tok = c.objOf(as.Lhs[0])
	}
	found := false
	inspectShallow(decl.Body, func(n ast.Node) bool {
		ret, ok := n.(*ast.ReturnStmt)
		if found || !ok {
			return !found
		}
		for _, r := range ret.Results {
			r = ast.Unparen(r)
			if r == parse {
				found = true
			}
			if id, ok := r.(*ast.Ident); ok && tok != nil && c.info.Uses[id] == tok {
				found = true
			}
		}
		return !found
	})
	return found
}

// comparesParamWithNow reports whether fn, a function of the package,
// compares one of its parameters (or a value computed from one) with
// the current time: isTokenExpirationValid(exp, drift) returning
// exp.Add(drift).After(time.Now()).
func (c *pkgctx) comparesParamWithNow(fn *types.Func) bool {
	d := c.decls[fn]
	if d == nil || d.Body == nil || d.Type.Params == nil {
		return false
	}
	params := map[types.Object]bool{}
	for _, f := range d.Type.Params.List {
		for _, nm := range f.Names {
			if obj := c.info.Defs[nm]; obj != nil {
				params[obj] = true
			}
		}
	}
	// Locals computed from a parameter, one step: e := exp.Add(drift).
	ast.Inspect(d.Body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != len(as.Rhs) {
			return true
		}
		for i, l := range as.Lhs {
			if obj := c.objOf(l); obj != nil && c.mentions(as.Rhs[i], params, func(ast.Node) bool { return false }) {
				params[obj] = true
			}
		}
		return true
	})
	found := false
	ast.Inspect(d.Body, func(n ast.Node) bool {
		if found {
			return false
		}
		if e := c.timeComparison(n); e != nil && c.mentions(e, params, func(ast.Node) bool { return false }) && c.mentions(e, nil, c.isNowRef) {
			found = true
		}
		return !found
	})
	return found
}
