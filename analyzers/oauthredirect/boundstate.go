package oauthredirect

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// A decoded state bound to the browser (listmonk's OIDC callback).
//
// A login flow often carries the return URL inside its own state: the
// login start writes {nonce, next} into the state parameter and the
// nonce into a cookie, and the callback decodes the state and compares
// its nonce with the cookie before anything else. A state whose nonce
// matches the browser's cookie was written by this program for this
// browser: an attacker who sends a victim a crafted state cannot know
// the victim's cookie, so the return URL in it is the one the login
// start accepted (and judged there), not the callback's request data.
// A state whose fields are compared with nothing from the browser stays
// request data.

// boundToBrowser reports whether some field of the struct at alloc is
// compared with == or != against a cookie's value in its function.
func boundToBrowser(alloc *ssa.Alloc) bool {
	refs := alloc.Referrers()
	if refs == nil {
		return false
	}
	for _, ref := range *refs {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.Referrers() == nil {
			continue
		}
		for _, l := range *fa.Referrers() {
			load, ok := l.(*ssa.UnOp)
			if !ok || load.Op != token.MUL || load.Referrers() == nil {
				continue
			}
			for _, u := range *load.Referrers() {
				cmp, ok := u.(*ssa.BinOp)
				if !ok || (cmp.Op != token.EQL && cmp.Op != token.NEQ) {
					continue
				}
				other := cmp.X
				if other == load {
					other = cmp.Y
				}
				if cookieValue(other) {
					return true
				}
			}
		}
	}
	return false
}

// cookieValue reports whether v is the value of a request cookie, as
// the package's sources define one (loadSource, callSource): the Value of
// a cookie read with r.Cookie or echo's c.Cookie, or the string of gin's
// c.Cookie or fiber's c.Cookies.
func cookieValue(v ssa.Value) bool {
	var o origin
	var ok bool
	switch v := v.(type) {
	case *ssa.Extract:
		if call, isCall := v.Tuple.(*ssa.Call); isCall {
			o, ok = callSource(call, v.Index)
		}
	case *ssa.Call:
		o, ok = callSource(v, -1)
	default:
		o, ok = loadSource(v)
	}
	return ok && o.kind == kCookie
}
