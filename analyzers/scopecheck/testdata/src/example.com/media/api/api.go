package api // want package:"analyzed"

// Package api serves the media library: an authenticating middleware
// stores the caller in the request context, and the handlers leave the
// access decision to the service layer.

import (
	"context"
	"net/http"

	"example.com/media/core"
	"example.com/media/model"
	"example.com/media/request"
	"github.com/go-chi/chi/v5"
	"github.com/golang-jwt/jwt/v5"
)

// feed is declared where it is used; its implementation is injected from
// elsewhere.
type feed interface {
	Items(ctx context.Context, user string) ([]string, error)
}

type Router struct {
	pl     core.Playlists
	ds     model.DataStore
	feed   feed
	key    []byte
	counts map[string]int
}

// Authenticate validates the bearer token and stores the caller.
func (a *Router) Authenticate(next http.Handler) http.Handler { // want Authenticate:"authenticates" Authenticate:"middleware" Authenticate:"owns"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := &jwt.RegisteredClaims{}
		if _, err := jwt.ParseWithClaims(r.Header.Get("Authorization"), c, func(*jwt.Token) (interface{}, error) { return a.key, nil }); err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(request.WithUser(r.Context(), request.User{ID: c.Subject})))
	})
}

// GetPlaylist leaves visibility to the service, which leaves it to the
// data store: out of sight.
func (a *Router) GetPlaylist(w http.ResponseWriter, r *http.Request) { // want GetPlaylist:"defers" GetPlaylist:"work"
	p, err := a.pl.Get(r.Context(), chi.URLParam(r, "id"))
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	w.Write([]byte(p.ID))
}

// Stats calls a service method that reads the caller and checks
// nothing.
func (a *Router) Stats(w http.ResponseWriter, r *http.Request) { // want Stats:"work"
	_ = a.pl.Stats(r.Context(), chi.URLParam(r, "id"))
}

func (a *Router) getGenres(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	names, _ := a.listGenres(ctx)
	for _, n := range names {
		w.Write([]byte(n))
	}
}

// listGenres hands the context to the data store through a helper.
func (a *Router) listGenres(ctx context.Context) ([]string, error) {
	return a.ds.Genres(ctx)
}

func (a *Router) export(w http.ResponseWriter, r *http.Request) {
	core.GenreNames(r.Context(), a.ds)
}

func (a *Router) rename(w http.ResponseWriter, r *http.Request) {
	a.pl.Rename(r.Context(), chi.URLParam(r, "id"), r.FormValue("name"))
}

func (a *Router) purge(w http.ResponseWriter, r *http.Request) {
	a.pl.Purge(r.Context(), chi.URLParam(r, "id"))
}

// count reads the caller from the context and checks nothing with it.
func (a *Router) count(w http.ResponseWriter, r *http.Request) {
	u, _ := request.UserFrom(r.Context())
	if u.ID == "" {
		w.Header().Set("X-Anonymous", "1")
	}
	_ = a.counts[chi.URLParam(r, "id")]
}

func (a *Router) items(w http.ResponseWriter, r *http.Request) {
	a.feed.Items(r.Context(), chi.URLParam(r, "user"))
}

// size calls the data store without the context.
func (a *Router) size(w http.ResponseWriter, r *http.Request) {
	_ = a.ds.Size()
}

// background gives the data store a context that is not the request's.
func (a *Router) background(w http.ResponseWriter, r *http.Request) {
	a.ds.Genres(context.TODO())
}

func (a *Router) Routes() http.Handler {
	r := chi.NewRouter()
	r.Group(func(r chi.Router) {
		r.Use(a.Authenticate)
		r.Get("/playlists/{id}", a.GetPlaylist)  // silent: core's Get hands the caller's context to DataStore.Playlist, implemented out of sight: unknown
		r.Get("/genres", a.getGenres)            // silent: the same through a helper of the package
		r.Get("/export", a.export)               // silent: the same through a function of another package (its DefersFact)
		r.Get("/feed/{user}", a.items)           // silent: an interface of this package with no implementation here
		r.Post("/playlists/{id}/name", a.rename) // silent: the service, in sight, checks the owner
		r.Get("/playlists/{id}/stats", a.Stats)  // want `route "/playlists/{id}/stats" is registered under authenticating middleware Router.Authenticate`
		r.Delete("/playlists/{id}", a.purge)     // want `route "/playlists/{id}" is registered under authenticating middleware Router.Authenticate`
		r.Get("/counts/{id}", a.count)           // want `route "/counts/{id}" is registered under authenticating middleware Router.Authenticate`
		r.Get("/size", a.size)                   // want `route "/size" is registered under authenticating middleware Router.Authenticate`
		r.Get("/background", a.background)       // want `route "/background" is registered under authenticating middleware Router.Authenticate`
	})
	return r
}

// selfGenres authenticates the caller itself and hands the request
// context to the data store: out of sight, unknown.
func (a *Router) selfGenres(w http.ResponseWriter, r *http.Request) {
	c := &jwt.RegisteredClaims{}
	if _, err := jwt.ParseWithClaims(r.Header.Get("Authorization"), c, func(*jwt.Token) (interface{}, error) { return a.key, nil }); err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	a.ds.Genres(r.Context())
}

// selfPurge authenticates the caller itself and purges through a
// service in sight that checks nothing.
func (a *Router) selfPurge(w http.ResponseWriter, r *http.Request) { // want `handler Router.selfPurge authenticates the caller`
	c := &jwt.RegisteredClaims{}
	if _, err := jwt.ParseWithClaims(r.Header.Get("Authorization"), c, func(*jwt.Token) (interface{}, error) { return a.key, nil }); err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	a.pl.Purge(r.Context(), chi.URLParam(r, "id"))
}
