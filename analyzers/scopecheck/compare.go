package scopecheck

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"golang.org/x/tools/go/types/typeutil"
)

// Comparisons: a credential checked against a known key, an access
// decision, an ownership check.

func isCompareFunc(fn *types.Func) bool {
	switch funcPath(fn) + "." + fn.Name() {
	case "crypto/subtle.ConstantTimeCompare", "crypto/hmac.Equal", "bytes.Equal", "strings.EqualFold", "slices.Contains",
		"strings.Compare", "bytes.Compare":
		return true
	}
	return false
}

// compare records a credential compared with a known key, an access
// decision on a scope or role, and an ownership check.
func (s *scan) compare(n ast.Node, x, y ast.Expr) {
	cx, cy := s.cred(x), s.cred(y)
	if cx == "" && cy == "" {
		// A helper's parameter against a configured key (fixedparam.go).
		s.fixedParamCompare(x, y)
		s.fixedParamCompare(y, x)
	}
	if (cx != "") != (cy != "") && !s.hmac {
		w, other := cx, y
		if w == "" {
			w, other = cy, x
		}
		if s.knownKey(other) {
			s.setAuthn("comparison of " + w + " with " + exprString(other))
			s.keyParamCompare(other) // keyparam.go
			switch {
			case s.resourceSecret(other):
				// The secret of the record the request names
				// (r.Header.Get(CallbackHeader) != j.CallbackToken after
				// j := jobs.Get(r.PathValue("job"))): a capability for
				// that one record, the access decision itself.
				s.setAuthz("comparison with " + exprString(other) + ", the secret of the record the request names")
			case adminish(w) || adminish(exprString(other)):
				// A key bound to the admin role is its own access
				// decision: there is one principal, and it may do
				// everything.
				s.setAuthz("comparison with the admin key " + exprString(other))
			case s.fixedKey(other, 0):
				// A key fixed by configuration (one API key or
				// password, a fixed user map) has one principal, or
				// several of equal power: the check is the access
				// decision, and no scope is left to check. Decided
				// when the scan ends: not when the function also
				// looks the credential up per caller (summarize).
				if s.fixedAuthz == "" {
					s.fixedAuthz = "comparison with the configured key " + exprString(other)
				}
			}
		}
	}
	if n, ok := n.(ast.Expr); ok && s.undecided[n] {
		// A comparison in a condition whose branches only log.
	} else if d := s.authzMention(x); d != "" {
		s.setAuthz(d)
	} else if d := s.authzMention(y); d != "" {
		s.setAuthz(d)
	} else if d := s.basicUserCheck(n, x, y); d != "" {
		// user == s.opts.UIUser: only the configured account passes
		// (basicuser.go).
		s.setAuthz(d)
	}
	if cx != "" || cy != "" {
		// A credential on either side: authentication (m.Secret !=
		// secret), not the caller's ownership of a resource.
		return
	}
	// A record's owner field compared with a value (ch.TenantID ==
	// t.ID over a range of channels) is the ownership check itself,
	// whichever side names the caller: records count here.
	s.recordsAsCaller = true
	ix, iy := s.identityIn(x), s.identityIn(y)
	s.recordsAsCaller = false
	if ix != "" && !s.trivial(y) {
		s.ownsCompare("compares "+ix+" with "+exprString(y), y)
	} else if iy != "" && !s.trivial(x) {
		s.ownsCompare("compares "+iy+" with "+exprString(x), x)
	}
}

// knownKey reports whether e can be the known key a credential is
// compared with: a variable, field, call or long constant, not nil, an
// empty string, a scheme word or a length.
func (s *scan) knownKey(e ast.Expr) bool {
	e = ast.Unparen(e)
	if s.trivial(e) {
		if str, ok := s.constString(e); ok {
			return len(str) >= 8 && !strings.ContainsAny(str, " \t") && !schemeWord(str)
		}
		return false
	}
	if call, ok := e.(*ast.CallExpr); ok {
		if b, ok := typeutil.Callee(s.info, call).(*types.Builtin); ok && b.Name() == "len" {
			return false
		}
	}
	return true
}

func schemeWord(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "bearer", "basic", "token", "digest", "apikey", "api-key":
		return true
	}
	return false
}

func adminish(s string) bool {
	for _, w := range credname.Words(s) {
		switch w {
		case "admin", "root", "superuser", "operator", "master":
			return true
		}
	}
	return false
}

// trivial reports whether e is a constant, nil or a length: a value
// that cannot be a key or an owner.
func (s *scan) trivial(e ast.Expr) bool {
	e = ast.Unparen(e)
	if tv, ok := s.info.Types[e]; ok && (tv.Value != nil || tv.IsNil()) {
		return true
	}
	if call, ok := e.(*ast.CallExpr); ok {
		if b, ok := typeutil.Callee(s.info, call).(*types.Builtin); ok && (b.Name() == "len" || b.Name() == "cap") {
			return true
		}
	}
	if cl, ok := e.(*ast.CompositeLit); ok && len(cl.Elts) == 0 {
		return true
	}
	return false
}

// resourceSecret reports whether e is a field of a record selected by
// what the request names (identity.go, requestSelected).
func (s *scan) resourceSecret(e ast.Expr) bool {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
		if tv, ok := s.info.Types[call.Fun]; ok && tv.IsType() {
			e = ast.Unparen(call.Args[0]) // []byte(j.CallbackToken)
		}
	}
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if se := s.info.Selections[sel]; se == nil || se.Kind() != types.FieldVal {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	return ok && s.requestSelected(s.info.ObjectOf(id))
}
