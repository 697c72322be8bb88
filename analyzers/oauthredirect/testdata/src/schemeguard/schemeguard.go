// Package schemeguard holds login handlers whose only guard on the
// return URL rejects a scheme ("://", "http://", u.IsAbs(), a non-empty
// u.Scheme). The scheme-relative "//evil.example" and "/\evil.example"
// have no scheme, pass the guard and leave the site, so each is
// reported; each has a near miss beside it that also rejects "//".
package schemeguard

import (
	"net/http"
	"net/url"
	"strings"

	"golang.org/x/crypto/bcrypt"
)

var hash []byte

func login(w http.ResponseWriter, r *http.Request) bool {
	return bcrypt.CompareHashAndPassword(hash, []byte(r.FormValue("password"))) == nil
}

// containsScheme is authboss's guard: "//evil.example" passes it.
func containsScheme(w http.ResponseWriter, r *http.Request) {
	if !login(w, r) {
		return
	}
	path := "/"
	redir := r.FormValue("redir")
	if strings.Contains(redir, "://") {
		redir = ""
	}
	if len(redir) != 0 {
		path = redir
	}
	http.Redirect(w, r, path, http.StatusFound) // want `the form value "redir"`
}

// containsSchemeAndSlashes also rejects "//" and "/\".
func containsSchemeAndSlashes(w http.ResponseWriter, r *http.Request) {
	if !login(w, r) {
		return
	}
	redir := r.FormValue("redir")
	if strings.Contains(redir, "://") || strings.HasPrefix(redir, "//") || strings.HasPrefix(redir, "/\\") {
		redir = "/"
	}
	http.Redirect(w, r, redir, http.StatusFound) // scheme and scheme-relative rejected
}

// httpPrefix rejects http:// and https:// only.
func httpPrefix(w http.ResponseWriter, r *http.Request) {
	if !login(w, r) {
		return
	}
	next := r.URL.Query().Get("next")
	if strings.HasPrefix(next, "http://") || strings.HasPrefix(next, "https://") {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusFound) // want `query parameter "next"`
}

// localPath requires a path and rejects "//" and "/\".
func localPath(w http.ResponseWriter, r *http.Request) {
	if !login(w, r) {
		return
	}
	next := r.URL.Query().Get("next")
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusFound) // path-only check
}

// isAbsOnly rejects absolute URLs: "//evil.example" is not absolute.
func isAbsOnly(w http.ResponseWriter, r *http.Request) {
	if !login(w, r) {
		return
	}
	next := r.FormValue("return_to")
	u, err := url.Parse(next)
	if err != nil || u.IsAbs() {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusFound) // want `the form value "return_to"`
}

// isAbsAndHost also rejects a host, but "/\evil.example" has none
// and browsers read it as "//evil.example".
func isAbsAndHost(w http.ResponseWriter, r *http.Request) {
	if !login(w, r) {
		return
	}
	next := r.FormValue("return_to")
	u, err := url.Parse(next)
	if err != nil || u.IsAbs() || u.Host != "" {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusFound) // want `the form value "return_to"`
}

// hostAndBackslash rejects a host and a backslash.
func hostAndBackslash(w http.ResponseWriter, r *http.Request) {
	if !login(w, r) {
		return
	}
	next := r.FormValue("return_to")
	u, err := url.Parse(next)
	if err != nil || u.IsAbs() || u.Host != "" || strings.Contains(next, "\\") {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusFound) // same-origin check
}

// schemeOnly checks the parsed scheme: "//evil.example" has none.
func schemeOnly(w http.ResponseWriter, r *http.Request) {
	if !login(w, r) {
		return
	}
	u, err := url.Parse(r.FormValue("continue"))
	if err != nil || u.Scheme != "" {
		u = &url.URL{Path: "/"}
	}
	http.Redirect(w, r, u.String(), http.StatusFound) // want `the form value "continue"`
}

// schemeAndHost checks the parsed scheme and host: "/\evil.example"
// has neither.
func schemeAndHost(w http.ResponseWriter, r *http.Request) {
	if !login(w, r) {
		return
	}
	u, err := url.Parse(r.FormValue("continue"))
	if err != nil || u.Scheme != "" || u.Host != "" {
		u = &url.URL{Path: "/"}
	}
	http.Redirect(w, r, u.String(), http.StatusFound) // want `the form value "continue"`
}

// noScheme is a validator that is not one: it rejects "://" only.
func noScheme(s string) bool {
	return !strings.Contains(s, "://")
}

// viaNoScheme trusts noScheme.
func viaNoScheme(w http.ResponseWriter, r *http.Request) {
	if !login(w, r) {
		return
	}
	next := r.FormValue("next")
	if !noScheme(next) {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusFound) // want `the form value "next"`
}

// relative is a validator that also rejects scheme-relative URLs.
func relative(s string) bool {
	return !strings.Contains(s, "://") && !strings.HasPrefix(s, "//") && !strings.HasPrefix(s, "/\\")
}

// viaRelative trusts relative.
func viaRelative(w http.ResponseWriter, r *http.Request) {
	if !login(w, r) {
		return
	}
	next := r.FormValue("next")
	if !relative(next) {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusFound) // validated by relative
}
