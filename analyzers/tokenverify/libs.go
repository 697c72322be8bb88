package tokenverify

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/jwtlib"
)

// The libraries beyond golang-jwt, as the shared table
// (analyzers/internal/jwtlib) describes them:
//   - unverified decodes (go-jose UnsafeClaimsWithoutVerification, jwx
//     ParseInsecure or Parse with jwt.WithVerify(false), cristalhq
//     ParseNoVerify, kataras Decode) feed the unverified rule;
//   - jwx jwt.WithValidate(false) turns the exp check off (no-expiry);
//   - go-jose verifies the signature in (*jwt.JSONWebToken).Claims but
//     never checks exp itself: claims that are never given to
//     Claims.Validate or ValidateWithLeeway are accepted expired
//     (no-expiry).
// Their algorithm checks are the libraries' own: go-jose and jwx verify
// with the algorithm the key (or jwt.WithKey) fixes, cristalhq's Parse
// compares the header's alg with its verifier's, kataras' Verify with
// the algorithm it is given and go-kit's NewParser with its method. So
// the alg rule stays with golang-jwt.

// checkLibCall checks a call of a supported library other than
// golang-jwt.
func (c *pkgctx) checkLibCall(call *ast.CallExpr, fn *types.Func, f jwtlib.Func) {
	switch f.Role {
	case jwtlib.Unverified:
		c.checkUnverified(call, fn, f)
	case jwtlib.Verify:
		if f.KeyOption || f.ValidateOptIn {
			c.checkOptIn(call, fn, f)
			break
		}
		if c.verificationOff(call) {
			c.checkUnverified(call, fn, f)
		}
		if f.Family == jwtlib.GoJose && f.Claims >= 0 {
			c.checkJoseClaims(call)
		}
	case jwtlib.OptValidate:
		if len(call.Args) == 1 && c.isFalse(call.Args[0]) {
			c.reportNoValidation(call, f.Family, fmt.Sprintf("%s(false) turns off the exp and nbf checks, so expired tokens are accepted", qualified(fn)))
		}
	}
}

// verificationOff reports whether a parse call is given an option that
// turns signature verification off (jwx jwt.WithVerify(false)).
func (c *pkgctx) verificationOff(call *ast.CallExpr) bool {
	for _, a := range call.Args {
		oc, ok := ast.Unparen(a).(*ast.CallExpr)
		if !ok || len(oc.Args) != 1 {
			continue
		}
		if f, ok := jwtlib.Classify(c.callee(oc)); ok && f.Role == jwtlib.OptVerify && c.isFalse(oc.Args[0]) {
			return true
		}
	}
	return false
}

// isFalse reports whether e is the constant false.
func (c *pkgctx) isFalse(e ast.Expr) bool {
	tv, ok := c.info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && !constant.BoolVal(tv.Value)
}

// reportNoValidation reports a switch that turns the expiry check off,
// unless the function checks the token's freshness itself (fresh.go)
// or the token is validated apart from the parse with the library's own
// validation function (jwx: parse with jwt.WithValidate(false), then
// jwt.Validate). When the switch is an option of a visible parse call,
// that parse's token is followed (validatedLater); otherwise (a parser
// built elsewhere) it is enough that the package validates somewhere.
func (c *pkgctx) reportNoValidation(n ast.Node, family jwtlib.Family, msg string) {
	if c.checksFreshness(n) || c.expiredByName(n) {
		return
	}
	if parse := c.parseOf(n); parse != nil {
		if c.verificationOff(parse) {
			// A decode with the signature check off as well is a peek
			// (the tenant or issuer that picks the key set): its claims
			// are trusted for nothing until a verifying parse, and
			// whether they decide anything is the unverified rule's
			// question. Its expiry says nothing.
			return
		}
		if c.validatedLater(parse, family) {
			return
		}
	} else if c.validates[family] {
		return
	}
	c.report(n, catNoExpiry, msg)
}

// expiredByName reports whether the function declaration around n says
// by its name that it accepts expired tokens on purpose
// (ExtractClaimsFromExpiredToken, parseLicenseUncheckedExpiry,
// decodeIgnoringExpiry): its callers, who chose it by that name, decide
// what an expired token may do, as they do for a function named for an
// unverified parse.
func (c *pkgctx) expiredByName(n ast.Node) bool {
	d, ok := c.enclosingFunc(n).(*ast.FuncDecl)
	if !ok {
		return false
	}
	w := credname.Words(d.Name.Name)
	for i, x := range w {
		switch x {
		case "expired", "stale":
			return true
		case "expiry", "expiration", "exp", "expires":
			if i > 0 && expiryNegations[w[i-1]] {
				return true
			}
		}
	}
	return false
}

