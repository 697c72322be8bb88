// Package crosspkg uses the helpers of example.com/safeurl, known
// through facts.
package crosspkg

import (
	"net/http"

	"example.com/safeurl"
)

var checker = &safeurl.Checker{Hosts: map[string]bool{"app.example.com": true}}

func loginValidated(w http.ResponseWriter, r *http.Request) {
	safeurl.Login(w, r.FormValue("user"))
	next := r.FormValue("next")
	if !safeurl.IsLocal(next) {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusFound) // validated by a helper of another package
}

func loginNotValidated(w http.ResponseWriter, r *http.Request) {
	safeurl.Login(w, r.FormValue("user"))
	next := r.FormValue("next")
	if safeurl.NotEmpty(next) {
		http.Redirect(w, r, next, http.StatusFound) // want `the form value "next"`
	}
}

func loginSanitized(w http.ResponseWriter, r *http.Request) {
	safeurl.Login(w, r.FormValue("user"))
	http.Redirect(w, r, checker.Safe(r.FormValue("next")), http.StatusFound) // host checked by a helper of another package
}

func loginSourceHelper(w http.ResponseWriter, r *http.Request) {
	safeurl.Login(w, r.FormValue("user"))
	http.Redirect(w, r, safeurl.Trim(safeurl.Next(r)), http.StatusFound) // want `the query parameter "next"`
}

func loginWrapper(w http.ResponseWriter, r *http.Request) {
	safeurl.Login(w, r.FormValue("user"))
	safeurl.Redirect(w, r, r.Referer()) // want `safeurl.Redirect sends the browser to the Referer header`
	safeurl.Redirect(w, r, "/home")     // constant
}

func plainPage(w http.ResponseWriter, r *http.Request) {
	safeurl.Redirect(w, r, r.Referer()) // not part of a login
}
