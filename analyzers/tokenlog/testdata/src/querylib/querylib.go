package querylib // want package:`tokenlog\(query params access_token read by querylib\)`

// querylib reads a hook token from the request's query, as
// woodpecker's shared/token.ParseRequest does: it exports the package
// fact that requests of this program may carry access_token in their
// URL.

import (
	"errors"
	"net/http"
)

// ParseRequest takes the token from the Authorization header or, for
// webhooks, from the access_token query parameter.
func ParseRequest(r *http.Request) (string, error) { // want ParseRequest:`tokenlog\(result 0 is credentials from the Authorization header\)`
	if h := r.Header.Get("Authorization"); h != "" {
		return h, nil
	}
	if t := r.FormValue("access_token"); t != "" {
		return t, nil
	}
	return "", errors.New("no token")
}
