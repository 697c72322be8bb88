package ctxnilvar // want package:"analyzed"

// A middleware whose rejecting condition reads a variable declared
// without a value (var u *User) and assigned later from the caller
// stored in the request context. Such a declaration is recorded with no
// expression; following it must not stop the analysis (nakama's
// RpcFuncHttp crashed scopecheck this way).

import (
	"net/http"
)

type userKey struct{}

type User struct {
	ID    string
	Admin bool
}

type store struct{}

func (store) Delete(id string) error { return nil }

var db store

// currentUser reads the caller an earlier middleware stored.
func currentUser(r *http.Request) *User {
	u, _ := r.Context().Value(userKey{}).(*User)
	return u
}

// mustUser turns away requests with no caller in the request context.
func mustUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var u *User
		if r.Method != http.MethodOptions {
			u = currentUser(r)
		}
		if u == nil {
			http.Error(w, "login required", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// removeItem deletes for any caller.
func removeItem(w http.ResponseWriter, r *http.Request) {
	_ = db.Delete(r.PathValue("id"))
}

// removeItemAdmin deletes for administrators only.
func removeItemAdmin(w http.ResponseWriter, r *http.Request) {
	var u *User
	u = currentUser(r)
	if u == nil || !u.Admin {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	_ = db.Delete(r.PathValue("id"))
}

// Register serves both behind mustUser.
func Register(mux *http.ServeMux) {
	mux.Handle("DELETE /items/{id}", mustUser(http.HandlerFunc(removeItem)))
	mux.Handle("DELETE /admin/items/{id}", mustUser(http.HandlerFunc(removeItemAdmin)))
}
