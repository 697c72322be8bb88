package tokenlog

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/textual"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"
)

// Request URLs of other endpoints.
//
// A credential query parameter read by one endpoint handler arrives in
// the URLs of that endpoint's route only: a client sends ?token= to the
// OAuth-style callback that reads it, not to the index page. dozzle's
// cloudCallback reads r.URL.Query().Get("token"); its SPA index handler
// and a path-parameter helper of the /hosts routes log r.URL.String(),
// URLs that never carry the token.
//
// Rule: when every read of a credential query parameter in the package
// sits directly in an endpoint handler (the (w, r) of net/http, a gin,
// echo or fiber handler, calling no next handler), a whole request URL
// logged in another endpoint handler that is not reached from a reader,
// or in an unexported helper whose every use is a call from such
// handlers, is no source. The package fact carries the same "endpoints
// only" verdict to importing packages, where the readers are out of
// reach and every endpoint handler of the importing package is such a
// handler. Middleware, dispatchers and helpers called from anywhere else
// see every route's URL and keep the rule; so do reads in a helper
// (tokenFromRequest(r)) or in a middleware, whose routes are not known.

// endpointReads is what the package knows of where its credential query
// reads are: the endpoint handlers holding them and the functions they
// reach, when every read is in such a handler.
type endpointReads struct {
	reach map[*types.Func]bool
}

// queryEndpoints returns the endpoint handlers that read credential
// query parameters and what they call, or nil when some read is
// elsewhere.
func queryEndpoints(info *types.Info, files []*ast.File, isRead func(ast.Node) bool) *endpointReads {
	decls, order := funcDecls(info, files)
	var readers []*types.Func
	anyRead, outside := false, false
	for _, obj := range order {
		fd := decls[obj]
		reads := false
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if isRead(n) {
				reads = true
			}
			return !reads
		})
		if !reads {
			continue
		}
		anyRead = true
		if endpointHandler(info, fd) || routePinned(info, fd.Body, isRead) {
			readers = append(readers, obj)
		} else {
			outside = true
		}
	}
	if !anyRead || outside {
		return nil
	}
	// A read outside any declaration (a package variable's
	// initializer) is outside too.
	for _, file := range files {
		for _, d := range file.Decls {
			if gd, ok := d.(*ast.GenDecl); ok {
				ast.Inspect(gd, func(n ast.Node) bool {
					if isRead(n) {
						outside = true
					}
					return !outside
				})
			}
		}
	}
	if outside {
		return nil
	}
	er := &endpointReads{reach: map[*types.Func]bool{}}
	var visit func(fn *types.Func)
	visit = func(fn *types.Func) {
		if er.reach[fn] {
			return
		}
		er.reach[fn] = true
		fd := decls[fn]
		if fd == nil {
			return
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if callee, ok := typeutil.Callee(info, call).(*types.Func); ok && decls[callee] != nil {
					visit(callee)
				}
			}
			return true
		})
	}
	for _, r := range readers {
		visit(r)
	}
	return er
}

// funcDecls indexes the package's function and method declarations with
// a body, in source order.
func funcDecls(info *types.Info, files []*ast.File) (map[*types.Func]*ast.FuncDecl, []*types.Func) {
	decls := map[*types.Func]*ast.FuncDecl{}
	var order []*types.Func
	for _, file := range files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			if obj, ok := info.Defs[fd.Name].(*types.Func); ok {
				decls[obj] = fd
				order = append(order, obj)
			}
		}
	}
	return decls, order
}

// routePinned reports whether every read in body sits in a branch that
// only one route takes: the body of an if whose condition requires the
// request path to equal a constant (r.URL.Path == "/importprogress",
// alone or in an && chain), or a switch case on the path listing
// constants. A dispatcher serving that route inline reads the parameter
// as that route's endpoint; a read under a prefix test or any other
// condition is not pinned.
func routePinned(info *types.Info, body *ast.BlockStmt, isRead func(ast.Node) bool) bool {
	pinned := true
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		ast.Inspect(n, func(n ast.Node) bool {
			if !pinned {
				return false
			}
			switch n := n.(type) {
			case *ast.IfStmt:
				if pathEquals(info, n.Cond) {
					// The body is that route's own; the init, the
					// condition and the else branch are not.
					for _, m := range []ast.Node{n.Init, n.Cond, n.Else} {
						if m != nil {
							walk(m)
						}
					}
					return false
				}
			case *ast.SwitchStmt:
				if n.Tag != nil && requestPath(info, n.Tag) {
					for _, c := range n.Body.List {
						cc := c.(*ast.CaseClause)
						if constCase(info, cc) {
							continue // that route's own
						}
						for _, st := range cc.Body {
							walk(st)
						}
					}
					return false
				}
			}
			if isRead(n) {
				pinned = false
			}
			return true
		})
	}
	walk(body)
	return pinned
}

