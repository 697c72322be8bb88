// Package notes is a note-taking API whose handlers take the
// authenticated user as a third argument, or are typed JSON endpoints
// func(ctx, req) (resp, error); the project's own adapters authenticate
// and turn them into http.Handlers.
package notes

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
)

type User struct {
	ID      int
	IsAdmin bool
}

type Note struct {
	ID     int
	Author int
	Body   string
}

type Store struct {
	notes  map[int]*Note
	tokens map[string]*User
}

func (s *Store) UserByToken(tok string) (*User, error) {
	u, ok := s.tokens[tok]
	if !ok {
		return nil, errors.New("unknown token")
	}
	return u, nil
}

func (s *Store) Delete(id int)          { delete(s.notes, id) }
func (s *Store) Get(id int) *Note       { return s.notes[id] }
func (s *Store) Put(n *Note)            { s.notes[n.ID] = n }
func (s *Store) DeleteAllBy(author int) { s.notes = nil }

type App struct {
	store *Store
}

// UserHandler is a handler that receives the authenticated user.
type UserHandler func(w http.ResponseWriter, r *http.Request, u *User)

// authed authenticates the bearer token and hands the user to h.
func (a *App) authed(h UserHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		tok := r.Header.Get("Authorization")
		u, err := a.store.UserByToken(tok)
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		h(w, r, u)
	}
}

func (a *App) deleteNote(w http.ResponseWriter, r *http.Request, u *User) {
	var id int
	json.NewDecoder(r.Body).Decode(&id)
	a.store.Delete(id)
}

func (a *App) editNote(w http.ResponseWriter, r *http.Request, u *User) {
	var n Note
	json.NewDecoder(r.Body).Decode(&n)
	old := a.store.Get(n.ID)
	if old == nil || old.Author != u.ID {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	a.store.Put(&n)
}

func (a *App) purgeAuthor(w http.ResponseWriter, r *http.Request, u *User) {
	if !u.IsAdmin {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	var author int
	json.NewDecoder(r.Body).Decode(&author)
	a.store.DeleteAllBy(author)
}

type ctxUser struct{}

func currentUser(ctx context.Context) *User {
	u, _ := ctx.Value(ctxUser{}).(*User)
	return u
}

// endpoint adapts a typed JSON endpoint: it authenticates, decodes the
// request, calls fn and encodes the answer.
func endpoint[Req, Resp any](a *App, fn func(ctx context.Context, req Req) (Resp, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u, err := a.store.UserByToken(r.Header.Get("Authorization"))
		if err != nil {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		var req Req
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		resp, err := fn(context.WithValue(r.Context(), ctxUser{}, u), req)
		if err != nil {
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		json.NewEncoder(w).Encode(resp)
	})
}

type archiveReq struct{ Author int }
type archiveResp struct{ OK bool }

func (a *App) archiveAuthor(ctx context.Context, req archiveReq) (archiveResp, error) {
	a.store.DeleteAllBy(req.Author)
	return archiveResp{OK: true}, nil
}

func (a *App) archiveAuthorChecked(ctx context.Context, req archiveReq) (archiveResp, error) {
	if u := currentUser(ctx); !u.IsAdmin {
		return archiveResp{}, errors.New("forbidden")
	}
	a.store.DeleteAllBy(req.Author)
	return archiveResp{OK: true}, nil
}

func (a *App) Mux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("DELETE /notes", a.authed(a.deleteNote))                // POS:adapter-delete
	mux.HandleFunc("PUT /notes", a.authed(a.editNote))                     // NEG: author check
	mux.HandleFunc("POST /admin/purge", a.authed(a.purgeAuthor))           // NEG: admin flag
	mux.Handle("POST /archive", endpoint(a, a.archiveAuthor))              // POS:adapter-typed
	mux.Handle("POST /admin/archive", endpoint(a, a.archiveAuthorChecked)) // NEG: admin flag from ctx
	return mux
}
