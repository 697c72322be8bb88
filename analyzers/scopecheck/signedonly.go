package scopecheck

import (
	"go/ast"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/jwtlib"
	"golang.org/x/tools/go/types/typeutil"
)

// This file decides when a token check names no caller, so that the
// check is the whole access decision (review O, pufferpanel's daemon).
//
// The rule: a function that verifies a token's signature with a JWT or
// JOSE library and whose results are only an error or a boolean
// ("SignedOnly") tells its caller nothing but "the key holder signed
// this": no subject, no claim, no scope leaves it. A middleware that
// passes the request's credential to such a function and stores
// nothing in the request context for the handlers (no gin/echo Set, no
// context.WithValue, no Request.WithContext) authenticates one
// principal, the holder of the signing key, like a middleware comparing
// the credential with one configured key (fixed.go). Its handlers cannot
// tell callers apart, so there is no scope or role left for them to
// check: the verification is the access decision. This is the shape of
// service-to-service calls, where a control plane signs claimless
// requests to the agents it manages.
//
// Still reported: a verifier that returns the token or its claims (the
// caller can read a subject and should check its rights), a middleware
// that stores anything for the handlers, and a credential looked up in
// a store (a user's API key identifies one of many callers even when
// the lookup returns only an error). What this can hide: a login JWT
// carrying a user's identity that a middleware verifies and then throws
// away, in front of admin-only routes; the identity is then lost for
// every route, which is a different bug from a missing scope check.

// SignedOnlyFact marks a function (or an interface method all of whose
// implementations in its package are such functions) that verifies a
// token's signature and returns only an error or a boolean.
type SignedOnlyFact struct {
	// Check names the verification ("jwt.Parse").
	Check string
}

// AFact marks SignedOnlyFact as an analysis fact.
func (*SignedOnlyFact) AFact() {}

func (f *SignedOnlyFact) String() string { return "signedOnly(" + f.Check + ")" }

// keyHolderVerifier reports whether fn checks a token's signature with
// a key the program supplies: a JWT or JOSE library's verification
// (jwt.Parse, jws.Verify). An identity provider's verifier (go-oidc's
// IDTokenVerifier.Verify, idtoken.Validate, Firebase's VerifyIDToken,
// an OAuth2 server's introspection) checks a token the provider issued
// to any of its users: it names one of many callers even when the
// function calling it drops the result, so it never makes a function
// SignedOnly.
func keyHolderVerifier(fn *types.Func) bool {
	path := funcPath(fn)
	return jwtlib.IsLibrary(path) && !jwtlib.IsOIDC(path)
}

// onlyErrorOrBool reports whether sig has results and each is an error
// or a boolean.
func onlyErrorOrBool(sig *types.Signature) bool {
	if sig == nil || sig.Results().Len() == 0 {
		return false
	}
	for i := 0; i < sig.Results().Len(); i++ {
		t := sig.Results().At(i).Type()
		if types.Identical(t, types.Universe.Lookup("error").Type()) {
			continue
		}
		if b, ok := t.Underlying().(*types.Basic); ok && b.Kind() == types.Bool {
			continue
		}
		return false
	}
	return true
}

// signedOnly reports whether fi, as summarized, is a SignedOnly
// function: a declaration that calls a token verifier, decides no
// access itself and returns only an error or a boolean.
func (fi *fnInfo) signedOnly() bool {
	return fi.decl != nil && fi.verifies != "" && fi.authz == "" && fi.owns == "" && !fi.setsCtx && onlyErrorOrBool(fi.sig)
}

// signedOnlyCallee returns the verification of fn when fn is a
// SignedOnly function of this package or carries the fact.
func (s *scan) signedOnlyCallee(fn *types.Func) string {
	if fi := s.a.byObj[fn]; fi != nil {
		if fi.signedOnly() {
			return fi.verifies
		}
		return ""
	}
	if !s.a.analyzed(fn) {
		return ""
	}
	var f SignedOnlyFact
	if s.a.pass.ImportObjectFact(fn, &f) {
		return f.Check
	}
	return ""
}

// storesForHandlers reports whether the function hands anything to the
// handlers through the request: a context value, a request with a new
// context, or a value set in the framework's context.
func (s *scan) storesForHandlers() bool {
	if s.fi.setsCtx {
		return true
	}
	found := false
	ast.Inspect(s.fi.body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		fn, _ := typeutil.Callee(s.info, call).(*types.Func)
		if fn == nil {
			return true
		}
		switch funcPath(fn) + "." + recvName(fn) + "." + fn.Name() {
		case "context..WithValue", "net/http.Request.WithContext", "net/http.Request.Clone":
			found = true
		}
		return true
	})
	return found
}

// exportSignedOnlyFacts exports SignedOnlyFact on the package's
// exported SignedOnly functions and on the methods of its interfaces
// whose every implementation in the package is one.
func (st *state) exportSignedOnlyFacts() {
	for _, fi := range st.fns {
		if fi.obj != nil && fi.obj.Exported() && fi.signedOnly() {
			st.pass.ExportObjectFact(fi.obj, &SignedOnlyFact{Check: fi.verifies})
		}
	}
	st.eachInterfaceMethod(func(m *types.Func, impls []*fnInfo) {
		check := ""
		for _, fi := range impls {
			if fi == nil || !fi.signedOnly() {
				return
			}
			check = fi.verifies
		}
		if check != "" {
			st.pass.ExportObjectFact(m, &SignedOnlyFact{Check: check})
		}
	})
}
