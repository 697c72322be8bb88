package scopecheck_test

import (
	"sort"
	"strings"
	"testing"
)

// libAdapterTree is a service whose handlers have the shape
// func(w, r) error, made into http.HandlerFuncs by a library's Wrap
// (another module, loaded from export data without facts, as zgo.at/zhttp
// is for goatcounter), behind a middleware that requires an API key. The
// library also has response helpers that take only the writer and plain
// values.
var libAdapterTree = map[string]string{
	"go.mod":     "module example.com/svc\n\ngo 1.22\n\nrequire example.org/web v0.0.0\n\nreplace example.org/web => ./web\n",
	"web/go.mod": "module example.org/web\n\ngo 1.22\n",
	"web/web.go": `package web

import "net/http"

type HandlerFunc func(http.ResponseWriter, *http.Request) error

// Wrap adapts an error-returning handler.
func Wrap(h HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			http.Error(w, err.Error(), 500)
		}
	}
}

// Redirect answers with a redirect.
func Redirect(w http.ResponseWriter, to string) error {
	http.Redirect(w, nil, to, http.StatusSeeOther)
	return nil
}

// Decode reads the request into v.
func Decode(r *http.Request, v any) error { return nil }

// JSON answers with a payload.
func JSON(w http.ResponseWriter, v any) error { return nil }

// Store is application state reached through a handle.
type Store struct{ rows map[string]string }

func (s *Store) Delete(id string) error { delete(s.rows, id); return nil }

// Sync reaches state with the writer and a handle: more than an answer.
func Sync(w http.ResponseWriter, s *Store) error { return nil }
`,
	"app/app.go": `package app

import (
	"context"
	"net/http"

	"example.org/web"
)

type User struct {
	ID    string
	Admin bool
	totp  bool
}

func (u *User) DisableTOTP(ctx context.Context) error { u.totp = false; return nil }

func (u *User) SetName(ctx context.Context, name string) error { u.ID = name; return nil }

type ctxKey struct{}

var users = map[string]*User{}

var store = &web.Store{}

func UserFrom(ctx context.Context) *User { u, _ := ctx.Value(ctxKey{}).(*User); return u }

func requireKey(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u, ok := users[r.Header.Get("X-API-Key")]
		if !ok {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, u)))
	})
}

// Positive: deletes any row for any key holder, through the library's adapter.
func deleteRow(w http.ResponseWriter, r *http.Request) error {
	if err := store.Delete(r.PathValue("id")); err != nil {
		return err
	}
	return web.JSON(w, map[string]bool{"ok": true})
}

// Positive: a response helper that also takes a handle is work.
func sync(w http.ResponseWriter, r *http.Request) error { return web.Sync(w, store) }

// Near miss: checks the caller's role.
func purge(w http.ResponseWriter, r *http.Request) error {
	if !UserFrom(r.Context()).Admin {
		return web.Redirect(w, "/")
	}
	return store.Delete(r.PathValue("id"))
}

// Near miss: only answers (a redirect).
func moved(w http.ResponseWriter, r *http.Request) error { return web.Redirect(w, "/settings") }

// Near miss: a method of the caller's own principal.
func disableTOTP(w http.ResponseWriter, r *http.Request) error {
	u := UserFrom(r.Context())
	if err := u.DisableTOTP(r.Context()); err != nil {
		return err
	}
	return web.Redirect(w, "/user")
}

// Near miss: decodes the request (a library's decoder) and renames
// the caller's own account.
func rename(w http.ResponseWriter, r *http.Request) error {
	var args struct{ Name string }
	if err := web.Decode(r, &args); err != nil {
		return err
	}
	return UserFrom(r.Context()).SetName(r.Context(), args.Name)
}

func Routes(mux *http.ServeMux) {
	mux.Handle("DELETE /rows/{id}", requireKey(web.Wrap(deleteRow)))
	mux.Handle("POST /sync", requireKey(web.Wrap(sync)))
	mux.Handle("DELETE /admin/rows/{id}", requireKey(web.Wrap(purge)))
	mux.Handle("GET /old", requireKey(web.Wrap(moved)))
	mux.Handle("POST /user/disable-totp", requireKey(web.Wrap(disableTOTP)))
	mux.Handle("POST /user/name", requireKey(web.Wrap(rename)))
	mux.Handle("GET /inline", requireKey(web.Wrap(func(w http.ResponseWriter, r *http.Request) error {
		return web.Redirect(w, "/new")
	})))
}
`,
}

// TestLibraryAdapter: the endpoint of a route made with a library's
// adapter is the function given to it, judged by its body, not the
// library function (which scopecheck cannot see and would assume does
// work); a library function that takes only the response writer and
// plain values or a payload only answers; a method of the caller's own
// principal is ownership. Before these rules the four near misses were
// reported as well.
func TestLibraryAdapter(t *testing.T) {
	dir := writeTree(t, libAdapterTree)
	got := lintFindings(t, dir, "./...")
	sort.Strings(got)
	want := []string{"scopecheck/route app/app.go:81:2", "scopecheck/route app/app.go:82:2"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("got %v, want %v (deleteRow and sync reported; purge, moved, disableTOTP, rename and the inline redirect not)", got, want)
	}
}
