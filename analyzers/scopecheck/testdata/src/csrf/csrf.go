package csrf // want package:"analyzed"

// Anti-forgery checks are not authentication: a middleware that compares
// the X-CSRF-Token header, a csrf form field or an _xsrf cookie with the
// session's copy proves the request came from the application's page,
// not who sent it. Routes under it are not "authenticated routes without
// authorization". The near misses are the same shapes with a caller
// credential (X-Auth-Token, an API-key parameter, a session cookie),
// which still authenticate and are still reported.

import (
	"crypto/subtle"
	"net/http"
)

type Store struct{ rows map[string]string }

func (s *Store) Delete(id string) { delete(s.rows, id) } // want Delete:"work\\(deletes from s.rows\\)"

type server struct{ store *Store }

func (s *server) deleteEntry(w http.ResponseWriter, r *http.Request) {
	s.store.Delete(r.PathValue("id"))
}

// sessionCSRF stands for the copy kept with the session.
func sessionCSRF(r *http.Request) string { return expected[r.RemoteAddr] }

var expected = map[string]string{}

// csrfHeader checks the anti-forgery header on unsafe methods.
func csrfHeader(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			want := sessionCSRF(r)
			if subtle.ConstantTimeCompare([]byte(want), []byte(r.Header.Get("X-Csrf-Token"))) != 1 {
				http.Error(w, "bad request", http.StatusBadRequest)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// csrfForm checks the form field, then the cookie (double submit).
func csrfForm(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("csrf_token")
		if err != nil || subtle.ConstantTimeCompare([]byte(c.Value), []byte(r.FormValue("_csrf"))) != 1 {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// authToken authenticates: the X-Auth-Token header is the caller's
// credential.
func authToken(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if subtle.ConstantTimeCompare([]byte(sessionCSRF(r)), []byte(r.Header.Get("X-Auth-Token"))) != 1 {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// apiKeyParam authenticates with a query parameter.
func apiKeyParam(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if subtle.ConstantTimeCompare([]byte(sessionCSRF(r)), []byte(r.FormValue("api_key"))) != 1 {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// sessionCookie authenticates with the session cookie.
func sessionCookie(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("session_token")
		if err != nil || subtle.ConstantTimeCompare([]byte(c.Value), []byte(sessionCSRF(r))) != 1 {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func routes(s *server) {
	mux := http.NewServeMux()
	mux.Handle("POST /entries/{id}/delete", csrfHeader(http.HandlerFunc(s.deleteEntry)))
	mux.Handle("POST /entries/{id}/remove", csrfForm(http.HandlerFunc(s.deleteEntry)))
	mux.Handle("POST /api/entries/{id}/delete", authToken(http.HandlerFunc(s.deleteEntry)))              // want `route "POST /api/entries/{id}/delete" is registered under authenticating middleware csrf.authToken`
	mux.Handle("POST /fever/entries/{id}/delete", apiKeyParam(http.HandlerFunc(s.deleteEntry)))          // want `route "POST /fever/entries/{id}/delete" is registered under authenticating middleware csrf.apiKeyParam`
	mux.Handle("POST /ui/entries/{id}/delete", sessionCookie(http.HandlerFunc(s.deleteEntry)))           // want `route "POST /ui/entries/{id}/delete" is registered under authenticating middleware csrf.sessionCookie`
	mux.Handle("POST /both/entries/{id}/delete", csrfHeader(authToken(http.HandlerFunc(s.deleteEntry)))) // want `route "POST /both/entries/{id}/delete" is registered under authenticating middleware csrf.authToken`
	_ = mux
}
