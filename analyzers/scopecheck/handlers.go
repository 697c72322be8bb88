package scopecheck

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Handler, middleware and router shapes: which functions and types
// serve requests, wrap handlers or register routes.

// handlerKind says which framework's handler shape a function has.
type handlerKind int

const (
	notHandler handlerKind = iota
	httpHandler
	ginHandler
	echoHandler
	// httprouterHandler is julienschmidt/httprouter's Handle:
	// func(http.ResponseWriter, *http.Request, httprouter.Params).
	httprouterHandler
	// fasthttpHandler is valyala/fasthttp's RequestHandler:
	// func(*fasthttp.RequestCtx).
	fasthttpHandler
	// fiberHandler is gofiber/fiber's Handler: func(*fiber.Ctx) error
	// (v2) or func(fiber.Ctx) error (v3). Middleware have the same
	// shape and call c.Next().
	fiberHandler
)

// fnInfo is what scopecheck learns about one function of the package: a
// declaration or a literal. A function's summary covers its body
// including the literals nested in it, so that a middleware's
// authentication, which lives in the closure it returns, is the
// middleware's.
type fnInfo struct {
	decl   *ast.FuncDecl
	lit    *ast.FuncLit
	obj    *types.Func // declarations only
	sig    *types.Signature
	body   *ast.BlockStmt
	parent *fnInfo // enclosing function of a literal
	kind   handlerKind
	mw     bool // middleware-shaped signature

	authn string // credential check found, "" if none
	authz string // access decision found (scopes, roles, permissions)
	owns  string // ownership: work scoped to the caller's identity
	// ownsParam, when not 0, is 1 + the index of the parameter the
	// only ownership check compares a record's owner with: the
	// function scopes its work to whatever its callers pass there
	// (ownparam.go).
	ownsParam int
	// identArgs maps each function of the package this one calls to
	// the parameters that some call passes a value the request
	// supplies to, one bit each (ownparam.go).
	identArgs map[*types.Func]uint64
	work      string // first piece of work found
	issues    string // credential issued (login, callback, token endpoint)
	credSrc   string // the function returns a credential of the request
	// callerSrc says the function returns the caller's identity or
	// data derived from the caller (accessibleLibraryIDs(ctx)).
	callerSrc string

	// optional says that the function, as a middleware, never rejects a
	// request whose credential is missing or wrong (reject.go).
	optional bool
	// rejectsAny says that the function turns requests away itself.
	rejectsAny bool
	// unknown says that the function calls into a package of the
	// module that was not analysed, so its authorization is unknown.
	unknown bool
	// ctxCaller says that the function returns the caller read from
	// the request context (ctxcaller.go).
	ctxCaller bool
	// asksCaller says that the function, or what it calls, reads the
	// caller's identity (oneprincipal.go).
	asksCaller bool

	// adapts lists the parameters of a project-own adapter that
	// receive the endpoint it serves (adapters.go).
	adapts []int

	// verifies names the token verification the function calls
	// itself, or through a SignedOnly callee (signedonly.go).
	verifies string

	delegates bool // calls the next handler: a middleware, not an endpoint
	setsCtx   bool // stores values in the gin or echo context
	callees   []*types.Func
	// ctxCalls are the callees given the request context (ctxdefer.go).
	ctxCalls []*types.Func
	// sessionCalls are callees called on the caller's own session,
	// whose work is not work a route protects (nonwork.go).
	sessionCalls map[*types.Func]bool
	// fallbackCalls marks the callees called only when the request
	// context holds no caller (true), whose authentication is not
	// this function's (storedfallback.go).
	fallbackCalls map[*types.Func]bool
	// calleeCases holds, for each callee, the case clauses around its
	// calls; authnVia and workVia are the callees this function's
	// authentication and work came from, if any (dispatch.go).
	calleeCases       map[*types.Func][]caseAt
	authnVia, workVia *types.Func
	// fixedParams maps the index of a parameter the function compares
	// with a key fixed by configuration to that key; credArgs lists
	// the credentials it passes to functions of the package, by
	// argument (fixedparam.go).
	fixedParams map[int]fixedParam
	credArgs    []credArg
	// boundParams maps the index of a parameter the function hands to
	// a credential lookup beside the credential to that lookup's name
	// (boundres.go); pathArgs are the path values it passes to
	// functions of the package.
	boundParams map[int]string
	pathArgs    []credArg
	// keyParams holds the indexes of the parameters the function
	// compares a credential of the request with (the key side);
	// fixedArgs lists the keys fixed by configuration it passes to
	// functions of the package, by argument (keyparam.go).
	keyParams map[int]bool
	fixedArgs []keyArg
}

func (fi *fnInfo) pos() token.Pos {
	if fi.decl != nil {
		return fi.decl.Name.Pos()
	}
	return fi.lit.Pos()
}

// name is how messages refer to the function.
func (fi *fnInfo) name() string {
	if fi.obj != nil {
		if r := recvName(fi.obj); r != "" {
			return r + "." + fi.obj.Name()
		}
		return fi.obj.Name()
	}
	return "func literal"
}

