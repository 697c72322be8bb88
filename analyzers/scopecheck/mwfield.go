package scopecheck

import (
	"fmt"
	"go/ast"
	"go/types"
)

// A middleware held in a struct field of a function type,
//
//	type RouterHelper struct{ AuthMiddleware mux.MiddlewareFunc }
//	helper := &RouterHelper{AuthMiddleware: s.authMiddleware}
//	s.authMiddleware = NewBasicAuth(cfg.User, cfg.Password).Middleware
//
// and used by route-registering code elsewhere (sub.Use(h.AuthMiddleware)),
// is the middleware its package puts there: the field is judged by the
// values assigned to it in its own package, every one of them, and a
// package using the field of another analyzed package reads that
// verdict from FieldMiddlewareFact. Only a field with no value in sight
// (set by another package, or by nobody) is judged by its name as
// before.

// FieldMiddlewareFact marks an exported struct field of a middleware
// type whose every value assigned in its package is a middleware that
// authenticates or authorizes.
type FieldMiddlewareFact struct {
	Authenticates bool
	Authorizes    bool
	Check         string
}

// AFact marks FieldMiddlewareFact as an analysis fact.
func (*FieldMiddlewareFact) AFact() {}

func (f *FieldMiddlewareFact) String() string {
	return fmt.Sprintf("fieldmw(authn=%v authz=%v %s)", f.Authenticates, f.Authorizes, f.Check)
}

// fieldValues returns, for every struct field of a middleware type
// declared in the package, the values the package assigns to it
// (x.F = v, T{F: v}).
func (st *state) fieldValues() map[*types.Var][]ast.Expr {
	if st.mwFields != nil {
		return st.mwFields
	}
	st.mwFields = map[*types.Var][]ast.Expr{}
	info := st.pass.TypesInfo
	field := func(obj types.Object) *types.Var {
		v, ok := obj.(*types.Var)
		if !ok || !v.IsField() || v.Pkg() != st.pass.Pkg || !isMWArgType(v.Type()) {
			return nil
		}
		return v
	}
	for _, f := range st.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) != len(n.Rhs) {
					return true
				}
				for i, l := range n.Lhs {
					sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
					if !ok {
						continue
					}
					if s := info.Selections[sel]; s != nil && s.Kind() == types.FieldVal {
						if v := field(s.Obj()); v != nil {
							st.mwFields[v] = append(st.mwFields[v], n.Rhs[i])
						}
					}
				}
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok {
					if v := field(info.Uses[id]); v != nil {
						st.mwFields[v] = append(st.mwFields[v], n.Value)
					}
				}
			}
			return true
		})
	}
	return st.mwFields
}

// fieldMWVerdict judges the middleware field o by its values (see
// above); ok is false when they give no verdict.
func (st *state) fieldMWVerdict(o *types.Var, depth int) (mwVerdict, bool) {
	v := mwVerdict{name: o.Name()}
	if o.Pkg() != st.pass.Pkg {
		var ff FieldMiddlewareFact
		if !st.pass.ImportObjectFact(o, &ff) {
			return v, false
		}
		if ff.Authenticates {
			v.authn = ff.Check
		}
		if ff.Authorizes {
			v.authz = ff.Check
		}
		return v, true
	}
	vals := st.fieldValues()[o]
	if len(vals) == 0 {
		return v, false
	}
	for i, e := range vals {
		w := st.classifyMW(e, depth+1)
		if w.authn == "" && w.authz == "" || w.unknown {
			return v, false
		}
		if i == 0 {
			v.authn, v.authz = w.authn, w.authz
			continue
		}
		// Every value must authenticate (authorize) for the field to.
		if w.authn == "" {
			v.authn = ""
		}
		if w.authz == "" {
			v.authz = ""
		}
	}
	return v, v.authn != "" || v.authz != ""
}

// exportFieldMWFacts exports FieldMiddlewareFact on the package's
// exported middleware fields that have a verdict.
func (st *state) exportFieldMWFacts() {
	for o := range st.fieldValues() {
		if !o.Exported() {
			continue
		}
		v, ok := st.fieldMWVerdict(o, 0)
		if !ok {
			continue
		}
		check := v.authz
		if check == "" {
			check = v.authn
		}
		st.pass.ExportObjectFact(o, &FieldMiddlewareFact{Authenticates: v.authn != "", Authorizes: v.authz != "", Check: check})
	}
}
