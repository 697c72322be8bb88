package scopecheck

import (
	"go/ast"
	"go/types"
	"strings"
)

// Route tables: services often list their routes in a slice of structs
// ({"DELETE /things/{id}", s.auth(s.deleteThing)}) and register them
// in a loop (mux.HandleFunc(rt.pattern, rt.handler)). A registration
// whose handler is a field of a struct type of the package stands for
// every composite literal of that type in the package: each element is
// judged as its own route, with the pattern read from the element when
// the registration's pattern is a field too, and reported at the
// element.

// at is where a finding about r is reported.
func (r *route) at() ast.Node {
	if r.entry != nil {
		return r.entry
	}
	return r.call
}

// expandTable returns the routes r stands for: r itself, or one route
// per element of the route table its handler is read from.
func (st *state) expandTable(r *route) []*route {
	info := st.pass.TypesInfo
	hf, ok := st.tableField(r.handler)
	if !ok {
		return []*route{r}
	}
	var pf *types.Var
	for _, a := range r.call.Args {
		if f, ok := st.tableField(a); ok && f != hf {
			if b, ok := f.Type().Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
				pf = f
			}
		}
	}
	owner := fieldOwner(hf)
	if owner == nil {
		return []*route{r}
	}
	var out []*route
	for _, f := range st.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok || !types.Identical(info.TypeOf(lit), owner) {
				return true
			}
			h := fieldValue(info, lit, hf)
			if h == nil {
				return true
			}
			e := *r
			e.entry, e.handler = lit, h
			if pf != nil {
				if p := fieldValue(info, lit, pf); p != nil {
					if v, ok := constString(info, p); ok {
						e.pattern = strings.TrimSpace(v + " " + r.pattern)
					}
				}
			}
			out = append(out, &e)
			return true
		})
	}
	if len(out) == 0 {
		return []*route{r}
	}
	return out
}

// tableField returns the field e reads when e is a field of a struct
// type declared in this package (rt.handler).
func (st *state) tableField(e ast.Expr) (*types.Var, bool) {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	s := st.pass.TypesInfo.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal || len(s.Index()) != 1 {
		return nil, false
	}
	f, ok := s.Obj().(*types.Var)
	if !ok || f.Pkg() != st.pass.Pkg {
		return nil, false
	}
	if _, isLocalVar := ast.Unparen(sel.X).(*ast.Ident); !isLocalVar {
		return nil, false // a receiver's field (s.handler) is one handler, not a table
	}
	return f, fieldOwner(f) != nil
}

// fieldOwner returns the named struct type f is a field of.
func fieldOwner(f *types.Var) types.Type {
	scope := f.Pkg().Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		if st, ok := tn.Type().Underlying().(*types.Struct); ok {
			for i := 0; i < st.NumFields(); i++ {
				if st.Field(i) == f {
					return tn.Type()
				}
			}
		}
	}
	return nil
}

// fieldValue returns the value lit gives field f, by key or position.
func fieldValue(info *types.Info, lit *ast.CompositeLit, f *types.Var) ast.Expr {
	st, ok := info.TypeOf(lit).Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	for i, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && info.Uses[id] == f {
				return kv.Value
			}
			continue
		}
		if i < st.NumFields() && st.Field(i) == f {
			return el
		}
	}
	return nil
}
