package scopecheck

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// Per-route access levels. Services on gorilla/mux (portainer) wrap each
// registration in the level it needs, route by route, on one router:
//
//	h.Handle("/tags", bouncer.AdminAccess(h.tagCreate)).Methods(http.MethodPost)
//	h.Handle("/tags", bouncer.AuthenticatedAccess(h.tagList)).Methods(http.MethodGet)
//
// A read route (GET, HEAD) wrapped in an authenticating middleware of
// its own, beside write routes of the same resource whose own wrappers
// authorize, is a decided policy, as readSplit (groups) and
// readBesideAuthorized (self-authenticating handlers) already hold: the
// authors chose "any signed-in user" for the read. Only the siblings'
// middleware counts here, not their handlers: a handler that checks
// ownership or rights in its body says nothing about what the read
// route's level was meant to be. A read route under a blanket
// authenticating middleware of the router made no such choice and is
// still judged. gorilla's methods come from the Route's .Methods(…)
// chained on the registration, and its sub-routers
// (r.PathPrefix("/system").Subrouter()) are groups for readSplit.

// gorillaMethod returns the one method a gorilla registration is
// limited to by .Methods(…) chained on it, or "".
func (st *state) gorillaMethod(call *ast.CallExpr) string {
	if st.methods == nil {
		st.methods = map[*ast.CallExpr]string{}
		for _, f := range st.pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				mc, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := ast.Unparen(mc.Fun).(*ast.SelectorExpr)
				if !ok || sel.Sel.Name != "Methods" || len(mc.Args) != 1 {
					return true
				}
				fn, _ := typeutil.Callee(st.pass.TypesInfo, mc).(*types.Func)
				if fn == nil || funcPath(fn) != pkgMux {
					return true
				}
				m, ok := constString(st.pass.TypesInfo, mc.Args[0])
				if !ok {
					return true
				}
				// The registration may be further down a chain:
				// h.Handle(…).Name("x").Methods("GET").
				x := ast.Unparen(sel.X)
				for {
					c, ok := x.(*ast.CallExpr)
					if !ok {
						break
					}
					st.methods[c] = strings.ToUpper(m)
					s, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
					if !ok {
						break
					}
					x = ast.Unparen(s.X)
				}
				return true
			})
		}
	}
	return st.methods[call]
}

// subrouterGroup returns the prefix and parent of a gorilla sub-router
// made by parent.PathPrefix(prefix).Subrouter().
func (st *state) subrouterGroup(call *ast.CallExpr) (string, types.Object, bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Subrouter" || len(call.Args) != 0 {
		return "", nil, false
	}
	pp, ok := ast.Unparen(sel.X).(*ast.CallExpr)
	if !ok || len(pp.Args) != 1 {
		return "", nil, false
	}
	psel, ok := ast.Unparen(pp.Fun).(*ast.SelectorExpr)
	if !ok || psel.Sel.Name != "PathPrefix" {
		return "", nil, false
	}
	fn, _ := typeutil.Callee(st.pass.TypesInfo, pp).(*types.Func)
	if fn == nil || funcPath(fn) != pkgMux {
		return "", nil, false
	}
	prefix, ok := constString(st.pass.TypesInfo, pp.Args[0])
	if !ok {
		return "", nil, false
	}
	parent := st.routerKey(psel.X)
	return prefix, parent, parent != nil
}

// perRouteReadChoice reports whether r is a read route whose own
// wrappers authenticate, on a router whose own middleware does not,
// beside a write route of the same resource whose own wrappers
// authorize.
func (st *state) perRouteReadChoice(r *route) bool {
	self, sibs := st.writeSiblings(r)
	if self == nil || self.own == 0 {
		return false
	}
	mine := self.mws[len(self.mws)-self.own:]
	if authn, _ := st.verdicts(self.mws[:len(self.mws)-self.own]); authn.authn != "" {
		return false // a blanket middleware: no choice made for this route
	}
	if authn, _ := st.verdicts(mine); authn.authn == "" {
		return false
	}
	if st.guardedReadSibling(self) {
		// Another read of the same resource checks whose it is
		// (getVideo's owner test beside videoStats): reads are not
		// open to every logged-in user by choice.
		return false
	}
	for _, g := range sibs {
		if g.own == 0 {
			continue
		}
		own := g.mws[len(g.mws)-g.own:]
		if _, authz := st.verdicts(own); authz.authz != "" || st.otherLevel(mine, own) {
			return true
		}
	}
	return false
}

// otherLevel reports whether a wrapper in sibling is another method of
// the access-control value whose method wraps the read route
// (bouncer.AdminAccess beside bouncer.AuthenticatedAccess): the routes
// were given different levels of one checker, route by route.
func (st *state) otherLevel(read, sibling []ast.Expr) bool {
	for _, a := range read {
		fa := st.wrapperMethod(a)
		if fa == nil {
			continue
		}
		for _, b := range sibling {
			fb := st.wrapperMethod(b)
			if fb != nil && fb.Name() != fa.Name() && types.Identical(recvType(fa), recvType(fb)) {
				return true
			}
		}
	}
	return false
}

