package scopecheck

import (
	"go/ast"
	"go/constant"
	"go/types"
)

// Ownership middleware. A middleware that does not authenticate the
// caller itself but scopes a lookup to the caller it finds in the
// request (IsProjectMember(ctx, chi.URLParam(r, "projectID"), u.ID))
// and answers 403 or 404 when the lookup fails decides what the caller
// may reach: membership of the resource in the path. The routes under
// it are authorized by ownership, as a handler making the same check
// is. A middleware that uses the caller's id for something else (a
// rate limit answering 429, a log) and one that authenticates (it
// stores the caller it looked up) is not.

// mwAuthz is fi's access decision as a middleware: its authorization,
// or its ownership check when it forbids without authenticating.
func (st *state) mwAuthz(fi *fnInfo) string {
	if fi.authz != "" {
		return fi.authz
	}
	if fi.owns != "" && fi.authn == "" && st.forbids(fi) {
		return "ownership check (" + fi.owns + ")"
	}
	return ""
}

// forbids reports whether fi answers 403 or 404: a status constant
// given to a call (http.Error(w, msg, http.StatusForbidden),
// c.AbortWithStatus(404)), or a framework's or gRPC's forbidden or
// not-found error (echo.ErrForbidden, fiber.ErrNotFound,
// codes.PermissionDenied).
func (st *state) forbids(fi *fnInfo) bool {
	info := st.pass.TypesInfo
	found := false
	ast.Inspect(fi.body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			for _, a := range n.Args {
				if tv, ok := info.Types[a]; ok && tv.Value != nil && tv.Value.Kind() == constant.Int {
					if v, ok := constant.Int64Val(tv.Value); ok && (v == 403 || v == 404) {
						found = true
					}
				}
			}
		case *ast.SelectorExpr:
			obj := info.ObjectOf(n.Sel)
			if obj == nil || obj.Pkg() == nil {
				break
			}
			p := obj.Pkg().Path()
			switch n.Sel.Name {
			case "ErrForbidden", "ErrNotFound":
				_, isVar := obj.(*types.Var)
				found = isVar && isFramework(p)
			case "PermissionDenied", "NotFound":
				_, isConst := obj.(*types.Const)
				found = isConst && p == "google.golang.org/grpc/codes"
			}
		}
		return !found
	})
	return found
}
