package scopecheck

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"golang.org/x/tools/go/types/typeutil"
)

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

	authn   string // credential check found, "" if none
	authz   string // access decision found (scopes, roles, permissions)
	owns    string // ownership: work scoped to the caller's identity
	work    string // first piece of work found
	issues  string // credential issued (login, callback, token endpoint)
	credSrc string // the function returns a credential of the request
	// callerSrc says the function returns the caller's identity or
	// data derived from the caller (accessibleLibraryIDs(ctx)).
	callerSrc string

	delegates bool // calls the next handler: a middleware, not an endpoint
	setsCtx   bool // stores values in the gin or echo context
	callees   []*types.Func
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

func isEchoContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && isEchoPath(n.Obj().Pkg().Path()) && n.Obj().Name() == "Context"
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
		return signatureKind(sig) != notHandler
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
// chi, gorilla/mux, gin, echo, httprouter or fasthttp/router) rather than
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

// scan computes the local summary of one function.
type scan struct {
	a     *state
	fi    *fnInfo
	info  *types.Info
	taint map[types.Object]string
	// hmac is true when the function computes an HMAC: its comparisons
	// are signature checks of a webhook, not credential checks.
	hmac bool
	// lookedUp holds map expressions indexed by a credential: reading
	// them is the credential lookup, not work.
	lookedUp map[ast.Expr]bool
	// own holds variables assigned from a lookup of the credential (the
	// session or token record): work on them is work on the caller's
	// own credential, such as a logout.
	own map[types.Object]bool
	// assigns holds the expressions assigned to each variable of the
	// outermost function around this one (fixed.go).
	assigns map[types.Object][]ast.Expr
	// ident holds variables holding the caller's identity, or a record
	// made for the caller (userID := auth.GetUserID(ctx);
	// app := Application{UserID: userID}).
	ident map[types.Object]string
	// parents maps the nodes of the body to their parents (gate.go).
	parents map[ast.Node]ast.Node
}

// inspect walks the function's body. Nested literals are part of the
// function, except handler literals inside a function that does not
// make handlers: those are endpoints of their own (a route table
// registering closures), judged on their own.
func (s *scan) inspect(f func(ast.Node) bool) {
	ast.Inspect(s.fi.body, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok && lit != s.fi.lit && !s.a.nestedIsPart(s.fi, lit) {
			return false
		}
		return f(n)
	})
}

// nestedIsPart reports whether a literal nested in fi belongs to fi's
// behaviour.
func (st *state) nestedIsPart(fi *fnInfo, lit *ast.FuncLit) bool {
	sig, _ := st.pass.TypesInfo.TypeOf(lit).(*types.Signature)
	if signatureKind(sig) == notHandler {
		return true
	}
	return makesHandlers(fi.sig)
}

// makesHandlers reports whether sig returns a handler or a middleware.
func makesHandlers(sig *types.Signature) bool {
	if sig == nil {
		return false
	}
	for i := 0; i < sig.Results().Len(); i++ {
		t := sig.Results().At(i).Type()
		if isHandlerType(t) || isMWArgType(t) {
			return true
		}
	}
	return false
}

func (st *state) summarize(fi *fnInfo) {
	s := &scan{a: st, fi: fi, info: st.pass.TypesInfo, taint: map[types.Object]string{}, lookedUp: map[ast.Expr]bool{}, own: map[types.Object]bool{}, ident: map[types.Object]string{}}
	s.collectAssigns()
	fi.authn, fi.authz, fi.owns, fi.work, fi.issues, fi.credSrc, fi.callerSrc = "", "", "", "", "", "", ""
	fi.delegates, fi.setsCtx, fi.callees = false, false, nil
	s.inspect(func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if fn, ok := typeutil.Callee(s.info, call).(*types.Func); ok && funcPath(fn) == "crypto/hmac" && fn.Name() == "New" {
				s.hmac = true
			}
		}
		return true
	})
	// Taint: iterate so that assignments in loops and out of order
	// settle; three rounds cover realistic helper chains.
	for range 3 {
		if !s.propagate() {
			break
		}
	}
	s.inspect(s.visit)
	// A function returning a credential of the request is a credential
	// source for its callers.
	if fi.decl != nil {
		ast.Inspect(fi.body, func(n ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok {
				return false
			}
			if ret, ok := n.(*ast.ReturnStmt); ok && len(ret.Results) > 0 && fi.credSrc == "" {
				if w := s.cred(ret.Results[0]); w != "" {
					fi.credSrc = w
				}
			}
			if ret, ok := n.(*ast.ReturnStmt); ok && len(ret.Results) > 0 && fi.callerSrc == "" && fi.kind == notHandler {
				if d := s.identityIn(ret.Results[0]); d != "" {
					fi.callerSrc = d
				}
			}
			return true
		})
	}
}

