package scopecheck

import (
	"go/ast"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"golang.org/x/tools/go/types/typeutil"
)

// This file decides two questions about values of a function: whether
// a key a credential is compared with is fixed by configuration (one
// static key or password, a fixed map of users to passwords), and
// whether a value is the authenticated caller's identity (a user id
// read from the request context).
//
// A credential checked against a fixed configured key has one
// principal, or several of equal power: the check is the access
// decision, and there is no scope or role left to check. A metrics
// endpoint behind basic auth with the password from the configuration
// is fine. A credential checked against a record looked up per caller
// (a user's API key from the database) identifies one of many callers,
// whose rights still need checking.

// outer returns the outermost function enclosing fi: the declaration
// whose body holds fi's literal, or fi itself.
func (fi *fnInfo) outer() *fnInfo {
	top := fi
	for top.parent != nil {
		top = top.parent
	}
	return top
}

// node returns fi's declaration or literal.
func (fi *fnInfo) node() ast.Node {
	if fi.decl != nil {
		return fi.decl
	}
	if fi.lit == nil {
		return nil // not a typed nil: declaringFunc tests for nil
	}
	return fi.lit
}

// collectAssigns records, for every variable of the outermost function
// around the scanned one, the expressions assigned to it. A declaration
// without a value records nil.
func (s *scan) collectAssigns() {
	s.assigns = map[types.Object][]ast.Expr{}
	add := func(lhs ast.Expr, rhs ast.Expr) {
		id, ok := ast.Unparen(lhs).(*ast.Ident)
		if !ok || id.Name == "_" {
			return
		}
		if obj := s.info.ObjectOf(id); obj != nil {
			s.assigns[obj] = append(s.assigns[obj], rhs)
		}
	}
	ast.Inspect(s.fi.outer().body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			switch {
			case len(n.Lhs) == len(n.Rhs):
				for i := range n.Lhs {
					add(n.Lhs[i], n.Rhs[i])
				}
			case len(n.Rhs) == 1:
				// v, ok := m[k]; k, ok := os.LookupEnv("K").
				for _, l := range n.Lhs {
					add(l, n.Rhs[0])
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				switch {
				case len(n.Values) == len(n.Names):
					add(name, n.Values[i])
				case len(n.Values) == 1:
					add(name, n.Values[0])
				default:
					add(name, nil)
				}
			}
		case *ast.RangeStmt:
			if n.Key != nil {
				add(n.Key, n.X)
			}
			if n.Value != nil {
				add(n.Value, n.X)
			}
		}
		return true
	})
}

// declaringFunc returns the function of the outermost function around
// the scanned one whose parameters or body declare v, or nil when v is
// declared outside it.
func (s *scan) declaringFunc(v *types.Var) *fnInfo {
	top := s.fi.outer()
	if n := top.node(); n == nil || v.Pos() < n.Pos() || v.Pos() >= n.End() {
		return nil
	}
	best := top
	for _, fi := range s.a.fns {
		if fi.lit == nil || fi.outer() != top {
			continue
		}
		if fi.lit.Pos() <= v.Pos() && v.Pos() < fi.lit.End() && fi.lit.Pos() >= best.node().Pos() {
			best = fi
		}
	}
	return best
}

// isParam reports whether v is a parameter or receiver of fi.
func isParam(fi *fnInfo, v *types.Var) bool {
	var lists []*ast.FieldList
	if fi.decl != nil {
		lists = append(lists, fi.decl.Recv, fi.decl.Type.Params)
	} else {
		lists = append(lists, fi.lit.Type.Params)
	}
	for _, l := range lists {
		if l == nil {
			continue
		}
		for _, f := range l.List {
			for _, n := range f.Names {
				if n.Pos() == v.Pos() {
					return true
				}
			}
		}
	}
	return false
}

// isRecv reports whether v is the receiver of the declaration fi.
func isRecv(fi *fnInfo, v *types.Var) bool {
	if fi.decl == nil || fi.decl.Recv == nil {
		return false
	}
	for _, f := range fi.decl.Recv.List {
		for _, n := range f.Names {
			if n.Pos() == v.Pos() {
				return true
			}
		}
	}
	return false
}

