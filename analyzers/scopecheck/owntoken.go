package scopecheck

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// A token the program obtained for itself. gatus validates the
// Identity-Aware-Proxy ID token its own token source fetched
// (idtoken.NewTokenSource(…).Token()) before using it for outgoing
// calls: a verifier (idtoken.Validate, a JWT parse) run on the
// program's own client token checks the program's credential, not the
// caller's. A verification authenticates the caller only when the
// verified value can come from the caller: a verifier call none of
// whose arguments is a credential of the request and one of whose
// arguments is read from an oauth2.Token (tok.AccessToken,
// tok.Extra("id_token")), the value a token source or an exchange
// hands the program, authenticates no one.

// verifiesOwnToken reports whether a verifier call checks a token the
// program obtained for itself.
func (s *scan) verifiesOwnToken(call *ast.CallExpr) bool {
	own := false
	for _, a := range call.Args {
		if s.cred(a) != "" {
			return false
		}
		if s.fromClientToken(a, 0) {
			own = true
		}
	}
	return own
}

// fromClientToken reports whether e is read from an oauth2.Token: a
// field or method of one, or a local every assignment of which is.
func (s *scan) fromClientToken(e ast.Expr, depth int) bool {
	if depth > 4 {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		return isClientToken(s.info.TypeOf(x.X))
	case *ast.TypeAssertExpr:
		return s.fromClientToken(x.X, depth+1)
	case *ast.CallExpr:
		// tok, err := ts.Token(); tok, err := conf.Exchange(…)
		if t, ok := s.info.TypeOf(x).(*types.Tuple); ok && t.Len() > 0 && isClientToken(t.At(0).Type()) {
			return true
		}
		if isClientToken(s.info.TypeOf(x)) {
			return true
		}
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
			if fn, ok := typeutil.Callee(s.info, x).(*types.Func); ok && recvType(fn) != nil {
				return isClientToken(s.info.TypeOf(sel.X))
			}
		}
		if tv, ok := s.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return s.fromClientToken(x.Args[0], depth+1) // string(…), []byte(…)
		}
	case *ast.Ident:
		obj, ok := s.info.ObjectOf(x).(*types.Var)
		if !ok || obj.Parent() == nil || obj.Pkg() == nil || obj.Parent() == obj.Pkg().Scope() {
			return false
		}
		rhs := s.assigns[obj]
		if len(rhs) == 0 {
			return false
		}
		for _, r := range rhs {
			if !s.fromClientToken(r, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// isClientToken reports whether t is golang.org/x/oauth2's Token or a
// pointer to it.
func isClientToken(t types.Type) bool {
	return t != nil && (isNamed(t, pkgOAuth2, "Token") || isPtrTo(t, pkgOAuth2, "Token"))
}

// A verdict thrown away. nats-server's account monitor decodes each
// account's stored JWT for display (claim, _ :=
// jwt.DecodeAccountClaims(a.claimJWT)): the error is discarded, so a
// token that fails verification changes nothing the function does, and
// the token is the server's record, not the request's. A verifier call
// whose error result is assigned to the blank identifier (or whose
// results are all dropped) authenticates no caller, unless one of its
// arguments is a credential of the request (tok, _ :=
// jwt.Parse(r.Header.Get(…)) followed by a check of tok.Valid is still
// a check of the caller). A helper handed the caller's token is still
// credited at its call site ("passes … to …").

// discardsVerdict reports whether a verifier call's error result is
// thrown away and none of its arguments is a credential of the request.
func (s *scan) discardsVerdict(call *ast.CallExpr) bool {
	for _, a := range call.Args {
		if s.cred(a) != "" {
			return false
		}
	}
	errAt := -1
	switch t := s.info.TypeOf(call).(type) {
	case *types.Tuple:
		if t.Len() > 0 && isError(t.At(t.Len()-1).Type()) {
			errAt = t.Len() - 1
		}
	default:
		if t != nil && isError(t) {
			errAt = 0
		}
	}
	if errAt < 0 {
		return false
	}
	switch p := s.parentMap()[call].(type) {
	case *ast.ExprStmt:
		return true
	case *ast.AssignStmt:
		if len(p.Rhs) != 1 || errAt >= len(p.Lhs) {
			return false
		}
		id, ok := ast.Unparen(p.Lhs[errAt]).(*ast.Ident)
		return ok && id.Name == "_"
	case *ast.ValueSpec:
		if len(p.Values) != 1 || errAt >= len(p.Names) {
			return false
		}
		return p.Names[errAt].Name == "_"
	}
	return false
}
