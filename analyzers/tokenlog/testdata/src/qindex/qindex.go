package qindex // want package:`tokenlog\(query params access_token read by qindex\)`

// qindex reads the token with the map form of the query,
// r.URL.Query()["access_token"], and logs whole request URIs.

import (
	"log"
	"net/http"
)

func Bearer(r *http.Request) string { // want Bearer:`tokenlog\(result 0 is token from the "access_token" URL parameter\)`
	if v, ok := r.URL.Query()["access_token"]; ok && len(v) > 0 {
		return v[0]
	}
	return ""
}

func Log(r *http.Request) {
	log.Printf("%s %s", r.Method, r.RequestURI) // want `request URI with the "access_token" query parameter \(read in this package\)`
	log.Printf("%s %s", r.Method, r.URL.Path)   // silent: the path
}