func (s *scan) setAuthn(d string) {
	if s.fi.authn == "" {
		s.fi.authn = d
	}
}

func (s *scan) setAuthz(d string) {
	if s.fi.authz == "" {
		s.fi.authz = d
	}
}

func (s *scan) setOwns(d string) {
	if s.fi.owns == "" {
		s.fi.owns = d
	}
}

func (s *scan) setWork(d string) {
	if s.fi.work == "" {
		s.fi.work = d
	}
}

func (s *scan) setIssues(d string) {
	if s.fi.issues == "" {
		s.fi.issues = d
	}
}

// propagate taints variables assigned from credentials; it reports
// whether anything changed.
func (s *scan) propagate() bool {
	changed := false
	mark := func(lhs ast.Expr, w string) {
		id, ok := ast.Unparen(lhs).(*ast.Ident)
		if !ok || id.Name == "_" || w == "" {
			return
		}
		obj := s.info.ObjectOf(id)
		if obj == nil {
			return
		}
		if _, ok := s.taint[obj]; ok {
			return
		}
		// Booleans and numbers derived from a credential (ok, found,
		// len) are not credentials.
		if b, ok := obj.Type().Underlying().(*types.Basic); ok && b.Info()&types.IsString == 0 {
			return
		}
		s.taint[obj] = w
		changed = true
	}
	s.inspect(func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Rhs) == 1 {
				if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok && s.cred(call) == "" {
					for _, a := range call.Args {
						if s.cred(a) != "" {
							for _, l := range n.Lhs {
								if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
									if obj := s.info.ObjectOf(id); obj != nil {
										s.own[obj] = true
									}
								}
							}
							break
						}
					}
				}
			}
			if len(n.Lhs) == len(n.Rhs) {
				for i := range n.Lhs {
					mark(n.Lhs[i], s.cred(n.Rhs[i]))
					if s.markIdent(n.Lhs[i], n.Rhs[i]) {
						changed = true
					}
				}
			} else if len(n.Rhs) == 1 {
				w := s.cred(n.Rhs[0])
				for _, l := range n.Lhs {
					mark(l, w)
				}
				// u, ok := request.UserFrom(ctx): the first result.
				if s.markIdent(n.Lhs[0], n.Rhs[0]) {
					changed = true
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i := range n.Names {
					mark(n.Names[i], s.cred(n.Values[i]))
					if s.markIdent(n.Names[i], n.Values[i]) {
						changed = true
					}
				}
			} else if len(n.Values) == 1 {
				w := s.cred(n.Values[0])
				for _, l := range n.Names {
					mark(l, w)
				}
			}
		case *ast.RangeStmt:
			if w := s.cred(n.X); w != "" && n.Value != nil {
				mark(n.Value, w)
			}
		}
		return true
	})
	return changed
}

// cred returns a description of the credential e holds, or "".
func (s *scan) cred(e ast.Expr) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if obj := s.info.ObjectOf(e); obj != nil {
			return s.taint[obj]
		}
	case *ast.SelectorExpr:
		if sel := s.info.Selections[e]; sel != nil && sel.Kind() == types.FieldVal {
			return s.cred(e.X)
		}
	case *ast.IndexExpr:
		if w := s.cred(e.X); w != "" {
			return w
		}
		if isNamed(s.info.TypeOf(e.X), pkgHTTP, "Header") {
			if h, ok := s.constString(e.Index); ok && credname.IsCredentialHeader(h) && !strings.EqualFold(h, "Set-Cookie") {
				return "the " + h + " header"
			}
		}
	case *ast.SliceExpr:
		return s.cred(e.X)
	case *ast.TypeAssertExpr:
		return s.cred(e.X)
	case *ast.StarExpr:
		return s.cred(e.X)
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			if w := s.cred(e.X); w != "" {
				return w
			}
			return s.cred(e.Y)
		}
	case *ast.CallExpr:
		return s.credCall(e)
	}
	return ""
}

func (s *scan) constString(e ast.Expr) (string, bool) {
	tv, ok := s.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// credCall returns a description of the credential a call returns.
func (s *scan) credCall(call *ast.CallExpr) string {
	if tv, ok := s.info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			return s.cred(call.Args[0])
		}
		return ""
	}
	fn, ok := typeutil.Callee(s.info, call).(*types.Func)
	if !ok {
		return ""
	}
	if w := s.requestSource(fn, call); w != "" {
		return w
	}
	if fi := s.a.byObj[fn]; fi != nil {
		return fi.credSrc
	}
	var f CredentialSourceFact
	if s.a.pass.ImportObjectFact(fn, &f) {
		return f.What
	}
	// Standard-library string and encoding helpers pass a credential
	// through: strings.TrimPrefix(h, "Bearer "), base64 decoding.
	switch funcPath(fn) {
	case "strings", "bytes", "encoding/base64", "encoding/hex", "net/textproto":
		for _, a := range call.Args {
			if w := s.cred(a); w != "" {
				return w
			}
		}
		if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
			return s.cred(sel.X)
		}
	}
	return ""
}

