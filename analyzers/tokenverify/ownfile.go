package tokenverify

import (
	"go/ast"
	"go/types"
)

// A token the process reads from its own file system is its own
// credential (a projected service-account token, a web-identity token
// file): fromOAuth2Token takes os.ReadFile's result as one, and this file
// adds the same read written out, keda's projected-token reader
//
//	file, err := os.Open(path)
//	…
//	jwt, err := io.ReadAll(io.LimitReader(file, max+1))
//	if err = validateK8sSAToken(jwt); err != nil { … }
//
// whose helper parses it unverified to check its subject before the
// token is sent to Vault, which verifies it. The rule: io.ReadAll of a
// file opened with os.Open or os.OpenFile (through io.LimitReader or
// bufio.NewReader), and a parameter of a function of the package that
// does not escape, every call of which passes such a token.

// fileReader reports whether e reads a file the process opened itself.
func (c *pkgctx) fileReader(e ast.Expr, depth int) bool {
	if depth > 6 {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := c.callee(x)
		if fn == nil || recvName(fn) != "" || len(x.Args) == 0 {
			return false
		}
		switch pkgPath(fn) + "." + fn.Name() {
		case "io.LimitReader", "bufio.NewReader", "bufio.NewReaderSize":
			return c.fileReader(x.Args[0], depth+1)
		}
	case *ast.Ident:
		defs, obj := c.localDefs(x)
		if obj == nil || len(defs) == 0 {
			return false
		}
		for _, d := range defs {
			call, ok := ast.Unparen(d.rhs).(*ast.CallExpr)
			if !ok || d.rng || d.index > 0 {
				return false
			}
			fn := c.callee(call)
			if fn == nil || recvName(fn) != "" || pkgPath(fn) != "os" || (fn.Name() != "Open" && fn.Name() != "OpenFile") {
				return false
			}
		}
		return true
	}
	return false
}

// paramEveryCall reports whether v is a parameter of a function of the
// package that is only called directly, at least once, and whose every
// call passes an argument ok accepts.
func (c *pkgctx) paramEveryCall(v *types.Var, ok func(ast.Expr) bool) bool {
	c.indexCalls()
	o, found := c.owners[v]
	if !found || c.escapes[o.fn] || len(c.calls[o.fn]) == 0 {
		return false
	}
	sig := o.fn.Type().(*types.Signature)
	for _, call := range c.calls[o.fn] {
		if o.index >= len(call.Args) || sig.Variadic() && o.index >= sig.Params().Len()-1 {
			return false
		}
		if !ok(call.Args[o.index]) {
			return false
		}
	}
	return true
}
