package tokenverify

import (
	"github.com/authvet/authvet/analyzers/internal/jwtlib"

	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// The state rule: OAuth2 authorization-code flows without CSRF
// protection. RFC 6749 §10.12 asks for an unguessable state bound to the
// user agent; RFC 9700 §2.1 lets PKCE carry that protection instead, so
// flows that send a code challenge (oauth2.S256ChallengeOption) or
// exchange with a verifier (oauth2.VerifierOption) are left alone.

// requestReads are the methods that read a query or form parameter in
// net/http, gin, echo, fiber and chi-style code.
var requestReads = map[string]bool{
	"Get": true, "FormValue": true, "PostFormValue": true, "Query": true,
	"QueryParam": true, "DefaultQuery": true, "GetQuery": true, "PostForm": true,
	"FormParam": true, "Param": true, "DefaultPostForm": true, "GetPostForm": true,
}

// checkAuthCodeURL reports AuthCodeURL with a constant state.
func (c *pkgctx) checkAuthCodeURL(call *ast.CallExpr) {
	if len(call.Args) < 1 || c.hasPKCE(call.Args[1:], call.Ellipsis.IsValid()) {
		return
	}
	if b, ok := c.parents[call].(*ast.BinaryExpr); ok && b.Op == token.ADD {
		// AuthCodeURL(s) + "&code_challenge=…": PKCE added by hand.
		if k, ok := c.constString(b.Y); ok && strings.Contains(k, "code_challenge") {
			return
		}
	}
	if c.constantState(call.Args[0], 0) && c.servesCallback() {
		c.report(call.Args[0], catState, "oauth2 AuthCodeURL is given a constant state, so the callback cannot tell its own redirects from forged ones (CSRF); use a random state bound to the user's session or cookie, or PKCE")
		return
	}
	if c.readsParam(call.Args[0], "", 0) {
		// The state is a parameter of the request that starts the
		// flow (commento's AuthCodeURL(r.FormValue("commenterToken"))):
		// whoever sends that request chooses it, so it binds the
		// callback to nothing the victim's browser holds. An attacker
		// starts a flow with a state of his own and hands the victim
		// the provider's URL.
		c.report(call.Args[0], catState, "oauth2 AuthCodeURL is given a state read from the request that starts the flow, so whoever sends that request chooses it and the callback cannot tell its own redirects from forged ones (CSRF); use a random state bound to the user's session or cookie, or PKCE")
	}
}

// servesCallback reports whether the package reads an authorization
// response from a request: a read of the request parameter "code" or
// "state". A package that reads none (a command-line tool printing the
// authorization URL and reading the code the user pastes back,
// shoutrrr's XOAuth2 generator: fmt.Scanln(&verCode)) has no callback
// for a forged response to reach, and its state protects nothing. A
// command-line tool that serves its own loopback callback reads the
// code from that request, and is judged.
func (c *pkgctx) servesCallback() bool {
	if c.callback == 0 {
		c.callback = 1
		for _, f := range c.pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok && (isParamRead(c, call, "code") || isParamRead(c, call, "state")) {
					c.callback = 2
				}
				return c.callback != 2
			})
			if c.callback == 2 {
				break
			}
		}
	}
	return c.callback == 2
}

// constantState reports whether a state expression is a constant, or a
// variable only ever assigned constants.
func (c *pkgctx) constantState(e ast.Expr, depth int) bool {
	if c.isConst(e) {
		return true
	}
	if depth > 3 {
		return false
	}
	defs, obj := c.localDefs(e)
	if obj == nil || c.isParam(obj) || len(defs) == 0 {
		return false
	}
	for _, d := range defs {
		if d.index >= 0 || d.rng || !c.constantState(d.rhs, depth+1) {
			return false
		}
	}
	return true
}

// hasPKCE reports whether AuthCodeURL or Exchange options carry PKCE.
// Options forwarded from elsewhere (opts...) are assumed to.
func (c *pkgctx) hasPKCE(opts []ast.Expr, ellipsis bool) bool {
	for _, o := range opts {
		if c.isPKCEOption(o, 0) {
			return true
		}
	}
	if ellipsis && len(opts) > 0 {
		if _, obj := c.localDefs(opts[len(opts)-1]); obj == nil || c.isParam(obj) {
			return true
		}
	}
	return false
}