// constCase reports whether a case clause lists constants only (not the
// default clause).
func constCase(info *types.Info, cc *ast.CaseClause) bool {
	for _, e := range cc.List {
		if _, ok := textual.ConstString(info, e); !ok {
			return false
		}
	}
	return len(cc.List) > 0
}

// pathEquals reports whether cond requires the request path to equal a
// constant, alone or as a conjunct of an && chain.
func pathEquals(info *types.Info, cond ast.Expr) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	switch b.Op {
	case token.LAND:
		return pathEquals(info, b.X) || pathEquals(info, b.Y)
	case token.EQL:
		for _, pair := range [2][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
			if _, ok := textual.ConstString(info, pair[1]); ok && requestPath(info, pair[0]) {
				return true
			}
		}
	}
	return false
}

// requestPath reports whether e is r.URL.Path of an *http.Request.
func requestPath(info *types.Info, e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Path" {
		return false
	}
	u, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
	if !ok || u.Sel.Name != "URL" {
		return false
	}
	return isPkgType(info.TypeOf(u.X), "net/http", "Request")
}

// endpointHandler reports whether fd has a handler's shape ((w, r) of
// net/http, a gin context with no result, an echo or fiber context
// returning an error) and calls no next handler: it serves one route.
// A helper given the request (tokenFrom(r) string) is no endpoint.
func endpointHandler(info *types.Info, fd *ast.FuncDecl) bool {
	sig, ok := info.Defs[fd.Name].Type().(*types.Signature)
	if !ok || !handlerShape(sig) {
		return false
	}
	return !callsNext(info, fd.Body, sig)
}

// handlerShape reports whether sig is an endpoint handler's signature.
func handlerShape(sig *types.Signature) bool {
	params, results := sig.Params(), sig.Results()
	has := func(match func(types.Type) bool) bool {
		for i := range params.Len() {
			if match(params.At(i).Type()) {
				return true
			}
		}
		return false
	}
	errOnly := results.Len() == 1 && types.Identical(results.At(0).Type(), errorType)
	switch {
	case has(func(t types.Type) bool { return isPkgType(t, "net/http", "Request") }) &&
		has(func(t types.Type) bool { return isPkgType(t, "net/http", "ResponseWriter") }):
		// No result, the error of an adapter's handler, or the
		// "handled" bool of a handler that may decline the request.
		return results.Len() == 0 || errOnly ||
			results.Len() == 1 && types.Identical(results.At(0).Type(), types.Typ[types.Bool])
	case has(func(t types.Type) bool { return isPkgType(t, "github.com/gin-gonic/gin", "Context") }):
		return results.Len() == 0
	case has(requestWrapper):
		// An application's own request type around the request
		// (corteza's handlers of *request.AuthReq).
		return results.Len() == 0 || errOnly
	case has(func(t types.Type) bool {
		return isNamedIn(t, "github.com/labstack/echo", "Context") || isNamedIn(t, "github.com/gofiber/fiber", "Ctx")
	}):
		return errOnly
	}
	return false
}

// requestWrapper reports whether t points to a struct of the
// application's that carries the incoming request in a field (Request
// *http.Request).
func requestWrapper(t types.Type) bool {
	p, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok {
		return false
	}
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		if isPkgType(st.Field(i).Type(), "net/http", "Request") {
			if _, isPtr := st.Field(i).Type().(*types.Pointer); isPtr {
				return true
			}
		}
	}
	return false
}

// isNamedIn is isPkgType for every package whose path starts with
// prefix (echo's major versions, fiber's).
func isNamedIn(t types.Type, prefix, name string) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && strings.HasPrefix(n.Obj().Pkg().Path(), prefix) && n.Obj().Name() == name
}