// fixedKey reports whether e, a key a credential is compared with, is
// fixed by configuration rather than looked up for the caller: a
// constant, a package variable, an environment variable, a field of the
// receiver (the server's configuration), a parameter of the function
// that made the middleware or handler (NewAuth(cfg.APIKey)), a value of
// a fixed map read with the caller's name (a basic auth user map), or a
// local variable holding one of those.
//
// A parameter of the scanned function itself, the request and anything
// read from it or from a lookup keyed by it are not fixed.
func (s *scan) fixedKey(e ast.Expr, depth int) bool {
	if depth > 8 {
		return false
	}
	e = ast.Unparen(e)
	if tv, ok := s.info.Types[e]; ok && tv.Value != nil {
		return true
	}
	switch x := e.(type) {
	case *ast.Ident:
		v, ok := s.info.ObjectOf(x).(*types.Var)
		if !ok || v.Pkg() == nil {
			return false
		}
		if v.Parent() == v.Pkg().Scope() {
			return true // a package variable
		}
		d := s.declaringFunc(v)
		if d == nil {
			return false
		}
		if isRecv(d, v) {
			return !s.noRecv // the server's own configuration
		}
		if isParam(d, v) {
			// A parameter of a function making a handler or a
			// middleware (or enclosing the scanned literal)
			// configures what it makes; a parameter of a handler or
			// of a helper comes with the request or the call.
			if d.kind != notHandler || isRequestType(v.Type()) {
				return false
			}
			return d != s.fi || d.mw || makesHandlers(d.sig)
		}
		rhs := s.assigns[v]
		if len(rhs) == 0 {
			return false
		}
		found := false
		for _, r := range rhs {
			if r == nil {
				continue
			}
			if !s.fixedKey(r, depth+1) {
				return false
			}
			found = true
		}
		return found
	case *ast.SelectorExpr:
		if sel := s.info.Selections[x]; sel != nil {
			if sel.Kind() == types.FieldVal {
				return s.fixedKey(x.X, depth+1)
			}
			return false
		}
		v, ok := s.info.ObjectOf(x.Sel).(*types.Var)
		return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
	case *ast.StarExpr:
		return s.fixedKey(x.X, depth+1)
	case *ast.UnaryExpr:
		return s.fixedKey(x.X, depth+1)
	case *ast.CompositeLit:
		// The server built from its configuration (b := &API{Config:
		// cfg}, whose b.GetString("Token") reads the configured
		// token): every element fixed.
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			if !s.fixedKey(el, depth+1) {
				return false
			}
		}
		return true
	case *ast.IndexExpr:
		// A fixed map of users to passwords, read with the name the
		// caller gave: basic auth against configured accounts.
		if !s.fixedKey(x.X, depth+1) {
			return false
		}
		return s.cred(x.Index) != "" || s.fixedKey(x.Index, depth+1)
	case *ast.CallExpr:
		if tv, ok := s.info.Types[x.Fun]; ok && tv.IsType() {
			return len(x.Args) == 1 && s.fixedKey(x.Args[0], depth+1)
		}
		fn, _ := typeutil.Callee(s.info, x).(*types.Func)
		if fn == nil {
			return false
		}
		switch funcPath(fn) + "." + fn.Name() {
		case "os.Getenv", "os.LookupEnv":
			return true
		}
		// A configuration getter (cfg.APIKey(), viper.GetString("key"),
		// strings.TrimSpace(os.Getenv("KEY"))): every operand fixed,
		// none read from the request.
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && s.info.Selections[sel] != nil {
			if isRequestType(s.info.TypeOf(sel.X)) || !s.fixedKey(sel.X, depth+1) {
				return false
			}
		}
		for _, a := range x.Args {
			if isRequestType(s.info.TypeOf(a)) || !s.fixedKey(a, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// isRequestType reports whether t carries the incoming request: an
// *http.Request, a gin or echo context, or a context.Context.
func isRequestType(t types.Type) bool {
	if t == nil {
		return false
	}
	return isPtrTo(t, pkgHTTP, "Request") || isPtrTo(t, pkgGin, "Context") || isEchoContext(t) || isFiberCtx(t) || isNamed(t, pkgContext, "Context")
}

// fixedKeySet reports whether m, a map indexed with a credential, is a
// fixed set of configured keys: a map to bool, to struct{} or to the
// kind of each key (an enumeration: a named or aliased string or
// integer type whose package declares constants of it, such as
// go-feature-flag's apiKeysSet map[string]ApiKeyType holding
// EvaluationKeyType and AdminKeyType), held by configuration.
// Membership in it is the whole access decision, and a key's kind is a
// fixed role; a map to users or sessions (or to a plain string, a
// user's name) identifies one of many callers instead.
func (s *scan) fixedKeySet(m ast.Expr) bool {
	mt, ok := s.info.TypeOf(m).Underlying().(*types.Map)
	if !ok {
		return false
	}
	switch v := mt.Elem().Underlying().(type) {
	case *types.Basic:
		if v.Kind() != types.Bool && !enumType(mt.Elem()) {
			return false
		}
	case *types.Struct:
		if v.NumFields() != 0 {
			return false
		}
	default:
		return false
	}
	return s.fixedKey(m, 0)
}

// enumType reports whether t is a named string or integer type (or an
// alias of one, type ApiKeyType = string) whose package declares at
// least two constants of it.
func enumType(t types.Type) bool {
	// types.Named and types.Alias both name their type.
	type named interface{ Obj() *types.TypeName }
	nt, ok := t.(named)
	if !ok || nt.Obj().Pkg() == nil {
		return false
	}
	obj := nt.Obj()
	b, ok := t.Underlying().(*types.Basic)
	if !ok || b.Info()&(types.IsString|types.IsInteger) == 0 {
		return false
	}
	consts := 0
	scope := obj.Pkg().Scope()
	for _, name := range scope.Names() {
		if c, ok := scope.Lookup(name).(*types.Const); ok {
			if ct, ok := c.Type().(named); ok && ct.Obj() == obj {
				consts++
			}
		}
	}
	return consts >= 2
}

// identityGetter reports whether call returns the authenticated
// caller's identity: a function of the request or its context named
// like GetUserID, CurrentUserID, UserIDFromContext or MustGetOwnerID,
// or such a method of a value standing for the caller.
func (s *scan) identityGetter(call *ast.CallExpr) string {
	fn, _ := typeutil.Callee(s.info, call).(*types.Func)
	if fn == nil || s.a.std(fn) {
		return ""
	}
	if isNamed(s.info.TypeOf(call), pkgContext, "Context") {
		// A context (fiber's c.UserContext(), a UserCtx(r) helper)
		// may carry the caller; it is not the caller's identity, and
		// handing it to a data call scopes nothing (ctxdefer.go judges
		// contexts handed to service code).
		return ""
	}
	w := credname.Words(fn.Name())
	for len(w) > 0 {
		switch w[0] {
		case "get", "try", "must", "current", "caller", "authenticated", "auth", "request", "req":
			w = w[1:]
			continue
		}
		break
	}
	for len(w) > 0 {
		switch w[len(w)-1] {
		case "from", "ctx", "context", "request", "req", "or", "panic":
			w = w[:len(w)-1]
			continue
		}
		break
	}
	if len(w) >= 2 && w[len(w)-2] == "from" {
		w = w[:len(w)-2]
	}
	if len(w) == 0 {
		return ""
	}
	name := ""
	for _, x := range w {
		name += x
	}
	ok, generic := identityName(name)
	if !ok || generic {
		if !callerNoun(name) {
			return ""
		}
	}
	if sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr); isSel && s.info.Selections[sel] != nil {
		// A method: the receiver must stand for the caller or the
		// request (session.UserID(), c.GetUserID()), not for a record
		// (msg.GetUserID() is the message's owner).
		if isRequestType(s.info.TypeOf(sel.X)) || s.callerBase(sel.X, true) {
			return exprString(call)
		}
		return ""
	}
	for _, a := range call.Args {
		if isRequestType(s.info.TypeOf(a)) {
			return exprString(call)
		}
	}
	return ""
}

// isRenderer reports whether fn writes a response: it takes the
// http.ResponseWriter (or a gin or echo context) and a payload of any
// type (api.ok(w, r, payload), respondJSON(w, status, v)). What it does
// to render (stamping a server id, streaming a result set it is given)
// is not the work of the handler calling it, which is judged on what
// it computes the payload from.
func isRenderer(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	writer, payload := false, false
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		switch {
		case isNamed(t, pkgHTTP, "ResponseWriter"), isPtrTo(t, pkgGin, "Context"), isEchoContext(t), isFiberCtx(t):
			writer = true
		default:
			if it, ok := t.Underlying().(*types.Interface); ok && it.Empty() {
				payload = true
			}
		}
	}
	return writer && payload
}

// callerNoun reports whether a getter's name, stripped of get, current,
// from and context words, names the authenticated caller as a whole:
// request.UserFrom(ctx), auth.CurrentPrincipal(r), ClaimsFromContext.
// Data selected by any attribute of the caller (its libraries, its
// organisation) is scoped to the caller.
func callerNoun(name string) bool {
	switch name {
	case "user", "principal", "caller", "claims", "identity", "account", "member", "subject", "me", "viewer", "actor":
		return true
	}
	return false
}