// requestSource recognises library calls that read a credential of the
// incoming request.
func (s *scan) requestSource(fn *types.Func, call *ast.CallExpr) string {
	path, name, recv := funcPath(fn), fn.Name(), recvName(fn)
	arg := func(i int) (string, bool) {
		if i >= len(call.Args) {
			return "", false
		}
		return s.constString(call.Args[i])
	}
	header := func() string {
		if h, ok := arg(0); ok && credname.IsCredentialHeader(h) && !strings.EqualFold(h, "Set-Cookie") {
			return "the " + h + " header"
		}
		return ""
	}
	cookie := func() string {
		if c, ok := arg(0); ok && authCookieName(c) {
			return "the " + c + " cookie"
		}
		return ""
	}
	param := func() string {
		if p, ok := arg(0); ok && credParam(p) {
			return "the " + p + " parameter"
		}
		return ""
	}
	ctxKey := func() string {
		if len(call.Args) == 0 {
			return ""
		}
		if credKey(s.info, call.Args[0]) {
			return "a token from the request context"
		}
		return ""
	}
	switch {
	case path == pkgHTTP && recv == "Header" && (name == "Get" || name == "Values"):
		return header()
	case path == pkgHTTP && recv == "Request":
		switch name {
		case "BasicAuth":
			return "HTTP basic auth credentials"
		case "Cookie":
			return cookie()
		case "FormValue", "PostFormValue":
			return param()
		}
	case path == "net/url" && recv == "Values" && name == "Get":
		return param()
	case path == pkgGin && recv == "Context":
		switch name {
		case "GetHeader":
			return header()
		case "Query", "DefaultQuery", "PostForm", "DefaultPostForm", "GetQuery", "GetPostForm":
			return param()
		case "Cookie":
			return cookie()
		case "Get", "MustGet", "GetString", "Value":
			return ctxKey()
		}
	case isEchoPath(path) && recv == "Context":
		switch name {
		case "QueryParam", "FormValue":
			return param()
		case "Cookie":
			return cookie()
		case "Get":
			return ctxKey()
		}
	case path == pkgContext && name == "Value":
		return ctxKey()
	case hasPathPrefix(path, "github.com/ory/fosite") && name == "AccessTokenFromRequest":
		return "the bearer token"
	case hasPathPrefix(path, "github.com/go-oauth2/oauth2") && name == "BearerAuth":
		return "the bearer token"
	case hasPathPrefix(path, "github.com/go-chi/jwtauth") && strings.HasPrefix(name, "TokenFrom"):
		return "the bearer token"
	case isJWTPath(path) && strings.HasSuffix(path, "/request") && name == "ExtractToken":
		return "the bearer token"
	}
	return ""
}

// authCookieName reports whether a cookie name says it carries a
// session or token.
func authCookieName(n string) bool {
	if credname.IsCredential(n) {
		return true
	}
	for _, w := range credname.Words(n) {
		switch w {
		case "session", "sess", "sid", "auth", "jwt", "token", "access", "login", "remember", "sessionid":
			return true
		}
	}
	return false
}

// credParam reports whether a query or form parameter carries a bearer
// credential. Passwords (login forms) and signatures (webhooks, signed
// URLs) are left out on purpose: they are not bearer credentials.
func credParam(p string) bool {
	switch strings.ToLower(p) {
	case "password", "sig", "signature", "secret", "client_secret":
		return false
	}
	return credname.IsCredentialParam(p)
}

// credKey reports whether a context key names a raw credential: a key
// variable, constant or string called token, jwt, apiKey, credential.
func credKey(info *types.Info, e ast.Expr) bool {
	name := ""
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		name = e.Name
	case *ast.SelectorExpr:
		name = e.Sel.Name
	case *ast.CompositeLit:
		if t := info.TypeOf(e); t != nil {
			if n, ok := types.Unalias(t).(*types.Named); ok {
				name = n.Obj().Name()
			}
		}
	case *ast.CallExpr:
		if len(e.Args) == 1 {
			return credKey(info, e.Args[0])
		}
	}
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		name = constant.StringVal(tv.Value)
	}
	if name == "" {
		return false
	}
	w := credname.Words(name)
	for len(w) > 1 && (w[len(w)-1] == "key" || w[len(w)-1] == "ctx" || w[len(w)-1] == "context") && !(len(w) >= 2 && w[len(w)-2] == "api") {
		w = w[:len(w)-1]
	}
	return credname.IsCredential(strings.Join(w, "_"))
}

