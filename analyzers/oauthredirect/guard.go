package oauthredirect

import (
	"go/token"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// Checks done by a wrapping middleware.
//
// A service often checks a request parameter once, in a middleware
// that wraps the handlers reading it:
//
//	mux.HandleFunc("/sign_in", p.validateRedirectURI(p.SignIn))
//
//	func (p *P) validateRedirectURI(next http.HandlerFunc) http.HandlerFunc {
//		return func(w http.ResponseWriter, r *http.Request) {
//			if !allowed(r.Form.Get("redirect_uri")) { … return }
//			next(w, r)
//		}
//	}
//
// SignIn then redirects to r.Form.Get("redirect_uri") without a check
// of its own, and is right to. A redirect's parameter counts as checked
// when every way the redirecting function is reached goes through such
// a wrapper: each use of it as a value (a function value, a bound
// method p.SignIn, a conversion to http.HandlerFunc) is an argument of
// a wrapper of the package whose returned closure captures that
// argument, calls it, and validates the same parameter (same key, the
// query and the form being one parameter space) with the checks an
// in-place validation needs; or an argument of a wrapper that only
// passes it on (withMethods), whose result is used the same way. A
// function reached only by static calls is guarded when every caller
// is, up to three calls up (SignOut rendering SignOutPage), as for a
// signed request (signed.go). A handler also registered without the
// wrapper, returned, or stored anywhere stays reported. Wrappers are
// followed in the analyzed package only.

// maxGuardDepth bounds the wrapping chain and the callers followed.
const maxGuardDepth = 4

// guarded reports whether every way fn is reached goes through a
// wrapper that validates the request parameter described by desc.
func (st *state) guarded(fn *ssa.Function, desc string) bool {
	key, ok := paramKey(desc)
	if !ok {
		return false
	}
	return st.guardedFn(fn, key, 0, map[*ssa.Function]bool{})
}

func (st *state) guardedFn(fn *ssa.Function, key string, depth int, busy map[*ssa.Function]bool) bool {
	if depth > maxGuardDepth || busy[fn] {
		return false
	}
	busy[fn] = true
	defer delete(busy, fn)
	uses := st.valueUses(fn)
	callers := st.callersOf(fn)
	if len(uses) == 0 && len(callers) == 0 {
		return false
	}
	for _, u := range uses {
		if !st.guardedUse(u, key, depth, busy) {
			return false
		}
	}
	for _, c := range callers {
		if !st.guardedFn(c, key, depth+1, busy) {
			return false
		}
	}
	return true
}

// use is one instruction that takes a handler value as an operand.
type use struct {
	v  ssa.Value
	in ssa.Instruction
}

// valueUses returns the places of the package where fn is used as a
// value rather than called: an instruction taking fn itself as an
// operand other than a call's callee, or one taking the closure of a
// bound method or thunk that calls it.
func (st *state) valueUses(fn *ssa.Function) []use {
	var out []use
	for _, f := range st.funcs {
		for _, b := range f.Blocks {
			for _, in := range b.Instrs {
				if mc, ok := in.(*ssa.MakeClosure); ok {
					if w, ok := mc.Fn.(*ssa.Function); ok && w.Synthetic != "" && callsOnly(w, fn) {
						for _, ref := range *mc.Referrers() {
							out = append(out, use{mc, ref})
						}
					}
					continue
				}
				var ops []*ssa.Value
				ops = in.Operands(ops)
				for i, op := range ops {
					if op == nil || *op != ssa.Value(fn) {
						continue
					}
					if call, ok := in.(ssa.CallInstruction); ok && i == 0 && call.Common().Value == fn {
						continue // the callee of a static call
					}
					out = append(out, use{fn, in})
				}
			}
		}
	}
	return out
}

// callsOnly reports whether the synthetic wrapper w (a bound method or
// a method expression's thunk) calls fn.
func callsOnly(w, fn *ssa.Function) bool {
	for _, b := range w.Blocks {
		for _, in := range b.Instrs {
			if call, ok := in.(ssa.CallInstruction); ok && call.Common().StaticCallee() == fn {
				return true
			}
		}
	}
	return false
}

// guardedValue reports whether every use of the handler value v hands
// it to a wrapper that validates key, directly or through wrappers that
// pass it on.
func (st *state) guardedValue(v ssa.Value, key string, depth int, busy map[*ssa.Function]bool) bool {
	if depth > maxGuardDepth {
		return false
	}
	refs := v.Referrers()
	if refs == nil {
		return false
	}
	n := 0
	for _, ref := range *refs {
		if _, ok := ref.(*ssa.DebugRef); ok {
			continue
		}
		n++
		if !st.guardedUse(use{v, ref}, key, depth, busy) {
			return false
		}
	}
	return n > 0
}

// guardedUse reports whether one use of a handler value keeps it
// behind a wrapper that validates key.
func (st *state) guardedUse(u use, key string, depth int, busy map[*ssa.Function]bool) bool {
	switch r := u.in.(type) {
	case *ssa.DebugRef:
		return true
	case *ssa.ChangeType:
		// http.HandlerFunc(p.SignIn)
		return st.guardedValue(r, key, depth+1, busy)
	case *ssa.MakeInterface:
		return st.guardedValue(r, key, depth+1, busy)
	case *ssa.Call:
		return st.guardedArg(r, u.v, key, depth, busy)
	}
	// Stored, returned, registered through an interface the analysis
	// does not follow: reachable without the check.
	return false
}

// guardedArg reports whether the call hands the handler v to a wrapper
// of the package that validates key before calling it, or to one that
// passes it on into a result that is itself guarded.
func (st *state) guardedArg(call *ssa.Call, v ssa.Value, key string, depth int, busy map[*ssa.Function]bool) bool {
	common := call.Common()
	w := common.StaticCallee()
	if w == nil || common.Value == v || !st.local(w) {
		return false
	}
	for i, a := range common.Args {
		if a != v || i >= len(w.Params) {
			continue
		}
		validates, wraps := st.wrapperOf(w, w.Params[i], key)
		switch {
		case validates:
		case wraps:
			if !st.guardedValue(call, key, depth+1, busy) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// wrapperOf reports how the wrapper w treats its handler parameter p:
// wraps when a closure w creates captures p and calls it, validates
// when that closure also validates the request parameter key. A
// closure that creates a further closure around p (a middleware
// factory) is followed one level.
func (st *state) wrapperOf(w *ssa.Function, p ssa.Value, key string) (validates, wraps bool) {
	for _, b := range w.Blocks {
		for _, in := range b.Instrs {
			mc, ok := in.(*ssa.MakeClosure)
			if !ok {
				continue
			}
			inner, ok := mc.Fn.(*ssa.Function)
			if !ok {
				continue
			}
			for j, bound := range mc.Bindings {
				if !holds(bound, p) || j >= len(inner.FreeVars) {
					continue
				}
				fv := inner.FreeVars[j]
				if !callsValue(fv) {
					continue
				}
				wraps = true
				for desc, c := range st.validSources(inner) {
					if k, ok := paramKey(desc); ok && k == key && c.ok() {
						return true, true
					}
				}
			}
		}
	}
	return false, wraps
}

// holds reports whether a closure binding is the parameter p: p
// itself, or the variable SSA allocates for a captured p and stores p
// in.
func holds(bound, p ssa.Value) bool {
	if bound == p {
		return true
	}
	a, ok := bound.(*ssa.Alloc)
	if !ok {
		return false
	}
	for _, ref := range *a.Referrers() {
		if s, ok := ref.(*ssa.Store); ok && s.Addr == a && s.Val == p {
			return true
		}
	}
	return false
}

// callsValue reports whether the handler v, or the value loaded from
// it when v is a captured variable, is called: v(w, r), or
// v.ServeHTTP(w, r) on an http.Handler.
func callsValue(v ssa.Value) bool {
	refs := v.Referrers()
	if refs == nil {
		return false
	}
	for _, ref := range *refs {
		switch r := ref.(type) {
		case ssa.CallInstruction:
			if r.Common().Value == v {
				return true
			}
		case *ssa.UnOp:
			if r.Op == token.MUL && callsValue(r) {
				return true
			}
		}
	}
	return false
}

// paramKey returns the key of a request parameter from its origin's
// description: the query and the form are one space (r.Form holds
// both), a path parameter another. Other sources give no key.
func paramKey(desc string) (string, bool) {
	kind, q, ok := strings.Cut(desc, " \"")
	if !ok {
		return "", false
	}
	switch kind {
	case "form value", "query parameter":
		kind = "param"
	case "path parameter":
		kind = "path"
	default:
		return "", false
	}
	return kind + ":" + strings.TrimSuffix(q, "\""), true
}
