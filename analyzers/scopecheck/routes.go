package scopecheck

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/textual"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// This file follows route registrations: which middleware each route is
// registered under (router Use calls, chi With/Group/Route, gin and echo
// groups, wrapped handlers and wrapped routers) and what its handler
// does.

// mwVerdict is what a middleware does to the requests it passes on.
type mwVerdict struct {
	name         string
	authn, authz string
	// unknown: a middleware handed in by callers out of sight
	// (parammw.go); whether it authorizes cannot be decided.
	unknown bool
}

// routerKey returns the object standing for a router expression: a
// variable, a struct field or a package variable such as
// http.DefaultServeMux.
func (st *state) routerKey(e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return st.pass.TypesInfo.ObjectOf(e)
	case *ast.SelectorExpr:
		if sel := st.pass.TypesInfo.Selections[e]; sel != nil {
			if sel.Kind() == types.FieldVal {
				return sel.Obj()
			}
			return nil
		}
		return st.pass.TypesInfo.ObjectOf(e.Sel)
	}
	return nil
}

// isMWArgType reports whether an argument of type t, given to Use,
// With or Group, is a middleware.
func isMWArgType(t types.Type) bool {
	if t == nil {
		return false
	}
	sig, ok := t.Underlying().(*types.Signature)
	if !ok {
		return false
	}
	k := signatureKind(sig)
	return isMiddlewareSig(sig) || k == ginHandler || k == fiberHandler
}

// isRouterMethod reports whether fn is a method of a router type (or a
// router interface) of a supported framework.
func isRouterMethod(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	return isRouterType(sig.Recv().Type())
}

// collectRouters records, for every router in the package, the
// middleware added with Use, the calls that wrap it in a middleware,
// and the router it derives from.
func (st *state) collectRouters(files []*ast.File) {
	info := st.pass.TypesInfo
	addInit := func(lhs ast.Expr, rhs ast.Expr) {
		if id, ok := ast.Unparen(lhs).(*ast.Ident); ok && id.Name != "_" {
			if obj := info.ObjectOf(id); obj != nil {
				if _, seen := st.inits[obj]; !seen {
					st.inits[obj] = rhs
				}
			}
		} else if key := st.routerKey(lhs); key != nil {
			if _, seen := st.inits[key]; !seen {
				st.inits[key] = rhs
			}
		}
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i := range n.Lhs {
						addInit(n.Lhs[i], n.Rhs[i])
					}
				} else if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok && len(n.Rhs) == 1 {
					if id, ok := n.Lhs[0].(*ast.Ident); ok {
						if obj := info.ObjectOf(id); obj != nil && st.firstOf[obj] == nil {
							st.firstOf[obj] = call
						}
					}
				}
			case *ast.ValueSpec:
				if len(n.Names) == len(n.Values) {
					for i := range n.Names {
						addInit(n.Names[i], n.Values[i])
					}
				}
			case *ast.KeyValueExpr:
				// Router fields set in a composite literal:
				// &Server{router: r}.
				if id, ok := n.Key.(*ast.Ident); ok {
					if obj, ok := info.Uses[id].(*types.Var); ok && obj.IsField() && isRouterType(obj.Type()) {
						if _, seen := st.inits[obj]; !seen {
							st.inits[obj] = n.Value
						}
					}
				}
			case *ast.CallExpr:
				st.routerCall(n)
			}
			return true
		})
	}
}

