package tokenverify

import (
	"go/ast"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/jwtlib"
)

// The discarded-error form of the unverified rule: a golang-jwt parse
// that verifies (Parse, ParseWithClaims, request.ParseFromRequest) but
// whose error result is dropped.
//
// golang-jwt (and dgrijalva's and form3tech's forks before it) returns
// the decoded token, claims filled in, together with the error when the
// signature, the algorithm or the expiry check fails. Code that drops
// the error and reads the claims therefore trusts a token nobody
// verified, as ParseUnverified would:
//
//	token, _ := jwt.Parse(raw, keyFunc)
//	claims := token.Claims.(jwt.MapClaims)
//	return claims["sub"].(string)
//
// The claims are then judged exactly as the unverified rule judges
// ParseUnverified's (routing and time claims are honest reads; only
// identity claims reaching a decision count). Reading token.Valid
// anywhere in the function is the check, and so is a second, checked
// parse of the same token. A token the program holds (a stored
// record's, held.go) decoded to show its claims is nobody's
// presentation.
//
// Left alone: libraries that return no token on failure (go-jose,
// jwx, cristalhq, kataras, go-oidc): dropping their error loses the
// token, it does not trust it.

// checkDiscarded runs the unverified rule on a verifying golang-jwt
// parse whose error is dropped.
func (c *pkgctx) checkDiscarded(call *ast.CallExpr, fn *types.Func, f jwtlib.Func) {
	if f.Role != jwtlib.Verify || !f.Result || !c.errDropped(call, fn) {
		return
	}
	if tok := c.parsedToken(call); tok != nil && c.validRead(call, tok) {
		return
	}
	if raw := c.rawToken(call, f); raw != nil && c.held(raw, 0) {
		return // a token the program stored, decoded for display (held.go)
	}
	c.unverifiedClaims(call, fn, f, true)
}

// errDropped reports whether the error fn returns last is assigned to
// the blank identifier.
func (c *pkgctx) errDropped(call *ast.CallExpr, fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Results().Len() < 2 || !isErrorType(sig.Results().At(sig.Results().Len()-1).Type()) {
		return false
	}
	as, ok := c.parents[call].(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || len(as.Lhs) != sig.Results().Len() {
		return false
	}
	id, ok := ast.Unparen(as.Lhs[len(as.Lhs)-1]).(*ast.Ident)
	return ok && id.Name == "_"
}

// parsedToken returns the variable a parse's first result is assigned
// to (tok in tok, err := jwt.Parse(…)), or nil.
func (c *pkgctx) parsedToken(call *ast.CallExpr) types.Object {
	as, ok := c.parents[call].(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || len(as.Lhs) == 0 {
		return nil
	}
	return c.objOf(as.Lhs[0])
}

// validRead reports whether the function around call reads tok.Valid.
func (c *pkgctx) validRead(call *ast.CallExpr, tok types.Object) bool {
	outer := c.outerFunc(call)
	if outer == nil {
		return false
	}
	found := false
	ast.Inspect(funcBody(outer), func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "Valid" && c.rootObj(sel.X) == tok {
			found = true
		}
		return !found
	})
	return found
}
