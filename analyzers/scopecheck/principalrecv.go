package scopecheck

import (
	"go/ast"
	"go/types"
)

// A method of the caller's own principal. A handler that reads the
// authenticated user back from the request context (u :=
// auth.UserFrom(r.Context())) and calls a method of that value
// (u.UpdatePassword(ctx, pw), u.DisableTOTP(ctx), u.Logout(ctx)) acts
// on the caller's own record, as a logout acts on the caller's own
// session (nonwork.go): such a call is no work a scope protects. Other
// work in the same handler is still judged on its own (deleting another
// user after touching one's own record is). A method of a record selected by a request value
// (site.Delete(ctx) after site.ByID(ctx, chi.URLParam(r, "id"))) is
// not: its receiver is what the caller asks for, not who the caller
// is.

// principalReceiver describes the call when it is a method whose
// receiver is the caller's identity, or "".
func (s *scan) principalReceiver(call *ast.CallExpr) string {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	if se := s.info.Selections[sel]; se == nil || se.Kind() != types.MethodVal {
		return ""
	}
	if c, ok := ast.Unparen(sel.X).(*ast.CallExpr); ok {
		// UserFrom(r.Context()).SetName(ctx, name)
		if d := s.identityGetter(c); d != "" {
			return "acts on the caller's own " + d + " in " + exprString(call.Fun)
		}
		return ""
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return ""
	}
	obj := s.info.ObjectOf(id)
	if obj == nil || s.ident[obj] == "" {
		return ""
	}
	return "acts on the caller's own " + id.Name + " (" + s.ident[obj] + ") in " + exprString(call.Fun)
}
