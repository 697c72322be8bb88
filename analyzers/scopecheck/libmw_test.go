package scopecheck_test

import (
	"sort"
	"strings"
	"testing"
)

// libMWTree is a service on a library (another module, loaded from
// export data without facts, as zgo.at/zhttp is for goatcounter) whose
// middleware constructor takes a loader: the library calls it with the
// session cookie, and lets a request without the cookie through with no
// user. Whether it turns anyone away is not in sight. The project's own
// loggedIn rejects requests with no stored user. The project also logs
// through its own leveled logger (app/log), whose body writes to a
// writer of its package.
var libMWTree = map[string]string{
	"go.mod":     "module example.com/svc\n\ngo 1.22\n\nrequire example.org/web v0.0.0\n\nreplace example.org/web => ./web\n",
	"web/go.mod": "module example.org/web\n\ngo 1.22\n",
	"web/web.go": `package web

import (
	"context"
	"net/http"
)

// Add loads the user named by the session cookie and stores it under
// ctxKey; a request without the cookie goes on with no user.
func Add(ctxKey any, load func(ctx context.Context, key string) (any, error)) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			c, err := r.Cookie("key")
			if err != nil {
				next.ServeHTTP(w, r)
				return
			}
			u, _ := load(r.Context(), c.Value)
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey, u)))
		})
	}
}
`,
	"app/log/log.go": `package log

import (
	"context"
	"fmt"
	"io"
	"os"
)

var out io.Writer = os.Stderr

var lines []string

// Errorf records an error.
func Errorf(ctx context.Context, format string, args ...any) {
	lines = append(lines, fmt.Sprintf(format, args...))
	fmt.Fprintf(out, format+"\n", args...)
}
`,
	"app/app.go": `package app

import (
	"context"
	"errors"
	"net/http"

	"example.com/svc/app/log"
	"example.org/web"
)

type User struct {
	ID       string
	Admin    bool
	sessions []string
}

func (u *User) Logout(ctx context.Context) error { u.sessions = nil; return nil }

var tokens = map[string]*User{}

var rows = map[string]string{}

func byToken(ctx context.Context, key string) (any, error) {
	u, ok := tokens[key]
	if !ok {
		return nil, errors.New("no such session")
	}
	return u, nil
}

type userKey struct{}

var keyAuth = web.Add(userKey{}, func(ctx context.Context, key string) (any, error) {
	u, ok := tokens[key]
	if !ok {
		return nil, errors.New("no such session")
	}
	return u, nil
})

func current(r *http.Request) *User { u, _ := r.Context().Value(userKey{}).(*User); return u }

// loggedIn turns away requests with no user.
func loggedIn(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u := current(r)
		if u == nil {
			http.Error(w, "login required", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// doReset changes a row for whoever holds a reset key: a login-flow
// step under the library's loader only.
func doReset(w http.ResponseWriter, r *http.Request) {
	rows[r.PathValue("key")] = r.FormValue("password")
}

// logout ends the caller's own session and logs a failure.
func logout(w http.ResponseWriter, r *http.Request) {
	u := current(r)
	if err := u.Logout(r.Context()); err != nil {
		log.Errorf(r.Context(), "logout: %s", err)
	}
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// deleteRow deletes any row for any signed-in user, and logs it.
func deleteRow(w http.ResponseWriter, r *http.Request) {
	log.Errorf(r.Context(), "deleting %s", r.PathValue("id"))
	delete(rows, r.PathValue("id"))
}

// saveRow writes any row for any signed-in user.
func saveRow(w http.ResponseWriter, r *http.Request) {
	rows[r.PathValue("id")] = r.FormValue("v")
}

func Routes(mux *http.ServeMux) {
	mux.Handle("POST /user/reset/{key}", keyAuth(http.HandlerFunc(doReset)))
	mux.Handle("POST /other/reset/{key}", web.Add(userKey{}, func(ctx context.Context, key string) (any, error) { return byToken(ctx, key) })(http.HandlerFunc(doReset)))
	mux.Handle("POST /user/logout", keyAuth(loggedIn(http.HandlerFunc(logout))))
	mux.Handle("DELETE /rows/{id}", keyAuth(loggedIn(http.HandlerFunc(deleteRow))))
	mux.Handle("PUT /rows/{id}", keyAuth(loggedIn(http.HandlerFunc(saveRow))))
}
`,
}

// TestLibraryMiddlewareAndOwnLogger: a literal loader handed to a
// middleware constructor of a library out of sight does not make the
// middleware authenticating (the reset route under it alone is not
// reported); the project's loggedIn after it does (two routes
// reported). The project's own leveled logger is no work (logout is not
// reported); deleteRow, which logs and deletes, still is.
func TestLibraryMiddlewareAndOwnLogger(t *testing.T) {
	dir := writeTree(t, libMWTree)
	got := lintFindings(t, dir, "./...")
	sort.Strings(got)
	want := []string{"scopecheck/route app/app.go:86:2", "scopecheck/route app/app.go:87:2"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("got %v, want %v (deleteRow and saveRow reported; the reset routes and logout not)", got, want)
	}
}