func (c *pkgctx) isPKCEOption(e ast.Expr, depth int) bool {
	if depth > 3 {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := c.callee(e)
		if fn == nil {
			return false
		}
		if jwtlib.Unvendor(pkgPath(fn)) == pathOAuth2 {
			switch fn.Name() {
			case "S256ChallengeOption", "VerifierOption":
				return true
			case "SetAuthURLParam":
				if len(e.Args) > 0 {
					k, _ := c.constString(e.Args[0])
					return k == "code_challenge" || k == "code_verifier"
				}
			}
		}
		if fn.Name() == "append" || pkgPath(fn) == "" {
			for _, a := range e.Args {
				if c.isPKCEOption(a, depth+1) {
					return true
				}
			}
		}
	case *ast.CompositeLit:
		for _, el := range e.Elts {
			if c.isPKCEOption(el, depth+1) {
				return true
			}
		}
	case *ast.Ident:
		defs, obj := c.localDefs(e)
		if obj == nil {
			return false
		}
		for _, d := range defs {
			if d.index < 0 && !d.rng && c.isPKCEOption(d.rhs, depth+1) {
				return true
			}
		}
	}
	return false
}

// checkExchange reports a callback that exchanges the request's code
// without comparing the request's state with anything.
func (c *pkgctx) checkExchange(call *ast.CallExpr) {
	if len(call.Args) < 2 || c.hasPKCE(call.Args[2:], call.Ellipsis.IsValid()) {
		return
	}
	if !c.readsParam(call.Args[1], "code", 0) {
		// The code arrives from a caller that may check the state.
		return
	}
	outer := c.outerFunc(call)
	if outer == nil || c.checksState(outer, 0) {
		return
	}
	if c.pluginCallback(outer) {
		// Called through an interface by a framework that may check
		// the state before: unknown, and unknown is not reported.
		return
	}
	c.report(call, catState, "OAuth2 callback exchanges the request's code without comparing its state parameter with the one it issued (cookie or session), so a forged callback can log the user in to an attacker's account (CSRF)")
}

// readsParam reports whether e is, or was assigned, a read of the
// request parameter name, or of any parameter when name is "".
func (c *pkgctx) readsParam(e ast.Expr, name string, depth int) bool {
	if depth > 3 {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if isParamRead(c, e, name) {
			return true
		}
		if tv, ok := c.info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return c.readsParam(e.Args[0], name, depth+1)
		}
	case *ast.IndexExpr:
		// r.URL.Query()["code"][0], r.Form["code"]
		if k, ok := c.constString(e.Index); ok && (name == "" || k == name) && c.fromRequest(e.X, 0) {
			return true
		}
		return c.readsParam(e.X, name, depth+1)
	case *ast.Ident:
		defs, obj := c.localDefs(e)
		if obj == nil {
			return false
		}
		for _, d := range defs {
			if !d.rng && c.readsParam(d.rhs, name, depth+1) {
				return true
			}
		}
	}
	return false
}

// isParamRead reports r.FormValue("state"), q.Get("state"),
// c.Query("state") and the like.
func isParamRead(c *pkgctx, call *ast.CallExpr, name string) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || !requestReads[sel.Sel.Name] || len(call.Args) < 1 {
		return false
	}
	k, ok := c.constString(call.Args[0])
	// The parameter must come from the incoming request, not from a
	// library's own parameter bag (goth.Params) filled after its state
	// check.
	return ok && (name == "" || k == name) && c.fromRequest(sel.X, 0)
}

