package scopecheck

import (
	"go/ast"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"golang.org/x/tools/go/types/typeutil"
)

// Role flags: a branch that turns the request away on a boolean field
// or method of the authenticated principal (account.Owner, user.Admin,
// u.IsStaff(), member.CanWrite) is a role check, whatever the flag is
// called. It is credited to the function that makes it, often the
// helper that authenticated, and through it to every handler that
// calls the helper. A branch on such a flag that does not reject
// (it only logs) decides nothing.

// roleFlagCheck returns a description of the role flag of the caller
// read in cond when one of the branches rejects, or "".
func (s *scan) roleFlagCheck(cond ast.Expr, branches ...ast.Node) string {
	flag := s.roleFlag(cond)
	if flag == "" {
		return ""
	}
	netHTTP := s.fi.kind == httpHandler || s.fi.kind == httprouterHandler
	for _, b := range branches {
		if b != nil && s.rejects(b, netHTTP) {
			return "role flag " + flag
		}
	}
	return ""
}

// roleFlag returns the first boolean field or method of the principal
// read in e, or "".
func (s *scan) roleFlag(e ast.Expr) string {
	return firstIn(e, func(n ast.Node) (string, bool) {
		switch n := n.(type) {
		case *ast.CallExpr:
			// A method without arguments (u.IsAdmin()), or one asked
			// about the resource (u.MemberOf(tid), u.CanEdit(doc)): a
			// membership or permission of the caller. Not a check of
			// what the caller presented (u.CheckPassword(pw)).
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !ok {
				return "", true
			}
			if len(n.Args) > 0 && (credentialAsk(sel.Sel.Name) || s.credArgIn(n.Args)) {
				return "", false
			}
			fn, ok := typeutil.Callee(s.info, n).(*types.Func)
			if ok && fn.Type().(*types.Signature).Recv() != nil && boolish(s.info.TypeOf(n)) && roleFlagName(sel.Sel.Name) && s.principal(sel.X) {
				return exprString(n), false
			}
			return "", false
		case *ast.SelectorExpr:
			if _, ok := s.info.ObjectOf(n.Sel).(*types.Var); ok && boolish(s.info.TypeOf(n)) && roleFlagName(n.Sel.Name) && s.principal(n.X) {
				return exprString(n), false
			}
		}
		return "", true
	})
}

// firstIn returns the first non-empty answer of f over the nodes of e,
// function literals left out; f also says whether to look inside n.
func firstIn(e ast.Expr, f func(n ast.Node) (string, bool)) string {
	found := ""
	ast.Inspect(e, func(n ast.Node) bool {
		if found != "" {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		d, more := f(n)
		found = d
		return more && found == ""
	})
	return found
}

// credentialAsk reports a method name that asks about something the
// caller presents (CheckPassword, VerifyToken, MatchesKey, ValidOTP):
// authentication, not a membership.
func credentialAsk(name string) bool {
	for _, w := range credname.Words(name) {
		switch w {
		case "password", "passwd", "pass", "pwd", "pin", "token", "secret", "key", "hash", "otp", "totp", "code",
			"signature", "sig", "mac", "credential", "credentials", "verify", "validate":
			return true
		}
	}
	return false
}

// credArgIn reports whether one of args is a credential of the request.
func (s *scan) credArgIn(args []ast.Expr) bool {
	for _, a := range args {
		if s.cred(a) != "" {
			return true
		}
	}
	return false
}

// boolish reports whether t is bool or *bool.
func boolish(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

// roleFlagName reports whether a boolean may be a role: flags that say
// whether the credential or the account is valid (Expired, Active,
// Verified, Deleted) are part of authentication, not roles.
func roleFlagName(name string) bool {
	for _, w := range credname.Words(name) {
		switch w {
		case "valid", "invalid", "expired", "expire", "expires", "revoked", "active", "inactive", "enabled", "disabled",
			"deleted", "verified", "confirmed", "locked", "blocked", "banned", "suspended", "ok", "exists", "found",
			"new", "empty", "anonymous", "guest", "authenticated", "logged", "remember", "mfa", "totp", "otp":
			return false
		}
	}
	return true
}

// principal reports whether x stands for the authenticated caller: a
// variable with a user-like name or type (user, account, claims,
// principal), or one assigned the result of a call that authenticates
// or returns the caller.
func (s *scan) principal(x ast.Expr) bool {
	x = ast.Unparen(x)
	if st, ok := x.(*ast.StarExpr); ok {
		x = ast.Unparen(st.X)
	}
	if s.callerBase(x, true) {
		return true
	}
	id, ok := x.(*ast.Ident)
	if !ok {
		return false
	}
	obj := s.info.ObjectOf(id)
	for _, rhs := range s.assigns[obj] {
		call, ok := ast.Unparen(rhs).(*ast.CallExpr)
		if !ok {
			continue
		}
		if s.identityGetter(call) != "" {
			return true
		}
		fn, ok := typeutil.Callee(s.info, call).(*types.Func)
		if !ok {
			continue
		}
		if fi := s.a.byObj[fn]; fi != nil && fi != s.fi && (fi.authn != "" || fi.callerSrc != "") {
			return true
		}
		if fi := s.a.byObj[fn]; fi == nil && !isAbstract(fn) && s.a.analyzed(fn) {
			var af AuthenticatesFact
			if s.a.pass.ImportObjectFact(fn, &af) {
				return true
			}
		}
	}
	return false
}
