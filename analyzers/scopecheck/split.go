package scopecheck

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// Read/write splits: when one path prefix is registered twice on the
// same router, once as a group of read routes behind a middleware
// that only authenticates and once as a group behind an authorizing
// one (an admin or role middleware), the program has decided that any
// logged-in caller may read: the read routes are a policy, not a
// missing check, and are not reported. (woodpecker: global secrets
// readable, without their values, by every user; written by admins.)

// readSplit reports whether r is a read route (GET, HEAD) of such a
// read group.
func (st *state) readSplit(r *route) bool {
	if !readRoute(r) || r.router == nil {
		return false
	}
	key := st.routerKey(r.router)
	if key == nil {
		return false
	}
	prefix, parent, ok := st.groupOf(st.inits[key])
	if !ok {
		return false
	}
	for obj, e := range st.inits {
		if obj == key {
			continue
		}
		p, par, ok := st.groupOf(e)
		if !ok || p != prefix || par != parent {
			continue
		}
		mws := append([]ast.Expr(nil), st.uses[obj]...)
		for _, a := range ast.Unparen(e).(*ast.CallExpr).Args {
			if isMWArgType(st.pass.TypesInfo.TypeOf(a)) {
				mws = append(mws, a)
			}
		}
		for _, m := range mws {
			if st.classifyMW(m, 0).authz != "" {
				return true
			}
		}
	}
	return false
}

// groupOf returns the prefix and the parent router of a sub-router
// made by a call such as api.Group("/secrets") or r.Route("/x", ...).
func (st *state) groupOf(e ast.Expr) (string, types.Object, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return "", nil, false
	}
	fn, _ := typeutil.Callee(st.pass.TypesInfo, call).(*types.Func)
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if fn == nil || !ok || !isRouterMethod(fn) {
		return "", nil, false
	}
	prefix, ok := constString(st.pass.TypesInfo, call.Args[0])
	if !ok {
		return "", nil, false
	}
	parent := st.routerKey(sel.X)
	return prefix, parent, parent != nil
}

// readRoute reports whether r registers a GET or HEAD route.
func readRoute(r *route) bool {
	verb := ""
	if sel, ok := ast.Unparen(r.call.Fun).(*ast.SelectorExpr); ok {
		verb = strings.ToUpper(sel.Sel.Name)
	}
	if verb != "GET" && verb != "HEAD" {
		if i := strings.IndexByte(r.pattern, ' '); i > 0 {
			verb = strings.ToUpper(r.pattern[:i])
		}
	}
	return verb == "GET" || verb == "HEAD"
}

// unanalyzedLocal reports whether fn belongs to a package of the module
// under analysis that scopecheck did not analyse, so that it has no
// facts: whether it authorizes is unknown, not "no". (The lint driver
// analyses only the named packages; go vet analyses every one.)
func (st *state) unanalyzedLocal(fn *types.Func) bool {
	pkg := fn.Pkg()
	mod := st.pass.Module
	if pkg == nil || pkg == st.pass.Pkg || mod == nil || mod.Path == "" || mod.Version != "" {
		return false
	}
	if p := pkg.Path(); p != mod.Path && !strings.HasPrefix(p, mod.Path+"/") {
		return false
	}
	return !st.analyzed(fn)
}

// unknownVia reports whether fi calls, through functions of its
// package, one that calls into an unanalysed package of the module.
func (st *state) unknownVia(fi *fnInfo) bool {
	seen := map[*fnInfo]bool{}
	var walk func(f *fnInfo) bool
	walk = func(f *fnInfo) bool {
		if f == nil || seen[f] {
			return false
		}
		seen[f] = true
		if f.unknown {
			return true
		}
		for _, c := range f.callees {
			if walk(st.byObj[c]) {
				return true
			}
		}
		return false
	}
	return walk(fi)
}
