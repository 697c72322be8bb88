package oauthredirect

import (
	"go/token"
	"regexp"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
)

// cookieUse is what the package does with a cookie name.
type cookieUse struct {
	set     bool // the package sets the cookie
	tainted bool // with request data that it did not validate
}

// returnCookie matches names of cookies that hold a return URL.
var returnCookie = regexp.MustCompile(`(?i)(next|redirect|return|continue|dest|target|goto|back|from|url)`)

// cookieOpen reports whether a redirect to the cookie's value is open:
// the package, or else a package it imports (cookiefacts.go), stores
// unvalidated request data in the cookie, or nothing the package sees
// sets the cookie (another service does) and the name says it holds a
// return URL. A cookie the package fills from a
// validated value, or from its own data, is left alone.
func (st *state) cookieOpen(name string) bool {
	if u, ok := st.cookies[name]; ok && u.set {
		return u.tainted
	}
	if set, tainted := st.importedCookie(name); set {
		// Another package of the program sets it (cookiefacts.go).
		return tainted
	}
	if strings.HasPrefix(name, sessionPrefix) {
		// A session entry nothing in sight sets holds what the
		// program put there, not what a browser chose.
		return false
	}
	return name != "" && returnCookie.MatchString(name)
}

// Session entries are judged like cookies. A login start often keeps
// the return URL in the server-side or signed session
// (session.Values["return_to"] = r.URL.Query().Get("return_to")) and the
// callback redirects to it after the code exchange: the destination is
// still the request's, one step later. An entry of a session's Values
// map under a constant key is named sessionPrefix+key among the cookies;
// it is open when the package (or one it imports) stores unvalidated
// request data under that key. Unlike a cookie, an entry nothing sets is
// closed: a browser cannot write into a session.
const sessionPrefix = "session:"

// sessionEntry returns the cookie name of the session entry m[key], where
// m is the Values map of a struct type named Session (gorilla/sessions)
// and key a constant string, converted to the map's key type or not.
func sessionEntry(m, key ssa.Value) (string, bool) {
	base, field, ok := fieldName(loadedAddr(m))
	if !ok || field != "Values" || typeName(base.Type()) != "Session" {
		return "", false
	}
	if mi, ok := key.(*ssa.MakeInterface); ok {
		key = mi.X
	}
	k, ok := credsrc.ConstString(key)
	if !ok {
		return "", false
	}
	return sessionPrefix + k, true
}

// loadedAddr returns the address a load reads (the FieldAddr of
// sess.Values), or v itself.
func loadedAddr(v ssa.Value) ssa.Value {
	if ld, ok := v.(*ssa.UnOp); ok && ld.Op == token.MUL {
		return ld.X
	}
	return v
}

// cookieUses finds every cookie the package sets, by constant name:
// http.Cookie (and fiber.Cookie) literals or fields, and gin's and
// echo's SetCookie(name, value, …).
func (st *state) cookieUses(funcs []*ssa.Function) map[string]cookieUse {
	uses := map[string]cookieUse{}
	add := func(name string, val ssa.Value) {
		u := uses[name]
		u.set = true
		for _, o := range st.trace(val, false) {
			if o.param < 0 && o.kind == kParam {
				u.tainted = true
			}
		}
		uses[name] = u
	}
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				switch in := in.(type) {
				case *ssa.Store:
					base, field, ok := fieldName(in.Addr)
					if !ok || field != "Value" || typeName(base.Type()) != "Cookie" {
						continue
					}
					if name, ok := cookieName(base); ok {
						add(name, in.Val)
					}
				case *ssa.MapUpdate:
					if name, ok := sessionEntry(in.Map, in.Key); ok {
						add(name, in.Value)
					}
				case *ssa.Call:
					c, ok := resolve(in.Common())
					if !ok || c.name != "SetCookie" || frameworkPath(c.pkg) != "gin" {
						continue
					}
					if name, ok := credsrc.ConstString(c.arg(0)); ok {
						add(name, c.arg(1))
					}
				}
			}
		}
	}
	return uses
}

// cookieName returns the constant stored in the Name field of a cookie
// allocated in the function.
func cookieName(cookie ssa.Value) (string, bool) {
	refs := cookie.Referrers()
	if refs == nil {
		return "", false
	}
	for _, ref := range *refs {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		if _, field, _ := fieldName(fa); field != "Name" {
			continue
		}
		for _, v := range storesTo(fa) {
			if s, ok := credsrc.ConstString(v); ok {
				return s, true
			}
		}
	}
	return "", false
}