// checksState reports whether fn compares the request's state: a read
// of the state parameter used in a comparison, a lookup, or a call that
// is not logging; a call of a function named like a state check; or the
// request handed to a function of this package that does one of these.
func (c *pkgctx) checksState(fn ast.Node, depth int) bool {
	if depth > 2 {
		return true
	}
	body := funcBody(fn)
	if body == nil {
		return true
	}
	stateVars := map[types.Object]bool{}
	// First pass: variables assigned a state read.
	ast.Inspect(body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok {
			for i, r := range as.Rhs {
				if i < len(as.Lhs) && c.readsParam(r, "state", 0) {
					if obj := c.objOf(as.Lhs[i]); obj != nil {
						stateVars[obj] = true
					}
				}
			}
		}
		return true
	})
	isState := func(e ast.Expr) bool {
		e = ast.Unparen(e)
		if id, ok := e.(*ast.Ident); ok {
			return stateVars[c.info.Uses[id]]
		}
		return c.readsParam(e, "state", 1)
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.BinaryExpr:
			if (n.Op == token.EQL || n.Op == token.NEQ) && (isState(n.X) || isState(n.Y)) {
				found = true
			}
		case *ast.IndexExpr:
			if isState(n.Index) {
				found = true
			}
		case *ast.SwitchStmt:
			if n.Tag != nil && isState(n.Tag) {
				found = true
			}
		case *ast.CallExpr:
			fnObj := c.callee(n)
			if fnObj != nil && strings.Contains(strings.ToLower(fnObj.Name()), "state") {
				found = true
				return false
			}
			if fnObj != nil && isLogCall(fnObj) {
				return true
			}
			for _, a := range n.Args {
				if isState(a) {
					found = true
					return false
				}
			}
			if fnObj != nil {
				if d := c.decls[fnObj]; d != nil && passesRequest(c, n) && c.checksState(d, depth+1) {
					found = true
				}
			}
		}
		return true
	})
	return found
}

// passesRequest reports whether a call is given the request (or a web
// framework's context) as an argument.
func passesRequest(c *pkgctx, call *ast.CallExpr) bool {
	for _, a := range call.Args {
		switch typeName(c.info.TypeOf(a)) {
		case "Request", "Context", "Ctx":
			return true
		}
	}
	return false
}

// isLogCall reports calls of logging and printing functions.
func isLogCall(fn *types.Func) bool {
	p := pkgPath(fn)
	switch {
	case p == "log" || p == "log/slog":
		return true
	case p == "fmt":
		return strings.HasPrefix(fn.Name(), "Print") || strings.HasPrefix(fn.Name(), "Fprint") || fn.Name() == "Errorf"
	case strings.Contains(p, "zap") || strings.Contains(p, "logrus") || strings.Contains(p, "zerolog") || strings.Contains(p, "glog") || strings.Contains(p, "klog"):
		return true
	}
	return false
}

// pluginCallback reports whether fn is a connector or plug-in callback:
// a method, not itself an HTTP handler, that implements a method of an
// interface declared in this package or one it imports. The framework
// calls it through the interface, and the state check is the
// framework's (an identity server matching the state before it hands
// the request to the connector).
func (c *pkgctx) pluginCallback(fn ast.Node) bool {
	d, ok := fn.(*ast.FuncDecl)
	if !ok || d.Recv == nil {
		return false
	}
	obj, ok := c.info.Defs[d.Name].(*types.Func)
	if !ok {
		return false
	}
	sig := obj.Type().(*types.Signature)
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		if typeName(t) == "ResponseWriter" {
			return false // a handler answers the request itself
		}
		if n, ok := types.Unalias(derefType(t)).(*types.Named); ok && n.Obj().Pkg() != nil {
			if p := n.Obj().Pkg().Path(); strings.Contains(p, "gin-gonic/gin") || strings.Contains(p, "labstack/echo") || strings.Contains(p, "gofiber/fiber") {
				return false
			}
		}
	}
	recv := sig.Recv().Type()
	pkgs := append([]*types.Package{c.pass.Pkg}, c.pass.Pkg.Imports()...)
	for _, p := range pkgs {
		scope := p.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || !tn.Exported() && p != c.pass.Pkg {
				continue
			}
			iface, ok := tn.Type().Underlying().(*types.Interface)
			if !ok || iface.NumMethods() == 0 {
				continue
			}
			has := false
			for i := 0; i < iface.NumMethods(); i++ {
				if iface.Method(i).Name() == obj.Name() {
					has = true
				}
			}
			if has && (types.Implements(recv, iface) || types.Implements(types.NewPointer(derefType(recv)), iface)) {
				return true
			}
		}
	}
	return false
}

func derefType(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}
