package queryroutes // want package:`tokenlog\(query params token read by queryroutes\)`

// The package's only credential query read sits in one endpoint
// handler (a cloud link callback): only that route's URLs carry the
// token. The URLs its handler and the helpers it calls log are
// reported, and so are those middleware log (they see every route);
// the URLs of other endpoints, and of helpers only they call, never
// carry it.

import (
	"log"
	"log/slog"
	"net/http"
	"strings"
)

func exchange(token string) error { return nil }

// callback reads the link token from its own route's query.
func callback(w http.ResponseWriter, r *http.Request) {
	token := r.URL.Query().Get("token")
	if err := exchange(token); err != nil {
		slog.Error("link failed", "url", r.URL.String()) // want `request URL with the "token" query parameter \(read in this package\) reaches slog.Error`
		http.Error(w, "bad link", http.StatusBadRequest)
		return
	}
	audit(r)
}

// audit is called by the callback: it sees the callback's URL.
func audit(r *http.Request) {
	log.Printf("linked from %s", r.RequestURI) // want `request URI with the "token" query parameter`
}

// index serves every other page.
func index(w http.ResponseWriter, r *http.Request) {
	if !strings.HasPrefix(r.URL.Path, "/app") {
		slog.Debug("redirecting", "url", r.URL.String()) // silent: this route never carries the token
		http.Redirect(w, r, "/app", http.StatusFound)
		return
	}
	_ = hostKey(r)
}

// hostKey is a helper of the other endpoints.
func hostKey(r *http.Request) string {
	host := r.PathValue("host")
	if host == "" {
		log.Printf("no host in %s", r.URL.String()) // silent: only index calls it
	}
	return host
}

// logging wraps every route, the callback's included.
func logging(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		slog.Info("request", "url", r.URL.String()) // want `request URL with the "token" query parameter`
		next.ServeHTTP(w, r)
	})
}

func routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/api/cloud/callback", callback)
	mux.HandleFunc("/", index)
	return logging(mux)
}

// logURL is called by the middleware below: it sees every route's URL.
func logURL(r *http.Request) {
	slog.Info("request", "url", r.URL.String()) // want `request URL with the "token" query parameter`
}

func accessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		logURL(r)
		next.ServeHTTP(w, r)
	})
}
