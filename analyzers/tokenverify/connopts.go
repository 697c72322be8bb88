package tokenverify

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
)

// A password the program connects with.
//
// A client library's connection settings (go-redis' Options from
// ParseURL, a driver's Config, the user info of a parsed URL) hold the
// password the program sends to a server, never one a caller presents
// to it. Comparing it with another setting (the password in the
// configured URL against the separately configured one, to refuse a
// contradictory configuration) authenticates nobody, so its timing
// leaks nothing. The password must come from another module's
// connection-settings type (a struct named …Options, …Opts or …Config)
// or from url.Userinfo, read through local variables whose every value
// is such a field or a constant, and the other side must not come from
// the request.

// connPassword reports whether e is the password of a client library's
// connection settings.
func (c *pkgctx) connPassword(e ast.Expr) bool {
	e = c.stripConv(e)
	if id, ok := e.(*ast.Ident); ok {
		v, ok := c.info.Uses[id].(*types.Var)
		if !ok || v.IsField() || isPkgVar(v) || c.isParam(v) || c.addrTaken[v] || len(c.defs[v]) == 0 {
			return false
		}
		seen := false
		for _, d := range c.defs[v] {
			if d.rhs == nil || c.isConst(d.rhs) {
				continue
			}
			if d.rng || !c.connPasswordExpr(d.rhs, d.index) {
				return false
			}
			seen = true
		}
		return seen
	}
	return c.connPasswordExpr(e, -1)
}

// connPasswordExpr reports whether e (result index of a call, or -1) is
// a connection settings' password field or url.Userinfo's password.
func (c *pkgctx) connPasswordExpr(e ast.Expr, index int) bool {
	e = c.stripConv(e)
	if call, ok := e.(*ast.CallExpr); ok && index <= 0 {
		fn := c.callee(call)
		return fn != nil && pkgPath(fn) == "net/url" && recvName(fn) == "Userinfo" && fn.Name() == "Password" && !c.fromRequest(call, 0)
	}
	sel, ok := e.(*ast.SelectorExpr)
	if !ok || index >= 0 {
		return false
	}
	s, ok := c.info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal || credname.Classify(s.Obj().Name()) != credname.Password {
		return false
	}
	t := s.Recv()
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || !outsideModule(c.pass, n.Obj().Pkg()) {
		return false
	}
	name := n.Obj().Name()
	if !strings.HasSuffix(name, "Options") && !strings.HasSuffix(name, "Opts") && !strings.HasSuffix(name, "Config") {
		return false
	}
	return !c.fromRequest(sel.X, 0)
}
