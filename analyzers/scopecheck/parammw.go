package scopecheck

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Middleware handed in by the caller.
//
// A route-registration function that takes its middleware as a
// parameter (func (m *Module) RegisterRoutes(g *gin.RouterGroup, auth,
// adminAuth gin.HandlerFunc)) lets each caller decide what the
// middleware checks: one module is given a middleware that requires an
// administrator, the next one that only authenticates. When the
// function is exported, its callers sit in other packages that are
// analysed after this one, so the argument is out of sight: the
// parameter's name says the middleware authenticates, but whether it
// also authorizes is unknown, and unknown is not reported. An
// unexported function's callers are in the package: the arguments they
// pass are judged instead (callerArgsMW), and the name hint is kept
// only where they say nothing.

// callerArgsMW judges parameter o of an unexported function of the
// package by the arguments its callers pass: go-feature-flag's
// addAdminRoutes(c, authMiddleware) is given s.getAuthMiddleware(AdminAuth),
// whose key validator accepts only the configured admin keys. The
// middleware authorizes when every caller's argument authorizes, and
// authenticates when one does; ok is false when the function has no
// visible direct call, is used as a value, or an argument says nothing
// (neither authenticates nor authorizes), and the name hint then
// decides as before.
func (st *state) callerArgsMW(o *types.Var, depth int) (mwVerdict, bool) {
	if o.Kind() != types.ParamVar || st.exportedParamMW(o) {
		return mwVerdict{}, false
	}
	if r, ok := st.callerArgs[o]; ok {
		return r.v, r.ok // judged before, or being judged (a recursive call)
	}
	if st.callerArgs == nil {
		st.callerArgs = map[*types.Var]callerArgsResult{}
	}
	st.callerArgs[o] = callerArgsResult{}
	v, ok := st.judgeCallerArgs(o, depth)
	st.callerArgs[o] = callerArgsResult{v, ok}
	return v, ok
}

// callerArgsResult is callerArgsMW's answer for one parameter.
type callerArgsResult struct {
	v  mwVerdict
	ok bool
}

func (st *state) judgeCallerArgs(o *types.Var, depth int) (mwVerdict, bool) {
	fd := st.paramOwner[o.Parent()]
	if fd == nil {
		return mwVerdict{}, false
	}
	fn, _ := st.pass.TypesInfo.Defs[fd.Name].(*types.Func)
	if fn == nil {
		return mwVerdict{}, false
	}
	idx := -1
	sig := fn.Type().(*types.Signature)
	for i := range sig.Params().Len() {
		if sig.Params().At(i) == o {
			idx = i
		}
	}
	if idx < 0 || sig.Variadic() && idx == sig.Params().Len()-1 {
		return mwVerdict{}, false
	}
	var out mwVerdict
	uses, calls := 0, 0
	for _, obj := range st.pass.TypesInfo.Uses {
		if obj == fn {
			uses++
		}
	}
	authz, known := true, true
	for _, f := range st.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || !known || typeutil.StaticCallee(st.pass.TypesInfo, call) != fn {
				return known
			}
			calls++
			if idx >= len(call.Args) {
				known = false
				return false
			}
			v := st.classifyMW(call.Args[idx], depth+1)
			if v.unknown || v.authn == "" && v.authz == "" {
				known = false
				return false
			}
			if out.authn == "" {
				out.authn = v.authn
			}
			if v.authz == "" {
				authz = false
			} else if out.authz == "" {
				out.authz = v.authz
			}
			return true
		})
	}
	if !known || calls == 0 || calls != uses {
		// An argument that says nothing, or the function used as a
		// value: callers out of this reading.
		return mwVerdict{}, false
	}
	if !authz {
		out.authz = ""
	}
	return out, true
}

// exportedParamMW reports whether o is a parameter of an exported
// function or method (of an exported or unexported type: the method
// set is reachable through interfaces) of the package.
func (st *state) exportedParamMW(o *types.Var) bool {
	if o.Kind() != types.ParamVar {
		return false
	}
	if st.paramOwner == nil {
		st.paramOwner = map[*types.Scope]*ast.FuncDecl{}
		for _, f := range st.pass.Files {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok {
					if sc := st.pass.TypesInfo.Scopes[fd.Type]; sc != nil {
						st.paramOwner[sc] = fd
					}
				}
			}
		}
	}
	fd := st.paramOwner[o.Parent()]
	return fd != nil && fd.Name.IsExported()
}

// unknownMW reports whether one of mws is handed in by callers out of
// sight: it may authorize.
func (st *state) unknownMW(mws []ast.Expr) bool {
	for _, m := range mws {
		if st.classifyMW(m, 0).unknown {
			return true
		}
	}
	return false
}
