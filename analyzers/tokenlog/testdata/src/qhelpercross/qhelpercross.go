package qhelpercross // want package:`tokenlog\(query params api_key read by qhelpercross\)`

// qhelpercross reads api_key from the query through another package's
// helper (an object fact) and logs whole request URLs.

import (
	"log"
	"net/http"

	"qhelperutil"
)

func Handle(w http.ResponseWriter, r *http.Request) {
	_ = qhelperutil.Param(r, "api_key")
	log.Printf("request %s", r.URL.String()) // want `request URL with the "api_key" query parameter \(read in this package\) reaches log.Printf`
	log.Printf("path %s", r.URL.Path)        // silent: the path
}
