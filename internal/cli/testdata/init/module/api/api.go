package api

import (
	"log/slog"
	"net/http"

	"example.com/videos/internal/authz"
)

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("/videos", func(w http.ResponseWriter, r *http.Request) {
		if authz.RequireScope(r, "videos:read") != nil {
			w.WriteHeader(http.StatusForbidden)
			return
		}
		slog.Info("listed videos")
	})
}
