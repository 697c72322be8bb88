package tokenverify

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// A request value the program writes into the query of a URL it builds
// is a parameter it passes on, not a secret it checks (review M, class
// M8: gatekeeper's allow-list of query parameters for the identity
// provider). gatekeeper ranges over the configured parameters, reads
// each from the request, answers 403 when it differs from the configured
// value, and then formats it into the authorization URL it redirects the
// browser to:
//
//	for key, val := range allowedQueryParams {
//		if param := req.URL.Query().Get(key); param != "" {
//			if val != "" && val != param { wrt.WriteHeader(http.StatusForbidden) }
//			fmt.Fprintf(&builder, "&%s=%s", key, param)
//
// A map of required secret headers has the same shape up to the compare
// (for h, secret := range required { if r.Header.Get(h) != secret { 403 } }),
// so neither names nor the loop tell them apart. What does is where the
// request's value goes next: a program that holds a value as a secret
// does not put it into a URL's query, where every proxy, log and browser
// history keeps it (credexposure reports exactly that for credentials);
// a program that does treats it as a public parameter. So when no name
// says credential (authreject.go's nameless rule), a compare whose
// request side is a local that the same function also writes into a
// query string is left alone. Written into a query string means: an
// argument after a constant format holding "=%" and "&" or "?"
// (fmt.Sprintf, Fprintf, Appendf), the value of a url.Values Set or Add,
// or the right operand of a concatenation whose constant left part ends
// in "=" and holds "&" or "?". Forwarding the value in a header, logging
// it, or writing it into a body does not count.

// forwardedInQuery reports whether the side of x, y that comes from the
// request is a local variable the enclosing function writes into a
// query string.
func (c *pkgctx) forwardedInQuery(n ast.Node, x, y ast.Expr) bool {
	side := x
	if !c.fromRequest(x, 0) {
		side = y
	}
	id, ok := ast.Unparen(side).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok || v.IsField() || isPkgVar(v) {
		return false
	}
	fn := c.enclosingFunc(n)
	if fn == nil {
		return false
	}
	found := false
	ast.Inspect(funcBody(fn), func(m ast.Node) bool {
		if found {
			return false
		}
		switch m := m.(type) {
		case *ast.CallExpr:
			found = c.queryWrite(m, v)
		case *ast.BinaryExpr:
			found = c.queryConcat(m, v)
		}
		return !found
	})
	return found
}

// isVar reports whether e is v (conversions aside).
func (c *pkgctx) isVar(e ast.Expr, v *types.Var) bool {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
		if tv, ok := c.info.Types[call.Fun]; ok && tv.IsType() {
			e = ast.Unparen(call.Args[0])
		}
	}
	id, ok := e.(*ast.Ident)
	return ok && c.info.Uses[id] == v
}

// queryWrite reports a call that writes v into a query string: a
// formatting call whose constant format holds "=%" and "&" or "?" with v
// among the operands, or url.Values' Set or Add with v as the value.
func (c *pkgctx) queryWrite(call *ast.CallExpr, v *types.Var) bool {
	fn := c.callee(call)
	if fn == nil {
		return false
	}
	if recvName(fn) == "Values" && pkgPath(fn) == "net/url" && (fn.Name() == "Set" || fn.Name() == "Add") && len(call.Args) == 2 {
		return c.isVar(call.Args[1], v)
	}
	if pkgPath(fn) != "fmt" || recvName(fn) != "" {
		return false
	}
	fi := -1
	switch fn.Name() {
	case "Sprintf", "Errorf":
		fi = 0
	case "Fprintf", "Appendf":
		fi = 1
	default:
		return false
	}
	if fn.Name() == "Errorf" || fi >= len(call.Args) {
		return false
	}
	format, ok := c.constString(call.Args[fi])
	if !ok || !queryFormat(format) {
		return false
	}
	for _, a := range call.Args[fi+1:] {
		if c.isVar(a, v) {
			return true
		}
	}
	return false
}

// queryFormat reports a format that writes name=value pairs of a query.
func queryFormat(f string) bool {
	return strings.Contains(f, "=%") && strings.ContainsAny(f, "&?")
}

// queryConcat reports "…&name=" + v: the left operand's constant text
// at its right end ends in "=", and a constant piece of it holds "&" or
// "?" ("&" + key + "=" + v, "?token=" + v).
func (c *pkgctx) queryConcat(b *ast.BinaryExpr, v *types.Var) bool {
	if b.Op != token.ADD || !c.isVar(b.Y, v) {
		return false
	}
	if !strings.HasSuffix(c.rightConst(b.X), "=") {
		return false
	}
	sep := false
	var walk func(e ast.Expr)
	walk = func(e ast.Expr) {
		e = ast.Unparen(e)
		if s, ok := c.constString(e); ok {
			sep = sep || strings.ContainsAny(s, "&?")
			return
		}
		if lb, ok := e.(*ast.BinaryExpr); ok && lb.Op == token.ADD {
			walk(lb.X)
			walk(lb.Y)
		}
	}
	walk(b.X)
	return sep
}

// rightConst returns the constant text at the right end of a
// concatenation, or "".
func (c *pkgctx) rightConst(e ast.Expr) string {
	e = ast.Unparen(e)
	if s, ok := c.constString(e); ok {
		return s
	}
	if b, ok := e.(*ast.BinaryExpr); ok && b.Op == token.ADD {
		return c.rightConst(b.Y)
	}
	return ""
}