// wrapperMethod returns the method a wrapper call calls, or the method
// a method value (r.Use(bouncer.AdminAccess)) names, or nil.
func (st *state) wrapperMethod(e ast.Expr) *types.Func {
	var fn *types.Func
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn, _ = typeutil.Callee(st.pass.TypesInfo, x).(*types.Func)
	case *ast.SelectorExpr:
		if sel := st.pass.TypesInfo.Selections[x]; sel != nil && sel.Kind() == types.MethodVal {
			fn, _ = sel.Obj().(*types.Func)
		}
	}
	if fn == nil || recvType(fn) == nil {
		return nil
	}
	return fn
}

// recvType returns the receiver type of a method, or nil.
func recvType(fn *types.Func) types.Type {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return nil
	}
	return sig.Recv().Type()
}

// Two-tier services. wireguard-ui gives every route its level at the
// registration, on a router with no authenticating middleware of its
// own:
//
//	app.POST("/remove-client", handler.RemoveClient(db), handler.ValidSession)
//	app.POST("/remove-user", handler.RemoveUser(db), handler.ValidSession, handler.NeedsAdmin)
//
// When the routes that add an authorizing wrapper all add the same one
// (one admin gate, the same role) and it gates at least two resources,
// the service has two tiers, chosen route by route: a route left at
// "any signed-in user" is that choice, as long as no route of its own
// resource is gated (a DELETE beside a gated POST of the same resource,
// or /videos/:id beside /admin/videos/:id, is still judged). Gates that differ
// from route to route (RequireScope("users:write") here,
// RequireScope("videos:read") there) are per-resource permissions, and
// a route without one is still judged.

// twoTierChoice reports whether r is such a route.
func (st *state) twoTierChoice(r *route) bool {
	self := st.registrationOf(r)
	res := resourceOf(r.pattern)
	if self == nil || res == "" {
		return false
	}
	n := perRoute(self)
	if n == 0 {
		return false
	}
	mine := self.mws[len(self.mws)-n:]
	if authn, _ := st.verdicts(self.mws[:len(self.mws)-n]); authn.authn != "" {
		return false // a blanket middleware: no choice made for this route
	}
	if authn, _ := st.verdicts(mine); authn.authn == "" {
		return false
	}
	gate := ""
	gated := map[string]bool{} // the resources behind the gate
	for _, g := range st.regs {
		if g == self || g.mux != self.mux || perRoute(g) == 0 {
			continue
		}
		own := g.mws[len(g.mws)-perRoute(g):]
		var keys []string
		for _, m := range own {
			if st.classifyMW(m, 0).authz != "" {
				keys = append(keys, types.ExprString(m))
			}
		}
		if len(keys) == 0 {
			continue
		}
		key := strings.Join(keys, ",")
		if gate != "" && key != gate {
			return false // per-resource permissions
		}
		gate = key
		other := resourceOf(g.r.pattern)
		if other == "" || other == res || strings.HasPrefix(other, res+"/") || strings.HasPrefix(res, other+"/") || resourceNoun(other) == resourceNoun(res) {
			return false // its own resource is gated elsewhere
		}
		gated[resourceNoun(other)] = true
	}
	return len(gated) >= 2
}

// resourceNoun names the resource of a route by the last word of its
// last constant segment, singular: "/admin/videos/:id" and "/videos"
// are "video", "/remove-client" and "/api/clients" are "client".
func resourceNoun(res string) string {
	seg := res[strings.LastIndexByte(res, '/')+1:]
	if i := strings.LastIndexAny(seg, "-_."); i >= 0 {
		seg = seg[i+1:]
	}
	seg = strings.ToLower(seg)
	if len(seg) > 3 && strings.HasSuffix(seg, "s") && !strings.HasSuffix(seg, "ss") {
		seg = seg[:len(seg)-1]
	}
	return seg
}

// perRoute returns how many of a registration's middleware are its own:
// given at the registration (echo's and gin's extra arguments) or
// wrapping its handler.
func perRoute(g *registered) int {
	n := g.own + len(g.r.extra)
	if n > len(g.mws) {
		n = len(g.mws)
	}
	return n
}

// guardedReadSibling reports whether a read route of the same router and
// resource as self (the same resource, one under it or above it) has an
// endpoint that checks ownership or makes an access decision.
func (st *state) guardedReadSibling(self *registered) bool {
	res := resourceOf(self.r.pattern)
	for _, g := range st.regs {
		if g == self || g.mux != self.mux || !readRoute(g.r) {
			continue
		}
		other := resourceOf(g.r.pattern)
		if other == "" || (other != res && !strings.HasPrefix(other, res+"/") && !strings.HasPrefix(res, other+"/")) {
			continue
		}
		for _, t := range g.targets {
			if h := st.targetSummary(t); h.owns != "" || h.authz != "" {
				return true
			}
		}
	}
	return false
}
