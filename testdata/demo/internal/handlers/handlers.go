// Package handlers serves the video API.
package handlers

import (
	"encoding/json"
	"net/http"
	"strings"

	"example.com/vidstream/internal/auth"
)

// ListVideos lists videos; it is mounted behind auth.RequireScope.
func ListVideos(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode([]string{"intro.mp4"})
}

// DeleteVideo deletes a video; it is mounted behind auth.RequireScope.
func DeleteVideo(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNoContent)
}

// ExportAll dumps every customer's videos. It checks that the caller has
// a valid token, but not that the token may export anything.
func ExportAll(w http.ResponseWriter, r *http.Request) {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	if _, err := auth.Parse(raw); err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	json.NewEncoder(w).Encode(map[string]string{"export": "all customers"})
}

// Health is public.
func Health(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("ok"))
}
