package scopecheck

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Project-own handler adapters. Many services write their endpoints in
// a shape of their own (func(w, r, user), func(deps, webContext),
// func(ctx, req) (resp, error)) and turn them into http.Handlers with a
// function that authenticates, builds the arguments and calls the
// endpoint: shiori's ToHTTPHandler, an authed(h) helper, a generic
// JSON endpoint adapter. Such an adapter is a middleware for the
// endpoint it is given: at a registration the function argument is the
// endpoint, and the adapter call is a wrapper judged like any
// middleware.

// AdapterFact marks an exported function that returns a handler whose
// body calls one of the function's own function-typed parameters (not
// a handler): the argument given there is the endpoint it serves.
type AdapterFact struct {
	// Params are the indexes of the adapted parameters.
	Params []int
}

// AFact marks AdapterFact as an analysis fact.
func (*AdapterFact) AFact() {}

func (f *AdapterFact) String() string { return "adapter" }

// adaptedParams returns the indexes of fi's parameters that fi adapts:
// fi returns a handler, the parameter has a function type that is not
// a handler or middleware shape, and a handler literal nested in fi
// calls it.
func (st *state) adaptedParams(fi *fnInfo) []int {
	if fi.decl == nil || fi.sig == nil || !makesHandlers(fi.sig) {
		return nil
	}
	params := map[*types.Var]int{}
	for i := 0; i < fi.sig.Params().Len(); i++ {
		p := fi.sig.Params().At(i)
		t := p.Type()
		if fi.sig.Variadic() && i == fi.sig.Params().Len()-1 {
			continue
		}
		if _, ok := t.Underlying().(*types.Signature); !ok || isHandlerType(t) || isMWArgType(t) {
			continue
		}
		params[p] = i
	}
	if len(params) == 0 {
		return nil
	}
	info := st.pass.TypesInfo
	seen := map[int]bool{}
	var out []int
	ast.Inspect(fi.body, func(n ast.Node) bool {
		lit, ok := n.(*ast.FuncLit)
		if !ok {
			return true
		}
		sig, _ := info.TypeOf(lit).(*types.Signature)
		if signatureKind(sig) == notHandler {
			return true
		}
		ast.Inspect(lit.Body, func(m ast.Node) bool {
			call, ok := m.(*ast.CallExpr)
			if !ok {
				return true
			}
			v, ok := typeutil.Callee(info, call).(*types.Var)
			if !ok {
				if id, isID := ast.Unparen(call.Fun).(*ast.Ident); isID {
					v, _ = info.Uses[id].(*types.Var)
				}
			}
			if i, ok := params[v]; ok && !seen[i] {
				seen[i] = true
				out = append(out, i)
			}
			return true
		})
		return false
	})
	return out
}

// findAdapters records the adapters of the package and exports their
// facts.
func (st *state) findAdapters() {
	for _, fi := range st.fns {
		fi.adapts = st.adaptedParams(fi)
		for _, i := range fi.adapts {
			st.adaptedVars[fi.sig.Params().At(i)] = true
		}
		if len(fi.adapts) > 0 && fi.obj.Exported() {
			st.pass.ExportObjectFact(fi.obj, &AdapterFact{Params: fi.adapts})
		}
	}
}

// adapted returns the endpoint arguments of call when it calls an
// adapter, of this package or (through its fact) of another.
func (st *state) adapted(call *ast.CallExpr) []ast.Expr {
	fn, _ := typeutil.Callee(st.pass.TypesInfo, call).(*types.Func)
	if fn == nil {
		return nil
	}
	fn = fn.Origin()
	var idx []int
	if fi := st.byObj[fn]; fi != nil {
		idx = fi.adapts
	} else if fn.Pkg() != st.pass.Pkg && st.analyzed(fn) {
		var af AdapterFact
		if st.pass.ImportObjectFact(fn, &af) {
			idx = af.Params
		}
	} else if fn.Pkg() != st.pass.Pkg && !st.analyzed(fn) && !st.unanalyzedLocal(fn) && !st.std(fn) {
		idx = libraryAdapted(fn) // a dependency's adapter, by its signature (libadapter.go)
	}
	var out []ast.Expr
	for _, i := range idx {
		if i < len(call.Args) {
			out = append(out, call.Args[i])
		}
	}
	return out
}

// adaptedEndpoint reports whether t was handed to an adapter and has
// no framework handler shape, so that scopecheck/handler does not
// judge it at its declaration.
func (st *state) adaptedEndpoint(t target) bool {
	if !t.adapted {
		return false
	}
	if t.fi != nil {
		return t.fi.kind == notHandler
	}
	sig, ok := t.fn.Type().(*types.Signature)
	return ok && signatureKind(sig) == notHandler
}

// wrappedFields returns the handlers set in the fields of lit when lit
// builds a wrapper: a type whose ServeHTTP is a middleware (it calls
// the next handler, kept in one of its fields).
func (st *state) wrappedFields(lit *ast.CompositeLit) []ast.Expr {
	info := st.pass.TypesInfo
	t := info.TypeOf(lit)
	if t == nil || isRouterType(t) {
		return nil
	}
	if _, ok := t.Underlying().(*types.Struct); !ok {
		return nil
	}
	fn := serveHTTPMethod(t)
	if fn == nil {
		return nil
	}
	if fi := st.byObj[fn]; fi != nil {
		if !fi.delegates {
			return nil
		}
	} else {
		var mf MiddlewareFact
		if !st.analyzed(fn) || !st.pass.ImportObjectFact(fn, &mf) {
			return nil
		}
	}
	var out []ast.Expr
	for _, el := range lit.Elts {
		v := el
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			v = kv.Value
		}
		if vt := info.TypeOf(v); isHandlerType(vt) && !isRouterType(vt) {
			out = append(out, v)
		}
	}
	return out
}

// serveHTTPMethod returns the ServeHTTP method of t (or of *t).
func serveHTTPMethod(t types.Type) *types.Func {
	if t == nil {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(t), true, nil, "ServeHTTP")
	fn, _ := obj.(*types.Func)
	if fn == nil || signatureKind(fn.Type().(*types.Signature)) != httpHandler {
		return nil
	}
	return fn
}

// typeName names t for messages.
func typeName(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return t.String()
}

// funcTypeAdapter reports whether t is a function type of the program
// whose ServeHTTP method calls the function it is (type authHandler
// func(w, r, *User) with a ServeHTTP that authenticates and calls
// f(w, r, user)): converting an endpoint to t adapts it.
func (st *state) funcTypeAdapter(t types.Type) bool {
	if _, ok := t.Underlying().(*types.Signature); !ok {
		return false
	}
	fn := serveHTTPMethod(t)
	if fn == nil || st.std(fn) {
		return false
	}
	if fi := st.byObj[fn]; fi != nil {
		return fi.delegates
	}
	var mf MiddlewareFact
	return st.analyzed(fn) && st.pass.ImportObjectFact(fn, &mf)
}
