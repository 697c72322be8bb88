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

var domains = []safeurl.Domain{{Host: "app.example.com"}}

func failTo(w http.ResponseWriter, r *http.Request, dest string) {
	http.Redirect(w, r, dest+"?status=failed", http.StatusSeeOther)
}

// A lookup that returns the matching allowed domain or nil validates,
// also for a closure that captures the value after the check.
func loginLookup(w http.ResponseWriter, r *http.Request) {
	safeurl.Login(w, r.FormValue("user"))
	next := r.FormValue("redirect_uri")
	if safeurl.FindDomain(next, domains) == nil {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	fail := func() { failTo(w, r, next) }
	if r.FormValue("code") == "" {
		fail()
		return
	}
	http.Redirect(w, r, next, http.StatusFound)
}

func loginLookupNoCheck(w http.ResponseWriter, r *http.Request) {
	safeurl.Login(w, r.FormValue("user"))
	next := r.FormValue("redirect_uri")
	if safeurl.FirstDomain(next, domains) == nil {
		return
	}
	http.Redirect(w, r, next, http.StatusFound) // want `the form value "redirect_uri"`
}
