package tokenverify

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"
)

// Hand-written freshness checks.
//
// A proof JWT (a DPoP proof, RFC 9449 §4.3 and §11.1; a client
// assertion checked the same way) carries no exp: the verifier judges
// its freshness from iat against its own clock, within a window, and
// remembers jti against replay. A function that compares an iat claim
// with the current time checks freshness itself, so turning the
// library's exp check off there (jwt.WithoutClaimsValidation,
// jwt.WithValidate(false), go-jose claims not given to Validate) is not
// a missing expiry check. The rule is general: any token whose iat is
// compared with time.Now (directly, through time.Since/Until, a Now
// method of an injected clock, or through local variables) is judged
// fresh; reading iat without comparing it with the current time is not
// a check. The same holds for exp: a client that decodes a token it
// was handed only to learn when it expires (jwx Expiration(), go-jose
// Claims.Expiry) and compares that with the clock (time.Until(exp) <= 0)
// checks the expiry itself.

// checksFreshness reports whether the function around n compares an
// iat or exp claim with the current time.
func (c *pkgctx) checksFreshness(n ast.Node) bool {
	body := funcBody(c.outerFunc(n))
	if body == nil {
		return false
	}
	claimVars := map[types.Object]bool{}
	nowVars := map[types.Object]bool{}
	// Local variables holding an iat value or the current time, two
	// steps deep (iat := claims["iat"].(float64); t := time.Unix(int64(iat), 0)).
	for range 2 {
		ast.Inspect(body, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok {
				return true
			}
			for i, l := range as.Lhs {
				obj := c.objOf(l)
				if obj == nil {
					continue
				}
				r := as.Rhs[0]
				if len(as.Rhs) == len(as.Lhs) {
					r = as.Rhs[i]
				}
				if c.mentions(r, claimVars, c.isTimeClaimRef) {
					claimVars[obj] = true
				}
				if c.mentions(r, nowVars, c.isNowRef) {
					nowVars[obj] = true
				}
			}
			return true
		})
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok {
			if fn := c.callee(call); fn != nil && c.mentions(call, claimVars, c.isTimeClaimRef) && c.comparesParamWithNow(fn) {
				// A time claim handed to a helper that compares
				// it with the clock (freshcaller.go).
				found = true
			}
		}
		if e := c.timeComparison(n); e != nil && c.mentions(e, claimVars, c.isTimeClaimRef) && c.mentions(e, nowVars, c.isNowRef) {
			found = true
		}
		return !found
	})
	return found
}

// timeComparison returns n when it orders two values (<, >, <=, >=) or
// calls a comparing function of package time, else nil.
func (c *pkgctx) timeComparison(n ast.Node) ast.Expr {
	switch n := n.(type) {
	case *ast.BinaryExpr:
		switch n.Op {
		case token.LSS, token.GTR, token.LEQ, token.GEQ:
			return n
		}
	case *ast.CallExpr:
		if fn := c.callee(n); fn != nil && c.isTimeCompare(fn) {
			return n
		}
	}
	return nil
}

// isTimeCompare reports time.Since, time.Until and the comparing
// methods of time.Time.
func (c *pkgctx) isTimeCompare(fn *types.Func) bool {
	if pkgPath(fn) != "time" {
		return false
	}
	switch fn.Name() {
	case "Since", "Until":
		return recvName(fn) == ""
	case "Before", "After", "Compare", "Sub", "Equal":
		return recvName(fn) == "Time"
	}
	return false
}

// mentions reports whether e contains a node ref accepts or a variable
// of vars.
func (c *pkgctx) mentions(e ast.Node, vars map[types.Object]bool, ref func(ast.Node) bool) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		if id, ok := n.(*ast.Ident); ok && vars[c.info.Uses[id]] {
			found = true
		} else if ref(n) {
			found = true
		}
		return !found
	})
	return found
}

// isTimeClaimRef reports a read of an iat or exp claim: claims["iat"],
// claims["exp"], a call handed the claim's name (claimInt64(claims,
// "exp")), a field or method named IssuedAt/GetIssuedAt/Iat or
// ExpiresAt/GetExpirationTime/Expiration/Expiry/Exp, or a struct field
// tagged json:"iat" or json:"exp".
func (c *pkgctx) isTimeClaimRef(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.IndexExpr:
		k, ok := c.constString(n.Index)
		return ok && (strings.EqualFold(k, "iat") || strings.EqualFold(k, "exp"))
	case *ast.CallExpr:
		// A getter handed the claim's name: claimInt64(claims, "exp"),
		// claims.GetInt("iat"). The name is the claim's JSON name, so
		// it is matched exactly; a lone argument (os.Getenv("EXP")) is
		// no claim read.
		if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); !ok || c.info.Selections[sel] == nil {
			if len(n.Args) < 2 {
				return false
			}
		}
		for _, a := range n.Args {
			if k, ok := c.constString(a); ok && (k == "iat" || k == "exp") {
				return true
			}
		}
	case *ast.SelectorExpr:
		switch n.Sel.Name {
		case "IssuedAt", "GetIssuedAt", "Iat", "IAT",
			"ExpiresAt", "GetExpirationTime", "Expiration", "Expiry", "Exp", "EXP":
			return true
		}
		if v, ok := c.info.Uses[n.Sel].(*types.Var); ok && v.IsField() {
			tag := c.fieldTag(n, v)
			return tag == "iat" || tag == "exp"
		}
	}
	return false
}

// fieldTag returns the json name of field v selected by sel, or "".
func (c *pkgctx) fieldTag(sel *ast.SelectorExpr, v *types.Var) string {
	t := c.info.TypeOf(sel.X)
	if t == nil {
		return ""
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return ""
	}
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i) == v {
			name, _, _ := strings.Cut(reflect.StructTag(st.Tag(i)).Get("json"), ",")
			return name
		}
	}
	return ""
}

// isNowRef reports a call that reads the current time: time.Now,
// time.Since, time.Until, or a Now method returning time.Time (an
// injected clock).
func (c *pkgctx) isNowRef(n ast.Node) bool {
	call, ok := n.(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := c.callee(call)
	if fn == nil {
		return false
	}
	if pkgPath(fn) == "time" && recvName(fn) == "" {
		switch fn.Name() {
		case "Now", "Since", "Until":
			return true
		}
	}
	if fn.Name() == "Now" {
		if sig, ok := fn.Type().(*types.Signature); ok && sig.Results().Len() == 1 {
			if n, ok := types.Unalias(sig.Results().At(0).Type()).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "time" && n.Obj().Name() == "Time" {
				return true
			}
		}
	}
	return false
}