func (st *state) routerCall(call *ast.CallExpr) {
	info := st.pass.TypesInfo
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn != nil && isRouterMethod(fn) {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return
		}
		switch fn.Name() {
		case "Use":
			// gin's and fiber's Use return the router they were called
			// on: g.Use(authn).Use(authz) adds both to g.
			recv := sel.X
			for {
				inner, ok := ast.Unparen(recv).(*ast.CallExpr)
				if !ok {
					break
				}
				ifn, _ := typeutil.Callee(info, inner).(*types.Func)
				isel, ok := ast.Unparen(inner.Fun).(*ast.SelectorExpr)
				if ifn == nil || !ok || ifn.Name() != "Use" || !isRouterMethod(ifn) {
					break
				}
				recv = isel.X
			}
			if key := st.routerKey(recv); key != nil {
				st.uses[key] = append(st.uses[key], call.Args...)
			}
			for _, a := range call.Args {
				st.useArgs[ast.Unparen(a)] = true
			}
		case "Group", "Route":
			// chi: r.Group(func(r chi.Router) {...}) and
			// r.Route("/p", func(r chi.Router) {...}) hand a router
			// deriving from r to the literal.
			for _, a := range call.Args {
				if lit, ok := ast.Unparen(a).(*ast.FuncLit); ok && len(lit.Type.Params.List) > 0 && len(lit.Type.Params.List[0].Names) > 0 {
					if obj := info.Defs[lit.Type.Params.List[0].Names[0]]; obj != nil {
						st.parents[obj] = append(st.parents[obj], sel.X)
					}
				}
			}
		}
		return
	}
	// A router passed to a function of the package: its parameter
	// derives from the argument.
	if fn != nil {
		if fi := st.byObj[fn]; fi != nil && fi.decl != nil {
			params := fi.decl.Type.Params.List
			i := 0
			for _, field := range params {
				names := field.Names
				if len(names) == 0 {
					i++
					continue
				}
				for _, name := range names {
					if i < len(call.Args) && isRouterType(info.TypeOf(call.Args[i])) {
						if obj := info.Defs[name]; obj != nil {
							st.parents[obj] = append(st.parents[obj], call.Args[i])
						}
					}
					i++
				}
			}
		}
	}
	// A router wrapped in a middleware: authn(mux), or
	// http.ListenAndServe(addr, authn(authz(mux))). A middleware given
	// to Use that is built from the router (gin's
	// r.Use(RestAuthentication(r, …)), which dispatches to it again)
	// does not wrap it: it applies to the routes registered after it.
	if !isHandlerType(info.TypeOf(call)) || st.useArgs[call] {
		return
	}
	for _, a := range call.Args {
		base := a
		for {
			inner, ok := ast.Unparen(base).(*ast.CallExpr)
			if !ok || !isHandlerType(info.TypeOf(inner)) {
				break
			}
			next := handlerArg(info, inner)
			if next == nil {
				break
			}
			base = next
		}
		// fasthttp serves a router through its Handler method value:
		// fhAuthn(r.Handler) wraps the router r.
		if sel, ok := ast.Unparen(base).(*ast.SelectorExpr); ok && !isRouterType(info.TypeOf(base)) {
			if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodVal && isRouterType(info.TypeOf(sel.X)) {
				base = sel.X
			}
		}
		if !isRouterType(info.TypeOf(base)) {
			continue
		}
		if key := st.routerKey(base); key != nil && !st.isStdWrapper(fn) {
			st.wraps[key] = append(st.wraps[key], call)
		}
	}
}

// handlerArg returns the first argument of call that is a handler
// given as the next handler: the parameter receiving it is a handler
// (isNextHandlerType), not a service that also serves HTTP.
func handlerArg(info *types.Info, call *ast.CallExpr) ast.Expr {
	var sig *types.Signature
	if t := info.TypeOf(call.Fun); t != nil {
		sig, _ = t.Underlying().(*types.Signature)
	}
	for i, a := range call.Args {
		if !isHandlerType(info.TypeOf(a)) {
			continue
		}
		if sig != nil && sig.Params().Len() > 0 {
			pi := min(i, sig.Params().Len()-1)
			pt := sig.Params().At(pi).Type()
			if sig.Variadic() && pi == sig.Params().Len()-1 {
				if s, ok := pt.(*types.Slice); ok {
					pt = s.Elem()
				}
			}
			if !isNextHandlerType(pt) {
				continue
			}
		}
		return a
	}
	return nil
}

// isStdWrapper reports whether fn is a standard-library handler wrapper
// that does not authenticate (StripPrefix, TimeoutHandler).
func (st *state) isStdWrapper(fn *types.Func) bool {
	return fn != nil && st.std(fn)
}

// routerMW returns the middleware expressions a router expression is
// under.
//
// before is the position of the registration: gin, echo and chi apply a
// Use only to the routes registered after it, so a Use later in the
// same file does not count (gorilla/mux applies middleware when it
// dispatches, so order does not matter there).
func (st *state) routerMW(e ast.Expr, seen map[types.Object]bool, depth int, before token.Pos) []ast.Expr {
	if depth > 12 {
		return nil
	}
	info := st.pass.TypesInfo
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.Ident, *ast.SelectorExpr:
		key := st.routerKey(x)
		if key == nil || seen[key] {
			return nil
		}
		seen[key] = true
		var out []ast.Expr
		ordered := !isMuxRouter(key.Type())
		for _, u := range st.uses[key] {
			if ordered && before.IsValid() && u.Pos() > before && st.pass.Fset.File(u.Pos()) == st.pass.Fset.File(before) {
				continue
			}
			out = append(out, u)
		}
		out = append(out, st.wraps[key]...)
		for _, p := range st.parents[key] {
			out = append(out, st.routerMW(p, seen, depth+1, before)...)
		}
		if init := st.inits[key]; init != nil {
			out = append(out, st.routerMW(init, seen, depth+1, before)...)
		}
		return out
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(info, x).(*types.Func)
		sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
		if fn == nil || !ok || !isRouterMethod(fn) {
			return nil
		}
		var out []ast.Expr
		for _, a := range x.Args {
			if isMWArgType(info.TypeOf(a)) {
				out = append(out, a)
			}
		}
		return append(out, st.routerMW(sel.X, seen, depth+1, before)...)
	}
	return nil
}

// route is one registration.
type route struct {
	call *ast.CallExpr
	// entry is the element of a route table the registration takes
	// its handler from (table.go), reported instead of the call.
	entry   ast.Node
	pattern string
	router  ast.Expr   // nil for http.Handle and http.HandleFunc
	handler ast.Expr   // the endpoint
	extra   []ast.Expr // middleware given at the registration (gin, echo)
	method  string     // gorilla's .Methods("GET") chained on it (perroute.go)
}

