package usequerytransitive // want package:`tokenlog\(query params access_token read by querylib\)`

// usequerytransitive imports querylib only through usequerylib: the
// package fact is passed on by every importer, so a logging package two
// imports away from the token parser still knows the query carries a
// token (go vet gives a package only its direct imports' package facts).

import (
	"log"
	"net/http"

	"usequerylib"
)

func Wrap(w http.ResponseWriter, r *http.Request) {
	log.Printf("-> %s", r.RequestURI) // want `request URI with the "access_token" query parameter \(read by querylib\) reaches log.Printf`
	log.Printf("-> %s", r.URL.Path)   // silent: the path
	usequerylib.Handler(w, r)
}
