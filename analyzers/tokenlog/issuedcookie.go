package tokenlog

import (
	"go/constant"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
)

// The value a function gives a session cookie it sets.
//
// A cookie read from a request is a credential by its type (Cookie.Value);
// the value a login handler puts into the session cookie it sets is the
// same credential before it leaves: a session id, a signed "sub.mac", a
// token. No name says so (val, v, cookieValue), so the cookie decides: a
// value stored as the Value of an http.Cookie whose Name is a constant a
// credential cookie's name (credsrc.CookieName: session, sid, token, auth,
// not csrf, lang, theme, state, redirect) is a credential in the function
// that sets the cookie.

// issuedCookieValues finds the values fn sets as the value of a
// credential cookie.
func issuedCookieValues(fn *ssa.Function) map[ssa.Value]credsrc.Source {
	var out map[ssa.Value]credsrc.Source
	add := func(v ssa.Value, name string) {
		if _, isConst := v.(*ssa.Const); isConst {
			return
		}
		if cred, _ := credsrc.CookieName(name); !cred {
			return
		}
		if out == nil {
			out = map[ssa.Value]credsrc.Source{}
		}
		out[v] = credsrc.Source{Kind: credname.Credential, Desc: "value of the " + name + " cookie set here", Typed: true}
	}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			st, ok := in.(*ssa.Store)
			if !ok {
				continue
			}
			fa, ok := st.Addr.(*ssa.FieldAddr)
			if !ok || !isCookieField(fa, "Value") {
				continue
			}
			if name, ok := cookieNameStored(fa.X); ok {
				add(st.Val, name)
			}
		}
	}
	return out
}

// isCookieField reports whether fa addresses field name of an http.Cookie.
func isCookieField(fa *ssa.FieldAddr, name string) bool {
	f := credsrc.FieldOf(fa.X.Type(), fa.Field)
	return f != nil && f.Name() == name && f.Pkg() != nil && f.Pkg().Path() == "net/http" && strings.HasSuffix(fa.X.Type().String(), "net/http.Cookie")
}

// cookieNameStored returns the constant stored as the Name of the cookie
// at addr.
func cookieNameStored(cookie ssa.Value) (string, bool) {
	refs := cookie.Referrers()
	if refs == nil {
		return "", false
	}
	for _, r := range *refs {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok || fa.X != cookie || !isCookieField(fa, "Name") || fa.Referrers() == nil {
			continue
		}
		for _, r2 := range *fa.Referrers() {
			if st, ok := r2.(*ssa.Store); ok && st.Addr == fa {
				if c, ok := st.Val.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String {
					return constant.StringVal(c.Value), true
				}
			}
		}
	}
	return "", false
}

// issuedTaint is the taint of a value the function sets as a credential
// cookie's value.
func (f *fnState) issuedTaint(v ssa.Value) taint {
	src, ok := f.issued[v]
	if !ok {
		return taint{}
	}
	return taint{tr: &trace{src: src, steps: []analysis.RelatedInformation{{Pos: v.Pos(), Message: src.Desc}}}}
}
