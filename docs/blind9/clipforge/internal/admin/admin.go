// Package admin serves the operator endpoints on a separate listener, bound to
// the loopback interface and reached through the bastion.
package admin

import (
	"crypto/subtle"
	"log/slog"
	"net/http"
	"strings"

	"example.com/blind9/clipforge/internal/store"
)

type Admin struct {
	token []byte
	store store.Store
	log   *slog.Logger
}

func New(token string, st store.Store, log *slog.Logger) *Admin {
	return &Admin{token: []byte(token), store: st, log: log}
}

func (a *Admin) adminOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if subtle.ConstantTimeCompare([]byte(got), a.token) != 1 { // NEAR tokenverify v01
			a.log.Warn("admin auth failed", "remote", r.RemoteAddr, "ua", r.UserAgent())
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (a *Admin) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("POST /admin/streams/{id}/disable", a.adminOnly(http.HandlerFunc(a.disableStream))) // NEAR scopecheck s01
	return mux
}

func (a *Admin) disableStream(w http.ResponseWriter, r *http.Request) {
	ls, err := a.store.Stream(r.Context(), r.PathValue("id"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	ls.Active = false
	ls.StreamKey = ""
	_ = a.store.PutStream(r.Context(), ls)
	a.log.Info("stream disabled by operator", "stream", ls.ID)
	w.WriteHeader(http.StatusNoContent)
}
