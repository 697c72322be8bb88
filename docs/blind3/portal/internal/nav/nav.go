// Package nav holds navigation helpers shared by the portal's handlers.
package nav

import (
	"net/http"
	"strings"
)

// Next returns the request's return target, trimmed, or the home page.
func Next(r *http.Request) string {
	n := strings.TrimSpace(r.URL.Query().Get("next"))
	if n == "" {
		n = r.URL.Query().Get("return_to")
	}
	if n == "" {
		return "/home"
	}
	return n
}