var routeVerbs = map[string]bool{
	"Get": true, "Post": true, "Put": true, "Patch": true, "Delete": true, "Head": true, "Options": true, "Connect": true, "Trace": true,
	"GET": true, "POST": true, "PUT": true, "PATCH": true, "DELETE": true, "HEAD": true, "OPTIONS": true, "CONNECT": true, "TRACE": true,
	"Any": true, "Match": true, "Add": true, "Method": true, "MethodFunc": true, "Handle": true, "HandleFunc": true,
	"Handler": true, "HandlerFunc": true, "RouteNotFound": true, "All": true,
}

// registration recognises a route registration.
func (st *state) registration(call *ast.CallExpr) (*route, bool) {
	info := st.pass.TypesInfo
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || !routeVerbs[fn.Name()] {
		return nil, false
	}
	path := funcPath(fn)
	r := &route{call: call}
	switch {
	case path == pkgHTTP && recvName(fn) == "" && (fn.Name() == "Handle" || fn.Name() == "HandleFunc"):
		r.router = nil
	case isRouterMethod(fn):
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil, false
		}
		r.router = sel.X
	default:
		return nil, false
	}
	var consts []string
	var handlers []ast.Expr
	for _, a := range call.Args {
		if s, ok := constString(info, a); ok {
			consts = append(consts, s)
			continue
		}
		if s, ok := basePathed(info, a); ok {
			consts = append(consts, s)
			continue
		}
		t := info.TypeOf(a)
		switch {
		case isRouterType(t):
			return nil, false // mounting a sub-router: its routes are registered where it is built
		case isHandlerType(t):
			handlers = append(handlers, a)
		case isMWArgType(t):
			r.extra = append(r.extra, a)
		}
	}
	if len(handlers) == 0 {
		return nil, false
	}
	switch {
	case path == pkgGin, isFiberPath(path):
		// gin and fiber: the last handler is the endpoint, the others
		// run before it as middleware.
		r.handler = handlers[len(handlers)-1]
		r.extra = append(r.extra, handlers[:len(handlers)-1]...)
	default:
		r.handler = handlers[0]
	}
	r.pattern = strings.Join(consts, " ")
	if r.pattern == "" && r.router != nil {
		// gorilla's r.PathPrefix("/ui/").Handler(h) and
		// r.Path("/x").HandlerFunc(f): the pattern is the route's.
		if c, ok := ast.Unparen(r.router).(*ast.CallExpr); ok {
			if pf, _ := typeutil.Callee(info, c).(*types.Func); pf != nil && (pf.Name() == "PathPrefix" || pf.Name() == "Path") && len(c.Args) == 1 {
				if s, ok := constString(info, c.Args[0]); ok {
					r.pattern = s
				}
			}
		}
	}
	return r, true
}

// basePathed returns the constant path of a pattern written as a base
// path set at run time joined with a constant (util.BasePath+"/users"):
// the route's place under that base.
func basePathed(info *types.Info, e ast.Expr) (string, bool) {
	b, ok := ast.Unparen(e).(*ast.BinaryExpr)
	if !ok || b.Op != token.ADD {
		return "", false
	}
	if t, ok := info.TypeOf(b).Underlying().(*types.Basic); !ok || t.Info()&types.IsString == 0 {
		return "", false
	}
	s, ok := constString(info, b.Y)
	if !ok || !strings.HasPrefix(s, "/") {
		return "", false
	}
	return s, true
}

func constString(info *types.Info, e ast.Expr) (string, bool) {
	return textual.ConstString(info, e)
}

// target is an endpoint a registration resolves to.
type target struct {
	fi *fnInfo     // a function of this package
	fn *types.Func // a function of another package
	// adapted says the endpoint was handed to a project-own adapter:
	// its shape is the project's, not a framework's.
	adapted bool
}

