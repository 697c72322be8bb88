package oauthredirect

import (
	"sort"
	"strings"
)

// Cookies set in another package of the program.
//
// A redirect to a cookie's value is open when the program stores
// unvalidated request data in that cookie, or when nothing in the
// program sets it and its name says it holds a return URL (a browser
// sends back whatever cookie it was given, so an unset name is the
// attacker's to choose). Programs often keep the cookie's setter and
// getter in a small helper package (SetSignedOutRedirectURICookie,
// GetSignedOutRedirectURICookie) and redirect in another. Each package
// therefore exports a cookiesFact listing the cookies it sets and
// whether it sets each from unvalidated request data; a package that
// reads a cookie it does not set itself judges it by the facts of the
// packages it imports, directly or not. A cookie set in a dependency
// only from values the program chose (a constant, a parameter of the
// setter) is closed; one set there from the request is open.
//
// A setter's parameter is judged where the setter is written: a caller
// in a package the redirecting one does not import is not seen.

// cookiesFact lists the cookies a package sets, by constant name.
type cookiesFact struct {
	Cookies []cookieSet
}

// cookieSet is one cookie a package sets; Tainted when from request
// data that the package did not validate.
type cookieSet struct {
	Name    string
	Tainted bool
}

func (*cookiesFact) AFact() {}

func (f *cookiesFact) String() string {
	var b strings.Builder
	b.WriteString("cookies set:")
	for _, c := range f.Cookies {
		b.WriteString(" " + c.Name)
		if c.Tainted {
			b.WriteString("(request)")
		}
	}
	return b.String()
}

// exportCookies exports the package's cookie uses.
func (st *state) exportCookies() {
	if len(st.cookies) == 0 {
		return
	}
	f := &cookiesFact{}
	for name, u := range st.cookies {
		if u.set {
			f.Cookies = append(f.Cookies, cookieSet{Name: name, Tainted: u.tainted})
		}
	}
	sort.Slice(f.Cookies, func(i, j int) bool { return f.Cookies[i].Name < f.Cookies[j].Name })
	st.pass.ExportPackageFact(f)
}

// importedCookie reports whether a package this one imports sets the
// cookie, and whether any of them sets it from request data.
func (st *state) importedCookie(name string) (set, tainted bool) {
	for _, pf := range st.pass.AllPackageFacts() {
		f, ok := pf.Fact.(*cookiesFact)
		if !ok || pf.Package == st.pass.Pkg {
			continue
		}
		for _, c := range f.Cookies {
			if c.Name == name {
				set = true
				tainted = tainted || c.Tainted
			}
		}
	}
	return set, tainted
}
