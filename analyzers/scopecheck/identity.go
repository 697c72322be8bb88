package scopecheck

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/jwtlib"
	"golang.org/x/tools/go/types/typeutil"
)

// Authorization mentions and the caller's identity: scopes and roles
// read in conditions, and values that stand for the caller.

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
			} else if d := s.ctxCallerRead(n); d != "" && typedIdentityKey(d) {
				// c.GetString("userID") handed on as is (gintyped.go).
				found = exprString(n)
			} else if fn, ok := typeutil.Callee(s.info, n).(*types.Func); ok && s.a.byObj[fn] != nil && s.a.byObj[fn].callerSrc != "" && s.a.byObj[fn] != s.fi {
				found = exprString(n)
			}
		case *ast.SelectorExpr:
			if ok, generic := identityName(n.Sel.Name); ok && s.callerBase(n.X, generic) {
				found = exprString(n)
			} else if root := rootIdent(n.X); root != nil && s.ident[s.info.ObjectOf(root)] != "" {
				// An attribute of the caller (u.Libraries, u.OrgID).
				found = exprString(n)
			} else if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && !credname.IsCredential(n.Sel.Name) && !credname.Hashed(n.Sel.Name) && s.principalVar(id) {
				// A claim of the token the handler verified itself
				// (claims.Repository, compared with the repository the
				// path names: GitHub Actions' OIDC token for an
				// artifact upload).
				found = exprString(n)
			}
		case *ast.IndexExpr:
			if k, ok := s.constString(n.Index); ok {
				if ok, generic := identityName(k); ok && s.callerBase(n.X, generic) {
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
		} else if b, ok := s.info.Uses[calleeIdent(r.Fun)].(*types.Builtin); ok && b.Name() == "append" && len(r.Args) > 1 {
			// orgs = append(orgs, org), org ranging over u.Orgs: a
			// list of the caller's own.
			for _, a := range r.Args[1:] {
				if d = s.identityIn(a); d != "" {
					break
				}
			}
		} else {
			// The result of a data call is not the identity, even
			// when the call is given it; the call itself is the
			// scoped work. The caller read from the request context
			// is.
			d = s.identityGetter(r)
			if d == "" {
				d = s.ctxCallerRead(r)
			}
			if d == "" && s.ctxCallerFunc(r) {
				// The caller read back from the request context by a
				// helper (userFrom(r), auth.FromContext(ctx)).
				d = exprString(r)
			}
		}
	case *ast.TypeAssertExpr:
		// ctx.Value(callerKey{}).(string)
		if call, ok := ast.Unparen(r.X).(*ast.CallExpr); ok {
			d = s.ctxCallerRead(call)
		}
	case *ast.Ident, *ast.SelectorExpr, *ast.IndexExpr, *ast.StarExpr, *ast.CompositeLit, *ast.UnaryExpr:
		d = s.identityIn(r)
	}
	if d == "" || s.requestOverride(obj) {
		return false
	}
	s.ident[obj] = d
	return true
}

// requestOverride reports whether v is also assigned a value the
// request supplies (a path, query, form or body value): the caller's
// identity is then only a default the request overrides
// (tid := r.URL.Query().Get("tenant"); if tid == "" { tid =
// tenantOf(r).ID }), and v names whatever the caller asks for.
func (s *scan) requestOverride(v types.Object) bool {
	for _, rhs := range s.assigns[v] {
		if rhs != nil && s.requestData(rhs, 0) && s.identityIn(rhs) == "" {
			return true
		}
	}
	return false
}