// unwrap resolves a registered handler expression to its endpoints and
// the middleware calls wrapped around it.
func (st *state) unwrap(e ast.Expr, depth int) (targets []target, wrappers []ast.Expr) {
	if depth > 8 {
		return nil, nil
	}
	info := st.pass.TypesInfo
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.FuncLit:
		if fi := st.byLit[x]; fi != nil {
			return []target{{fi: fi}}, nil
		}
	case *ast.UnaryExpr:
		return st.unwrap(x.X, depth+1)
	case *ast.CompositeLit:
		if inner := st.wrappedFields(x); len(inner) > 0 {
			// A wrapper type: &Authenticated{Next: h}, whose ServeHTTP
			// checks the request and calls the handler in its field.
			var targets []target
			var wrappers []ast.Expr
			for _, h := range inner {
				t, w := st.unwrap(h, depth+1)
				targets = append(targets, t...)
				wrappers = append(wrappers, w...)
			}
			return targets, append(wrappers, x)
		}
		return st.serveHTTPOf(info.TypeOf(x)), nil
	case *ast.Ident, *ast.SelectorExpr:
		var obj types.Object
		if id, ok := x.(*ast.Ident); ok {
			obj = info.ObjectOf(id)
		} else {
			sel := x.(*ast.SelectorExpr)
			if s := info.Selections[sel]; s != nil {
				obj = s.Obj()
			} else {
				obj = info.ObjectOf(sel.Sel)
			}
		}
		switch o := obj.(type) {
		case *types.Func:
			if fi := st.byObj[o]; fi != nil {
				return []target{{fi: fi}}, nil
			}
			return []target{{fn: o}}, nil
		case *types.Var:
			if init := st.inits[o]; init != nil {
				if t, w := st.unwrap(init, depth+1); len(t) > 0 {
					return t, w
				}
			}
			return st.serveHTTPOf(o.Type()), nil
		}
	case *ast.CallExpr:
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			t, w := st.unwrap(x.Args[0], depth+1)
			if st.funcTypeAdapter(tv.Type) {
				// authHandler(h): a function type whose ServeHTTP
				// authenticates and calls the function.
				for i := range t {
					t[i].adapted = true
				}
				return t, append(w, x)
			}
			return t, w
		}
		fn, _ := typeutil.Callee(info, x).(*types.Func)
		if eps := st.adapted(x); len(eps) > 0 {
			// A project-own adapter: authed(s.deleteNote),
			// ToHTTPHandler(deps, api.DeleteTag, mws...).
			var targets []target
			var wrappers []ast.Expr
			for _, ep := range eps {
				t, w := st.unwrap(ep, depth+1)
				for i := range t {
					t[i].adapted = true
				}
				targets = append(targets, t...)
				wrappers = append(wrappers, w...)
			}
			return targets, append(wrappers, x)
		}
		if h := handlerArg(info, x); h != nil && !isRouterType(info.TypeOf(h)) {
			// A wrapper: authn(h), requireScope("x", h), mw("x")(h).
			t, w := st.unwrap(h, depth+1)
			if fn != nil && st.std(fn) {
				return t, w
			}
			return t, append(append(w, x), composedMW(info, x, h)...)
		}
		if fn != nil {
			// A factory: handlers.GetOrder(store) returns the endpoint.
			if fi := st.byObj[fn]; fi != nil {
				return []target{{fi: fi}}, nil
			}
			return []target{{fn: fn}}, nil
		}
	}
	return nil, nil
}

// composedMW returns the middleware a composing helper is given beside
// the handler h: chain(h, authn, requireRole("admin")) or
// alice-style compose(h, mws...) with the middleware listed. The helper
// applies them, so each wraps the route as if written authn(requireRole(h)).
func composedMW(info *types.Info, call *ast.CallExpr, h ast.Expr) []ast.Expr {
	var out []ast.Expr
	for _, a := range call.Args {
		if a != h && isMWArgType(info.TypeOf(a)) {
			out = append(out, a)
		}
	}
	return out
}

// serveHTTPOf returns the ServeHTTP method of t as a target.
func (st *state) serveHTTPOf(t types.Type) []target {
	if t == nil || isRouterType(t) {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "ServeHTTP")
	fn, ok := obj.(*types.Func)
	if !ok {
		return nil
	}
	if fi := st.byObj[fn]; fi != nil {
		return []target{{fi: fi}}
	}
	return []target{{fn: fn}}
}

