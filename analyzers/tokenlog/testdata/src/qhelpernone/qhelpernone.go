package qhelpernone

// qhelpernone calls the helpers with credential names only where they
// read no query (a header, a POST body), and the query helper only with
// other names: no request URL holds a credential here.

import (
	"log"
	"net/http"

	"qhelperutil"
)

func Handle(w http.ResponseWriter, r *http.Request) {
	_ = qhelperutil.HeaderParam(r, "access_token")
	_ = qhelperutil.BodyParam(r, "api_key")
	_ = qhelperutil.Param(r, "page")
	_ = qhelperutil.Param(r, "state")
	log.Printf("request %s", r.URL.String()) // silent: no credential read from the query
}
