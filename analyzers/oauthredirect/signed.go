package oauthredirect

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/authvet/authvet/analyzers/internal/credname"
)

// Signed requests.
//
// A login service that hands the browser from one of its components to
// another (a proxy to its authentication service and back) signs the
// URL it builds, return address included, with a key it shares, and
// the receiving handler checks that signature before it acts on any
// parameter. A redirect to such a parameter goes where the service
// itself said: the request is authenticated as a whole, so no
// allow-list is needed. The check is a call given the request (or its
// URL) whose error result is used, named as a verification (verify,
// validate, check) of a signature (signature, signed, hmac, mac) or
// also given a key ([]byte): VerifySignature(r),
// ValidateRequestURL(r.URL, sharedKey). It counts in the redirecting
// function, in a function of the package it calls (two levels deep),
// or in every function of the package that calls it (three levels up,
// with at least one caller): the handler that verifies and then
// dispatches to the one that redirects.

// requestSigned reports whether fn runs only after a signature over its
// request was checked.
func (st *state) requestSigned(fn *ssa.Function, depth int) bool {
	if v, ok := st.signed[fn]; ok {
		return v
	}
	st.signed[fn] = false // cycles
	ok := st.verifiesRequest(fn, 0)
	if !ok && depth < 3 {
		callers := st.callersOf(fn)
		ok = len(callers) > 0
		for _, c := range callers {
			if !st.requestSigned(c, depth+1) {
				ok = false
				break
			}
		}
	}
	st.signed[fn] = ok
	return ok
}

// verifiesRequest reports whether fn (or a function of the package it
// calls, two levels deep) checks a signature over a request, and uses
// the check's result.
func (st *state) verifiesRequest(fn *ssa.Function, depth int) bool {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			call, ok := in.(*ssa.Call)
			if !ok {
				continue
			}
			refs := call.Referrers()
			if refs == nil || len(*refs) == 0 {
				continue // the result is thrown away
			}
			c, ok := resolve(call.Common())
			if !ok {
				continue
			}
			if requestMAC(c) {
				return true
			}
			if depth < 2 && c.fn != nil && c.fn.Pkg == st.pkg && c.fn != fn && takesRequest(c) && returnsError(c) &&
				st.verifiesRequest(c.fn, depth+1) {
				return true
			}
		}
	}
	return false
}

// requestMAC reports whether a call checks a signature over a request:
// it is given the request or a URL, returns an error, is named as a
// verification, and either names a signature or is also given a key.
func requestMAC(c callee) bool {
	if c.obj == nil || !takesRequest(c) || !returnsError(c) {
		return false
	}
	verb, sig := false, false
	for _, w := range credname.Words(c.name) {
		switch w {
		case "verify", "validate", "check", "authenticate":
			verb = true
		case "signature", "signatures", "signed", "sig", "hmac", "mac":
			sig = true
		}
	}
	if !verb {
		return false
	}
	if sig {
		return true
	}
	for _, a := range c.args {
		if s, ok := a.Type().Underlying().(*types.Slice); ok {
			if b, ok := s.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
				return true
			}
		}
	}
	return false
}

// takesRequest reports whether a call is given an *http.Request or a
// *url.URL.
func takesRequest(c callee) bool {
	for _, a := range c.args {
		if isNamed(a.Type(), "net/http", "Request") || isNamed(a.Type(), "net/url", "URL") {
			return true
		}
	}
	return false
}

// returnsError reports whether the callee's last result is an error.
func returnsError(c callee) bool {
	if c.obj == nil {
		return false
	}
	sig, ok := c.obj.Type().(*types.Signature)
	if !ok || sig.Results().Len() == 0 {
		return false
	}
	last := sig.Results().At(sig.Results().Len() - 1).Type()
	return types.Identical(last, types.Universe.Lookup("error").Type())
}
