// Package cookieset redirects to return URLs kept in cookies that
// another package of the program sets (cookiejar). A cookie the program
// sets only from its own values is no attacker's choice; one it sets
// from the request unvalidated, or one it never sets, still is.
package cookieset

import (
	"net/http"

	"example.com/cookiejar"
	"golang.org/x/oauth2"
)

var conf = &oauth2.Config{}

func callback(w http.ResponseWriter, r *http.Request) {
	if _, err := conf.Exchange(r.Context(), r.FormValue("code")); err != nil {
		return
	}
	if u, ok := cookiejar.ReturnTo(r); ok {
		http.Redirect(w, r, u, http.StatusFound) // set by cookiejar from its caller's value
		return
	}
	if u := cookiejar.Continue(r); u != "" {
		http.Redirect(w, r, u, http.StatusFound) // set by cookiejar to a constant
		return
	}
	if u := cookiejar.Next(r); u != "" {
		// Set by cookiejar from the request; its name alone would not
		// say it holds a return URL.
		http.Redirect(w, r, u, http.StatusFound) // want `the cookie "_app_jump"`
		return
	}
	if c, err := r.Cookie("_app_return_url"); err == nil {
		http.Redirect(w, r, c.Value, http.StatusFound) // want `the cookie "_app_return_url"`
	}
}
