package csrfmw // want package:"analyzed"

// csrfmw: CSRF protection (gorilla/csrf's Protect, nosurf, an
// in-house CSRF check) is not authentication: it checks that an unsafe
// request carries the token the site handed out, not who sends it. A
// route behind it alone is not an "authenticated handler missing a
// scope check"; the same routes behind a real authenticating middleware
// are.

import (
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
	"github.com/gorilla/csrf"
	"github.com/gorilla/mux"
	"github.com/justinas/nosurf"
)

type DB struct{ rows map[string]string }

func (d *DB) Delete(id string) { delete(d.rows, id) } // want Delete:"work\\(deletes from d.rows\\)"

var db = &DB{}

func deleteItem(w http.ResponseWriter, r *http.Request) {
	db.Delete(r.PathValue("id"))
}

// requireSession authenticates: it rejects requests without a valid
// session token.
func requireSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if _, err := jwt.Parse(raw, func(*jwt.Token) (interface{}, error) { return secret, nil }); err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

var secret = []byte("s")

// csrfProtect is an in-house double-submit check: the form value must
// equal the cookie. It says nothing about the caller.
func csrfProtect(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("csrf_token")
		if r.Method != http.MethodGet && (err != nil || c.Value != r.FormValue("csrf_token")) {
			http.Error(w, "bad csrf token", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// gorillaOnly: the whole router behind gorilla/csrf and nothing else.
func gorillaOnly() {
	router := mux.NewRouter()
	router.HandleFunc("/items/{id}", deleteItem) // silent: CSRF protection is not authentication
	csrfHandler := csrf.Protect([]byte("32-byte-long-auth-key"), csrf.FieldName("csrf_token"), csrf.Secure(true))
	http.ListenAndServe(":8080", csrfHandler(router))
}

// perRoute: CSRF protection applied route by route.
func perRoute() {
	protect := csrf.Protect([]byte("32-byte-long-auth-key"))
	http.Handle("/a/{id}", protect(http.HandlerFunc(deleteItem)))     // silent: gorilla/csrf only
	http.Handle("/b/{id}", nosurf.New(http.HandlerFunc(deleteItem)))  // silent: nosurf only
	http.Handle("/c/{id}", csrfProtect(http.HandlerFunc(deleteItem))) // silent: in-house CSRF check only
}

// nosurfOnly: nosurf around a router.
func nosurfOnly() {
	router := mux.NewRouter()
	router.HandleFunc("/n/{id}", deleteItem) // silent: CSRF protection only
	http.ListenAndServe(":8081", nosurf.New(router))
}

// withSession: the same routes behind a real authenticating middleware
// (and CSRF protection) are reported.
func withSession() {
	http.Handle("/g", requireSession(http.HandlerFunc(deleteItem))) // want `route "/g" is registered under authenticating middleware csrfmw.requireSession`
	protect := csrf.Protect([]byte("32-byte-long-auth-key"))
	http.Handle("/d/{id}", protect(requireSession(http.HandlerFunc(deleteItem))))     // want `route "/d/{id}" is registered under authenticating middleware csrfmw.requireSession`
	http.Handle("/e/{id}", requireSession(nosurf.New(http.HandlerFunc(deleteItem))))  // want `route "/e/{id}" is registered under authenticating middleware csrfmw.requireSession`
	http.Handle("/f/{id}", requireSession(csrfProtect(http.HandlerFunc(deleteItem)))) // want `route "/f/{id}" is registered under authenticating middleware csrfmw.requireSession`

	router := mux.NewRouter()
	router.HandleFunc("/items/{id}", deleteItem) // want `route "/items/{id}" is registered under authenticating middleware csrfmw.requireSession`
	csrfHandler := csrf.Protect([]byte("32-byte-long-auth-key"))
	http.ListenAndServe(":8082", csrfHandler(requireSession(router)))
}
