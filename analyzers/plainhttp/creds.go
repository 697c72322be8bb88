package plainhttp

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/types/typeutil"
)

// The mission of plainhttp/url is an http:// API base URL that sends a
// credential in clear text. A literal public host whose request carries
// none is a note (nocred.go). A host known only at run time (an admin address, an upstream, a
// service from configuration) is as often a local or in-cluster peer as
// a public API, so there the request must visibly carry a credential:
// an Authorization, API-key or other credential header, basic auth, a
// cookie, a credential query parameter, or an authenticated client
// (oauth2.Config.Client, oauth2.NewClient, clientcredentials).

// carriesCredentials reports whether the client call on top of stack
// visibly sends a credential: the function around it (or a function of
// the package it hands the request to, or one that calls it and gets the
// request back) sets one, or the URL value itself holds a credential
// parameter.
func (c *checker) carriesCredentials(stack []ast.Node, urlValue string) bool {
	if urlHasCredentialParam(urlValue) || urlHasPassword(urlValue) {
		return true
	}
	var fn ast.Node
	for i := len(stack) - 1; i >= 0 && fn == nil; i-- {
		switch f := stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			fn = f
		}
	}
	if fn == nil {
		return false
	}
	if c.setsCredentials(fn) {
		return true
	}
	// One step along the request: functions of the package that receive
	// it, or that call this one and get the request back (a
	// newRequest helper whose caller adds the header).
	idx := c.res.index()
	var body *ast.BlockStmt
	var self *types.Func
	switch f := fn.(type) {
	case *ast.FuncDecl:
		body = f.Body
		self, _ = c.pass.TypesInfo.Defs[f.Name].(*types.Func)
	case *ast.FuncLit:
		body = f.Body
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		callee, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
		if callee == nil || callee.Pkg() != c.pass.Pkg {
			return true
		}
		for _, a := range call.Args {
			if isRequestValue(c.pass.TypesInfo, a) {
				if d := idx.decls[callee.Origin()]; d != nil && c.setsCredentials(d) {
					found = true
				}
			}
		}
		return !found
	})
	if found || self == nil || !returnsRequest(self) {
		return found
	}
	for _, call := range idx.calls[self.Origin()] {
		if caller := c.enclosingDecl(call.Pos()); caller != nil && c.setsCredentials(caller) {
			return true
		}
	}
	return false
}

// isRequestValue reports whether e is an *http.Request.
func isRequestValue(info *types.Info, e ast.Expr) bool {
	return isNamed(typeOf(info, e), "net/http", "Request")
}

// returnsRequest reports whether fn returns an *http.Request.
func returnsRequest(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	for i := 0; i < sig.Results().Len(); i++ {
		if isNamed(sig.Results().At(i).Type(), "net/http", "Request") {
			return true
		}
	}
	return false
}

// enclosingDecl returns the function declaration holding pos.
func (c *checker) enclosingDecl(pos token.Pos) *ast.FuncDecl {
	for _, f := range c.pass.Files {
		if f.FileStart > pos || pos > f.FileEnd {
			continue
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Pos() <= pos && pos < fd.End() {
				return fd
			}
		}
	}
	return nil
}

