package scopecheck

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"github.com/authvet/authvet/analyzers/internal/credname"

	"golang.org/x/tools/go/types/typeutil"
)

// The caller stored in the request context: optional authentication
// (reject.go) stores the user when a token parses and lets every
// request through; a later middleware that rejects the request when no
// user was stored (woodpecker's session.MustUser) is where the route
// becomes authenticated.

// ctxCallerRead returns the key of a read of the request context under
// a user-like key (c.Get("user"), c.MustGet("account"),
// ctx.Value(userKey{}), c.Locals("user")), or "".
func (s *scan) ctxCallerRead(call *ast.CallExpr) string {
	fn, ok := typeutil.Callee(s.info, call).(*types.Func)
	if !ok {
		return ""
	}
	if d := webContextCaller(fn, call); d != "" {
		return d
	}
	if d := s.gorillaContextRead(fn, call); d != "" {
		return d
	}
	if len(call.Args) != 1 {
		return ""
	}
	typed := ginTypedGetter(fn) // gintyped.go
	switch fn.Name() {
	case "Get", "MustGet", "Value", "Locals":
	default:
		if !typed {
			return ""
		}
	}
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil {
		return ""
	}
	rt := sig.Recv().Type()
	if !isPtrTo(rt, pkgGin, "Context") && !isEchoContext(rt) && !isFiberCtx(rt) && funcPath(fn) != pkgContext {
		return ""
	}
	name := ""
	switch k := ast.Unparen(call.Args[0]).(type) {
	case *ast.Ident:
		name = k.Name
	case *ast.SelectorExpr:
		name = k.Sel.Name
	case *ast.CompositeLit:
		if n, ok := types.Unalias(s.info.TypeOf(k)).(*types.Named); ok {
			name = n.Obj().Name()
		}
	}
	if v, ok := s.constString(call.Args[0]); ok {
		name = v
	}
	if funcPath(fn) == pkgContext && s.a.authnKeys[types.TypeString(s.info.TypeOf(call.Args[0]), nil)] && !typed {
		// A key an authenticating middleware of the package stores
		// what it found under (authnkeys.go), whatever its name.
		if name == "" {
			name = "key"
		}
		return name
	}
	if name == "" || !userLike(name) || (typed && !typedIdentityKey(name)) {
		return ""
	}
	return name
}

// gorillaContextRead returns the key of a read of gorilla/context's
// per-request store (context.Get(r, "user"), GetOk) under a user-like
// key or one the package's authenticating middleware stores what it
// found under (authnkeys.go: semaphore's RunnerMiddleware keeps the
// runner its token names under "runner"), or "".
func (s *scan) gorillaContextRead(fn *types.Func, call *ast.CallExpr) string {
	if funcPath(fn) != pkgGorillaContext || (fn.Name() != "Get" && fn.Name() != "GetOk") || len(call.Args) != 2 {
		return ""
	}
	key, ok := s.constString(call.Args[1])
	if !ok || key == "" {
		return ""
	}
	if userLike(key) || s.a.authnKeys[strconv.Quote(key)] {
		return key
	}
	return ""
}

// readsCtxCaller reports whether fi, a function with results, reads the
// caller from the request context (session.User(c)).
func (s *scan) readsCtxCaller() bool {
	if s.fi.sig == nil || s.fi.sig.Results().Len() == 0 || s.fi.kind != notHandler {
		return false
	}
	found := false
	s.inspect(func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !found && s.ctxCallerRead(call) != "" {
			found = true
		}
		return !found
	})
	return found
}

// ctxCallerValue reports whether e is (or holds) the caller read from
// the request context, directly or through a helper of the package.
func (s *scan) ctxCallerValue(e ast.Expr, depth int) bool {
	if depth > 3 {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if s.ctxCallerRead(e) != "" {
			return true
		}
		if fn, ok := typeutil.Callee(s.info, e).(*types.Func); ok {
			if fi := s.a.byObj[fn]; fi != nil && fi != s.fi && fi.ctxCaller {
				return true
			}
		}
	case *ast.TypeAssertExpr:
		return s.ctxCallerValue(e.X, depth+1)
	case *ast.Ident:
		for _, rhs := range s.assigns[s.info.ObjectOf(e)] {
			if s.ctxCallerValue(rhs, depth+1) {
				return true
			}
		}
	}
	return false
}

// requiresCtxCaller returns a description when cond reads the caller
// from the request context and one of the branches rejects: a
// middleware that turns away requests with no stored user.
func (s *scan) requiresCtxCaller(cond ast.Expr, branches ...ast.Node) string {
	mentions := firstIn(cond, func(n ast.Node) (string, bool) {
		if e, ok := n.(ast.Expr); ok && s.ctxCallerValue(e, 0) {
			return "yes", false
		}
		return "", true
	})
	if mentions == "" {
		return ""
	}
	netHTTP := s.fi.kind == httpHandler || s.fi.kind == httprouterHandler
	for _, b := range branches {
		if b != nil && s.rejects(b, netHTTP) {
			if s.ownCtxMention(cond) {
				return ownCtxAuthn
			}
			return "requires the caller stored in the request context"
		}
	}
	return ""
}

