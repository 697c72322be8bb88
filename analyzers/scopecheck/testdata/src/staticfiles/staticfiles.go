// Package staticfiles serves a web UI's assets behind authentication // want package:`analyzed`
// (OpenFaaS's /ui/ behind the admin's basic auth): every authenticated
// caller gets the same files, there is no resource for a scope to
// protect. A handler of the application's own beside it is judged by
// what it does.
package staticfiles

import (
	"database/sql"
	"embed"
	"io/fs"
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
	"github.com/gorilla/mux"
)

var key = []byte("k")

// authn validates the caller's JWT.
func authn(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if _, err := jwt.Parse(raw, func(*jwt.Token) (interface{}, error) { return key, nil }); err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next(w, r)
	}
}

// cors wraps a handler with a CORS header.
func cors(h http.Handler, host string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", host)
		h.ServeHTTP(w, r)
	})
}

type app struct{ db *sql.DB }

// bundle is the UI compiled into the program.
var bundle embed.FS

// purge deletes every function's records.
func (a *app) purge(w http.ResponseWriter, r *http.Request) {
	_, _ = a.db.ExecContext(r.Context(), `DELETE FROM functions`)
}

func (a *app) routes() *mux.Router {
	r := mux.NewRouter()
	assets := http.FileServer(http.Dir("./assets/"))
	ui := http.StripPrefix("/ui", cors(assets, "raw.githubusercontent.com"))
	r.PathPrefix("/ui/").Handler(authn(ui.ServeHTTP)).Methods(http.MethodGet)       // near miss: static assets
	r.Handle("/docs/", http.StripPrefix("/docs", http.FileServer(http.Dir("./d")))) // near miss: no middleware at all
	sub, _ := fs.Sub(bundle, "dist")
	r.PathPrefix("/app/").Handler(authn(http.FileServer(http.FS(sub)).ServeHTTP))               // near miss: embedded assets
	r.PathPrefix("/console/").Handler(authn(http.FileServerFS(bundle).ServeHTTP))               // near miss
	r.PathPrefix("/files/").Handler(authn(http.FileServer(http.Dir("/srv/uploads")).ServeHTTP)) // want `route "/files/" is registered under authenticating middleware`
	r.PathPrefix("/system/").Handler(authn(a.purge))                                            // want `route "/system/" is registered under authenticating middleware`
	return r
}
