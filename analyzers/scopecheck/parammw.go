package scopecheck

import (
	"go/ast"
	"go/types"
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
// unexported function's callers are in the package; the name hint is
// kept for it as before.

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
