package scopecheck

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Context keys of authenticating middleware. A middleware that
// authenticates (it looks the caller's API key up and rejects requests
// without one) and stores what it found with
// context.WithValue(ctx, keyCtx{}, k) makes the value under that key
// the caller, whatever the key or the stored type is called (keyCtx,
// *meta.APIKey): a handler comparing a record's owner with
// keyFrom(r).ID checks ownership. Keys are matched by type, and only
// named non-basic types count (string keys are shared by everything).

// collectAuthnKeys records the key types the package's authenticating
// middleware store values under; it reports whether it found any.
func (st *state) collectAuthnKeys() bool {
	info := st.pass.TypesInfo
	found := false
	for _, fi := range st.fns {
		if fi.authn == "" || !st.isMiddleware(fi) {
			continue
		}
		ast.Inspect(fi.body, func(n ast.Node) bool {
			if lit, ok := n.(*ast.FuncLit); ok && (fi.lit == nil || lit != fi.lit) {
				return false // judged as its own function
			}
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 3 {
				return true
			}
			fn, ok := typeutil.Callee(info, call).(*types.Func)
			if !ok || funcPath(fn) != pkgContext || fn.Name() != "WithValue" {
				return true
			}
			t := info.TypeOf(call.Args[1])
			if t == nil {
				return true
			}
			if _, basic := t.Underlying().(*types.Basic); basic {
				return true
			}
			if _, named := types.Unalias(t).(*types.Named); !named {
				return true
			}
			if st.authnKeys == nil {
				st.authnKeys = map[string]bool{}
			}
			k := types.TypeString(t, nil)
			if !st.authnKeys[k] {
				st.authnKeys[k] = true
				found = true
			}
			return true
		})
	}
	return found
}