// visit records the signals of one node.
func (s *scan) visit(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.CallExpr:
		s.call(n)
	case *ast.BinaryExpr:
		if n.Op == token.EQL || n.Op == token.NEQ {
			s.compare(n, n.X, n.Y)
		}
	case *ast.IfStmt:
		if d := s.authzMention(n.Cond); d != "" {
			s.setAuthz(d)
		}
	case *ast.SwitchStmt:
		if n.Tag != nil {
			if d := s.authzMention(n.Tag); d != "" {
				s.setAuthz(d)
			}
		}
		for _, c := range n.Body.List {
			for _, e := range c.(*ast.CaseClause).List {
				if d := s.authzMention(e); d != "" {
					s.setAuthz(d)
				}
			}
		}
	case *ast.RangeStmt:
		if d := s.authzMention(n.X); d != "" {
			s.setAuthz(d)
		}
	case *ast.IndexExpr:
		if w := s.cred(n.Index); w != "" {
			if _, ok := s.info.TypeOf(n.X).Underlying().(*types.Map); ok && s.gates(n) {
				s.setAuthn("lookup of " + w + " in " + exprString(n.X))
				s.lookedUp[ast.Unparen(n.X)] = true
				if s.fixedKeySet(n.X) {
					// Membership in a configured set of keys says
					// nothing about who calls: it is the decision.
					s.setAuthz("membership in the configured key set " + exprString(n.X))
				}
			}
		}
	case *ast.AssignStmt:
		for _, l := range n.Lhs {
			if d := s.stateWrite(l); d != "" {
				s.setWork(d)
			}
		}
	case *ast.IncDecStmt:
		if d := s.stateWrite(n.X); d != "" {
			s.setWork(d)
		}
	case *ast.SelectorExpr, *ast.Ident:
		if d := s.stateRead(n.(ast.Expr)); d != "" {
			s.setWork(d)
		}
	}
	return true
}