// callerBase reports whether x, the value a field or claim is read
// from, stands for the authenticated caller. generic names such as "ID"
// need a user-like value (user, claims, principal); specific ones such
// as "Subject" or "UserID" need only that x is not the request or its
// decoded body.
func (s *scan) callerBase(x ast.Expr, generic bool) bool {
	x = ast.Unparen(x)
	if call, ok := x.(*ast.CallExpr); ok {
		// A helper returning the caller stored in the request context
		// (claimsOf(c), userFrom(r), another package's
		// auth.FromContext(ctx)) is the caller, though it is handed the
		// request to read it from.
		if s.ctxCallerFunc(call) {
			return true
		}
		// A value computed from the request (mux.Vars(r),
		// chi.URLParam(r, …)) is what the caller asks for, never who
		// the caller is.
		for _, a := range call.Args {
			if isRequestValue(s.info.TypeOf(a)) {
				return false
			}
		}
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
	if id, ok := x.(*ast.Ident); ok && !s.recordsAsCaller && s.requestSelected(s.info.ObjectOf(id)) {
		// A record the request names (j, _ := jobs.Get(r.PathValue("id"))):
		// its TenantID is the resource's owner, not the caller's,
		// unless it is compared (compare.go: the ownership check).
		return false
	}
	if !s.recordsAsCaller && !userLike(name) && !userLike(typeName) && s.recordVar(x) {
		// A record the function iterates over
		// (Repo.InsertContacts(orgID, cs) reading c.Email of each
		// contact) is data, not the caller: the caller is one
		// principal, not an element of a collection.
		return false
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

// isRequestValue reports whether t is the incoming request of a
// supported framework: *http.Request, *fasthttp.RequestCtx, gin's,
// echo's or fiber's context.
func isRequestValue(t types.Type) bool {
	if t == nil {
		return false
	}
	return isPtrTo(t, pkgHTTP, "Request") || isPtrTo(t, pkgFastHTTP, "RequestCtx") || isPtrTo(t, pkgGin, "Context") || isEchoContext(t) || isFiberCtx(t)
}

// recordVar reports whether x is a variable that holds a record rather
// than the caller: the value (or key) of a range over a collection. A
// parameter is not taken for one: a connection or session wrapper
// handed to a helper carries its caller (connstate.go).
func (s *scan) recordVar(x ast.Expr) bool {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok || s.fi == nil || s.fi.body == nil {
		return false
	}
	obj, ok := s.info.ObjectOf(id).(*types.Var)
	if !ok {
		return false
	}
	found := false
	ast.Inspect(s.fi.body, func(n ast.Node) bool {
		if found {
			return false
		}
		if r, ok := n.(*ast.RangeStmt); ok {
			for _, e := range []ast.Expr{r.Key, r.Value} {
				if k, ok := e.(*ast.Ident); ok && s.info.Defs[k] == obj {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// calleeIdent returns the identifier a call's function is written as,
// or nil.
func calleeIdent(fun ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(fun).(*ast.Ident)
	return id
}

// principalVar reports whether id is a variable assigned the result of
// the call that authenticated the request in the scanned function (a
// verifier's claims), not merely a user-named value.
func (s *scan) principalVar(id *ast.Ident) bool {
	if s.fi.authn == "" {
		return false
	}
	v, ok := s.info.ObjectOf(id).(*types.Var)
	if !ok || v.IsField() {
		return false
	}
	for _, rhs := range s.assigns[v] {
		call, ok := ast.Unparen(rhs).(*ast.CallExpr)
		if !ok {
			continue
		}
		if fn, ok := typeutil.Callee(s.info, call).(*types.Func); ok {
			if f, ok := jwtlib.Classify(fn); ok && f.Role == jwtlib.Verify && f.Result {
				return true // a verified JWT, whatever header it came in
			}
		}
		for _, a := range call.Args {
			if s.cred(a) != "" {
				return true
			}
		}
	}
	return false
}

// ctxCallerFunc reports whether call is to a helper returning the
// caller stored in the request context: one of the package
// (claimsOf(c), userFrom(r)), or the one another analyzed package's
// fact names (auth.FromContext(ctx)).
func (s *scan) ctxCallerFunc(call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(s.info, call).(*types.Func)
	if !ok {
		return false
	}
	if fi := s.a.byObj[fn]; fi != nil {
		return fi != s.fi && fi.ctxCaller
	}
	if fn.Pkg() == nil || fn.Pkg() == s.a.pass.Pkg {
		return false
	}
	var af AnalyzedFact
	return s.a.pass.ImportPackageFact(fn.Pkg(), &af) && af.CtxCaller != "" && af.CtxCaller == fn.Name()
}

// requestSelected reports whether v holds a record selected by the
// route's path: every value assigned to it is the result of a call
// given a path parameter (jobs.Get(r.PathValue("job")),
// store.Account(mux.Vars(r)["id"]), chi.URLParam, echo's and gin's
// c.Param, fiber's c.Params, httprouter's ps.ByName), directly or
// through a variable. The path names the resource the route acts on:
// the record's owner fields (TenantID, OwnerID) say whose the resource
// is, not who the caller is. Comparing them with the caller is the
// ownership check; handing them on is not. A record found by a form,
// query or basic-auth value (an account looked up by the user name
// given with its key) may be the caller's own and is left as it was.
func (s *scan) requestSelected(v types.Object) bool {
	if v == nil || len(s.assigns[v]) == 0 || s.ident[v] != "" {
		return false
	}
	for _, rhs := range s.assigns[v] {
		call, ok := ast.Unparen(rhs).(*ast.CallExpr)
		if !ok || s.ctxCallerFunc(call) || s.identityGetter(call) != "" {
			return false
		}
		named := false
		for _, a := range call.Args {
			if s.pathValue(a, 0) {
				named = true
			}
		}
		if !named {
			return false
		}
	}
	return true
}

// muxVars reports whether e is gorilla/mux's Vars(r), or a variable
// assigned only from it.
func (s *scan) muxVars(e ast.Expr, depth int) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(s.info, x).(*types.Func)
		return ok && fn.Name() == "Vars" && funcPath(fn) == pkgMux
	case *ast.Ident:
		obj := s.info.ObjectOf(x)
		if obj == nil || len(s.assigns[obj]) == 0 || depth > 3 {
			return false
		}
		for _, rhs := range s.assigns[obj] {
			if !s.muxVars(rhs, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// pathValue reports whether e is a path parameter of the request, or a
// variable assigned only from one.
func (s *scan) pathValue(e ast.Expr, depth int) bool {
	if depth > 3 {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		obj := s.info.ObjectOf(x)
		if obj == nil || len(s.assigns[obj]) == 0 {
			return false
		}
		for _, rhs := range s.assigns[obj] {
			if !s.pathValue(rhs, depth+1) {
				return false
			}
		}
		return true
	case *ast.IndexExpr:
		// mux.Vars(r)["id"], or vars["id"] after vars := mux.Vars(r)
		return s.muxVars(x.X, depth)
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(s.info, x).(*types.Func)
		if !ok {
			return false
		}
		path, name, recv := funcPath(fn), fn.Name(), recvName(fn)
		switch {
		case path == pkgHTTP && recv == "Request" && name == "PathValue":
			return true
		case strings.HasPrefix(path, "github.com/go-chi/chi") && (name == "URLParam" || name == "URLParamFromCtx"):
			return true
		case (path == pkgGin || isEchoPath(path)) && name == "Param":
			return true
		case isFiberPath(path) && (name == "Params" || name == "ParamsInt"):
			return true
		case path == "github.com/julienschmidt/httprouter" && name == "ByName":
			return true
		}
	}
	return false
}
