package scopecheck

import (
	"go/ast"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/credname"
)

// An authentication call told the action.
//
// An authenticator may be asked for more than who the caller is: given
// the action the request wants (mediamtx's
// Authenticate(&auth.Request{Action: conf.AuthActionAPI, ...}), an
// Authorize-style check of its users' permissions for that action, or
// a middleware's CheckAuth(r, "admin:write")), it answers whether this
// caller may do it. The call then authorizes as well as authenticates,
// whatever its name says, even where its body is out of sight (an
// interface). The action is a field of a request value built for the
// call (Action, Permission, Scope, Operation, Verb, Role; set to
// something other than its zero value) or an argument for a parameter
// so named. A request struct carrying only credentials, a path or an IP
// says nothing about what the caller may do.

// actionWords name what a request asks to do.
var actionWords = map[string]bool{
	"action": true, "actions": true, "permission": true, "permissions": true, "perm": true, "perms": true,
	"scope": true, "scopes": true, "operation": true, "op": true, "verb": true, "role": true, "roles": true,
	"privilege": true, "privileges": true,
}

// actionName reports whether a field or parameter name names the action
// asked for: its last word is one of actionWords.
func actionName(name string) bool {
	w := credname.Words(name)
	return len(w) > 0 && actionWords[w[len(w)-1]]
}

// passesAction returns how call tells the callee the action asked for
// (a field or parameter name), or "".
func (s *scan) passesAction(call *ast.CallExpr) string {
	if sig, ok := s.info.TypeOf(call.Fun).(*types.Signature); ok {
		params := sig.Params()
		for i, a := range call.Args {
			if i < params.Len() && actionName(params.At(i).Name()) && !zeroValue(s.info, a) {
				return "given the " + params.At(i).Name()
			}
		}
	}
	for _, a := range call.Args {
		for _, lit := range s.literalsOf(a, 0) {
			for _, e := range lit.Elts {
				kv, ok := e.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				if id, ok := kv.Key.(*ast.Ident); ok && actionName(id.Name) && !zeroValue(s.info, kv.Value) {
					return "given the " + id.Name
				}
			}
		}
	}
	return ""
}

// literalsOf returns the struct literals e is: a literal, its address,
// or a local variable every assignment of which is one.
func (s *scan) literalsOf(e ast.Expr, depth int) []*ast.CompositeLit {
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		if _, ok := s.info.TypeOf(x).Underlying().(*types.Struct); ok {
			return []*ast.CompositeLit{x}
		}
	case *ast.UnaryExpr:
		return s.literalsOf(x.X, depth)
	case *ast.Ident:
		if depth > 2 {
			return nil
		}
		var out []*ast.CompositeLit
		for _, rhs := range s.assigns[s.info.ObjectOf(x)] {
			if rhs == nil {
				return nil
			}
			lits := s.literalsOf(rhs, depth+1)
			if lits == nil {
				return nil
			}
			out = append(out, lits...)
		}
		return out
	}
	return nil
}

// zeroValue reports whether e is a constant zero value ("", 0, false,
// nil).
func zeroValue(info *types.Info, e ast.Expr) bool {
	if isNil(info, e) {
		return true
	}
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil {
		return false
	}
	switch tv.Value.String() {
	case `""`, "0", "false":
		return true
	}
	return false
}