// call records the signals of one call.
func (s *scan) call(call *ast.CallExpr) {
	// Delegation to the next handler makes a middleware.
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "ServeHTTP" && len(call.Args) == 2 {
		s.fi.delegates = true
	}
	obj := typeutil.Callee(s.info, call)
	if v, ok := obj.(*types.Var); ok && isHandlerType(v.Type()) {
		s.fi.delegates = true
		return
	}
	if b, ok := obj.(*types.Builtin); ok && b.Name() == "delete" && len(call.Args) > 0 {
		if !s.local(call.Args[0]) {
			s.setWork("deletes from " + exprString(call.Args[0]))
		}
		return
	}
	fn, ok := obj.(*types.Func)
	if !ok {
		return
	}
	if sig, ok := fn.Type().(*types.Signature); ok && isMiddlewareSig(sig) && !s.a.isMiddleware(s.fi) {
		// Building a middleware (requireScope("x", h)) wires routes; it
		// checks nothing in the function that builds it.
		return
	}
	path, name, recv := funcPath(fn), fn.Name(), recvName(fn)
	if path == pkgGin && recv == "Context" {
		switch name {
		case "Next":
			s.fi.delegates = true
		case "Set":
			s.fi.setsCtx = true
		}
	}
	if isEchoPath(path) && recv == "Context" && name == "Set" {
		s.fi.setsCtx = true
	}
	if d, ok := verifier(fn); ok {
		s.setAuthn(d)
	}
	if d, ok := authnMiddlewareLibrary(fn); ok {
		s.setAuthn(d)
	}
	if d, ok := fixedCredentialMiddleware(fn); ok {
		s.setAuthz(d)
	}
	if d, ok := authzLibrary(fn); ok {
		s.setAuthz(d)
	}
	if d, ok := issuer(fn); ok {
		s.setIssues(d)
	}
	if isJWTPath(path) && name == "WithAudience" {
		s.setAuthz("jwt.WithAudience")
	}
	s.requiredArgs(fn, call)
	if s.a.cfg.authz.matches(fn) {
		s.setAuthz(shortName(fn))
	}
	if s.a.cfg.authn.matches(fn) {
		s.setAuthn(shortName(fn))
	}
	if authzFuncHint(fn) {
		s.setAuthz(shortName(fn))
	}

	// A credential handed to code outside the standard library is
	// validated or looked up there: store.Lookup(key), validate(tok).
	// The result must decide what happens next (gate.go): a credential
	// passed to a translation or a formatter is no check.
	passesCred := false
	if !s.a.std(fn) && !isFramework(path) && !isNeutral(path) && !s.hmac {
		for _, a := range call.Args {
			if w := s.cred(a); w != "" {
				passesCred = true
				if s.gates(call) {
					s.setAuthn("passes " + w + " to " + shortName(fn))
				}
				break
			}
		}
	}

	// A method of an interface of an analyzed package whose
	// implementations authorize: a service checking the caller's
	// rights behind the interface the handler calls.
	if isAbstract(fn) && s.a.analyzed(fn) {
		var zf AuthorizesFact
		if s.a.pass.ImportObjectFact(fn, &zf) {
			if zf.Ownership {
				s.setOwns(shortName(fn) + " (" + zf.Check + ")")
			} else {
				s.setAuthz(shortName(fn) + " (" + zf.Check + ")")
			}
		}
	}
	local := s.a.byObj[fn]
	switch {
	case local != nil:
		s.fi.callees = append(s.fi.callees, fn)
	case !isAbstract(fn) && s.a.analyzed(fn):
		var af AuthenticatesFact
		if s.a.pass.ImportObjectFact(fn, &af) {
			s.setAuthn(shortName(fn) + " (" + af.Check + ")")
		}
		var zf AuthorizesFact
		if s.a.pass.ImportObjectFact(fn, &zf) {
			if zf.Ownership {
				s.setOwns(zf.Check)
			} else {
				s.setAuthz(shortName(fn) + " (" + zf.Check + ")")
			}
		}
		var wf WorkFact
		if s.a.pass.ImportObjectFact(fn, &wf) && af.Check == "" && !isRenderer(fn) {
			s.setWork("calls " + shortName(fn))
		}
		var isf IssuesFact
		if s.a.pass.ImportObjectFact(fn, &isf) {
			s.setIssues(isf.What)
		}
	case !s.a.std(fn) && !isFramework(path) && !isNeutral(path) && !isAuthPackage(path):
		// Code scopecheck cannot see (another module, or an interface
		// method): its name is the only hint.
		if authnCallHint(name) {
			s.setAuthn(shortName(fn))
		} else if _, ok := authzLibrary(fn); !ok && !authzNameHint(name) && !passesCred {
			s.setWork("calls " + shortName(fn))
		}
	case stdlibWork(fn):
		s.setWork("calls " + shortName(fn))
	}

	// Comparison helpers with a credential on one side.
	if isCompareFunc(fn) && len(call.Args) >= 2 {
		s.compare(call, call.Args[0], call.Args[1])
	}
	// The record found by the credential (the session or token) handed
	// to a data call is the caller's own: rs.Store.DeleteToken(token)
	// in a logout.
	if !passesCred && !s.a.std(fn) && !isFramework(path) && !isNeutral(path) {
		for _, a := range call.Args {
			if id, ok := ast.Unparen(a).(*ast.Ident); ok && s.own[s.info.ObjectOf(id)] {
				s.setOwns("acts on the caller's own " + id.Name + " in " + shortName(fn))
				break
			}
		}
	}
	// The caller's identity handed to a data call scopes the work to
	// the caller: store.ListOrders(claims.Subject).
	if (!s.a.std(fn) && !isFramework(path) && !isNeutral(path) && !isAuthPackage(path)) || stdlibWork(fn) {
		for _, a := range call.Args {
			if d := s.identityIn(a); d != "" {
				s.setOwns("uses " + d + " in " + shortName(fn))
				break
			}
		}
	}
}

// requiredArgs records an access decision when a call passes a value to
// a parameter named scope, role or permission:
// IntrospectToken(ctx, tok, typ, sess, "photos") or
// auth.Check(tok, "orders:write").
func (s *scan) requiredArgs(fn *types.Func, call *ast.CallExpr) {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || s.a.std(fn) {
		return
	}
	for i, a := range call.Args {
		pi := i
		if pi >= sig.Params().Len() {
			if !sig.Variadic() {
				break
			}
			pi = sig.Params().Len() - 1
		}
		p := sig.Params().At(pi)
		if !authzParamName(p.Name()) {
			continue
		}
		if s.trivial(a) {
			continue
		}
		s.setAuthz(shortName(fn) + " with required " + p.Name())
		return
	}
}

func isCompareFunc(fn *types.Func) bool {
	switch funcPath(fn) + "." + fn.Name() {
	case "crypto/subtle.ConstantTimeCompare", "crypto/hmac.Equal", "bytes.Equal", "strings.EqualFold", "slices.Contains",
		"strings.Compare", "bytes.Compare":
		return true
	}
	return false
}

