package scopecheck

import (
	"go/ast"
	"go/types"
)

// Middleware made by a factory. telegraf's internal.BasicAuthHandler(user,
// password, realm, onError) returns a func(http.Handler) http.Handler
// literal that wraps the next handler in &basicAuthHandler{...}, whose
// ServeHTTP compares the request's credentials with the configured pair.
// The factory's own body checks nothing, so its verdict was empty: in
// another package the route fell back to the variable's name
// (authHandler), authenticating and never authorizing, and every route
// of a listener whose one configured credential is all its authorization
// was reported. The factory's verdict is the verdict of what it returns:
// a middleware literal (judged itself, or by what it returns in turn) or
// a wrapper value whose ServeHTTP is the middleware. It authenticates
// (authorizes) when every middleware it can return does.

// madeVerdict is a factory's verdict, memoized.
type madeVerdict struct {
	authn, authz string
	ok           bool
}

// factoryVerdict is madeMW of fi, computed once per factory when the
// summaries are final (every route under the factory's middleware and
// its fact export ask the same).
func (st *state) factoryVerdict(fi *fnInfo) (authn, authz string, ok bool) {
	if st.made == nil {
		return st.madeMW(fi, 0)
	}
	v, seen := st.made[fi]
	if !seen {
		v.authn, v.authz, v.ok = st.madeMW(fi, 0)
		st.made[fi] = v
	}
	return v.authn, v.authz, v.ok
}

// madeMW says what the middleware fi returns does; ok is false when fi
// returns something that is not judged (a variable, a call). Returning
// the next handler unwrapped (when nothing is configured to check)
// checks nothing on that path.
func (st *state) madeMW(fi *fnInfo, depth int) (authn, authz string, ok bool) {
	if fi == nil || fi.body == nil || depth > 4 || fi.sig == nil || fi.sig.Results().Len() != 1 {
		return "", "", false
	}
	// A factory of middleware, or a wrapper (given the next handler,
	// returning a handler); not a factory of endpoints.
	if !isMWArgType(fi.sig.Results().At(0).Type()) && !isMiddlewareSig(fi.sig) {
		return "", "", false
	}
	info := st.pass.TypesInfo
	first, allAuthn, allAuthz := true, true, true
	judge := func(n, z string) {
		if first {
			authn, authz, first = n, z, false
		}
		allAuthn = allAuthn && n != ""
		allAuthz = allAuthz && z != ""
	}
	ok = true
	ast.Inspect(fi.body, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its returns are its own
		case *ast.ReturnStmt:
			if len(n.Results) != 1 {
				ok = false
				return false
			}
			switch r := ast.Unparen(n.Results[0]).(type) {
			case *ast.FuncLit:
				lf := st.byLit[r]
				if lf == nil {
					ok = false
					return false
				}
				if z, a := st.mwAuthz(lf), lf.mwAuthn(); z != "" || a != "" {
					judge(a, z)
					return false
				}
				a, z, rok := st.madeMW(lf, depth+1)
				if !rok {
					ok = false
					return false
				}
				judge(a, z)
			case *ast.Ident:
				// The next handler itself, unwrapped (nothing
				// configured to check): that path checks nothing.
				if v, isVar := info.ObjectOf(r).(*types.Var); isVar && isHandlerType(v.Type()) && isParam(fi, v) && !isRecv(fi, v) {
					judge("", "")
					return false
				}
				ok = false
				return false
			default:
				if tv, isNil := info.Types[r]; isNil && tv.IsNil() {
					return false
				}
				sfn := serveHTTPMethod(wrapperType(info.TypeOf(r), r))
				sfi := st.byObj[sfn]
				if sfn == nil || sfi == nil {
					ok = false
					return false
				}
				judge(sfi.mwAuthn(), st.mwAuthz(sfi))
			}
			return false
		}
		return true
	})
	if !ok || first {
		return "", "", false
	}
	if !allAuthn {
		authn = ""
	}
	if !allAuthz {
		authz = ""
	}
	return authn, authz, true
}

// wrapperType returns the type T of a wrapper value returned as a
// middleware's result, &T{...} or T{...}; nil for anything else.
func wrapperType(t types.Type, e ast.Expr) types.Type {
	if u, ok := e.(*ast.UnaryExpr); ok {
		e = ast.Unparen(u.X)
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
	}
	if _, ok := e.(*ast.CompositeLit); !ok {
		return nil
	}
	return t
}
