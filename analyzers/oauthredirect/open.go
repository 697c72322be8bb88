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
		if st.inAuthFlow(caller) {
			return true
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
