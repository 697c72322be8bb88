package server // want package:"analyzed"

// Package server registers the api package's handlers: their verdicts
// reach it through facts.

import (
	"net/http"

	"example.com/media/api"
	"github.com/go-chi/chi/v5"
)

func New(a *api.Router) http.Handler {
	r := chi.NewRouter()
	r.Use(a.Authenticate)
	r.Get("/v2/playlists/{id}", a.GetPlaylist) // silent: its DefersFact: unknown
	r.Get("/v2/stats/{id}", a.Stats)           // want `route "/v2/stats/{id}" is registered under authenticating middleware Router.Authenticate`
	return r
}
