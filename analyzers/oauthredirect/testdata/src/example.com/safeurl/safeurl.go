// Package safeurl holds redirect helpers that other packages use: the
// analyzer learns about them through facts.
package safeurl

import (
	"net/http"
	"net/url"
	"strings"
)

// IsLocal reports whether p is a path on this site.
func IsLocal(p string) bool { // want IsLocal:`oauthredirect\(validates0\)`
	return strings.HasPrefix(p, "/") && !strings.HasPrefix(p, "//") && !strings.HasPrefix(p, "/\\")
}

// NotEmpty checks nothing that matters for a redirect.
func NotEmpty(p string) bool { // want NotEmpty:`oauthredirect\(\)`
	return p != ""
}

// Checker checks hosts against a configured list.
type Checker struct{ Hosts map[string]bool }

// Safe returns target when its host is allowed, and "/" otherwise.
func (c *Checker) Safe(target string) string {
	u, err := url.Parse(target)
	if err != nil || (u.Host != "" && !c.Hosts[u.Hostname()]) {
		return "/"
	}
	return target
}

// Next returns the request's return URL, trimmed.
func Next(r *http.Request) string { // want Next:`oauthredirect\(ret0\(open\)=query parameter "next" ret0\(dyn\)=query parameter "next"\)`
	return strings.TrimSpace(r.URL.Query().Get("next"))
}

// Trim returns p trimmed.
func Trim(p string) string { // want Trim:`oauthredirect\(ret0\(open\)=param0 ret0\(dyn\)=param0\)`
	return strings.TrimSpace(p)
}

// Redirect sends the browser to target.
func Redirect(w http.ResponseWriter, r *http.Request, target string) { // want Redirect:`oauthredirect\(redirects2\)`
	http.Redirect(w, r, target, http.StatusFound)
}

// Login writes the session cookie.
func Login(w http.ResponseWriter, user string) { // want Login:`oauthredirect\(auth\)`
	http.SetCookie(w, &http.Cookie{Name: "session", Value: user, HttpOnly: true, Secure: true})
}

// Domain is an allowed application domain.
type Domain struct{ Host string }

// Matches reports whether u is on the domain.
func (d *Domain) Matches(u *url.URL) bool { // want Matches:`oauthredirect\(validates1\)`
	return u.Hostname() == d.Host
}

// FindDomain returns the allowed domain that target is on, or nil.
func FindDomain(target string, ds []Domain) *Domain { // want FindDomain:`oauthredirect\(validates0\)`
	u, err := url.Parse(target)
	if err != nil {
		return nil
	}
	for _, d := range ds {
		if d.Matches(u) {
			return &d
		}
	}
	return nil
}

// FirstDomain checks nothing: it returns the first domain or nil.
func FirstDomain(target string, ds []Domain) *Domain { // want FirstDomain:`oauthredirect\(\)`
	if len(ds) == 0 || target == "" {
		return nil
	}
	return &ds[0]
}