// callsNext reports whether body calls a next handler: ServeHTTP, a
// framework's Next, a function-typed parameter or free variable, or a
// local function value given the request. A local helper closure
// (log := func() Logger {...}) is no next handler.
func callsNext(info *types.Info, body *ast.BlockStmt, sig *types.Signature) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		switch fun := ast.Unparen(call.Fun).(type) {
		case *ast.SelectorExpr:
			// A reverse proxy's ServeHTTP forwards the request
			// to its backend: the route ends there.
			if fun.Sel.Name == "ServeHTTP" && !isPkgType(info.TypeOf(fun.X), "net/http/httputil", "ReverseProxy") ||
				fun.Sel.Name == "Next" {
				found = true
			}
		case *ast.Ident:
			if v, ok := info.Uses[fun].(*types.Var); ok {
				if fsig, isFunc := v.Type().Underlying().(*types.Signature); isFunc {
					local := body.Pos() <= v.Pos() && v.Pos() < body.End()
					found = !local || takesRequest(fsig)
				}
			}
		}
		return !found
	})
	return found
}

// takesRequest reports whether sig has a request parameter: net/http's
// request or response writer, or a gin, echo or fiber context.
func takesRequest(sig *types.Signature) bool {
	for i := range sig.Params().Len() {
		t := sig.Params().At(i).Type()
		if isPkgType(t, "net/http", "Request") || isPkgType(t, "net/http", "ResponseWriter") ||
			isPkgType(t, "github.com/gin-gonic/gin", "Context") ||
			isNamedIn(t, "github.com/labstack/echo", "Context") || isNamedIn(t, "github.com/gofiber/fiber", "Ctx") {
			return true
		}
	}
	return false
}

// urlLogSeen reports whether fn, a function logging a whole request
// URL, can see the URL of a route whose handler reads the credential
// query parameter. It cannot when every read is in an endpoint handler
// (of this package, or of the dependency whose fact says so) and fn is
// an endpoint handler that neither reads it nor is reached from a
// handler that does, or a helper of the package whose every caller is
// such a handler (unseenURLs). Anything else, middleware and helpers
// called from anywhere else included, sees every route's URL.
func (st *pkgState) urlLogSeen(fn *ssa.Function) bool {
	q := st.query
	if q == nil || fn == nil {
		return true
	}
	own := q.pkg == st.pass.Pkg.Path()
	if own && q.endpoints == nil || !own && !q.depEndpoints {
		return true
	}
	obj, ok := declaredFunc(fn)
	if !ok {
		return true
	}
	if st.unseen == nil {
		var reach map[*types.Func]bool
		if own {
			reach = q.endpoints.reach
		}
		st.unseen = unseenURLs(st.pass.TypesInfo, st.pass.Files, reach)
	}
	return !st.unseen[obj]
}

// declaredFunc returns the declared function fn is, or is a literal
// inside.
func declaredFunc(fn *ssa.Function) (*types.Func, bool) {
	if fn == nil {
		return nil, false
	}
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	obj, ok := fn.Object().(*types.Func)
	return obj, ok
}

// unseenURLs returns the functions of the package whose request never
// carries the parameter: endpoint handlers outside reach (the readers
// and what they call), and, to a fixed point, unexported functions all
// of whose uses are calls from such functions.
func unseenURLs(info *types.Info, files []*ast.File, reach map[*types.Func]bool) map[*types.Func]bool {
	decls, order := funcDecls(info, files)
	unseen := map[*types.Func]bool{}
	for _, fn := range order {
		if !reach[fn] && endpointHandler(info, decls[fn]) {
			unseen[fn] = true
		}
	}
	// callers[f] lists the declarations calling f; values[f] says f is
	// used other than by a call (a method value, a registration).
	callers := map[*types.Func][]*types.Func{}
	values := map[*types.Func]bool{}
	called := map[*ast.Ident]bool{}
	for _, fn := range order {
		ast.Inspect(decls[fn].Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if callee, ok := typeutil.Callee(info, n).(*types.Func); ok && decls[callee] != nil {
					callers[callee] = append(callers[callee], fn)
					switch f := ast.Unparen(n.Fun).(type) {
					case *ast.Ident:
						called[f] = true
					case *ast.SelectorExpr:
						called[f.Sel] = true
					}
				}
			case *ast.Ident:
				if f, ok := info.Uses[n].(*types.Func); ok && decls[f] != nil && !called[n] {
					values[f] = true
				}
			}
			return true
		})
	}
	for changed := true; changed; {
		changed = false
		for _, fn := range order {
			if unseen[fn] || reach[fn] || fn.Exported() || values[fn] || len(callers[fn]) == 0 {
				continue
			}
			all := true
			for _, c := range callers[fn] {
				if !unseen[c] {
					all = false
					break
				}
			}
			if all {
				unseen[fn] = true
				changed = true
			}
		}
	}
	return unseen
}
