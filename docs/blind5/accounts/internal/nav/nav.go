// Package nav holds the redirect helpers of the accounts service.
package nav

import (
	"net/http"
	"strings"
)

// SafeNext returns next when it is a path on this site, "/" otherwise.
func SafeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	return next
}

// IsLocal reports whether u is a path on this site.
func IsLocal(u string) bool {
	return strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//") && !strings.HasPrefix(u, "/\\")
}

// AfterLogin sends the freshly signed-in user on.
func AfterLogin(w http.ResponseWriter, r *http.Request, dest string) {
	if dest == "" {
		dest = "/"
	}
	http.Redirect(w, r, dest, http.StatusSeeOther) // ALT O24
}
