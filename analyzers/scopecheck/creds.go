package scopecheck

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"github.com/authvet/authvet/analyzers/internal/textual"
	"golang.org/x/tools/go/types/typeutil"
)

// Credentials of the request: where they are read, and which
// variables hold them.

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
			s.markOwnSession(n.Lhs, n.Rhs) // nonwork.go
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
			s.markOwnSession(identExprs(n.Names), n.Values)
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
			// for org := range u.Orgs: the keys and values of the
			// caller's own attribute are the caller's.
			if d := s.identityIn(n.X); d != "" {
				for _, l := range []ast.Expr{n.Key, n.Value} {
					if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
						if obj := s.info.ObjectOf(id); obj != nil && s.ident[obj] == "" {
							s.ident[obj] = d
							changed = true
						}
					}
				}
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
		if isNamed(s.info.TypeOf(e.X), pkgHTTP, "Header") || isNamed(s.info.TypeOf(e.X), pkgGRPCMetadata, "MD") {
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

// constString returns the string constant value of e, if it has one.
func (s *scan) constString(e ast.Expr) (string, bool) {
	return textual.ConstString(s.info, e)
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
		if fi.credSrc == "" && s.a.passesThrough(fn) {
			// The module's own parser of a credential it is handed
			// (decoder.go).
			for _, a := range call.Args {
				if w := s.cred(a); w != "" {
					return w
				}
			}
		}
		return fi.credSrc
	}
	var f CredentialSourceFact
	if s.a.pass.ImportObjectFact(fn, &f) {
		return f.What
	}
	// Standard-library string and encoding helpers pass a credential
	// through: strings.TrimPrefix(h, "Bearer "), base64 decoding. So do
	// hash functions: a key stored hashed is looked up by its digest
	// (keys[hex.EncodeToString(sha256.Sum256([]byte(k)))]), and that
	// lookup checks the caller's credential as much as keys[k] would.
	if passThroughPkg(funcPath(fn)) {
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
		if h, ok := arg(0); ok && credname.IsCredentialHeader(h) && !strings.EqualFold(h, "Set-Cookie") && !antiForgeryName(h) {
			return "the " + h + " header"
		}
		return ""
	}
	cookie := func() string {
		if c, ok := arg(0); ok && authCookieName(c) && !antiForgeryName(c) {
			return "the " + c + " cookie"
		}
		return ""
	}
	param := func() string {
		if p, ok := arg(0); ok && credParam(p) && !antiForgeryName(p) {
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
	case path == pkgGRPCMetadata && recv == "MD" && name == "Get":
		// gRPC request metadata: md.Get("authorization").
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
	case isFiberPath(path) && recv == "Ctx":
		switch name {
		case "Get":
			return header()
		case "Query", "FormValue":
			return param()
		case "Cookies":
			return cookie()
		case "Locals":
			if len(call.Args) == 1 {
				return ctxKey()
			}
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
	if cred, known := credsrc.CookieName(n); known && !cred {
		// csrf_token, XSRF-TOKEN: a double-submit token (csrf.go).
		return false
	}
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
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		if len(call.Args) == 1 {
			return credKey(info, call.Args[0])
		}
		return false
	}
	name := ctxKeyName(info, e)
	if name == "" || antiForgeryName(name) {
		return false
	}
	w := credname.Words(name)
	for len(w) > 1 && (w[len(w)-1] == "key" || w[len(w)-1] == "ctx" || w[len(w)-1] == "context") && !(len(w) >= 2 && w[len(w)-2] == "api") {
		w = w[:len(w)-1]
	}
	return credname.IsCredential(strings.Join(w, "_"))
}

// ctxKeyName is the name a context key goes by: its identifier, the
// selected name, the type of a composite-literal key, or its constant
// string value.
func ctxKeyName(info *types.Info, e ast.Expr) string {
	name := ""
	switch k := ast.Unparen(e).(type) {
	case *ast.Ident:
		name = k.Name
	case *ast.SelectorExpr:
		name = k.Sel.Name
	case *ast.CompositeLit:
		if t := info.TypeOf(k); t != nil {
			if n, ok := types.Unalias(t).(*types.Named); ok {
				name = n.Obj().Name()
			}
		}
	}
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		name = constant.StringVal(tv.Value)
	}
	return name
}

// credParam reports whether e is a string parameter of the scanned
// function named as a credential (apiKey, token): a helper given the
// key to decide on.
func (s *scan) credParam(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := s.info.ObjectOf(id).(*types.Var)
	return ok && isParam(s.fi, v) && !isRecv(s.fi, v) &&
		isString(v.Type()) && credname.Classify(v.Name()) != credname.None && !credname.Hashed(v.Name())
}