// compare records a credential compared with a known key, an access
// decision on a scope or role, and an ownership check.
func (s *scan) compare(n ast.Node, x, y ast.Expr) {
	cx, cy := s.cred(x), s.cred(y)
	if (cx != "") != (cy != "") && !s.hmac {
		w, other := cx, y
		if w == "" {
			w, other = cy, x
		}
		if s.knownKey(other) {
			s.setAuthn("comparison of " + w + " with " + exprString(other))
			switch {
			case adminish(w) || adminish(exprString(other)):
				// A key bound to the admin role is its own access
				// decision: there is one principal, and it may do
				// everything.
				s.setAuthz("comparison with the admin key " + exprString(other))
			case s.fixedKey(other, 0):
				// A key fixed by configuration (one API key or
				// password, a fixed user map) has one principal, or
				// several of equal power: the check is the access
				// decision, and no scope is left to check.
				s.setAuthz("comparison with the configured key " + exprString(other))
			}
		}
	}
	if d := s.authzMention(x); d != "" {
		s.setAuthz(d)
	} else if d := s.authzMention(y); d != "" {
		s.setAuthz(d)
	}
	ix, iy := s.identityIn(x), s.identityIn(y)
	if ix != "" && !s.trivial(y) {
		s.setOwns("compares " + ix + " with " + exprString(y))
	} else if iy != "" && !s.trivial(x) {
		s.setOwns("compares " + iy + " with " + exprString(x))
	}
}

// knownKey reports whether e can be the known key a credential is
// compared with: a variable, field, call or long constant, not nil, an
// empty string, a scheme word or a length.
func (s *scan) knownKey(e ast.Expr) bool {
	e = ast.Unparen(e)
	if s.trivial(e) {
		if str, ok := s.constString(e); ok {
			return len(str) >= 8 && !strings.ContainsAny(str, " \t") && !schemeWord(str)
		}
		return false
	}
	if call, ok := e.(*ast.CallExpr); ok {
		if b, ok := typeutil.Callee(s.info, call).(*types.Builtin); ok && b.Name() == "len" {
			return false
		}
	}
	return true
}

func schemeWord(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "bearer", "basic", "token", "digest", "apikey", "api-key":
		return true
	}
	return false
}

func adminish(s string) bool {
	for _, w := range credname.Words(s) {
		switch w {
		case "admin", "root", "superuser", "operator", "master":
			return true
		}
	}
	return false
}

// trivial reports whether e is a constant, nil or a length: a value
// that cannot be a key or an owner.
func (s *scan) trivial(e ast.Expr) bool {
	e = ast.Unparen(e)
	if tv, ok := s.info.Types[e]; ok && (tv.Value != nil || tv.IsNil()) {
		return true
	}
	if call, ok := e.(*ast.CallExpr); ok {
		if b, ok := typeutil.Callee(s.info, call).(*types.Builtin); ok && (b.Name() == "len" || b.Name() == "cap") {
			return true
		}
	}
	if cl, ok := e.(*ast.CompositeLit); ok && len(cl.Elts) == 0 {
		return true
	}
	return false
}

// authzMention returns a description of the first scope, role,
// permission, group or audience read in e, or "".
func (s *scan) authzMention(e ast.Expr) string {
	found := ""
	ast.Inspect(e, func(n ast.Node) bool {
		if found != "" {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.SelectorExpr:
			if fn, ok := s.info.ObjectOf(n.Sel).(*types.Func); ok {
				if authzFuncHint(fn) || authzFieldName(n.Sel.Name) {
					found = exprString(n)
				}
			} else if authzFieldName(n.Sel.Name) || authzNameHint(n.Sel.Name) {
				found = exprString(n)
			}
		case *ast.IndexExpr:
			if k, ok := s.constString(n.Index); ok && authzFieldName(k) {
				found = exprString(n)
			}
		case *ast.CallExpr:
			// A claim read by key: c.Get("role"), claims.GetString("scope").
			for _, a := range n.Args {
				if k, ok := s.constString(a); ok && authzFieldName(k) {
					found = exprString(n.Fun) + "(" + strconvQuote(k) + ")"
					return false
				}
			}
		case *ast.Ident:
			if obj, ok := s.info.ObjectOf(n).(*types.Var); ok && authzFieldName(n.Name) && !isHandlerType(obj.Type()) {
				found = n.Name
			} else if fobj, ok := s.info.ObjectOf(n).(*types.Func); ok && authzFuncHint(fobj) {
				found = n.Name
			}
		}
		return true
	})
	return found
}