// classifyMW says whether a middleware expression authenticates and
// authorizes.
func (st *state) classifyMW(e ast.Expr, depth int) mwVerdict {
	if depth > 6 {
		return mwVerdict{}
	}
	info := st.pass.TypesInfo
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.FuncLit:
		if fi := st.byLit[x]; fi != nil {
			return mwVerdict{name: "func literal", authn: fi.mwAuthn(), authz: st.mwAuthz(fi)}
		}
	case *ast.UnaryExpr:
		return st.classifyMW(x.X, depth+1)
	case *ast.CompositeLit:
		// A wrapper type's ServeHTTP judged as the middleware it is.
		if fn := serveHTTPMethod(info.TypeOf(x)); fn != nil {
			v := st.funcVerdict(fn, nil)
			v.name = typeName(info.TypeOf(x))
			return v
		}
	case *ast.Ident, *ast.SelectorExpr:
		var obj types.Object
		if id, ok := x.(*ast.Ident); ok {
			obj = info.ObjectOf(id)
		} else {
			sel := x.(*ast.SelectorExpr)
			if s := info.Selections[sel]; s != nil {
				obj = s.Obj()
			} else {
				obj = info.ObjectOf(sel.Sel)
			}
		}
		switch o := obj.(type) {
		case *types.Func:
			return st.funcVerdict(o, nil)
		case *types.Var:
			if o.IsField() {
				if v, ok := st.fieldMWVerdict(o, depth); ok {
					return v // mwfield.go
				}
			}
			if init := st.inits[o]; init != nil {
				if v := st.classifyMW(init, depth+1); v.authn != "" || v.authz != "" {
					v.name = o.Name()
					return v
				}
				if st.libraryLoaderCall(init) {
					// keyAuth = auth.Add(loader): the value says what
					// it is, a library's middleware out of sight, and
					// its name adds nothing.
					return mwVerdict{name: o.Name()}
				}
				if call, ok := ast.Unparen(init).(*ast.CallExpr); ok {
					if fn, ok := typeutil.Callee(info, call).(*types.Func); ok && st.byObj[fn] != nil {
						// Made by a middleware of the package, whose body
						// was judged (an optional authentication lets
						// anonymous requests through): the variable's
						// name (fallbackAuthMw) adds nothing.
						return mwVerdict{name: o.Name()}
					}
				}
			}
			v := mwVerdict{name: o.Name()}
			if st.csrfInit(st.inits[o]) {
				// protect := csrf.Protect(key): named for what it
				// protects against, not for authentication.
				return v
			}
			if cv, ok := st.callerArgsMW(o, depth); ok {
				cv.name = o.Name()
				return cv // parammw.go
			}
			if authzNameHint(o.Name()) {
				v.authz = o.Name()
			} else if authnMiddlewareHint(o.Name()) {
				v.authn = o.Name()
				v.unknown = st.exportedParamMW(o)
			}
			return v
		}
	case *ast.CallExpr:
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			if st.funcTypeAdapter(tv.Type) {
				v := st.funcVerdict(serveHTTPMethod(tv.Type), nil)
				v.name = typeName(tv.Type)
				return v
			}
			return st.classifyMW(x.Args[0], depth+1)
		}
		var v mwVerdict
		libraryOutOfSight := false
		if fn, ok := typeutil.Callee(info, x).(*types.Func); ok {
			v = st.funcVerdict(fn, x)
			libraryOutOfSight = v.authn == "" && v.authz == "" && st.outOfSight(fn)
		} else {
			v = st.classifyMW(x.Fun, depth+1)
		}
		// Literals given to a middleware constructor (a key validator,
		// a claims check) are part of the middleware. Not when the
		// constructor is a library's that scopecheck knows nothing of
		// (zgo.at/zhttp/auth.Add(loader)): whether it turns a request
		// away when the literal fails, or lets it through without a
		// user (a request without the cookie), is decided out of sight;
		// a later middleware that rejects requests with no stored
		// caller is what authenticates them (a library's middleware out of sight).
		for _, a := range x.Args {
			if lit, ok := ast.Unparen(a).(*ast.FuncLit); ok {
				if libraryOutOfSight && !st.answersItself(lit) {
					continue
				}
				if fi := st.byLit[lit]; fi != nil {
					if v.authn == "" && fi.authn != "" {
						v.authn = fi.authn
					}
					if v.authz == "" && fi.authz != "" {
						v.authz = fi.authz
					}
				}
			}
		}
		return v
	}
	return mwVerdict{}
}

// funcVerdict says whether the middleware fn makes (called as call,
// which may be nil) authenticates and authorizes.
func (st *state) funcVerdict(fn *types.Func, call *ast.CallExpr) mwVerdict {
	v := mwVerdict{name: shortName(fn)}
	switch fi := st.byObj[fn]; {
	case fi != nil:
		v.authn, v.authz = fi.mwAuthn(), st.mwAuthz(fi)
		if v.authn == "" && v.authz == "" {
			// A factory: what it returns decides (mwfactory.go).
			v.authn, v.authz, _ = st.factoryVerdict(fi)
		}
	case !isAbstract(fn) && st.analyzed(fn):
		var mf MiddlewareFact
		if st.pass.ImportObjectFact(fn, &mf) {
			if mf.Authenticates {
				v.authn = mf.Check
			}
			if mf.Authorizes {
				v.authz = mf.Check
			}
		} else {
			var af AuthenticatesFact
			if st.pass.ImportObjectFact(fn, &af) {
				v.authn = af.Check
			}
			var zf AuthorizesFact
			if st.pass.ImportObjectFact(fn, &zf) && !zf.Ownership {
				v.authz = zf.Check
			}
		}
	case csrfLibrary(fn):
		// CSRF protection, not authentication (csrf.go).
	default:
		if d, ok := authnMiddlewareLibrary(fn); ok {
			v.authn = d
		}
		if d, ok := authzLibrary(fn); ok {
			v.authz = d
		}
		if d, ok := fixedCredentialMiddleware(fn); ok {
			v.authz = d
		}
		if k, ok := st.validatorFixedKey(fn, call); ok {
			// validator.go
			v.authz = "comparison with the configured key " + k + " in the validator"
		}
		if v.authn == "" && v.authz == "" && !st.std(fn) {
			if authnMiddlewareHint(fn.Name()) || authnMiddlewareHint(recvName(fn)) {
				v.authn = shortName(fn)
			}
		}
	}
	if authzNameHint(fn.Name()) || (recvName(fn) != "" && authzNameHint(recvName(fn))) || st.cfg.authz.matches(fn) {
		v.authz = shortName(fn)
	}
	if st.cfg.authn.matches(fn) && v.authn == "" {
		v.authn = shortName(fn)
	}
	// Optional authentication: a flag such as auto401, required or
	// mandatory passed as false (or optional as true) lets anonymous
	// requests through, so the middleware does not authenticate them.
	if call != nil && v.authn != "" && optionalAuth(st.pass.TypesInfo, fn, call) {
		v.authn = ""
	}
	// A required scope, role or permission given to the middleware:
	// auth.Middleware(verifier, "orders:write") with a parameter named
	// scope.
	if call != nil {
		s := &scan{a: st, info: st.pass.TypesInfo, fi: &fnInfo{}}
		s.requiredArgs(fn, call)
		if s.fi.authz != "" && v.authz == "" {
			v.authz = s.fi.authz
		}
	}
	return v
}

