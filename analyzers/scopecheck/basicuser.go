package scopecheck

import (
	"go/ast"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/textual"
)

// The Basic auth user compared with the configured account.
//
// A server whose middleware checks the request's Basic auth password
// (against a password file, an authenticator) may let one account only
// into part of its API: kopia's UI routes check
// `user, _, _ := r.BasicAuth(); user == s.options.UIUser` and answer 403
// otherwise. The user name the middleware has just authenticated,
// compared with a name fixed by the server's configuration (a field
// reached from a parameter, the receiver or a package variable through
// fields and argument-less getters, or a constant), is an access
// decision: only that account passes. Near misses stay as they were: a
// name from a header, the query or the body (not authenticated), a
// name compared with a record looked up by it (a local variable), a
// configured value read through the request, and a comparison whose
// result decides nothing.

// basicUserCheck describes the comparison of x and y when one is the
// request's Basic auth user name and the other a configured name.
func (s *scan) basicUserCheck(n ast.Node, x, y ast.Expr) string {
	e, ok := n.(ast.Expr)
	if !ok || !s.gates(e) {
		return ""
	}
	for _, p := range [][2]ast.Expr{{x, y}, {y, x}} {
		u, c := textual.Unconvert(s.info, p[0]), textual.Unconvert(s.info, p[1])
		if str, ok := s.constString(c); ok && str == "" {
			continue // an emptiness check, not an account
		}
		if s.basicAuthUser(u) && s.configuredName(c, 0) {
			return "the Basic auth user compared with the configured " + exprString(c)
		}
		if s.verifiedUserClaim(u, 0) && s.configuredName(c, 0) {
			return "the user named by the verified token compared with the configured " + exprString(c)
		}
	}
	return ""
}

// verifiedUserClaim reports whether e is the user name a token the
// function verified itself carries (telegraf's JWT listener:
// token, err := jwt.Parse(bearer, …); claims := token.Claims.(jwt.MapClaims);
// username := claims["username"].(string)): a local variable read from
// the verified token's user, subject or name claim.
func (s *scan) verifiedUserClaim(e ast.Expr, depth int) bool {
	if depth > 6 {
		return false
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.Ident:
		rhs, ok := s.onlyAssign(x)
		if !ok {
			return false
		}
		if depth > 0 && s.principalVar(x) {
			return true // the verified token itself
		}
		return s.verifiedUserClaim(rhs, depth+1)
	case *ast.TypeAssertExpr:
		return s.verifiedUserClaim(x.X, depth+1)
	case *ast.IndexExpr:
		k, ok := s.constString(x.Index)
		return ok && userClaim(k) && s.verifiedClaims(x.X, depth+1)
	case *ast.SelectorExpr:
		return userClaim(x.Sel.Name) && s.verifiedClaims(x.X, depth+1)
	}
	return false
}

// verifiedClaims reports whether e is the verified token or its claims.
func (s *scan) verifiedClaims(e ast.Expr, depth int) bool {
	if depth > 6 {
		return false
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.Ident:
		if s.principalVar(x) {
			return true
		}
		rhs, ok := s.onlyAssign(x)
		return ok && s.verifiedClaims(rhs, depth+1)
	case *ast.TypeAssertExpr:
		return s.verifiedClaims(x.X, depth+1)
	case *ast.SelectorExpr:
		return x.Sel.Name == "Claims" && s.verifiedClaims(x.X, depth+1)
	}
	return false
}

// userClaim reports a claim naming the token's user.
func userClaim(k string) bool {
	switch k {
	case "username", "user", "user_name", "preferred_username", "sub", "Subject", "Username", "User", "UserName":
		return true
	}
	return false
}

// basicAuthUser reports whether e is a local variable defined once, as
// the first result of (*http.Request).BasicAuth().
func (s *scan) basicAuthUser(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := s.info.ObjectOf(id).(*types.Var)
	if !ok || v.IsField() || len(s.assigns[v]) != 1 {
		return false
	}
	call, ok := ast.Unparen(s.assigns[v][0]).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "BasicAuth" || !isPtrTo(s.info.TypeOf(sel.X), pkgHTTP, "Request") {
		return false
	}
	first := false
	ast.Inspect(s.fi.outer().body, func(m ast.Node) bool {
		if as, ok := m.(*ast.AssignStmt); ok && len(as.Rhs) == 1 && ast.Unparen(as.Rhs[0]) == call && len(as.Lhs) == 3 {
			if l, ok := ast.Unparen(as.Lhs[0]).(*ast.Ident); ok && s.info.ObjectOf(l) == v {
				first = true
			}
		}
		return !first
	})
	return first
}

// configuredName reports whether e is a name fixed by configuration: a
// constant, or a field reached from a parameter, the receiver or a
// package variable through fields and argument-less getters, never
// through the request.
func (s *scan) configuredName(e ast.Expr, depth int) bool {
	if depth > 8 {
		return false
	}
	e = ast.Unparen(e)
	if tv, ok := s.info.Types[e]; ok && tv.Value != nil {
		return depth == 0
	}
	if t := s.info.TypeOf(e); t == nil || isRequestType(t) || isPtrTo(t, pkgHTTP, "Request") {
		return false
	}
	switch x := e.(type) {
	case *ast.SelectorExpr:
		sel := s.info.Selections[x]
		if sel == nil {
			v, ok := s.info.ObjectOf(x.Sel).(*types.Var)
			return ok && depth > 0 && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
		}
		if sel.Kind() != types.FieldVal {
			return false
		}
		return s.configuredName(x.X, depth+1)
	case *ast.CallExpr:
		// An argument-less getter: s.getOptions().UIUser.
		sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
		if !ok || len(x.Args) != 0 || depth == 0 {
			return false
		}
		if ms := s.info.Selections[sel]; ms == nil || ms.Kind() != types.MethodVal {
			return false
		}
		return s.configuredName(sel.X, depth+1)
	case *ast.StarExpr:
		return s.configuredName(x.X, depth+1)
	case *ast.Ident:
		v, ok := s.info.ObjectOf(x).(*types.Var)
		if !ok || v.Pkg() == nil || depth == 0 {
			return false
		}
		if v.Parent() == v.Pkg().Scope() {
			return true
		}
		d := s.declaringFunc(v)
		return d != nil && (isRecv(d, v) || (isParam(d, v) && d.kind == notHandler))
	}
	return false
}

// onlyAssign returns the one value assigned to the local variable id.
func (s *scan) onlyAssign(id *ast.Ident) (ast.Expr, bool) {
	v, ok := s.info.ObjectOf(id).(*types.Var)
	if !ok || v.IsField() || len(s.assigns[v]) != 1 || s.assigns[v][0] == nil {
		return nil, false
	}
	return s.assigns[v][0], true
}
