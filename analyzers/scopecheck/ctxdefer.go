package scopecheck

import (
	"go/ast"
	"go/types"
	"sort"

	"golang.org/x/tools/go/types/typeutil"
)

// Authorization in the service layer, through the request context.
//
// The authenticated caller often travels in the request context: the
// middleware stores it (request.WithUser(ctx, u)) and the service or
// repository reads it back (request.UserFrom(ctx)) and rejects or
// filters on it (the owner compared with the caller, a query restricted
// to the caller's rows). A handler that hands the request context to
// such code is authorized there, out of the handler's sight.
//
// The general rule: when a handler passes the request context to a
// callee it can see (a function of an analyzed package, or an interface
// method whose implementations sit in the interface's package), the
// callee's summary decides as for any call: an owner or role check
// there is credited through AuthorizesFact, no check is none, and
// reading the caller without deciding anything is no check either.
// When the callee cannot be seen (an interface method of the module
// with no implementation in its package, such as a DataStore the
// persistence layer implements in a package the handler's package does
// not import, or a function that passes the context on to one), whether
// the request is authorized is unknown, and unknown is not reported.
// This holds only where the module reads a caller from a context at all
// (a function of an analyzed package returns the caller read from a
// context.Context, recorded in the package's AnalyzedFact): without one,
// a context carries deadlines, not a principal. A context that is not
// the request's (context.Background(), context.TODO()) carries no
// caller, and passing it defers nothing.

// DefersFact marks a function, or an interface method, that hands the
// request context on to code whose authorization scopecheck cannot see.
type DefersFact struct {
	// To names the code the context is handed to.
	To string
}

// AFact marks DefersFact as an analysis fact.
func (*DefersFact) AFact() {}

func (f *DefersFact) String() string { return "defers(" + f.To + ")" }

// noteContextCall records fn as a callee given the request context.
func (s *scan) noteContextCall(fn *types.Func, call *ast.CallExpr) {
	if s.passesContext(fn, call) {
		s.fi.ctxCalls = append(s.fi.ctxCalls, fn)
	}
}

// passesContext reports whether call gives a context.Context parameter
// of fn a context other than a fresh one.
func (s *scan) passesContext(fn *types.Func, call *ast.CallExpr) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	for i, a := range call.Args {
		if i >= sig.Params().Len() || (sig.Variadic() && i == sig.Params().Len()-1) {
			break
		}
		if isNamed(sig.Params().At(i).Type(), pkgContext, "Context") && !s.freshContext(a, 0) {
			return true
		}
	}
	return false
}

// freshContext reports whether e is context.Background() or
// context.TODO(), directly or through a variable only ever assigned one.
func (s *scan) freshContext(e ast.Expr, depth int) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(s.info, e).(*types.Func)
		return ok && funcPath(fn) == pkgContext && (fn.Name() == "Background" || fn.Name() == "TODO")
	case *ast.Ident:
		rhs := s.assigns[s.info.ObjectOf(e)]
		if depth > 3 || len(rhs) == 0 {
			return false
		}
		for _, r := range rhs {
			if !s.freshContext(r, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// takesContext reports whether fn has a context.Context parameter.
func takesContext(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if isNamed(sig.Params().At(i).Type(), pkgContext, "Context") {
			return true
		}
	}
	return false
}

// defersVia returns what fi, or a function of its package it calls,
// hands the request context to that scopecheck cannot see, or "". A
// function that authorizes or scopes its work to the caller itself has
// a verdict and defers nothing.
func (st *state) defersVia(fi *fnInfo) string {
	if st.defers == nil {
		st.defers = map[*fnInfo]string{}
	}
	if d, ok := st.defers[fi]; ok {
		return d
	}
	st.defers[fi] = "" // in progress: a cycle defers nothing by itself
	d := ""
	if fi.authz == "" && fi.owns == "" {
		for _, c := range fi.ctxCalls {
			if d = st.defersTo(c); d != "" {
				break
			}
		}
		for _, c := range fi.callees {
			if d != "" {
				break
			}
			if ci := st.byObj[c]; ci != nil && ci != fi {
				d = st.defersVia(ci)
			}
		}
	}
	st.defers[fi] = d
	return d
}

// defersTo returns what fn, given the request context, leaves unseen:
// an interface method of an analyzed package with no implementation in
// its package, or code whose DefersFact says so; "" when fn's verdict
// is known.
func (st *state) defersTo(fn *types.Func) string {
	if fn.Pkg() == nil || !st.analyzed(fn) {
		return ""
	}
	if fn.Pkg() != st.pass.Pkg {
		var df DefersFact
		if st.pass.ImportObjectFact(fn, &df) {
			return shortName(fn) + " (" + df.To + ")"
		}
		return ""
	}
	if !isAbstract(fn) {
		return "" // a function of the package: followed through its callees
	}
	if d := st.ifaceDefers(fn); d != "" {
		return shortName(fn) + " (" + d + ")"
	}
	return ""
}

// ifaceDefers returns why the interface method m of the package leaves
// its authorization unseen: it takes a context and has no
// implementation in the package, or an implementation that neither
// authorizes nor scopes its work defers.
func (st *state) ifaceDefers(m *types.Func) string {
	sig := m.Type().(*types.Signature)
	named, _ := types.Unalias(sig.Recv().Type()).(*types.Named)
	if named == nil {
		return ""
	}
	impls := st.implementations(named)
	if len(impls) == 0 {
		if takesContext(m) {
			return "implemented outside " + m.Pkg().Name()
		}
		return ""
	}
	for _, c := range impls {
		obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(c), true, st.pass.Pkg, m.Name())
		fn, _ := obj.(*types.Func)
		if fi := st.byObj[fn]; fi != nil {
			if d := st.defersVia(fi); d != "" {
				return via(d, fi)
			}
		}
	}
	return ""
}