// routes analyzes every registration of the package.
func (st *state) routes(files []*ast.File) {
	st.collectRouters(files)
	info := st.pass.TypesInfo
	var regs []*registered
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			if st.grpcRoutes(call) {
				return true
			}
			r, ok := st.registration(call)
			if !ok {
				st.foreignRoutes(call)
				return true
			}
			var mws []ast.Expr
			var mux types.Object
			if r.router != nil {
				mws = st.routerMW(r.router, map[types.Object]bool{}, 0, call.Pos())
				mux = st.routerKey(r.router)
			} else if obj := httpDefaultMux(info, call); obj != nil {
				mws = append(mws, st.uses[obj]...)
				mws = append(mws, st.wraps[obj]...)
				mux = obj
			}
			mws = append(mws, r.extra...)
			for _, r := range st.expandTable(r) {
				targets, wrappers := st.unwrap(r.handler, 0)
				r.method = st.gorillaMethod(r.call)
				regs = append(regs, &registered{r: r, mux: mux, mws: append(append([]ast.Expr(nil), mws...), wrappers...), own: len(wrappers), targets: targets})
			}
			return true
		})
	}
	st.regs = regs
	for _, g := range regs {
		st.judgeRoute(g.r, g.mws, g.targets)
	}
	for fn, routes := range st.deferred {
		st.pass.ExportObjectFact(fn, &RoutesFact{Routes: routes})
	}
}

// routerParam returns the exported function and parameter index a
// router expression derives from, if it is a parameter of an exported
// function of the package.
func (st *state) routerParam(e ast.Expr, depth int) (*types.Func, int, bool) {
	if depth > 12 {
		return nil, 0, false
	}
	info := st.pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		obj, ok := info.ObjectOf(x).(*types.Var)
		if !ok {
			return nil, 0, false
		}
		if init := st.inits[obj]; init != nil {
			return st.routerParam(init, depth+1)
		}
		if ps := st.parents[obj]; len(ps) == 1 {
			if fn, i, ok := st.routerParam(ps[0], depth+1); ok {
				return fn, i, true
			}
		}
		for _, fi := range st.fns {
			if fi.decl == nil || !fi.obj.Exported() || fi.decl.Pos() > obj.Pos() || obj.Pos() >= fi.decl.End() {
				continue
			}
			for i := 0; i < fi.sig.Params().Len(); i++ {
				if fi.sig.Params().At(i) == obj {
					return fi.obj, i, true
				}
			}
		}
	case *ast.CallExpr:
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
			if fn, _ := typeutil.Callee(info, x).(*types.Func); fn != nil && isRouterMethod(fn) {
				return st.routerParam(sel.X, depth+1)
			}
		}
	}
	return nil, 0, false
}

// foreignRoutes judges the routes a function of another package
// registers on a router this package passes it.
func (st *state) foreignRoutes(call *ast.CallExpr) {
	info := st.pass.TypesInfo
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || fn.Pkg() == st.pass.Pkg || !st.analyzed(fn) {
		return
	}
	var rf RoutesFact
	if !st.pass.ImportObjectFact(fn, &rf) {
		return
	}
	for _, ri := range rf.Routes {
		if ri.Param >= len(call.Args) {
			continue
		}
		arg := call.Args[ri.Param]
		authn, authz := st.verdicts(st.routerMW(arg, map[types.Object]bool{}, 0, call.Pos()))
		if authz.authz != "" || authn.authn == "" || probePattern(ri.Pattern) {
			continue
		}
		// Deferred routes of the callee may go on to another
		// function's parameter: passing them on is the caller's
		// business, judged where the middleware is known.
		st.pass.Report(analysis.Diagnostic{
			Pos:      call.Pos(),
			End:      call.End(),
			Category: "route",
			Message: fmt.Sprintf("route %q registered by %s is under authenticating middleware %s (%s) but neither a middleware nor its handler %s checks a scope, role or permission; "+
				"add an authorizing middleware (e.g. one requiring a scope) or check the caller's permissions in the handler",
				ri.Pattern, shortName(fn), authn.name, authn.authn, ri.Handler),
		})
	}
}

// httpDefaultMux returns http.DefaultServeMux, the router of
// http.Handle and http.HandleFunc.
func httpDefaultMux(info *types.Info, call *ast.CallExpr) types.Object {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	return fn.Pkg().Scope().Lookup("DefaultServeMux")
}

// handlerSummary is what a route's endpoint does.
type handlerSummary struct {
	name                             string
	authn, authz, owns, work, issues string
	known                            bool
}

