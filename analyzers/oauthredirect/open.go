package oauthredirect

import (
	"fmt"

	"golang.org/x/tools/go/ssa"
)

// checkOpen reports the redirects of fn whose destination is request
// data that nothing validated, when fn is part of a login or an OAuth
// callback, or is a helper that such a function of the package calls.
func (st *state) checkOpen(fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			call, ok := in.(*ssa.Call)
			if !ok {
				continue
			}
			var src *origin
			for _, o := range st.redirectOrigins(call) {
				if st.opens(o) && !st.guarded(fn, o.desc) {
					src = &o
					break
				}
			}
			if src == nil {
				continue
			}
			login := st.inAuthFlow(fn) || st.calledFromAuthFlow(fn)
			follow := !login && followsOnRequest(fn)
			if !st.everywhere && !login && !follow {
				// Outside a login the rule is silent on purpose: see
				// the Doc.
				continue
			}
			if st.requestSigned(fn, 0) {
				// The request, return address included, was signed by
				// the service itself (signed.go).
				continue
			}
			via := "redirect"
			if v, name, ok := redirectSink(call); ok && v != nil {
				via = name
			} else if c, ok := resolve(call.Common()); ok {
				via = c.qualified()
			}
			where := ""
			switch {
			case login:
				where = ", in a login or OAuth callback"
			case follow:
				where = ", in a redirect helper whose caller asks it to follow the return parameter (a login's redirect option)"
			}
			st.report(call.Pos(), catOpen, fmt.Sprintf("%s sends the browser to the %s without an allow-list or same-origin check%s", via, src.desc, where),
				*src, "and sent to "+via)
		}
	}
}

// opens reports whether an origin can choose a redirect's destination:
// a request parameter or the Referer, or a cookie that the package sets
// from one (or, when the package never sets it, one named like a
// return URL).
func (st *state) opens(o origin) bool {
	switch {
	case o.param >= 0:
		return false
	case o.kind == kParam:
		return true
	case o.kind == kCookie:
		return st.cookieOpen(o.cookie)
	}
	return false
}

// calledFromAuthFlow reports whether a function of the package that is
// part of a login calls fn (a redirect helper that reads the request
// itself).
func (st *state) calledFromAuthFlow(fn *ssa.Function) bool {
	for _, caller := range st.callersOf(fn) {
		if st.namedAuthFlow(caller) || st.authOnPathTo(caller, fn) {
			return true
		}
	}
	return false
}

// namedAuthFlow is inAuthFlow's judgement by names alone: fn, an
// enclosing function or the route it is registered on is named like a
// login or callback.
func (st *state) namedAuthFlow(fn *ssa.Function) bool {
	for f := fn; f != nil; f = f.Parent() {
		if authName.MatchString(f.Name()) {
			return true
		}
		if mc := st.closures[f]; mc != nil && routeNamed(mc) {
			return true
		}
	}
	return false
}

// authOnPathTo reports whether caller does a step of logging in (itself,
// or through a function of the package it calls) on the path of a call
// of fn: one of the two calls' blocks dominates the other's. A
// dispatcher whose branches call a share-token handler and a redirect
// handler apart (goshs's earlyBreakParameters) runs only one of them
// for a request, so the redirect is no step of a login.
func (st *state) authOnPathTo(caller, fn *ssa.Function) bool {
	var auths, calls []*ssa.BasicBlock
	for _, b := range caller.Blocks {
		for _, in := range b.Instrs {
			call, ok := in.(ssa.CallInstruction)
			if !ok {
				continue
			}
			if callee := call.Common().StaticCallee(); callee == fn {
				calls = append(calls, b)
				continue
			}
			if authAction(call) {
				auths = append(auths, b)
				continue
			}
			c, ok := resolve(call.Common())
			if !ok {
				continue
			}
			if c.fn != nil && st.local(c.fn) && c.fn != caller {
				if st.sum(c.fn).auth {
					auths = append(auths, b)
				}
			} else if cs := st.summaryOf(c); cs != nil && cs.auth {
				auths = append(auths, b)
			}
		}
	}
	for _, a := range auths {
		for _, c := range calls {
			if a.Dominates(c) || c.Dominates(a) {
				return true
			}
		}
	}
	return false
}

// callersOf returns the functions of the package that call fn
// statically.
func (st *state) callersOf(fn *ssa.Function) []*ssa.Function {
	if st.callers == nil {
		st.callers = map[*ssa.Function][]*ssa.Function{}
		for _, f := range st.funcs {
			for _, b := range f.Blocks {
				for _, in := range b.Instrs {
					if call, ok := in.(ssa.CallInstruction); ok {
						if callee := call.Common().StaticCallee(); callee != nil && callee != f {
							st.callers[callee] = append(st.callers[callee], f)
						}
					}
				}
			}
		}
	}
	return st.callers[fn]
}
