package accept

import (
	"net/http"
	"strings"
)

func bearer(r *http.Request) string {
	if h := r.Header.Get("Authorization"); strings.HasPrefix(h, "Bearer ") {
		return strings.TrimPrefix(h, "Bearer ")
	}
	return r.URL.Query().Get("access_token") // want `bearer token accepted from the "access_token" query parameter as well as the Authorization header`
}

func fromHelper(r *http.Request) string {
	if t := headerToken(r); t != "" {
		return t
	}
	return r.URL.Query().Get("api_key") // want `bearer token accepted from the "api_key" query parameter as well as the Authorization header`
}

// The Authorization header's value taken from the query under its own
// name (filestash's token.From).
func fromAuthorization(r *http.Request) string {
	if h := r.Header.Get("Authorization"); h != "" {
		return strings.TrimPrefix(h, "Bearer ")
	}
	return r.URL.Query().Get("authorization") // want `bearer token accepted from the "authorization" query parameter as well as the Authorization header`
}

func headerToken(r *http.Request) string {
	return strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
}

// Near-misses.

func queryOnly(r *http.Request) string {
	return r.URL.Query().Get("token") // no header alternative here
}

func callback(w http.ResponseWriter, r *http.Request) {
	_ = r.Header.Get("Authorization")
	code := r.URL.Query().Get("code") // the OAuth callback's code
	state := r.URL.Query().Get("state")
	_, _ = code, state
}

func pagination(r *http.Request) string {
	_ = r.Header.Get("Authorization")
	return r.URL.Query().Get("page_token") // a cursor
}

func signature(r *http.Request) string {
	_ = r.Header.Get("Authorization")
	return r.URL.Query().Get("signature") // a signature
}

// Each read in its own helper, combined by the caller (as gotify does).

func tokenFromQuery(r *http.Request) string { return r.URL.Query().Get("token") }

func tokenFromHeader(r *http.Request) string {
	return strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
}

func anyToken(r *http.Request) string {
	if t := tokenFromHeader(r); t != "" {
		return t
	}
	return tokenFromQuery(r) // want `bearer token accepted from the "token" query parameter \(read by accept.tokenFromQuery\) as well as the Authorization header`
}

func onlyQueryHelper(r *http.Request) string {
	return tokenFromQuery(r) // no header alternative
}
