// Package everywhere is analyzed with -everywhere: plain handlers are
// reported too.
package everywhere

import (
	"net/http"
	"strings"
)

func plainHandler(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, r.URL.Query().Get("next"), http.StatusFound) // want `http.Redirect sends the browser to the query parameter "next" without an allow-list or same-origin check$`
}

func plainChecked(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusFound) // path-only check
}