// setsCredentials reports whether the body of fn attaches a credential
// to a request: a credential header set or added (by constant name, or
// with a value that is a credential), SetBasicAuth, AddCookie, an
// http.Header literal with a credential key, a credential url.Values
// parameter (set, or a key of a url.Values literal, as a form posts it),
// a "Bearer " or "Basic " literal, credentials set on a resty client or
// request (restyCredential), or an authenticated oauth2 client.
func (c *checker) setsCredentials(fn ast.Node) bool {
	info := c.pass.TypesInfo
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.BasicLit:
			if n.Kind == token.STRING {
				if s, err := strconv.Unquote(n.Value); err == nil {
					ls := strings.ToLower(strings.TrimSpace(s))
					if ls == "bearer" || ls == "basic" || strings.HasPrefix(ls, "bearer ") || strings.HasPrefix(ls, "basic ") || strings.HasPrefix(ls, "token ") {
						found = true
					}
				}
			}
		case *ast.CallExpr:
			fn, _ := typeutil.Callee(info, n).(*types.Func)
			if fn == nil || fn.Pkg() == nil {
				return true
			}
			path, name := trimVendor(fn.Pkg().Path()), fn.Name()
			recv := recvTypeName(fn)
			switch {
			case path == "net/http" && recv == "Request" && (name == "SetBasicAuth" || name == "AddCookie"):
				found = true
			case path == "net/http" && recv == "Header" && (name == "Set" || name == "Add") && len(n.Args) == 2:
				found = c.credentialKey(n.Args[0], credname.IsCredentialHeader) || c.credentialValue(n.Args[1])
			case path == "net/url" && recv == "Values" && (name == "Set" || name == "Add") && len(n.Args) == 2:
				found = c.credentialKey(n.Args[0], credname.IsCredentialParam)
			case isResty(path) && (recv == "Client" || recv == "Request"):
				found = c.restyCredential(name, n)
			case (path == "golang.org/x/oauth2" && (name == "NewClient" || name == "Client" || name == "TokenSource" || name == "StaticTokenSource")),
				(path == "golang.org/x/oauth2/clientcredentials" && (name == "Client" || name == "TokenSource")):
				found = true
			}
		case *ast.IndexExpr:
			// req.Header["Authorization"] = …
			if isNamed(typeOf(info, n.X), "net/http", "Header") {
				found = c.credentialKey(n.Index, credname.IsCredentialHeader)
			}
		case *ast.CompositeLit:
			if isNamed(typeOf(info, n), "net/http", "Header") {
				for _, e := range n.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok && c.credentialKey(kv.Key, credname.IsCredentialHeader) {
						found = true
					}
				}
			}
			if isNamed(typeOf(info, n), "net/url", "Values") {
				// url.Values{"client_secret": {…}} sent as a form
				// (http.PostForm) or a query carries the credential.
				for _, e := range n.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok && c.credentialKey(kv.Key, credname.IsCredentialParam) {
						found = true
					}
				}
			}
		}
		return !found
	})
	return found
}

// credentialKey reports whether e is a constant header or parameter
// name that carries a credential.
func (c *checker) credentialKey(e ast.Expr, is func(string) bool) bool {
	tv, ok := c.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil {
		return false
	}
	s, err := strconv.Unquote(tv.Value.ExactString())
	return err == nil && is(s)
}

// credentialValue reports whether a header value is a credential by type
// or name (c.token, "Bearer " + key).
func (c *checker) credentialValue(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if x, ok := n.(ast.Expr); ok && !found {
			if _, ok := credsrc.FromExpr(c.pass.TypesInfo, x); ok {
				found = true
			}
		}
		return !found
	})
	return found
}

// urlHasCredentialParam reports whether a resolved URL carries a
// credential query parameter (?access_token=, &api_key=).
func urlHasCredentialParam(s string) bool {
	_, q, ok := strings.Cut(s, "?")
	if !ok {
		return false
	}
	for _, kv := range strings.FieldsFunc(q, func(r rune) bool { return r == '&' || r == ';' }) {
		k, _, _ := strings.Cut(kv, "=")
		if credname.IsCredentialParam(k) {
			return true
		}
	}
	return false
}

// recvTypeName names the receiver's named type of a method, or "".
func recvTypeName(fn *types.Func) string {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return ""
	}
	t := sig.Recv().Type()
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// schemeRewritten reports whether the url.URL built by lit may have its
// scheme changed before use: the variable holding it has its Scheme
// assigned, or is handed (by pointer or as a pointer) to a function
// outside the standard library, which may rewrite it (a transport that
// switches health checks to https). Its "http" is then a default, not a
// fixed choice.
func (r *resolver) schemeRewritten(lit *ast.CompositeLit) bool {
	var obj types.Object
	for o, srcs := range r.index().srcs {
		for _, s := range srcs {
			e := ast.Unparen(s.expr)
			if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
				e = ast.Unparen(u.X)
			}
			if e == lit {
				obj = o
			}
		}
	}
	return r.varSchemeRewritten(obj)
}

