// Package pathonly: a login that returns to the path the browser asked // want package:`cookies set: app_session`
// for, made same-origin by construction: a constant "/" followed by the
// value with every leading slash trimmed (strings.TrimLeft(v, "/")),
// where the value cannot hold a backslash either (the cutset trims it,
// or the value is an escaped URL path, in which "\" is %5C). Browsers
// read "/\evil.example" and "//evil.example" as another host, so
// trimming one slash (TrimPrefix), trimming only "/" from a raw value,
// or the escaped path alone are still open.
package pathonly

import (
	"net/http"
	"net/url"
	"strings"
)

func startSession(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "app_session", Value: "x", HttpOnly: true, Secure: true})
}

// --- near misses ---

// LoginEscaped: the escaped path, every leading slash trimmed.
func LoginEscaped(w http.ResponseWriter, r *http.Request) { // want LoginEscaped:`oauthredirect\(auth\)`
	startSession(w)
	next := "/"
	u, err := url.Parse(r.FormValue("next"))
	if err == nil {
		if p := u.EscapedPath(); p != "" {
			next = "/" + strings.TrimLeft(p, "/")
		}
	}
	http.Redirect(w, r, next, http.StatusFound) // silent: one leading slash, no backslash
}

// LoginCutset: a raw value with slashes and backslashes trimmed.
func LoginCutset(w http.ResponseWriter, r *http.Request) { // want LoginCutset:`oauthredirect\(auth\)`
	startSession(w)
	next := "/" + strings.TrimLeft(r.FormValue("next"), "/\\")
	http.Redirect(w, r, next, http.StatusFound) // silent: "/" then neither slash nor backslash
}

// --- positives ---

// LoginRawTrim: only "/" trimmed from a raw value: "/\evil.example".
func LoginRawTrim(w http.ResponseWriter, r *http.Request) { // want LoginRawTrim:`oauthredirect\(auth\)`
	startSession(w)
	next := "/" + strings.TrimLeft(r.FormValue("next"), "/")
	http.Redirect(w, r, next, http.StatusFound) // want `form value "next"`
}

// LoginTrimPrefix: one slash trimmed: "////evil.example" keeps "//".
func LoginTrimPrefix(w http.ResponseWriter, r *http.Request) { // want LoginTrimPrefix:`oauthredirect\(auth\)`
	startSession(w)
	u, _ := url.Parse(r.FormValue("next"))
	next := "/" + strings.TrimPrefix(u.EscapedPath(), "/")
	http.Redirect(w, r, next, http.StatusFound) // want `form value "next"`
}

// LoginPathOnly: the escaped path alone can start with "//".
func LoginPathOnly(w http.ResponseWriter, r *http.Request) { // want LoginPathOnly:`oauthredirect\(auth\)`
	startSession(w)
	u, _ := url.Parse(r.FormValue("next"))
	http.Redirect(w, r, u.EscapedPath(), http.StatusFound) // want `form value "next"`
}
