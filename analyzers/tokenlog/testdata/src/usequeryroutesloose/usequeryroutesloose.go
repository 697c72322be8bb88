package usequeryroutesloose // want package:`tokenlog\(query params token read by queryroutesloose\)`

// A handler of the importing package: the dependency's read is not
// pinned to an endpoint, so any request URL may carry the token.

import (
	"log"
	"net/http"

	"queryroutesloose"
)

func handleStatic(w http.ResponseWriter, r *http.Request) (handled bool) {
	log.Printf("static %s", r.URL) // want `request URL with the "token" query parameter \(read by queryroutesloose\)`
	return false
}

func serve(api http.Handler, w http.ResponseWriter, r *http.Request) {
	if !handleStatic(w, r) {
		queryroutesloose.Handle(api, w, r)
	}
}
