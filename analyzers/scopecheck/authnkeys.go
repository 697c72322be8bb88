package scopecheck

import (
	"go/ast"
	"go/types"
	"strconv"

	"github.com/authvet/authvet/analyzers/internal/textual"

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
			if ok && funcPath(fn) == pkgGorillaContext && fn.Name() == "Set" {
				// gorilla/context.Set(r, "runner", runner): a store
				// per request, where a string key is the package's own.
				// Only a record stored there is what the
				// authentication found; a string beside it (a trace
				// id copied from a header) is not.
				if k, isConst := textual.ConstString(info, call.Args[1]); isConst && k != "" && recordType(info.TypeOf(call.Args[2])) {
					if st.authnKeys == nil {
						st.authnKeys = map[string]bool{}
					}
					if q := strconv.Quote(k); !st.authnKeys[q] {
						st.authnKeys[q] = true
						found = true
					}
				}
				return true
			}
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

// recordType reports whether t, through one pointer, is a named struct
// type of the program (a user, a runner, an API key record).
func recordType(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() == pkgHTTP {
		return false
	}
	_, isStruct := n.Underlying().(*types.Struct)
	return isStruct
}
