package scopecheck

import (
	"go/ast"
	"go/types"
)

// A credential looked up with the resource the request names.
//
// A lookup given the request's credential (a call returning what it
// found) authenticates (body.go). When
// the same call is also given the resource the route's path names
// (seafile's GetEmailByToken(repoID, token), a repository's sync token
// valid for that repository only: WHERE repo_id = ? AND token = ?), the
// credential is checked against that resource: holding a token of
// another resource finds nothing. That is the access decision for the
// resource, as a capability is. The resource may reach the lookup
// through a helper of the package (validateToken(r, repoID) in the
// handler, the lookup inside it): the helper records which of its
// parameters it hands to the lookup beside the credential, and a
// handler passing a path value there is credited. A value that is not
// a path parameter (a tenant from the query, a constant) credits
// nothing.

// boundLookup records, for the gated call of fn that is given the
// credential as argument credIdx, the resource the call is also given:
// a path value of the request (the decision is made here), or a
// parameter of the scanned function (credited to callers passing a
// path value).
func (s *scan) boundLookup(fn *types.Func, call *ast.CallExpr, credIdx int) {
	if !returnsValue(fn) {
		// A call given the credential that returns only an error
		// acts (Purge(key, id)): whatever it is given, it is no
		// lookup of the credential.
		return
	}
	for i, a := range call.Args {
		if i == credIdx || s.cred(a) != "" || s.info.TypeOf(a) == nil || !isString(s.info.TypeOf(a)) {
			continue
		}
		d := "looks the credential up with the resource the path names in " + shortName(fn)
		if s.pathValue(a, 0) {
			s.setAuthz(d)
			return
		}
		if s.fi.kind != notHandler {
			continue
		}
		if idx := s.paramPos(a); idx >= 0 {
			if s.fi.boundParams == nil {
				s.fi.boundParams = map[int]string{}
			}
			if _, seen := s.fi.boundParams[idx]; !seen {
				s.fi.boundParams[idx] = d
			}
		}
	}
}

// recordPathArgs records the path values the scanned function passes to
// fn, a function of the package.
func (s *scan) recordPathArgs(fn *types.Func, call *ast.CallExpr) {
	for i, a := range call.Args {
		if s.pathValue(a, 0) {
			s.fi.pathArgs = append(s.fi.pathArgs, credArg{fn: fn, idx: i})
		}
	}
}