// implementations returns the concrete types of the package that
// implement the interface in (as pointers).
func (st *state) implementations(in *types.Named) []*types.Named {
	it, ok := in.Underlying().(*types.Interface)
	if !ok || it.NumMethods() == 0 {
		return nil
	}
	_, concrete := st.packageTypes()
	var out []*types.Named
	for _, c := range concrete {
		if types.Implements(types.NewPointer(c), it) {
			out = append(out, c)
		}
	}
	return out
}

// packageTypes returns the package's named, non-generic interface and
// concrete types, found once per run.
func (st *state) packageTypes() (ifaces, concrete []*types.Named) {
	if st.named == nil {
		st.named = &pkgTypes{}
		scope := st.pass.Pkg.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			n, ok := tn.Type().(*types.Named)
			if !ok || n.TypeParams().Len() > 0 {
				continue
			}
			if types.IsInterface(n) {
				st.named.ifaces = append(st.named.ifaces, n)
			} else {
				st.named.concrete = append(st.named.concrete, n)
			}
		}
	}
	return st.named.ifaces, st.named.concrete
}

// pkgTypes is what packageTypes found.
type pkgTypes struct{ ifaces, concrete []*types.Named }

// callerInContext returns the function of the module found to return
// the caller read from a context.Context (in this package or an
// analyzed one it imports), or "": the sign that a context handed to
// the service layer carries a principal.
func (st *state) callerInContext() string {
	if st.ctxCallerFn != nil {
		return *st.ctxCallerFn
	}
	found := st.localCtxCaller()
	if found == "" {
		var names []string
		for _, pf := range st.pass.AllPackageFacts() {
			if af, ok := pf.Fact.(*AnalyzedFact); ok && af.CtxCaller != "" {
				names = append(names, pf.Package.Name()+"."+af.CtxCaller)
			}
		}
		sort.Strings(names)
		if len(names) > 0 {
			found = names[0]
		}
	}
	st.ctxCallerFn = &found
	return found
}

// localCtxCaller returns the name of a function of the package that
// returns the caller read from a context.Context parameter, or "".
func (st *state) localCtxCaller() string {
	for _, fi := range st.fns {
		if fi.obj != nil && fi.ctxCaller && takesContext(fi.obj) {
			return fi.name()
		}
	}
	return ""
}

// serviceUnknown returns, when the module carries the caller in the
// request context, what fi hands that context to out of sight, or "".
func (st *state) serviceUnknown(fi *fnInfo) string {
	d := st.defersVia(fi)
	if d == "" || st.callerInContext() == "" {
		return ""
	}
	return d
}

// exportDefersFacts exports DefersFact for the package's exported
// functions and interface methods whose authorization is out of sight,
// and records in the package fact a function reading the caller from a
// context.
func (st *state) exportDefersFacts() {
	st.pass.ExportPackageFact(&AnalyzedFact{CtxCaller: st.localCtxCaller()})
	for _, fi := range st.fns {
		if fi.obj == nil || !fi.obj.Exported() || isAbstract(fi.obj) {
			continue
		}
		if d := st.defersVia(fi); d != "" {
			st.pass.ExportObjectFact(fi.obj, &DefersFact{To: via(d, fi)})
		}
	}
	ifaces, _ := st.packageTypes()
	for _, n := range ifaces {
		if !n.Obj().Exported() {
			continue // an unexported interface is judged in the package (ifaceDefers)
		}
		it := n.Underlying().(*types.Interface)
		for i := 0; i < it.NumMethods(); i++ {
			m := it.Method(i)
			if m.Pkg() != st.pass.Pkg {
				continue // embedded from another package
			}
			if d := st.ifaceDefers(m); d != "" {
				st.pass.ExportObjectFact(m, &DefersFact{To: d})
			}
		}
	}
}
