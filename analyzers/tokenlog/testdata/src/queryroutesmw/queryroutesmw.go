package queryroutesmw // want package:`tokenlog\(query params access_token read by queryroutesmw\)`

// The credential query parameter is read by a helper that any route's
// authentication may call: every route's URL may carry it, and the URL
// every endpoint logs is reported, as before.

import (
	"log/slog"
	"net/http"
)

func tokenFrom(r *http.Request) string { return r.URL.Query().Get("access_token") }

func valid(string) bool { return true }

func requireToken(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !valid(tokenFrom(r)) {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func index(w http.ResponseWriter, r *http.Request) {
	slog.Debug("page", "url", r.URL.String()) // want `request URL with the "access_token" query parameter`
}

func routes() http.Handler {
	return requireToken(http.HandlerFunc(index))
}
