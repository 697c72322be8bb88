package scopecheck

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// One principal. A self-hosted panel with one administrator account
// (1Panel: a user name and password kept in its settings, a session
// cookie, some three hundred routes) authenticates the one person who
// may do everything: logging in is the access decision, and no handler
// ever asks who the caller is, because there is only one. A service of
// many users cannot go long without asking: it scopes a list to the
// caller, records who created a record, checks a role. So when a
// package registers many routes behind authentication (minOnePrincipal)
// and not one of their handlers, nor anything they call (facts carry it
// across packages), reads the caller's identity, and no middleware
// authorizes, the routes are not reported. A handler whose
// verdict is unknown (it hands the request context to a service out of
// sight) is not reported anyway and counts neither way. A small service (a handful of routes) is judged route by
// route: its size says nothing.

// minOnePrincipal is the fewest authenticated routes that make the
// silence of every handler on who the caller is a design.
const minOnePrincipal = 20

// CallerFact marks a function that reads the caller's identity (from
// the request context, a session or a getter), itself or through what
// it calls.
type CallerFact struct{}

// AFact marks CallerFact as an analysis fact.
func (*CallerFact) AFact() {}

func (*CallerFact) String() string { return "asks the caller" }

// asksCaller reports whether the body of the function s scans reads the
// caller's identity.
func (s *scan) asksCaller() bool {
	// The calls, not every identity-like name: a file's owner
	// (stat.Uid) names no caller.
	if s.fi.ctxCaller {
		return true
	}
	found := false
	s.inspect(func(n ast.Node) bool {
		if found {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if s.ctxCallerRead(call) != "" || s.identityGetter(call) != "" {
			found = true
			return false
		}
		if fn, ok := typeutil.Callee(s.info, call).(*types.Func); ok && fn.Pkg() != nil && fn.Pkg() != s.a.pass.Pkg {
			var cf CallerFact
			if s.a.pass.ImportObjectFact(fn, &cf) {
				found = true
				return false
			}
		}
		return true
	})
	return found
}

// onePrincipal reports whether the package's authenticated routes serve
// one principal (see above); computed once.
func (st *state) onePrincipal() bool {
	if st.onePrincipalDone {
		return st.onePrincipalVal
	}
	st.onePrincipalDone = true
	n := 0
	for _, g := range st.regs {
		authn, authz := st.verdicts(g.mws)
		if authz.authz != "" {
			return false // an authorizing middleware: more than one principal
		}
		if authn.authn == "" {
			continue
		}
		known := false
		for _, t := range g.targets {
			h := st.targetSummary(t)
			if !h.known {
				continue // not judged either way (ctxdefer.go, split.go)
			}
			if st.targetAsksCaller(t) {
				return false
			}
			// A handler's own authorization or ownership verdict is
			// judged with its route; only asking who the caller is
			// says there is more than one.
			known = true
		}
		if known {
			n++
		}
	}
	st.onePrincipalVal = n >= minOnePrincipal
	return st.onePrincipalVal
}

// targetAsksCaller reports whether an endpoint reads the caller's
// identity.
func (st *state) targetAsksCaller(t target) bool {
	if t.fi != nil {
		return t.fi.asksCaller
	}
	if t.fn == nil {
		return true
	}
	var cf CallerFact
	return st.pass.ImportObjectFact(t.fn, &cf)
}