func (st *state) targetSummary(t target) handlerSummary {
	if t.fi != nil {
		if st.unknownVia(t.fi) || st.serviceUnknown(t.fi) != "" {
			// Calls unanalysed code of the module, or hands the caller's
			// context to a service out of sight (ctxdefer.go): unknown.
			return handlerSummary{name: t.fi.name()}
		}
		return handlerSummary{name: t.fi.name(), authn: t.fi.authn, authz: t.fi.authz, owns: t.fi.owns, work: t.fi.work, issues: t.fi.issues, known: true}
	}
	fn := t.fn
	h := handlerSummary{name: shortName(fn)}
	if !isAbstract(fn) && st.unanalyzedLocal(fn) {
		// A handler of the module that was not analysed (its package
		// was not named, or failed to load): its verdict is unknown,
		// and the route is not judged on a guess (split.go).
		return h
	}
	if forwardsRequest(fn) {
		return h // forwarded to a service out of sight: unknown (proxyfwd.go)
	}
	if telemetryHandler(fn) {
		// Process metrics and profiles: no work a scope protects
		// (telemetry.go).
		h.known = true
		return h
	}
	if isAbstract(fn) || !st.analyzed(fn) {
		// An endpoint scopecheck cannot see: assume it does work and
		// trust an authorizing name.
		h.work = "is served by " + shortName(fn)
		if authzNameHint(fn.Name()) {
			h.authz = shortName(fn)
		}
		if _, ok := issuer(fn); ok {
			h.issues = shortName(fn)
		}
		return h
	}
	var df DefersFact
	if st.pass.ImportObjectFact(fn, &df) && st.callerInContext() != "" {
		return h // hands the caller's context to a service out of sight: unknown (ctxdefer.go)
	}
	h.known = true
	var af AuthenticatesFact
	if st.pass.ImportObjectFact(fn, &af) {
		h.authn = af.Check
	}
	var zf AuthorizesFact
	if st.pass.ImportObjectFact(fn, &zf) {
		if zf.Ownership {
			h.owns = zf.Check
		} else {
			h.authz = zf.Check
		}
	}
	var wf WorkFact
	if st.pass.ImportObjectFact(fn, &wf) {
		h.work = wf.What
	}
	var isf IssuesFact
	if st.pass.ImportObjectFact(fn, &isf) {
		h.issues = isf.What
	}
	return h
}

// verdicts returns the first middleware of mws that authenticates and
// the first that authorizes.
func (st *state) verdicts(mws []ast.Expr) (authn, authz mwVerdict) {
	for _, m := range mws {
		v := st.classifyMW(m, 0)
		if v.authz != "" && authz.authz == "" {
			authz = v
		}
		if v.authn != "" && authn.authn == "" {
			authn = v
		}
	}
	return authn, authz
}

// judgeRoute marks endpoints registered behind authorizing middleware
// and reports routes behind an authenticating middleware that nothing
// authorizes.
func (st *state) judgeRoute(r *route, mws []ast.Expr, targets []target) {
	authn, authz := st.verdicts(mws)
	for _, t := range targets {
		if t.fi != nil {
			st.routed[t.fi] = true
			if authz.authz != "" {
				st.markAuthz(t.fi)
			}
		}
	}
	if authz.authz == "" && authn.authn == "" && len(targets) > 0 && r.router != nil {
		if fn, i, ok := st.routerParam(r.router, 0); ok {
			for _, t := range targets {
				h := st.targetSummary(t)
				if h.authz != "" || h.owns != "" || h.issues != "" || h.authn != "" || h.work == "" {
					continue
				}
				st.deferred[fn] = append(st.deferred[fn], RouteInfo{Param: i, Pattern: r.pattern, Handler: h.name, Work: h.work})
			}
		}
	}
	selfAuthn := false
	if authn.authn == "" {
		// An endpoint in the project's own shape that authenticates
		// itself (RequireLoggedInUser(deps, c)) is judged at its
		// registration: scopecheck/handler knows only framework shapes.
		for _, t := range targets {
			if st.adaptedEndpoint(t) {
				if h := st.targetSummary(t); h.authn != "" {
					authn = mwVerdict{name: h.name, authn: h.authn}
					selfAuthn = true
					break
				}
			}
		}
	}
	if authz.authz != "" || authn.authn == "" || st.unknownMW(mws) || len(targets) == 0 || probePattern(r.pattern) || preflightRoute(r) || st.servesFiles(r.handler, 0) || st.readSplit(r) || (selfAuthn && st.readBesideAuthorized(r)) || st.perRouteReadChoice(r) || st.twoTierChoice(r) || st.onePrincipal() {
		return
	}
	// Every endpoint of the registration is judged before reporting:
	// one that authorizes, checks ownership, issues credentials or
	// authenticates itself speaks for the route, and a route none of
	// whose endpoints does work (a health check, a whoami) is left
	// alone.
	var worker *handlerSummary
	for _, t := range targets {
		h := st.targetSummary(t)
		if h.authz != "" || h.owns != "" || h.issues != "" {
			return
		}
		if h.authn != "" && !st.adaptedEndpoint(t) {
			return // the handler authenticates itself: scopecheck/handler speaks for it
		}
		if h.work != "" && worker == nil {
			worker = &h
		}
	}
	if worker != nil {
		h := *worker
		pattern := r.pattern
		if pattern == "" {
			pattern = "(no pattern)"
		}
		msg := fmt.Sprintf("route %q is registered under authenticating middleware %s (%s) but neither a middleware nor its handler %s checks a scope, role or permission; "+
			"add an authorizing middleware (e.g. one requiring a scope) or check the caller's permissions in the handler",
			pattern, authn.name, authn.authn, h.name)
		if selfAuthn {
			msg = fmt.Sprintf("route %q serves %s, which authenticates the caller (%s) but never checks a scope, role or permission before it %s; "+
				"check the caller's role or permissions in the handler (or the resource owner)",
				pattern, h.name, authn.authn, h.work)
		}
		st.pass.Report(analysis.Diagnostic{
			Pos:      r.at().Pos(),
			End:      r.at().End(),
			Category: "route",
			Message:  msg,
		})
	}
}

