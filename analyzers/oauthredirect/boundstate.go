package oauthredirect

import (
	"go/token"
	"go/types"

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

// cookieValue reports whether v is the value of a request cookie: the
// Value field of a net/http Cookie (r.Cookie("nonce"), echo's and
// chi's c.Cookie), or the string a framework's cookie getter returns
// (gin's c.Cookie, fiber's c.Cookies).
func cookieValue(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.UnOp:
		if fa, ok := v.X.(*ssa.FieldAddr); ok && v.Op == token.MUL {
			if _, name, ok := fieldName(fa); ok && name == "Value" && isNamed(fa.X.Type(), "net/http", "Cookie") {
				return true
			}
		}
	case *ssa.Field:
		if _, name, ok := fieldName(v); ok && name == "Value" && isNamed(v.X.Type(), "net/http", "Cookie") {
			return true
		}
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok && v.Index == 0 {
			return cookieGetter(call.Common())
		}
	case *ssa.Call:
		return cookieGetter(v.Common())
	}
	return false
}

// cookieGetter reports whether call is a framework method named Cookie
// or Cookies returning the cookie's value as a string.
func cookieGetter(call *ssa.CallCommon) bool {
	var name string
	var sig *types.Signature
	if call.IsInvoke() {
		name, sig = call.Method.Name(), call.Method.Type().(*types.Signature)
	} else if fn := call.StaticCallee(); fn != nil {
		name, sig = fn.Name(), fn.Signature
	}
	if (name != "Cookie" && name != "Cookies") || sig == nil || sig.Recv() == nil && !call.IsInvoke() {
		return false
	}
	res := sig.Results()
	if res.Len() == 0 {
		return false
	}
	b, ok := res.At(0).Type().Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}
