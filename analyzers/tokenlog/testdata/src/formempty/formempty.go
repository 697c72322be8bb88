package formempty // want package:`tokenlog\(query params refresh_token read by formempty\)`

// Package formempty logs request forms when the credential field it
// asks for is missing. A form logged where every credential field the
// package reads is tested empty holds none of them; a form logged where
// one may still be set is reported.

import (
	"log"
	"net/http"
)

// The refresh path of an OIDC helper: the form is logged only when its
// refresh_token is empty. Near miss: a test of another field (code)
// says nothing about it.
func refresh(w http.ResponseWriter, r *http.Request) {
	if r.FormValue("code") == "" {
		log.Printf("no code in request: %q", r.Form) // want `request form with the "refresh_token" field \(read in this package\) reaches log.Printf`
	}
	refresh := r.FormValue("refresh_token")
	if refresh == "" {
		log.Printf("no refresh_token in request: %q", r.Form)
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	log.Printf("refreshing with form %q", r.Form) // want `request form with the "refresh_token" field \(read in this package\) reaches log.Printf`
}

// The same test written the other way round, and through the false edge
// of !=.
func reversed(w http.ResponseWriter, r *http.Request) {
	if "" == r.FormValue("refresh_token") {
		log.Printf("missing: %v", r.Form)
		return
	}
	if r.FormValue("refresh_token") != "" {
		log.Printf("present: %v", r.Form) // want `request form with the "refresh_token" field \(read in this package\) reaches log.Printf`
		return
	}
	log.Printf("still missing: %v", r.Form)
}
