package formemptytwo // want package:`tokenlog\(query params refresh_token read by formemptytwo\)`

// Package formemptytwo reads two credential fields from its forms. A
// test of one of them leaves the other in the form: reported; a test
// of both is silent.

import (
	"log"
	"net/http"
)

func login(w http.ResponseWriter, r *http.Request) {
	if r.PostFormValue("password") == "" {
		log.Printf("no password in %v", r.PostForm) // want `request form with the "password" field \(read in this package\) reaches log.Printf`
	}
	if r.FormValue("refresh_token") == "" {
		log.Printf("no refresh token in %v", r.Form) // want `request form with the "password" field \(read in this package\) reaches log.Printf`
	}
	if r.PostFormValue("password") == "" && r.FormValue("refresh_token") == "" {
		// Both fields tested empty: silent.
		log.Printf("neither in %v", r.Form)
	}
}
