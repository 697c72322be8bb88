// Package handlers serves the video API.
package handlers

import (
	"encoding/json"
	"net/http"
	"strings"

	"example.com/vidstream/internal/auth"
	"example.com/vidstream/internal/store"
)

// API serves the video endpoints from a store.
type API struct {
	Store *store.Store
}

// ListVideos lists videos; it is mounted behind auth.RequireScope.
func (a *API) ListVideos(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(a.Store.List())
}

// DeleteVideo deletes a video. It is mounted behind auth.RequireAuth
// only: any valid token may delete any video.
func (a *API) DeleteVideo(w http.ResponseWriter, r *http.Request) {
	if err := a.Store.Delete(r.PathValue("id")); err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// ExportAll dumps every customer's videos. It checks that the caller has
// a valid token, but not that the token may export anything.
func (a *API) ExportAll(w http.ResponseWriter, r *http.Request) {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	if _, err := auth.Parse(raw); err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	json.NewEncoder(w).Encode(a.Store.List())
}

// Health is public.
func Health(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("ok"))
}
