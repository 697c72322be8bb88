package scopecheck

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/credname"
)

// A key that belongs to a resource.
//
// A credential looked up among the keys a resource keeps selects that
// resource (coroot: for each project, for each key of
// p.Settings.ApiKeys, key.Key == apiKey returns p): holding the key is
// the permission to act on that resource, and the lookup hands back the
// resource, not a caller whose rights are still to decide. There is no
// scope or role to check beyond it.
//
// Rule: the function given the credential returns, first, a value of a
// named struct type that is not a principal (a user, account, member or
// session: a per-user key returns the user), and compares the
// credential with a key among those the returned value keeps (a range
// over one of its fields: the resource holds a list of keys). That
// function decides access as well as authenticating. A single secret
// field compared with the credential (m.secret == key) is an account's
// secret, not a resource's key list, and decides nothing more.

// resourceKey returns a description of the access decision when fn,
// called with a credential of the request, is such a lookup, or "".
func (s *scan) resourceKey(fn *types.Func, call *ast.CallExpr) string {
	local := s.a.byObj[fn]
	if local == nil || local.decl == nil || local.body == nil {
		return ""
	}
	sig := local.sig
	if sig.Results().Len() == 0 {
		return ""
	}
	res := sig.Results().At(0).Type()
	if p, ok := res.(*types.Pointer); ok {
		res = p.Elem()
	}
	named, ok := types.Unalias(res).(*types.Named)
	if !ok || principalTypeName(named.Obj().Name()) {
		return ""
	}
	if _, ok := named.Underlying().(*types.Struct); !ok {
		return ""
	}
	// The parameters the credential arrives in.
	params := map[types.Object]bool{}
	for i, a := range call.Args {
		if i < sig.Params().Len() && s.cred(a) != "" {
			params[sig.Params().At(i)] = true
		}
	}
	if len(params) == 0 {
		return ""
	}
	info := s.info
	// The values returned first, and what is read from them.
	from := map[types.Object]bool{}
	ast.Inspect(local.body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if ret, ok := n.(*ast.ReturnStmt); ok && len(ret.Results) > 0 {
			if id, ok := ast.Unparen(ret.Results[0]).(*ast.Ident); ok {
				if v, ok := info.Uses[id].(*types.Var); ok && types.Identical(derefType(v.Type()), res) {
					from[v] = true
				}
			}
		}
		return true
	})
	if len(from) == 0 {
		return ""
	}
	rootIn := func(e ast.Expr) bool {
		for {
			switch x := ast.Unparen(e).(type) {
			case *ast.SelectorExpr:
				e = x.X
			case *ast.IndexExpr:
				e = x.X
			case *ast.Ident:
				return from[info.Uses[x]]
			default:
				return false
			}
		}
	}
	// Range variables over their fields, and locals taken from them.
	keys := map[types.Object]bool{}
	for changed := true; changed; {
		changed = false
		ast.Inspect(local.body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.RangeStmt:
				if _, isSel := ast.Unparen(n.X).(*ast.SelectorExpr); isSel && rootIn(n.X) {
					for _, e := range []ast.Expr{n.Key, n.Value} {
						if id, ok := e.(*ast.Ident); ok && id.Name != "_" {
							if v := info.Defs[id]; v != nil && !from[v] {
								from[v], keys[v], changed = true, true, true
							}
						}
					}
				}
			case *ast.AssignStmt:
				if n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) {
					for i, r := range n.Rhs {
						if _, isSel := ast.Unparen(r).(*ast.SelectorExpr); isSel && rootIn(r) {
							if id, ok := n.Lhs[i].(*ast.Ident); ok {
								if v := info.Defs[id]; v != nil && !from[v] {
									from[v], changed = true, true
								}
							}
						}
					}
				}
			}
			return true
		})
	}
	isParam := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && params[info.Uses[id]]
	}
	// isKey: a field of a range variable over the value's keys.
	isKey := func(e ast.Expr) bool {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		for x := sel.X; ; {
			switch y := ast.Unparen(x).(type) {
			case *ast.SelectorExpr:
				x = y.X
				continue
			case *ast.Ident:
				return keys[info.Uses[y]]
			}
			return false
		}
	}
	found := false
	ast.Inspect(local.body, func(n ast.Node) bool {
		if b, ok := n.(*ast.BinaryExpr); ok && (b.Op == token.EQL || b.Op == token.NEQ) {
			if isParam(b.X) && isKey(b.Y) || isParam(b.Y) && isKey(b.X) {
				found = true
			}
		}
		return !found
	})
	if !found {
		return ""
	}
	return "the credential is a key of the " + named.Obj().Name() + " " + shortName(fn) + " selects with it"
}

// principalTypeName reports whether a type's name says its values stand
// for a caller (User, APIUser, Account, Member, Session, Claims).
func principalTypeName(name string) bool {
	for _, w := range credname.Words(name) {
		switch w {
		case "user", "users", "account", "member", "principal", "caller", "identity", "subject", "session", "claims", "actor", "admin", "owner", "person", "customer", "operator", "client", "token", "credential", "credentials", "key", "apikey":
			return true
		}
	}
	return false
}

func derefType(t types.Type) types.Type {
	if p, ok := t.(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}
