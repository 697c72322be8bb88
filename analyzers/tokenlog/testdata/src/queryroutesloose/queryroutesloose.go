package queryroutesloose // want package:`tokenlog\(query params token read by queryroutesloose\)`

// A dispatcher reading the token under a prefix test: every route
// under /api/ may carry it, so the read is not one endpoint's.

import (
	"net/http"
	"strings"
)

func Handle(api http.Handler, w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		if r.URL.Query().Get("token") == "" {
			http.Error(w, "missing token", http.StatusUnauthorized)
			return
		}
	}
	api.ServeHTTP(w, r)
}
