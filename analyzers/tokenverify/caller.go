package tokenverify

import (
	"go/ast"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/jwtlib"
)

// Checks on a token that its callers verify afterwards.
//
// A helper given a token as a parameter (a parsed go-jose
// *jwt.JSONWebToken, or the raw string) often does one step of a
// verification its caller finishes: it reads the unverified issuer and
// subject to reject a malformed assertion early, or it tries each
// registered key to find the one that verifies, and returns the key.
// When every call of the helper in the package is followed, in the
// calling function, by a verification of the same token (a parse with a
// key function, go-jose Claims with a key, go-oidc Verify: the shared
// table's Verify role), the caller's verification is what decides, and
// that call is judged by the rules on its own. A helper with no call in
// the package (exported, or called through an interface) keeps its
// findings: its callers are not visible.

// callersVerify reports whether the token at the root of tok is a
// parameter of the function declaration around at, and every call of
// that function in the package verifies the same token after the call.
func (c *pkgctx) callersVerify(at ast.Node, tok ast.Expr) bool {
	if tok == nil {
		return false
	}
	decl, ok := c.enclosingFunc(at).(*ast.FuncDecl)
	if !ok {
		return false
	}
	obj := c.rootObj(tok)
	param := paramIndex(c.info, decl, obj)
	if param < 0 {
		return false
	}
	fn, ok := c.info.Defs[decl.Name].(*types.Func)
	if !ok {
		return false
	}
	calls := c.callsOf(fn)
	for _, call := range calls {
		if param >= len(call.Args) || !c.verifiesAfter(call, c.rootObj(call.Args[param])) {
			return false
		}
	}
	return len(calls) > 0
}

// callsOf returns the calls of fn in the package's files.
func (c *pkgctx) callsOf(fn *types.Func) []*ast.CallExpr {
	var out []*ast.CallExpr
	for _, f := range c.files {
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && c.callee(call) == fn {
				out = append(out, call)
			}
			return true
		})
	}
	return out
}

// paramIndex returns the index of obj among the parameters of decl, or
// -1.
func paramIndex(info *types.Info, decl *ast.FuncDecl, obj types.Object) int {
	if obj == nil || decl.Type.Params == nil {
		return -1
	}
	i := 0
	for _, field := range decl.Type.Params.List {
		if len(field.Names) == 0 {
			i++
			continue
		}
		for _, name := range field.Names {
			if info.Defs[name] == obj {
				return i
			}
			i++
		}
	}
	return -1
}

// verifiesAfter reports whether the function around call verifies the
// token held by tok after call: a verifying call that takes tok as its
// receiver or as an argument.
func (c *pkgctx) verifiesAfter(call *ast.CallExpr, tok types.Object) bool {
	if tok == nil {
		return false
	}
	found := false
	inspectShallow(funcBody(c.enclosingFunc(call)), func(n ast.Node) bool {
		other, ok := n.(*ast.CallExpr)
		if found || !ok || other.Pos() < call.End() {
			return !found
		}
		fn := c.callee(other)
		if fn == nil {
			return true
		}
		lib, inLib := jwtlib.Classify(fn)
		if jwtlib.KeyfuncParam(fn) < 0 && !(inLib && lib.Role == jwtlib.Verify && !c.verificationOff(other)) {
			return true
		}
		if sel, ok := ast.Unparen(other.Fun).(*ast.SelectorExpr); ok && c.rootObj(sel.X) == tok {
			found = true
		}
		for _, a := range other.Args {
			if c.rootObj(a) == tok {
				found = true
			}
		}
		return !found
	})
	return found
}