// markAuthz records that fi, and the handler literals it returns, run
// behind an authorizing middleware.
func (st *state) markAuthz(fi *fnInfo) {
	st.underAuthz[fi] = true
	if fi.decl == nil {
		return
	}
	for _, other := range st.fns {
		if other.lit != nil && fi.decl.Pos() <= other.lit.Pos() && other.lit.End() <= fi.decl.End() {
			st.underAuthz[other] = true
		}
	}
}

// optionalAuth reports whether call passes a boolean saying the
// middleware lets unauthenticated requests through.
func optionalAuth(info *types.Info, fn *types.Func, call *ast.CallExpr) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	for i, a := range call.Args {
		if i >= sig.Params().Len() {
			break
		}
		tv, ok := info.Types[a]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.Bool {
			continue
		}
		val := constant.BoolVal(tv.Value)
		for _, w := range credname.Words(sig.Params().At(i).Name()) {
			switch w {
			case "required", "require", "mandatory", "strict", "must", "force", "enforce", "auto401", "401", "reject", "abort":
				if !val {
					return true
				}
			case "optional", "anonymous", "allowanonymous", "skip", "lenient":
				if val {
					return true
				}
			}
		}
	}
	return false
}

func isMuxRouter(t types.Type) bool {
	return isPtrTo(t, pkgMux, "Router") || isNamed(t, pkgMux, "Router")
}

// probePattern reports whether a route pattern names a monitoring
// endpoint (health, readiness, version, metrics, status or, without a
// path parameter, info): it reports on the service to whoever may call
// it at all, so authentication is the whole access decision.
func probePattern(pattern string) bool {
	if i := strings.LastIndexByte(pattern, ' '); i >= 0 {
		pattern = pattern[i+1:] // "GET /healthz" and gin's "GET" verb
	}
	segs := strings.FieldsFunc(strings.ToLower(pattern), func(r rune) bool { return r == '/' })
	if len(segs) == 0 {
		return false
	}
	last := strings.TrimSuffix(segs[len(segs)-1], ".json")
	switch last {
	case "health", "healthz", "healthcheck", "livez", "readyz", "liveness", "readiness", "ping", "version", "metrics", "status":
		return true
	case "info":
		return !strings.ContainsAny(pattern, "{:*")
	}
	return false
}

// outOfSight reports whether fn is a function of another module that
// scopecheck knows nothing of: no body, no facts, not the standard
// library.
func (st *state) outOfSight(fn *types.Func) bool {
	return st.byObj[fn] == nil && !st.analyzed(fn) && !st.std(fn) && !st.unanalyzedLocal(fn)
}

// libraryLoaderCall reports whether e calls a constructor of a library
// out of sight with a function literal that cannot answer the request
// itself (a loader looking the session up, a validator).
func (st *state) libraryLoaderCall(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, ok := typeutil.Callee(st.pass.TypesInfo, call).(*types.Func)
	if !ok || !st.outOfSight(fn) {
		return false
	}
	if v := st.funcVerdict(fn, call); v.authn != "" || v.authz != "" {
		return false
	}
	loader := false
	for _, a := range call.Args {
		if lit, ok := ast.Unparen(a).(*ast.FuncLit); ok {
			if st.answersItself(lit) {
				return false
			}
			loader = true
		}
	}
	return loader
}

// answersItself reports whether a literal takes the response writer
// (auth.Filter(func(w, r) error)): it can turn the request away itself,
// in sight. A loader or validator of a value (func(ctx, key) (User,
// error)) cannot; the library calling it decides what its failure
// means.
func (st *state) answersItself(lit *ast.FuncLit) bool {
	sig, ok := st.pass.TypesInfo.TypeOf(lit).(*types.Signature)
	if !ok {
		return false
	}
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		if isNamed(t, pkgHTTP, "ResponseWriter") || isRequestValue(t) {
			return true
		}
	}
	return false
}
