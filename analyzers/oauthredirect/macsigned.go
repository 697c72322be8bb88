package oauthredirect

import (
	"golang.org/x/tools/go/ssa"
)

// Destinations checked by a signature or an origin lookup.
//
// A service that sends a return address through the browser can sign
// it: the link carries next and sig = MAC(key, next), and the handler
// computes the MAC of the next it was given and compares it with sig in
// constant time before it redirects. Only an address the service signed
// passes, so the comparison is as good as an allow-list. It counts when
// a value computed from the destination by a call (a function of the
// package, an hmac.Hash's Sum) reaches hmac.Equal or
// subtle.ConstantTimeCompare, or the destination itself does.
//
// An origin built from the parsed URL, u.Scheme+"://"+u.Host, is still
// the URL's host: looked up in a map of allowed origins or compared with
// a configured one, it is a host check (creditOf follows the
// concatenation with the host's part).

// constantTimeCompare reports whether call is hmac.Equal or
// subtle.ConstantTimeCompare.
func constantTimeCompare(c callee) bool {
	return c.pkg == "crypto/hmac" && c.name == "Equal" && c.recv == "" ||
		c.pkg == "crypto/subtle" && c.name == "ConstantTimeCompare"
}

// macCompared reports whether the result of call (a digest of the
// destination), through conversions, is compared in constant time.
func macCompared(call *ssa.Call) bool {
	seen := map[ssa.Value]bool{}
	var walk func(v ssa.Value, depth int) bool
	walk = func(v ssa.Value, depth int) bool {
		if depth > 4 || seen[v] {
			return false
		}
		seen[v] = true
		refs := v.Referrers()
		if refs == nil {
			return false
		}
		for _, ref := range *refs {
			switch r := ref.(type) {
			case *ssa.Call:
				if c, ok := resolve(r.Common()); ok && constantTimeCompare(c) {
					return true
				}
			case *ssa.Convert:
				if walk(r, depth+1) {
					return true
				}
			case *ssa.ChangeType:
				if walk(r, depth+1) {
					return true
				}
			case *ssa.Extract:
				if walk(r, depth+1) {
					return true
				}
			}
		}
		return false
	}
	return walk(call, 0)
}

// macWrittenThenCompared reports whether h, a hash the destination is
// written to, is summed and the sum compared in constant time:
// mac.Write([]byte(next)) then hmac.Equal(sig, mac.Sum(nil)).
func macWrittenThenCompared(h ssa.Value) bool {
	if h == nil || h.Referrers() == nil {
		return false
	}
	for _, ref := range *h.Referrers() {
		call, ok := ref.(*ssa.Call)
		if !ok {
			continue
		}
		c, ok := resolve(call.Common())
		if ok && c.name == "Sum" && c.recvVal == h && macCompared(call) {
			return true
		}
	}
	return false
}
