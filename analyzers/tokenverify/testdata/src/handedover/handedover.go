// Package handedover: a handler that sets a cookie only when the
// browser's copy differs gives the caller the value on a mismatch, so
// comparing it in variable time leaks nothing. A value set only when it
// matches, or a mismatch that sets nothing, is still reported.
package handedover

import (
	"net/http"
)

// ginLike has a framework's SetCookie(name, value, …) method.
type ginLike struct {
	w http.ResponseWriter
	r *http.Request
}

func (c *ginLike) Cookie(name string) (string, error) {
	ck, err := c.r.Cookie(name)
	if err != nil {
		return "", err
	}
	return ck.Value, nil
}

func (c *ginLike) SetCookie(name, value string, maxAge int, path, domain string, secure, httpOnly bool) {
	http.SetCookie(c.w, &http.Cookie{Name: name, Value: value, MaxAge: maxAge})
}

// Not reported: equal, nothing to do; different, the token is set.
func setVisitCookie(c *ginLike, visitToken string) {
	cookie, _ := c.Cookie("visit")
	if cookie == visitToken {
		return
	}
	c.SetCookie("visit", visitToken, 3600, "/", "", true, true)
}

// Not reported: the check sits in an inner block; the cookie is set
// after it.
func setVisitCookieUnlessForced(w http.ResponseWriter, r *http.Request, visitToken string, force bool) {
	if !force {
		ck, err := r.Cookie("visit")
		if err != nil {
			return
		}
		if ck.Value == visitToken {
			return
		}
	}
	http.SetCookie(w, &http.Cookie{Name: "visit", Value: visitToken})
}

// Not reported: net/http, with != and the cookie set in the branch.
func refreshSession(w http.ResponseWriter, r *http.Request, sessionToken string) {
	ck, err := r.Cookie("session")
	if err != nil {
		return
	}
	if ck.Value != sessionToken {
		http.SetCookie(w, &http.Cookie{Name: "session", Value: sessionToken, HttpOnly: true})
		return
	}
}

// Near misses (reported).

// The secret is set only when it matched: a login checking the shared
// password and then handing it over as the cookie.
func login(w http.ResponseWriter, r *http.Request, adminPassword string) {
	password := r.FormValue("password")
	if password != adminPassword { // want `compared with !=`
		http.Error(w, "denied", http.StatusUnauthorized)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "session", Value: adminPassword})
}

// The mismatch sets nothing: the caller gets no value.
func checkSession(w http.ResponseWriter, r *http.Request, sessionToken string) {
	ck, err := r.Cookie("session")
	if err != nil {
		return
	}
	if ck.Value != sessionToken { // want `compared with !=`
		http.Error(w, "denied", http.StatusUnauthorized)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "last", Value: "x"})
}

// A different value is set on the mismatch, not the compared one.
func rotate(w http.ResponseWriter, r *http.Request, sessionToken, fresh string) {
	ck, err := r.Cookie("session")
	if err != nil {
		return
	}
	if ck.Value == sessionToken { // want `compared with ==`
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "session", Value: fresh})
}
