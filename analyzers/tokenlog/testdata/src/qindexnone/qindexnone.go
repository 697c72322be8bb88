package qindexnone

// qindexnone indexes the query only for non-credential names, and a
// header map and a POST form for credential names: no query read.

import (
	"log"
	"net/http"
)

func Handle(r *http.Request) {
	_ = r.URL.Query()["page"]
	_ = r.Header["Authorization"]
	_ = r.PostForm["access_token"]
	log.Printf("%s %s", r.Method, r.RequestURI) // silent: no credential read from the query
}
