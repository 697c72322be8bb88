package plainhttp

import (
	"go/ast"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/textual"
	"golang.org/x/tools/go/types/typeutil"
)

// Defaults of environment variables. A configuration loader reads its
// settings through a helper of its own that falls back to a default
// (func get(k, def string) string { if v := os.Getenv(k); v != "" {
// return v }; return def }). The variable's name says what the default
// is: get("PINGWIRE_PUSH_URL", "http://…") holds the push service's
// base URL, whatever field the result goes to. The name is judged as a
// constant's (isBaseName, not strict), and the default as a holder's
// value: a concrete public host only.

// envDefault returns the default argument of a call of a package
// function that reads the environment variable named by one string
// parameter and returns another, when the variable's constant name
// names a base URL, and that name.
func (c *checker) envDefault(fn *types.Func, call *ast.CallExpr) (ast.Expr, string, bool) {
	if fn.Pkg() != c.pass.Pkg {
		return nil, "", false
	}
	decl := c.res.index().decls[fn.Origin()]
	if decl == nil || decl.Body == nil {
		return nil, "", false
	}
	sig := fn.Type().(*types.Signature)
	if sig.Variadic() || sig.Params().Len() != len(call.Args) || sig.Results().Len() != 1 || !isURLType(sig.Results().At(0).Type()) {
		return nil, "", false
	}
	info := c.pass.TypesInfo
	param := func(e ast.Expr) int {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return -1
		}
		for i := 0; i < sig.Params().Len(); i++ {
			if info.Uses[id] == sig.Params().At(i) {
				return i
			}
		}
		return -1
	}
	key, def := -1, -1
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if g, ok := typeutil.Callee(info, n).(*types.Func); ok && len(n.Args) == 1 {
				if k := funcKey(g); k == "os.Getenv" || k == "os.LookupEnv" {
					if i := param(n.Args[0]); i >= 0 {
						key = i
					}
				}
			}
		case *ast.ReturnStmt:
			if len(n.Results) == 1 {
				if i := param(n.Results[0]); i >= 0 {
					def = i
				}
			}
		}
		return true
	})
	if key < 0 || def < 0 || key == def {
		return nil, "", false
	}
	name, ok := textual.ConstString(info, call.Args[key])
	if !ok || !isBaseName(name, false) {
		return nil, "", false
	}
	return call.Args[def], name, true
}