// identityIn returns a description of the caller's identity read in e
// (claims.Subject, user.ID, claims["sub"], tok.GetUserID()), or "".
func (s *scan) identityIn(e ast.Expr) string {
	found := ""
	ast.Inspect(e, func(n ast.Node) bool {
		if found != "" {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.Ident:
			if obj := s.info.ObjectOf(n); obj != nil && s.ident[obj] != "" {
				found = s.ident[obj]
			}
		case *ast.CallExpr:
			if d := s.identityGetter(n); d != "" {
				found = d
			} else if fn, ok := typeutil.Callee(s.info, n).(*types.Func); ok && s.a.byObj[fn] != nil && s.a.byObj[fn].callerSrc != "" && s.a.byObj[fn] != s.fi {
				found = exprString(n)
			}
		case *ast.SelectorExpr:
			if ok, generic := identityName(n.Sel.Name); ok && s.callerBase(n.X, generic) {
				found = exprString(n)
			} else if root := rootIdent(n.X); root != nil && s.ident[s.info.ObjectOf(root)] != "" {
				// An attribute of the caller (u.Libraries, u.OrgID).
				found = exprString(n)
			}
		case *ast.IndexExpr:
			if k, ok := s.constString(n.Index); ok {
				if ok, _ := identityName(k); ok && s.callerBase(n.X, false) {
					found = exprString(n)
				}
			}
		}
		return true
	})
	return found
}

// markIdent records that lhs holds the caller's identity, or a record
// made for the caller, when rhs is one; it reports whether it learnt
// something.
func (s *scan) markIdent(lhs, rhs ast.Expr) bool {
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok || id.Name == "_" {
		return false
	}
	obj := s.info.ObjectOf(id)
	if obj == nil || s.ident[obj] != "" {
		return false
	}
	d := ""
	switch r := ast.Unparen(rhs).(type) {
	case *ast.CallExpr:
		if tv, ok := s.info.Types[r.Fun]; ok && tv.IsType() && len(r.Args) == 1 {
			d = s.identityIn(r.Args[0])
		} else {
			// The result of a data call is not the identity, even
			// when the call is given it; the call itself is the
			// scoped work.
			d = s.identityGetter(r)
		}
	case *ast.Ident, *ast.SelectorExpr, *ast.IndexExpr, *ast.StarExpr, *ast.CompositeLit, *ast.UnaryExpr:
		d = s.identityIn(r)
	}
	if d == "" {
		return false
	}
	s.ident[obj] = d
	return true
}

// callerBase reports whether x, the value a field or claim is read
// from, stands for the authenticated caller. generic names such as "ID"
// need a user-like value (user, claims, principal); specific ones such
// as "Subject" or "UserID" need only that x is not the request or its
// decoded body.
func (s *scan) callerBase(x ast.Expr, generic bool) bool {
	x = ast.Unparen(x)
	if call, ok := x.(*ast.CallExpr); ok {
		x = call.Fun
	}
	name := ""
	switch x := x.(type) {
	case *ast.Ident:
		name = x.Name
	case *ast.SelectorExpr:
		name = x.Sel.Name
	case *ast.TypeAssertExpr:
		return s.callerBase(x.X, generic)
	case *ast.IndexExpr:
		return s.callerBase(x.X, generic)
	}
	typeName := ""
	if t := s.info.TypeOf(x); t != nil {
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			typeName = n.Obj().Name()
			if n.Obj().Pkg() != nil && (n.Obj().Pkg().Path() == pkgHTTP || n.Obj().Pkg().Path() == "net/url") {
				return false
			}
		}
	}
	for _, w := range credname.Words(name) {
		switch w {
		case "req", "request", "input", "body", "payload", "params", "param", "form", "args", "dto", "cmd", "in", "r":
			return false
		}
	}
	if !generic {
		return true
	}
	return userLike(name) || userLike(typeName)
}

// local reports whether e is rooted in a variable declared inside the
// function being scanned (or a parameter of a handler), as opposed to
// package state, a receiver's fields or captured variables.
func (s *scan) local(e ast.Expr) bool {
	root := rootIdent(e)
	if root == nil {
		return true
	}
	obj, ok := s.info.ObjectOf(root).(*types.Var)
	if !ok {
		return true
	}
	if obj.Parent() == nil || obj.Pkg() == nil {
		return true // fields and the like
	}
	if obj.Parent() == obj.Pkg().Scope() {
		return false // package-level variable
	}
	if s.fi.decl != nil && s.fi.decl.Recv != nil {
		for _, f := range s.fi.decl.Recv.List {
			for _, n := range f.Names {
				if s.info.Defs[n] == obj {
					return false // the receiver's fields are state
				}
			}
		}
	}
	// Parameters and variables of the function are local; a variable
	// captured from outside a literal is not.
	var node ast.Node = s.fi.lit
	if s.fi.decl != nil {
		node = s.fi.decl
	}
	return node.Pos() <= obj.Pos() && obj.Pos() < node.End()
}

// isAbstract reports whether fn is an interface method, whose
// implementation scopecheck cannot see at the call.
func isAbstract(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	return ok && sig.Recv() != nil && types.IsInterface(sig.Recv().Type())
}

