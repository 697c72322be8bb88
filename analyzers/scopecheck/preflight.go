package scopecheck

import (
	"go/ast"
	"strings"
)

// A route registered for the OPTIONS method only answers CORS
// preflight requests (r.Options(pattern, cors.Handler), "OPTIONS /x").
// Browsers send a preflight without credentials (Fetch standard, CORS
// preflight fetch), so the route can neither be authorized nor do work
// on a caller's behalf: it is not reported, whatever middleware wraps
// it. A route for any other method, or for all methods, is judged as
// before.
func preflightRoute(r *route) bool {
	if sel, ok := ast.Unparen(r.call.Fun).(*ast.SelectorExpr); ok && strings.EqualFold(sel.Sel.Name, "options") {
		return true
	}
	method, _, found := strings.Cut(r.pattern, " ")
	return found && method == "OPTIONS"
}
