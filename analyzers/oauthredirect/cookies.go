package oauthredirect

import (
	"regexp"

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
	return name != "" && returnCookie.MatchString(name)
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
