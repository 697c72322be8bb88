package tokenlog

import (
	"go/ast"
	"go/types"

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
// sits directly in an endpoint handler (a function taking the request,
// (w, r) or a gin, echo or fiber context, that calls no next handler),
// a whole request URL logged elsewhere is no source, unless the logging
// function is one of those handlers, is called from one of them
// (directly or through the package's own functions), or is middleware
// (it returns a function or handler, or calls a next handler: it sees
// every route's URL). Reads in a helper (tokenFromRequest(r)), in a
// middleware, or in an imported package keep the package-wide rule:
// their routes are not known here.

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
	decls := map[*types.Func]*ast.FuncDecl{}
	var readers []*types.Func
	anyRead, outside := false, false
	for _, file := range files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			obj, _ := info.Defs[fd.Name].(*types.Func)
			if obj == nil {
				continue
			}
			decls[obj] = fd
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
			if endpointHandler(info, fd) {
				readers = append(readers, obj)
			} else {
				outside = true
			}
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
	errOnly := results.Len() == 1 && isErrorIface(results.At(0).Type())
	switch {
	case has(func(t types.Type) bool { return isPkgType(t, "net/http", "Request") }) &&
		has(func(t types.Type) bool { return isNamedIn(t, "net/http", "ResponseWriter") }):
		return results.Len() == 0
	case has(func(t types.Type) bool { return isPkgType(t, "github.com/gin-gonic/gin", "Context") }):
		return results.Len() == 0
	case has(func(t types.Type) bool {
		return isNamedIn(t, "github.com/labstack/echo", "Context") || isNamedIn(t, "github.com/gofiber/fiber", "Ctx")
	}):
		return errOnly
	}
	return false
}

// isNamedIn reports whether t is the named type name of a package whose
// path starts with prefix.
func isNamedIn(t types.Type, prefix, name string) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Name() == name && n.Obj().Pkg() != nil && len(n.Obj().Pkg().Path()) >= len(prefix) && n.Obj().Pkg().Path()[:len(prefix)] == prefix
}

// returnsFunc reports whether a result is a function or an interface
// (a handler or middleware being built).
func returnsFunc(sig *types.Signature) bool {
	for i := range sig.Results().Len() {
		switch sig.Results().At(i).Type().Underlying().(type) {
		case *types.Signature:
			return true
		case *types.Interface:
			if !isErrorIface(sig.Results().At(i).Type()) {
				return true
			}
		}
	}
	return false
}

func isErrorIface(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// callsNext reports whether body calls a next handler: ServeHTTP, a
// framework's Next, or a function-typed parameter or free variable.
func callsNext(info *types.Info, body *ast.BlockStmt, sig *types.Signature) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		switch fun := ast.Unparen(call.Fun).(type) {
		case *ast.SelectorExpr:
			if fun.Sel.Name == "ServeHTTP" || fun.Sel.Name == "Next" {
				found = true
			}
		case *ast.Ident:
			if v, ok := info.Uses[fun].(*types.Var); ok {
				if _, isFunc := v.Type().Underlying().(*types.Signature); isFunc {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// urlLogSeen reports whether fn, a function logging a whole request
// URL, can see the URL of a route whose handler reads the credential
// query parameter: always, unless the package's reads are all in
// endpoint handlers that neither are fn nor reach it, and fn is no
// middleware.
func (st *pkgState) urlLogSeen(fn *ssa.Function) bool {
	if st.query == nil || st.query.endpoints == nil || st.query.pkg != st.pass.Pkg.Path() {
		return true
	}
	er := st.query.endpoints
	if fn == nil {
		return true
	}
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return true
	}
	if er.reach[obj] {
		return true
	}
	sig := obj.Type().(*types.Signature)
	if returnsFunc(sig) {
		return true // builds a middleware or handler
	}
	fd, ok := fn.Syntax().(*ast.FuncDecl)
	return !ok || fd.Body == nil || callsNext(st.pass.TypesInfo, fd.Body, sig)
}
