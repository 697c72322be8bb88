package tokenlog

import (
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
)

// Cookies that carry a location, a preference or a login flow's state.
//
// The value of an http.Cookie is a credential by its type: most cookies
// a service reads are sessions or tokens. A cookie whose name says it
// holds something else is not: the URL to return to after login
// (gatekeeper's request-URI cookie, base64 of the path the user asked
// for, logged when it does not decode), a language, a theme. As for
// environment variables (credname.IsCredentialEnvVar), the last word
// decides, and the name is the cookie's as the program knows it: the
// constant it is read by (r.Cookie("redirect_uri")), the variable,
// parameter or field holding that name (cookieRequestURIName, less a
// trailing Name or Cookie), or the variable or parameter holding the
// cookie (encodedRequestURI *http.Cookie). A cookie known by no name
// (c from a range over r.Cookies()) stays a credential, and so does one
// whose name ends in a credential word or says nothing (session,
// access_token, redirect_token, auth).

// cookieAboutWords are last words of a cookie's name that say it holds
// a location, a preference, or one value of an OAuth or OIDC login flow
// that the callback checks and that grants nothing on its own: the state
// (oidc_state, against login CSRF) and the nonce (oidc_nonce, against ID
// token replay). homebox logs both on a mismatch, after clearing the
// cookies. A PKCE verifier is not among them: with the code it redeems
// the token.
var cookieAboutWords = map[string]bool{
	"uri": true, "url": true, "path": true, "redirect": true, "location": true,
	"lang": true, "language": true, "locale": true, "theme": true,
	"state": true, "nonce": true,
}

// aboutCookieValue reports whether v reads the Value of an http.Cookie
// named for a location or a preference.
func aboutCookieValue(v ssa.Value) bool {
	var cookie ssa.Value
	switch x := v.(type) {
	case *ssa.UnOp:
		fa, ok := x.X.(*ssa.FieldAddr)
		if !ok {
			return false
		}
		if src, ok := credsrc.FromFieldOf(fa.X.Type(), fa.Field); !ok || src.Desc != credsrc.CookieValueDesc {
			return false
		}
		cookie = fa.X
	case *ssa.Field:
		if src, ok := credsrc.FromFieldOf(x.X.Type(), x.Field); !ok || src.Desc != credsrc.CookieValueDesc {
			return false
		}
		cookie = x.X
	default:
		return false
	}
	for _, n := range cookieNames(cookie) {
		if cookieAbout(n) {
			return true
		}
	}
	return false
}

// cookieAbout reports whether a cookie's name (or its holder's) ends in
// a word naming a location or a preference, a trailing "name" or
// "cookie" aside.
func cookieAbout(name string) bool {
	ws := credname.Words(name)
	for len(ws) > 1 && (ws[len(ws)-1] == "name" || ws[len(ws)-1] == "cookie") {
		ws = ws[:len(ws)-1]
	}
	return len(ws) > 0 && cookieAboutWords[ws[len(ws)-1]]
}

// cookieNames lists the names a cookie value is known by: the variable
// or parameter holding it, and the name it was read with by
// (*http.Request).Cookie.
func cookieNames(c ssa.Value) []string {
	var out []string
	if p, ok := c.(*ssa.Parameter); ok {
		out = append(out, p.Name())
	}
	if refs := c.Referrers(); refs != nil {
		for _, r := range *refs {
			if d, ok := r.(*ssa.DebugRef); ok {
				if id, ok := ast.Unparen(d.Expr).(*ast.Ident); ok {
					out = append(out, id.Name)
				}
			}
		}
	}
	var call *ssa.CallCommon
	switch x := c.(type) {
	case *ssa.Extract:
		if cl, ok := x.Tuple.(*ssa.Call); ok && x.Index == 0 {
			call = &cl.Call
		}
	case *ssa.Call:
		call = &x.Call
	}
	if call == nil {
		return out
	}
	callee := call.StaticCallee()
	if callee == nil || callee.Name() != "Cookie" || len(call.Args) != 2 {
		return out
	}
	if recv := callee.Signature.Recv(); recv == nil || recv.Type().String() != "*net/http.Request" {
		return out
	}
	switch a := call.Args[1].(type) {
	case *ssa.Const:
		if a.Value != nil && a.Value.Kind() == constant.String {
			out = append(out, constant.StringVal(a.Value))
		}
	case *ssa.Parameter:
		out = append(out, a.Name())
	case *ssa.UnOp:
		switch x := a.X.(type) {
		case *ssa.FieldAddr:
			if f := structFieldName(x.X.Type(), x.Field); f != "" {
				out = append(out, f)
			}
		case *ssa.Global:
			out = append(out, x.Name())
		}
	case *ssa.Field:
		if f := structFieldName(a.X.Type(), a.Field); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// structFieldName names field i of a struct type or of a pointer to
// one, or returns "".
func structFieldName(t types.Type, i int) string {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || i >= st.NumFields() {
		return ""
	}
	return st.Field(i).Name()
}