// signatureKind classifies a signature as a handler of net/http, gin or
// echo.
func signatureKind(sig *types.Signature) handlerKind {
	if sig == nil {
		return notHandler
	}
	p, r := sig.Params(), sig.Results()
	switch {
	case p.Len() == 2 && r.Len() == 0 && isNamed(p.At(0).Type(), pkgHTTP, "ResponseWriter") && isPtrTo(p.At(1).Type(), pkgHTTP, "Request"):
		return httpHandler
	case p.Len() == 1 && r.Len() == 0 && isPtrTo(p.At(0).Type(), pkgGin, "Context"):
		return ginHandler
	case p.Len() == 1 && r.Len() == 1 && isEchoContext(p.At(0).Type()) && isError(r.At(0).Type()):
		return echoHandler
	case p.Len() == 3 && r.Len() == 0 && isNamed(p.At(0).Type(), pkgHTTP, "ResponseWriter") && isPtrTo(p.At(1).Type(), pkgHTTP, "Request") && isNamed(p.At(2).Type(), pkgHTTPRouter, "Params"):
		return httprouterHandler
	case p.Len() == 1 && r.Len() == 0 && isPtrTo(p.At(0).Type(), pkgFastHTTP, "RequestCtx"):
		return fasthttpHandler
	case p.Len() == 1 && r.Len() == 1 && isFiberCtx(p.At(0).Type()) && isError(r.At(0).Type()):
		return fiberHandler
	}
	return notHandler
}

func isNamed(t types.Type, path, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == path && n.Obj().Name() == name
}

func isPtrTo(t types.Type, path, name string) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && isNamed(p.Elem(), path, name)
}

// isEchoContext reports whether t is echo's Context: an interface up to
// v4, a struct handled by pointer in v5.
func isEchoContext(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && isEchoPath(n.Obj().Pkg().Path()) && n.Obj().Name() == "Context"
}

// isFiberCtx reports whether t is fiber's request context: *fiber.Ctx
// (v2) or the fiber.Ctx interface (v3).
func isFiberCtx(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && isFiberPath(n.Obj().Pkg().Path()) && n.Obj().Name() == "Ctx"
}

func isError(t types.Type) bool { return types.Identical(t, types.Universe.Lookup("error").Type()) }

// isHandlerType reports whether values of t serve requests: a handler
// function of any supported framework, http.Handler, or a type with a
// ServeHTTP method.
func isHandlerType(t types.Type) bool {
	if t == nil {
		return false
	}
	if sig, ok := t.Underlying().(*types.Signature); ok {
		// A named function type with a ServeHTTP method (type
		// authHandler func(w, r, *User)) is an http.Handler too.
		return signatureKind(sig) != notHandler || hasServeHTTP(t)
	}
	if isNamed(t, pkgHTTP, "Handler") {
		return true
	}
	return hasServeHTTP(t)
}

// isNextHandlerType reports whether a parameter of type t receives the
// next handler of a middleware: a handler function, http.Handler or an
// interface with ServeHTTP alone. A service or server that also serves
// HTTP (an OpenID provider, an API struct) is a dependency given to a
// handler factory, not a handler it wraps.
func isNextHandlerType(t types.Type) bool {
	if t == nil || isRouterType(t) || !isHandlerType(t) {
		return false
	}
	if _, ok := t.Underlying().(*types.Signature); ok {
		return true
	}
	if it, ok := t.Underlying().(*types.Interface); ok {
		return it.NumMethods() == 1
	}
	return false
}

func hasServeHTTP(t types.Type) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "ServeHTTP")
	fn, ok := obj.(*types.Func)
	return ok && signatureKind(fn.Type().(*types.Signature)) == httpHandler
}

// isRouterType reports whether t is a router (a ServeMux or a router of
// chi, gorilla/mux, gin, echo, httprouter, fasthttp/router or fiber) rather than
// one endpoint.
func isRouterType(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	path, name := n.Obj().Pkg().Path(), n.Obj().Name()
	switch {
	case path == pkgHTTP:
		return name == "ServeMux"
	case isChiPath(path):
		return name == "Mux" || name == "Router" || name == "Routes"
	case path == pkgMux:
		return name == "Router" || name == "Route"
	case path == pkgGin:
		return name == "Engine" || name == "RouterGroup" || name == "IRouter" || name == "IRoutes"
	case isEchoPath(path):
		return name == "Echo" || name == "Group"
	case path == pkgHTTPRouter:
		return name == "Router"
	case path == pkgFastRouter:
		return name == "Router" || name == "Group"
	case isFiberPath(path):
		return name == "App" || name == "Group" || name == "Router"
	}
	return false
}

// isMiddlewareSig reports whether sig makes a middleware: it takes a
// handler and returns one, or returns a function that does.
func isMiddlewareSig(sig *types.Signature) bool { return isMiddlewareSigDepth(sig, 0) }

func isMiddlewareSigDepth(sig *types.Signature, depth int) bool {
	// Recursive function types (type F func() F) end the descent.
	if sig == nil || sig.Results().Len() != 1 || depth > 3 {
		return false
	}
	res := sig.Results().At(0).Type()
	if isHandlerType(res) && !isRouterType(res) {
		for i := 0; i < sig.Params().Len(); i++ {
			if pt := sig.Params().At(i).Type(); isNextHandlerType(pt) {
				return true
			}
		}
		return false
	}
	if rs, ok := res.Underlying().(*types.Signature); ok {
		return isMiddlewareSigDepth(rs, depth+1)
	}
	return false
}