func rootIdent(e ast.Expr) *ast.Ident {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return x
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// stateWrite describes a write to application state: an element or
// field of a package variable, a receiver or a captured variable, or a
// package variable itself. Assigning a captured local (err, result) is
// not state.
func (s *scan) stateWrite(l ast.Expr) string {
	l = ast.Unparen(l)
	if s.local(l) {
		return ""
	}
	if id, ok := l.(*ast.Ident); ok {
		v, ok := s.info.ObjectOf(id).(*types.Var)
		if !ok || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
			return ""
		}
	}
	if authRelatedName(exprString(l)) {
		return ""
	}
	return "writes " + exprString(l)
}

// stateRead describes a read of a collection held by the package, the
// receiver or a captured variable: s.orders, users.
func (s *scan) stateRead(e ast.Expr) string {
	var v *types.Var
	switch e := e.(type) {
	case *ast.Ident:
		v, _ = s.info.Uses[e].(*types.Var)
	case *ast.SelectorExpr:
		if sel := s.info.Selections[e]; sel != nil && sel.Kind() == types.FieldVal {
			v, _ = sel.Obj().(*types.Var)
		} else {
			v, _ = s.info.Uses[e.Sel].(*types.Var)
		}
	}
	if v == nil || s.lookedUp[e] {
		return ""
	}
	switch v.Type().Underlying().(type) {
	case *types.Map, *types.Slice:
	default:
		return ""
	}
	if s.local(e) || authRelatedName(v.Name()) || authzFieldName(v.Name()) {
		return ""
	}
	if id, ok := e.(*ast.Ident); ok {
		// An identifier that is a struct field (in a composite literal
		// key) or a local is not state.
		if v.IsField() {
			return ""
		}
		_ = id
	}
	return "reads " + exprString(e)
}

// authRelatedName reports whether a variable or field name is about
// authentication machinery (keys, verifiers, configuration, loggers),
// whose use is not the work a handler protects.
func authRelatedName(name string) bool {
	if credname.IsCredential(name) {
		return true
	}
	for _, w := range credname.Words(name) {
		switch w {
		case "key", "keys", "verifier", "secret", "secrets", "jwks", "auth", "config", "cfg", "conf", "log", "logger",
			"issuer", "provider", "enforcer", "mu", "mutex", "lock", "tokens", "token", "sessions", "session", "metrics",
			"allowed", "allowlist", "whitelist", "origins", "public", "routes", "handlers", "middleware", "middlewares",
			"scopes", "roles", "permissions":
			return true
		}
	}
	return false
}

func strconvQuote(s string) string { return fmt.Sprintf("%q", s) }

// exprString renders a short expression for messages.
func exprString(e ast.Expr) string {
	var b strings.Builder
	writeExpr(&b, e, 0)
	s := b.String()
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return s
}

func writeExpr(b *strings.Builder, e ast.Expr, depth int) {
	if depth > 6 {
		b.WriteString("…")
		return
	}
	switch e := e.(type) {
	case *ast.Ident:
		b.WriteString(e.Name)
	case *ast.SelectorExpr:
		writeExpr(b, e.X, depth+1)
		b.WriteString(".")
		b.WriteString(e.Sel.Name)
	case *ast.CallExpr:
		if _, conv := e.Fun.(*ast.ArrayType); conv && len(e.Args) == 1 {
			writeExpr(b, e.Args[0], depth+1) // []byte(key)
			return
		}
		writeExpr(b, e.Fun, depth+1)
		b.WriteString("(…)")
	case *ast.IndexExpr:
		writeExpr(b, e.X, depth+1)
		b.WriteString("[")
		writeExpr(b, e.Index, depth+1)
		b.WriteString("]")
	case *ast.BasicLit:
		// Never quote a literal whole: it may be a hardcoded key. Four
		// leading characters are enough to recognise it.
		v := e.Value
		if e.Kind == token.STRING && len(v) > 6 {
			v = v[:5] + "…" + v[len(v)-1:]
		}
		b.WriteString(v)
	case *ast.StarExpr:
		b.WriteString("*")
		writeExpr(b, e.X, depth+1)
	case *ast.ParenExpr:
		writeExpr(b, e.X, depth+1)
	case *ast.UnaryExpr:
		b.WriteString(e.Op.String())
		writeExpr(b, e.X, depth+1)
	case *ast.TypeAssertExpr:
		writeExpr(b, e.X, depth+1)
		b.WriteString(".(…)")
	case *ast.CompositeLit:
		if e.Type != nil {
			writeExpr(b, e.Type, depth+1)
		}
		b.WriteString("{…}")
	case *ast.FuncLit:
		b.WriteString("func literal")
	default:
		b.WriteString(fmt.Sprintf("%T", e)[5:])
	}
}