// expiryNegations, before an expiry word, say its check is skipped:
// UncheckedExpiry, IgnoreExpiry, SkipExpiration, WithoutExpiryCheck. A
// bare "no" is not among them: verifiedNoExp may as well say the token
// has none.
var expiryNegations = map[string]bool{
	"unchecked": true, "ignore": true, "ignoring": true, "skip": true, "skipping": true,
	"without": true, "allow": true,
}

// checkJoseClaims reports go-jose claims verified with
// (*jwt.JSONWebToken).Claims into a local jwt.Claims (or a struct
// embedding it) that is never validated. Claims that leave the function
// (returned, passed to a call, stored) may be validated elsewhere:
// unknown, not reported.
func (c *pkgctx) checkJoseClaims(call *ast.CallExpr) {
	fnNode := c.enclosingFunc(call)
	if fnNode == nil || len(call.Args) < 2 || c.checksFreshness(call) {
		return
	}
	for _, a := range call.Args[1:] {
		ue, ok := ast.Unparen(a).(*ast.UnaryExpr)
		if !ok {
			continue
		}
		id, ok := ast.Unparen(ue.X).(*ast.Ident)
		if !ok {
			continue
		}
		v, ok := c.info.Uses[id].(*types.Var)
		if !ok || c.isParam(v) || isPkgVar(v) || !c.hasJoseClaims(v.Type()) {
			continue
		}
		if c.claimsValidated(funcBody(fnNode), v, ue) {
			continue
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && c.callersVerify(call, sel.X) {
			continue
		}
		c.report(call, catNoExpiry, fmt.Sprintf("claims %s verified with (*jwt.JSONWebToken).Claims are never validated: go-jose checks the signature only, so expired tokens are accepted (call %s.Validate)", id.Name, id.Name))
	}
}

// hasJoseClaims reports whether t is go-jose's jwt.Claims or a struct
// embedding it.
func (c *pkgctx) hasJoseClaims(t types.Type) bool {
	isClaims := func(t types.Type) bool {
		return isNamed(t, func(p string) bool {
			lp, ok := jwtlib.Lookup(p)
			return ok && lp.Family == jwtlib.GoJose && lp.Sub == "jwt"
		}, "Claims")
	}
	if isClaims(t) {
		return true
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if f := st.Field(i); f.Embedded() && isClaims(f.Type()) {
			return true
		}
	}
	return false
}

// claimsValidated reports whether the claims variable v is validated in
// body, read for its expiry, or leaves the function (so that it may be
// validated elsewhere). decode is the &v given to Claims.
func (c *pkgctx) claimsValidated(body ast.Node, v *types.Var, decode ast.Node) bool {
	out := false
	ast.Inspect(body, func(n ast.Node) bool {
		if out {
			return false
		}
		id, ok := n.(*ast.Ident)
		if !ok || c.info.Uses[id] != v {
			return true
		}
		// Climb the selectors above the use: v.Claims.Validate, v.Expiry.
		var top ast.Node = id
		for {
			sel, ok := c.parents[top].(*ast.SelectorExpr)
			if !ok || sel.X != top {
				break
			}
			switch sel.Sel.Name {
			case "Validate", "ValidateWithLeeway", "Expiry":
				out = true
				return false
			}
			top = sel
		}
		if top == id {
			if ue, ok := c.parents[id].(*ast.UnaryExpr); ok {
				if ue == decode {
					return true
				}
				top = ue
			}
		} else if !c.hasJoseClaims(c.info.TypeOf(top.(ast.Expr))) {
			// A claim read (c.Subject), not the claims themselves.
			return true
		}
		out = c.leaves(top)
		return !out
	})
	return out
}

// leaves reports whether the value e is handed on: an argument of a
// call (a function that may validate it), returned, put in a composite
// literal, sent, or assigned.
func (c *pkgctx) leaves(e ast.Node) bool {
	switch p := c.parents[e].(type) {
	case *ast.CallExpr:
		for _, a := range p.Args {
			if a == e {
				return true
			}
		}
	case *ast.ReturnStmt, *ast.CompositeLit, *ast.KeyValueExpr, *ast.SendStmt:
		return true
	case *ast.AssignStmt:
		for _, r := range p.Rhs {
			if r == e {
				return true
			}
		}
	}
	return false
}
