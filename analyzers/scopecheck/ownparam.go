package scopecheck

import (
	"go/ast"
	"go/types"
)

// Ownership through a parameter. A store method that keeps only the
// records whose owner is the value it is given
// (func (s *Store) List(tenant string) { … if j.TenantID == tenant … })
// scopes its work to whatever its caller passes: the caller's tenant
// in one handler, the tenant a query parameter names in another
// (tid := r.URL.Query().Get("tenant"); jobs.List(tid)). The check is
// the caller's ownership check only where the call passes the caller's
// identity in that position. So when a function's only ownership check
// compares a record's owner with one of its own parameters, it records
// which (ownsParam, exported as AuthorizesFact.Param), and a call that
// passes there a value the request supplies (a path, query, form or body
// value, or a variable the request can set: the caller's tenant only as
// a default) does not credit it: its work is work like any other. A
// call passing anything else (the caller's identity, a value out of
// sight) credits it as before.
// Comparisons with anything else (the caller read from the context
// inside the function) are unconditional, as before.

// ownsCompare records an ownership check that compares a record's owner
// with other.
func (s *scan) ownsCompare(d string, other ast.Expr) {
	first := s.fi.owns == ""
	s.setOwns(d)
	if s.fi.kind != notHandler || s.fi.decl == nil {
		return
	}
	idx := s.paramPos(other)
	switch {
	case first && idx >= 0 && idx < 63:
		s.fi.ownsParam = idx + 1
	case idx < 0 || s.fi.ownsParam != idx+1:
		// Another check, not through the same parameter: the
		// function scopes its work whatever it is given.
		s.fi.ownsParam = 0
	}
}

// ownsThrough reports whether a call credits the callee's ownership
// check: always when the check does not go through a parameter (param
// 0), else unless the call passes a value the request supplies there.
func (s *scan) ownsThrough(param int, call *ast.CallExpr) bool {
	if param == 0 || param-1 >= len(call.Args) {
		return true
	}
	return !s.requestChosen(call.Args[param-1])
}

// requestChosen reports whether e is a value the request supplies and
// not the caller's identity.
func (s *scan) requestChosen(e ast.Expr) bool {
	return s.requestData(e, 0) && s.identityIn(e) == ""
}

// recordIdentArgs records, for a call of the package's function fn,
// which arguments are values the request supplies; over several calls
// of fn, those any call passes so.
func (s *scan) recordIdentArgs(fn *types.Func, call *ast.CallExpr) {
	var mask uint64
	for i, a := range call.Args {
		if i < 64 && s.requestChosen(a) {
			mask |= 1 << uint(i)
		}
	}
	if s.fi.identArgs == nil {
		s.fi.identArgs = map[*types.Func]uint64{}
	}
	s.fi.identArgs[fn] |= mask
}

// passesIdentity reports whether fi's calls of c credit ci's ownership
// check (see ownsThrough).
func (fi *fnInfo) passesIdentity(c *types.Func, ci *fnInfo) bool {
	if ci.ownsParam == 0 {
		return true
	}
	return fi.identArgs[c]&(1<<uint(ci.ownsParam-1)) == 0
}
