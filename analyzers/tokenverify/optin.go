package tokenverify

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/jwtlib"
)

// Parses whose safety is opt-in, and expiry switches followed to the
// token they concern.
//
// jwx v1's jwt.Parse (ParseString, ParseRequest…) verifies the
// signature only when one of its options gives a key (jwt.WithVerify,
// jwt.WithKeySet), and checks exp and nbf only with
// jwt.WithValidate(true) or a later jwt.Validate of the token. A parse
// without a key option is an unverified parse (the unverified rule
// judges how its claims are used); a verified parse without the
// validation opt-in is a no-expiry finding unless the token reaches the
// library's validation. Options handed in as a slice (opts...) are not
// visible: unknown, not reported.

// checkOptIn checks a parse whose verification or validation is opt-in.
func (c *pkgctx) checkOptIn(call *ast.CallExpr, fn *types.Func, f jwtlib.Func) {
	if call.Ellipsis.IsValid() {
		return
	}
	var keyed, validated bool
	for _, o := range c.optionsOf(call) {
		switch o.role.Role {
		case jwtlib.PinAlgs:
			keyed = true
		case jwtlib.OptValidate:
			validated = validated || (len(o.call.Args) == 1 && c.isTrue(o.call.Args[0]))
		}
	}
	if f.KeyOption && !keyed {
		c.checkUnverified(call, fn, f)
		return
	}
	if f.ValidateOptIn && !validated && !c.checksFreshness(call) && !c.validatedLater(call, f.Family) && !c.callersCheckFreshness(call) {
		c.report(call, catNoExpiry, fmt.Sprintf("%s checks exp and nbf only when given jwt.WithValidate(true), so expired tokens are accepted (or call jwt.Validate on the token)", qualified(fn)))
	}
}

// option is an option call among a parse call's arguments.
type option struct {
	call *ast.CallExpr
	role jwtlib.Func
}

// optionsOf returns the library option calls written among the
// arguments of call, directly or through a local variable assigned once
// (opt := jwt.WithVerify(alg, key)).
func (c *pkgctx) optionsOf(call *ast.CallExpr) []option {
	var out []option
	for _, a := range call.Args {
		e := ast.Unparen(a)
		if defs, obj := c.localDefs(e); obj != nil && len(defs) == 1 && defs[0].index < 0 {
			e = ast.Unparen(defs[0].rhs)
		}
		oc, ok := e.(*ast.CallExpr)
		if !ok {
			continue
		}
		if f, ok := jwtlib.Classify(c.callee(oc)); ok {
			out = append(out, option{oc, f})
		}
	}
	return out
}

// parseOf returns the parse call that option n is an argument of, or nil.
func (c *pkgctx) parseOf(n ast.Node) *ast.CallExpr {
	opt, ok := n.(*ast.CallExpr)
	if !ok {
		return nil
	}
	parse, ok := c.parents[opt].(*ast.CallExpr)
	if !ok {
		return nil
	}
	for _, a := range parse.Args {
		if a == opt {
			if f, ok := jwtlib.Classify(c.callee(parse)); ok && f.Role == jwtlib.Verify && f.Result {
				return parse
			}
		}
	}
	return nil
}

// validatedLater reports whether the token a parse returns may be
// validated apart from the parse. The token is followed in the function:
// given to the library's validation function (jwx jwt.Validate, golang-jwt
// v5 Validator.Validate with its claims), it is validated; returned,
// stored or handed to another function, it leaves the function and may
// be validated there, which counts only when the package calls the
// validation function somewhere. A token that only answers its own
// getters (tok.Subject()) is not validated.
func (c *pkgctx) validatedLater(parse *ast.CallExpr, family jwtlib.Family) bool {
	if !c.validates[family] {
		return false
	}
	as, ok := c.parents[parse].(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || len(as.Lhs) == 0 {
		// Returned or passed on directly.
		return true
	}
	tok, ok := c.objOf(as.Lhs[0]).(*types.Var)
	if !ok {
		return false
	}
	out := false
	inspectShallow(funcBody(c.enclosingFunc(parse)), func(n ast.Node) bool {
		if out {
			return false
		}
		id, ok := n.(*ast.Ident)
		if !ok || c.info.Uses[id] != tok {
			return true
		}
		// Climb field selections (tok.Claims) to the value used.
		var top ast.Expr = id
		for {
			sel, ok := c.parents[top].(*ast.SelectorExpr)
			if !ok || sel.X != top {
				break
			}
			if s, ok := c.info.Selections[sel]; !ok || s.Kind() != types.FieldVal {
				break
			}
			top = sel
		}
		// Validated, or handed to code that may validate it.
		out = c.leaves(top)
		return !out
	})
	return out
}