// varSchemeRewritten reports whether the url.URL held by the variable
// obj may have its scheme changed before use (see schemeRewritten):
// also one that url.Parse made from an "http://" text, as telegraf's
// proxy dialer does to split an address (url.Parse("http://" + addr),
// then requestURL.Scheme = "").
func (r *resolver) varSchemeRewritten(obj types.Object) bool {
	info := r.pass.TypesInfo
	if v, ok := obj.(*types.Var); !ok || v.IsField() {
		return false
	}
	isObj := func(e ast.Expr) bool {
		e = ast.Unparen(e)
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
			e = ast.Unparen(u.X)
		}
		id, ok := e.(*ast.Ident)
		return ok && info.Uses[id] == obj
	}
	found := false
	r.insp.Preorder([]ast.Node{(*ast.CallExpr)(nil), (*ast.AssignStmt)(nil)}, func(n ast.Node) {
		if found {
			return
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			fn, _ := typeutil.Callee(info, n).(*types.Func)
			if fn != nil && fn.Pkg() != nil && isStdlib(fn.Pkg().Path()) {
				return
			}
			passed := false
			for _, a := range n.Args {
				passed = passed || isObj(a)
			}
			if !passed {
				return
			}
			// A function of this package is read: it rewrites the URL
			// only if it assigns a Scheme. Anything else (an interface
			// method, another module's function) may.
			if fn != nil {
				if d := r.index().decls[fn.Origin()]; d != nil && d.Body != nil && !assignsScheme(d.Body) {
					return
				}
			}
			found = true
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok && sel.Sel.Name == "Scheme" && isObj(sel.X) {
					found = true
				}
			}
		}
	})
	return found
}

// assignsScheme reports whether body assigns some value's Scheme field.
func assignsScheme(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok {
			for _, l := range as.Lhs {
				if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok && sel.Sel.Name == "Scheme" {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// isResty reports whether path is go-resty.
func isResty(path string) bool {
	return strings.HasPrefix(path, "github.com/go-resty/resty") || strings.HasPrefix(path, "resty.dev/")
}

// restyCredential reports whether a call of a resty Client or Request
// method attaches a credential to the requests it sends: basic, digest or
// token auth, a credential header, cookie or query parameter. A resty
// client configured in a chain (resty.New().SetBaseURL(u).SetBasicAuth(k,
// s)) sends them on every request to the base URL.
func (c *checker) restyCredential(name string, call *ast.CallExpr) bool {
	switch name {
	case "SetBasicAuth", "SetDigestAuth", "SetAuthToken", "SetCookie", "SetCookies":
		return true
	case "SetHeader":
		return len(call.Args) == 2 && (c.credentialKey(call.Args[0], credname.IsCredentialHeader) || c.credentialValue(call.Args[1]))
	case "SetQueryParam":
		return len(call.Args) == 2 && c.credentialKey(call.Args[0], credname.IsCredentialParam)
	case "SetHeaders":
		return c.literalKey(call, credname.IsCredentialHeader)
	case "SetQueryParams", "SetFormData":
		return c.literalKey(call, credname.IsCredentialParam)
	}
	return false
}

// literalKey reports whether an argument of call is a map literal with a
// constant key that names a credential.
func (c *checker) literalKey(call *ast.CallExpr, is func(string) bool) bool {
	for _, a := range call.Args {
		if lit, ok := ast.Unparen(a).(*ast.CompositeLit); ok {
			for _, e := range lit.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok && c.credentialKey(kv.Key, is) {
					return true
				}
			}
		}
	}
	return false
}
