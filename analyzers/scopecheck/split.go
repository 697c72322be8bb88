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
		if st.otherLevel(st.uses[key], mws) {
			return true // another level of the same checker (perroute.go)
		}
	}
	return false
}

// groupOf returns the prefix and the parent router of a sub-router
// made by a call such as api.Group("/secrets") or r.Route("/x", ...).
func (st *state) groupOf(e ast.Expr) (string, types.Object, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return "", nil, false
	}
	if p, parent, ok := st.subrouterGroup(call); ok {
		return p, parent, true // gorilla's PathPrefix(p).Subrouter() (perroute.go)
	}
	if len(call.Args) == 0 {
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
	if r.method != "" {
		return r.method == "GET" || r.method == "HEAD"
	}
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

// registered is one registration with the middleware it is under and
// the endpoints it resolves to.
type registered struct {
	r       *route
	mux     types.Object // the router registered on, if known
	mws     []ast.Expr
	targets []target
	own     int // how many of mws wrap this registration alone (perroute.go)
}

// readBesideAuthorized reports whether r is a read route (GET, HEAD)
// of a resource whose write routes, registered on the same router, are
// authorized by their middleware or their handler: GET /api/tags beside
// DELETE /api/tags/{id} that requires an admin. It is asked only for
// endpoints that authenticate themselves (shiori's handlers each call
// RequireLoggedInUser or RequireLoggedInAdmin): the read handler chose
// "any logged-in user" where its siblings chose a role, the
// handler-level form of readSplit. A read route under a blanket
// authenticating middleware made no such choice and is still judged.
func (st *state) readBesideAuthorized(r *route) bool {
	_, sibs := st.writeSiblings(r)
	for _, g := range sibs {
		if st.authorizes(g) {
			return true
		}
	}
	return false
}

// writeSiblings returns, for a read route r, its registration and the
// write registrations of the same resource on the same router; nil for
// a route that is no read or names no resource.
func (st *state) writeSiblings(r *route) (*registered, []*registered) {
	if !readRoute(r) {
		return nil, nil
	}
	self := st.registrationOf(r)
	res := resourceOf(r.pattern)
	if self == nil || res == "" {
		return nil, nil
	}
	var out []*registered
	for _, g := range st.regs {
		if g == self || g.mux != self.mux || readRoute(g.r) || methodOf(g.r) == "" {
			continue
		}
		other := resourceOf(g.r.pattern)
		if other == "" || (other != res && !strings.HasPrefix(other, res+"/") && !strings.HasPrefix(res, other+"/")) {
			continue
		}
		out = append(out, g)
	}
	return self, out
}

// registrationOf returns the registration of route r, or nil.
func (st *state) registrationOf(r *route) *registered {
	var self *registered
	for _, g := range st.regs {
		if g.r == r {
			self = g
		}
	}
	return self
}

// authorizes reports whether a registration's middleware or one of its
// endpoints makes an access decision (ownership does not count: it
// says nothing of who may write the resource as a whole).
func (st *state) authorizes(g *registered) bool {
	if _, authz := st.verdicts(g.mws); authz.authz != "" {
		return true
	}
	for _, t := range g.targets {
		if st.targetSummary(t).authz != "" {
			return true
		}
	}
	return false
}

// methodOf returns the HTTP method of a registration: the router verb
// (r.Post, g.DELETE) or the method of a Go 1.22 pattern.
func methodOf(r *route) string {
	if r.method != "" {
		return r.method
	}
	if sel, ok := ast.Unparen(r.call.Fun).(*ast.SelectorExpr); ok {
		switch v := strings.ToUpper(sel.Sel.Name); v {
		case "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE":
			return v
		}
	}
	if i := strings.IndexByte(r.pattern, ' '); i > 0 {
		switch v := strings.ToUpper(r.pattern[:i]); v {
		case "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE":
			return v
		}
	}
	return ""
}

// resourceOf returns the path of the resource a route pattern names:
// its segments up to the first parameter ("GET /api/tags/{id}" and
// "/api/tags/:id" name "/api/tags").
func resourceOf(pattern string) string {
	if i := strings.LastIndexByte(pattern, ' '); i >= 0 {
		pattern = pattern[i+1:]
	}
	var segs []string
	for _, seg := range strings.Split(pattern, "/") {
		if seg == "" {
			continue
		}
		if strings.ContainsAny(seg, "{:*<") {
			break
		}
		segs = append(segs, seg)
	}
	if len(segs) == 0 {
		return ""
	}
	return "/" + strings.Join(segs, "/")
}
