package scopecheck

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
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

// boundReceiver credits a gated method call whose receiver is the record
// the request's path names: r, ok := y.loadReceipt(mux.Vars(req)["key"])
// then r.tokenValid(header) (yopass's read receipts and secret requests,
// each with its own token stored as a hash on the record). A token of
// another record fails the check, so the credential is a capability for
// that record, as a lookup bound to the resource is (boundLookup). The
// record may reach a callback of the call that loads it:
// y.updateRequest(id, func(req *SecretRequest) error { if
// !req.tokenValid(tok) … }). A receiver loaded with anything but a path
// value (a tenant from the query, the server itself) credits nothing.
func (s *scan) boundReceiver(fn *types.Func, call *ast.CallExpr) {
	if fn.Type().(*types.Signature).Recv() == nil {
		return
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return
	}
	v, ok := s.info.ObjectOf(id).(*types.Var)
	if !ok || v.IsField() {
		return
	}
	if loader := s.loadedByPath(v); loader != "" {
		s.setAuthz("checks the credential against the record the path names (" + id.Name + ", loaded by " + loader + ")")
	}
}

// loadedByPath returns the function that gives v the record a path value
// names: every assignment of v is a call given a path value, or v is a
// parameter of a function literal passed to such a call. "" if none.
func (s *scan) loadedByPath(v *types.Var) string {
	if rhs := s.assigns[v]; len(rhs) > 0 {
		name := ""
		for _, r := range rhs {
			call, ok := ast.Unparen(r).(*ast.CallExpr)
			if !ok {
				return ""
			}
			n := s.pathLoader(call)
			if n == "" {
				return ""
			}
			name = n
		}
		return name
	}
	var lit *ast.FuncLit
	ast.Inspect(s.fi.body, func(n ast.Node) bool {
		if lit != nil {
			return false
		}
		fl, ok := n.(*ast.FuncLit)
		if !ok {
			return true
		}
		for _, f := range fl.Type.Params.List {
			for _, nm := range f.Names {
				if s.info.Defs[nm] == v {
					lit = fl
				}
			}
		}
		return true
	})
	if lit == nil {
		return ""
	}
	call, ok := s.parentMap()[lit].(*ast.CallExpr)
	if !ok {
		return ""
	}
	return s.pathLoader(call)
}

// pathLoader returns the name of the function call calls when one of its
// arguments is a path value of the request, else "".
func (s *scan) pathLoader(call *ast.CallExpr) string {
	fn, ok := typeutil.Callee(s.info, call).(*types.Func)
	if !ok {
		return ""
	}
	for _, a := range call.Args {
		if s.pathValue(a, 0) {
			return shortName(fn)
		}
	}
	return ""
}
