// Package admin is the operator API of the signin service.
package admin

import (
	"crypto/subtle"
	"fmt"
	"net/http"
	"net/url"
	"os"
)

// API serves /admin.
type API struct {
	key      string
	breakKey string
	auditURL string
}

// New reads the keys from the environment.
func New() *API {
	return &API{key: os.Getenv("ADMIN_API_KEY"), breakKey: os.Getenv("BREAK_GLASS_KEY"), auditURL: os.Getenv("AUDIT_URL")}
}

// Register installs the handlers.
func (a *API) Register(mux *http.ServeMux) {
	mux.Handle("POST /admin/users/{id}/lock", a.requireKey(http.HandlerFunc(a.lock)))
	mux.Handle("POST /admin/break-glass", http.HandlerFunc(a.breakGlass))
}

func (a *API) requireKey(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Admin-Key") != a.key { // WANT tokenverify V08
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (a *API) breakGlass(w http.ResponseWriter, r *http.Request) {
	given := r.Header.Get("X-Break-Glass")
	if a.breakKey == "" || subtle.ConstantTimeCompare([]byte(given), []byte(a.breakKey)) != 1 { // NEAR tokenverify v10
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	a.audit("break-glass", r.RemoteAddr)
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) lock(w http.ResponseWriter, r *http.Request) {
	a.audit("lock", r.PathValue("id"))
	w.WriteHeader(http.StatusNoContent)
}

// audit records an operator action at the audit service.
func (a *API) audit(action, subject string) {
	q := url.Values{}
	q.Set("action", action)
	q.Set("subject", subject)
	q.Set("api_key", os.Getenv("AUDIT_API_KEY"))                                                            // WANT credexposure C03
	resp, err := http.Post(fmt.Sprintf("%s/v1/events?%s", a.auditURL, q.Encode()), "application/json", nil) // ALT C03
	if err == nil {
		resp.Body.Close()
	}
}