// rejectsCallerKind returns a description when cond tests that a caller
// is stored in the request context (if _, ok := c.Get(principalKey);
// ok, if node != nil) and the branch it guards rejects: the middleware
// turns away callers of that kind (a node's or a service token's
// principal from an administrator's API, nginx-ui's
// RequireInteractiveUser). It decides what an authenticated caller may
// do, which is authorization; a rejection of requests with no stored
// caller (the absence test) is authentication (requiresCtxCaller).
func (s *scan) rejectsCallerKind(cond ast.Expr, body ast.Node) string {
	// The value tested must be the read itself: the exists result of
	// c.Get(key), or the stored value against nil. An ok of a type
	// assertion (err, ok := u.(*echo.HTTPError): the stored value is
	// the failure an authenticating middleware left) says nothing about
	// a caller being there.
	present := false
	switch c := ast.Unparen(cond).(type) {
	case *ast.Ident:
		if t, ok := s.info.TypeOf(c).Underlying().(*types.Basic); !ok || t.Kind() != types.Bool {
			return ""
		}
		rhs := s.assigns[s.info.ObjectOf(c)]
		if len(rhs) == 1 {
			if call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr); ok {
				if sig, ok := s.info.TypeOf(call.Fun).(*types.Signature); ok && sig.Results().Len() == 2 {
					present = s.ctxCallerRead(call) != ""
				}
			}
		}
	case *ast.BinaryExpr:
		if c.Op != token.NEQ {
			return ""
		}
		v := c.X
		if s.info.Types[c.X].IsNil() {
			v = c.Y
		} else if !s.info.Types[c.Y].IsNil() {
			return ""
		}
		if t := s.info.TypeOf(v); t != nil && !types.Implements(t, errorIface) {
			present = s.ctxCallerValue(v, 0)
		}
	}
	if !present {
		return ""
	}
	netHTTP := s.fi.kind == httpHandler || s.fi.kind == httprouterHandler
	if !s.rejects(body, netHTTP) {
		return ""
	}
	return "rejects callers of a kind stored in the request context"
}

// ownCtxAuthn describes a rejection of requests with no caller in the
// project's own request context.
const ownCtxAuthn = "requires a logged-in caller in the request context"

// ownCtxMention reports whether cond reads the caller from a project's
// own request context (webContextCaller), directly or through a
// variable.
func (s *scan) ownCtxMention(cond ast.Expr) bool {
	found := false
	var check func(e ast.Expr, depth int)
	check = func(e ast.Expr, depth int) {
		if e == nil {
			// A declaration without a value (var u *User) is recorded
			// with no expression: there is nothing to read.
			return
		}
		ast.Inspect(e, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if fn, ok := typeutil.Callee(s.info, n).(*types.Func); ok && webContextCaller(fn, n) != "" {
					found = true
				}
			case *ast.Ident:
				if depth < 3 {
					for _, rhs := range s.assigns[s.info.ObjectOf(n)] {
						check(rhs, depth+1)
					}
				}
			}
			return !found
		})
	}
	check(cond, 0)
	return found
}

// webContextCaller returns the method name when call reads the caller
// from a project's own request context: a method without arguments,
// named for the user or for a logged-in state (GetAccount,
// CurrentUser, UserIsLogged, IsAuthenticated), of a type that carries
// the request (a Request() *http.Request method or an *http.Request
// field), such as shiori's WebContext.
func webContextCaller(fn *types.Func, call *ast.CallExpr) string {
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil || len(call.Args) != 0 || sig.Results().Len() != 1 {
		return ""
	}
	if !carriesRequest(sig.Recv().Type()) {
		return ""
	}
	name := fn.Name()
	if userLike(name) {
		return name
	}
	for _, w := range credname.Words(name) {
		switch w {
		case "logged", "loggedin", "authenticated", "authed", "signed", "signedin":
			return name
		}
	}
	return ""
}

// carriesRequest reports whether t, a type of the program (not a
// framework's), carries the incoming request: it has a method
// Request() *http.Request or a field of type *http.Request.
func carriesRequest(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || isFramework(n.Obj().Pkg().Path()) || n.Obj().Pkg().Path() == pkgHTTP {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(n, true, n.Obj().Pkg(), "Request")
	switch o := obj.(type) {
	case *types.Func:
		sig := o.Type().(*types.Signature)
		return sig.Params().Len() == 0 && sig.Results().Len() == 1 && isPtrTo(sig.Results().At(0).Type(), pkgHTTP, "Request")
	case *types.Var:
		return isPtrTo(o.Type(), pkgHTTP, "Request")
	}
	if st, ok := n.Underlying().(*types.Struct); ok {
		for i := 0; i < st.NumFields(); i++ {
			if isPtrTo(st.Field(i).Type(), pkgHTTP, "Request") {
				return true
			}
		}
	}
	return false
}

// recvCarriesRequest reports whether fn is a method of an interface
// that carries the request (a project's own web context).
func recvCarriesRequest(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	return ok && sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) && carriesRequest(sig.Recv().Type())
}
