// Package cookies holds return URLs kept in cookies between the start // want package:`cookies set: after_login\(request\) checked_dest`
// of a login and its callback.
package cookies

import (
	"net/http"
	"strings"

	"golang.org/x/oauth2"
)

var conf = &oauth2.Config{}

// start stores the request's return URL in a cookie, unvalidated.
func start(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "after_login", Value: r.URL.Query().Get("next"), HttpOnly: true})
	http.Redirect(w, r, conf.AuthCodeURL("state"), http.StatusFound)
}

// startChecked stores a validated return URL.
func startChecked(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") {
		next = "/"
	}
	c := &http.Cookie{Name: "checked_dest"}
	c.Value = next
	http.SetCookie(w, c)
	http.Redirect(w, r, conf.AuthCodeURL("state"), http.StatusFound)
}

func callback(w http.ResponseWriter, r *http.Request) {
	if _, err := conf.Exchange(r.Context(), r.FormValue("code")); err != nil {
		return
	}
	if c, err := r.Cookie("after_login"); err == nil {
		http.Redirect(w, r, c.Value, http.StatusFound) // want `the cookie "after_login"`
		return
	}
	if c, err := r.Cookie("checked_dest"); err == nil {
		http.Redirect(w, r, c.Value, http.StatusFound) // set from a validated value
		return
	}
	if c, err := r.Cookie("redirect_to"); err == nil {
		http.Redirect(w, r, c.Value, http.StatusFound) // want `the cookie "redirect_to"`
		return
	}
	if c, err := r.Cookie("theme"); err == nil {
		http.Redirect(w, r, "/?theme="+c.Value, http.StatusFound) // after a fixed path, and not a return URL
	}
}
