// Package authreject: a value the caller sent, compared with one the
// program holds, whose mismatch answers 401 or 403, is a credential
// whatever it is called (nakama's ?http_key= against the configured
// HTTPKey). A comparison that rejects with another status, one between
// two values of the request, and one with a constant-time compare are
// not reported.
package authreject

import (
	"crypto/subtle"
	"net/http"
	"net/url"
	"strings"
)

type RuntimeConfig struct {
	HTTPKey     string
	Language    string
	ClientID    string
	ProxyDomain string
}

type Comment struct{ OwnerID string }

type Server struct {
	runtime RuntimeConfig
}

// Positives.

func (s *Server) Rpc(w http.ResponseWriter, r *http.Request) {
	if httpKey := r.URL.Query().Get("http_key"); httpKey != s.runtime.HTTPKey { // want `value compared with != before rejecting the request as unauthenticated`
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusOK)
}

func (s *Server) Hook(w http.ResponseWriter, r *http.Request) {
	given := r.Header.Get("X-Hook-Key")
	if given == "" || given != s.runtime.HTTPKey { // want `X-Hook-Key header compared with !=`
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// Near misses.

// Lang rejects an unsupported language with 400: no authentication.
func (s *Server) Lang(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("lang") != s.runtime.Language {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// Echo compares two values of the same request.
func (s *Server) Echo(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("a") != r.Header.Get("X-A") {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// Origin compares a header that holds no credential: a CSRF defence.
func (s *Server) Origin(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Origin") != s.runtime.Language {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// Safe compares in constant time.
func (s *Server) Safe(w http.ResponseWriter, r *http.Request) {
	if subtle.ConstantTimeCompare([]byte(r.URL.Query().Get("http_key")), []byte(s.runtime.HTTPKey)) != 1 {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// Owner refuses a caller who does not own the record: authorization,
// two identities compared.
func (s *Server) Owner(w http.ResponseWriter, r *http.Request, c Comment) {
	if r.URL.Query().Get("user") != c.OwnerID {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// Client refuses an unknown client id: a public identifier.
func (s *Server) Client(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("client_id") != s.runtime.ClientID {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// State matches the OAuth state the flow stored: a CSRF check.
func (s *Server) State(w http.ResponseWriter, r *http.Request, stored string) {
	state := r.URL.Query().Get("state")
	if state != stored {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	w.WriteHeader(http.StatusOK)
}

type Console struct{ Username, Password string }

func parseBasic(h string) (string, string, bool) { return h, h, h != "" }

// Basic checks the console admin's basic-auth credentials: the user name
// is an identity, the password a credential.
func Basic(config Console) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		username, password, ok := parseBasic(r.Header.Get("Authorization"))
		if !ok {
			w.WriteHeader(401)
			return
		}
		if username != config.Username || password != config.Password { // want `compared with !=`
			w.WriteHeader(403)
			return
		}
	}
}

// Tenants: the tenant a verified token is for, against the tenant the
// request names, refused with 401/403: which data, not who.

func tenantOf(r *http.Request) string { return r.Header.Get("X-Forwarded-Tenant") }

func pathVar(r *http.Request, k string) string { return r.PathValue(k) }

func (s *Server) TenantIssues(w http.ResponseWriter, r *http.Request, tid string) {
	tenant := tid
	if tenant != pathVar(r, "tenant") {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusOK)
}

func (s *Server) OrgBilling(w http.ResponseWriter, r *http.Request, claims map[string]string) {
	if claims["org"] != r.PathValue("org") {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// But a tenant's key is a credential.
func (s *Server) TenantKey(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-Tenant-Key") != s.runtime.HTTPKey { // want `compared with !=`
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// Roles, scopes, permissions and groups: what the caller may do, read
// from the principal an authenticating middleware stored and compared
// with the one the route requires, refused with 403. An authorization
// decision, and the time it takes reveals nothing secret (blind6:
// RequireRole middlewares in three routers).

type principalKey struct{}

type Principal struct{ ID, Role, Scope, Group string }

func principalFrom(r *http.Request) *Principal {
	p, _ := r.Context().Value(principalKey{}).(*Principal)
	return p
}

func RequireRole(role string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if p := principalFrom(r); p == nil || p.Role != role {
				http.Error(w, "forbidden", http.StatusForbidden)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

func RequireScope(scope string, next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if principalFrom(r).Scope != scope {
			w.WriteHeader(http.StatusForbidden)
			return
		}
		next(w, r)
	}
}

func (s *Server) GroupOnly(w http.ResponseWriter, r *http.Request, adminGroup string) {
	if principalFrom(r).Group != adminGroup {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// But a role-named header carrying a key the program holds is still
// compared as a credential when the held side is one.
func (s *Server) RoleKey(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-Role-Key") != s.runtime.HTTPKey { // want `compared with !=`
		w.WriteHeader(http.StatusForbidden)
		return
	}
	w.WriteHeader(http.StatusOK)
}

type Bouncer struct {
	Version string
	Type    string
	Key     string
}

func updateBouncer(b *Bouncer, typ, version string) error { return nil }

// A stored attribute compared with the request to detect a change; the
// 403 answers a failed update (an error check), not the mismatch.
func (s *Server) TrackVersion(w http.ResponseWriter, r *http.Request, b *Bouncer) {
	if b.Version != r.URL.Query().Get("v") {
		if err := updateBouncer(b, "", r.URL.Query().Get("v")); err != nil {
			w.WriteHeader(http.StatusForbidden)
			return
		}
	}
	w.WriteHeader(http.StatusOK)
}

// Parts of the User-Agent, split into a local, are a public header.
func (s *Server) TrackAgent(w http.ResponseWriter, r *http.Request, b *Bouncer) {
	ua := strings.Split(r.UserAgent(), "/")
	if len(ua) != 2 {
		ua = []string{r.UserAgent(), "N/A"}
	}
	if b.Type != ua[0] {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// The mismatch itself answered 403, beside an error check: reported.
func (s *Server) CheckKey(w http.ResponseWriter, r *http.Request, b *Bouncer) {
	if r.URL.Query().Get("k") != b.Key { // want `value compared with != before rejecting the request as unauthenticated`
		if err := updateBouncer(b, "", ""); err != nil {
			w.WriteHeader(http.StatusInternalServerError)
		}
		w.WriteHeader(http.StatusForbidden)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// Connect refuses a CONNECT to another host than the upstream: where
// the request goes, not who sent it.
func (s *Server) Connect(w http.ResponseWriter, r *http.Request) {
	connectTarget := r.URL.Host
	allowedHost := s.runtime.ProxyDomain
	if connectTarget != allowedHost {
		http.Error(w, "Forbidden", http.StatusForbidden)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// Near miss: a value whose name says nothing, refused the same way.
func (s *Server) Gate(w http.ResponseWriter, r *http.Request) {
	given := r.URL.Query().Get("k")
	if given != s.runtime.HTTPKey { // want `value compared with != before rejecting the request as unauthenticated`
		http.Error(w, "Forbidden", http.StatusForbidden)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// normalizeOrigin rewrites an Origin header to scheme://host: parsing
// and case folding make public text out of public text.
func normalizeOrigin(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return strings.ToLower(raw)
	}
	return u.Scheme + "://" + strings.ToLower(u.Hostname())
}

// OriginNormalized refuses a cross-origin request whose normalized
// Origin is not the frontend's (yopass's CSRF check): no credential.
func (s *Server) OriginNormalized(w http.ResponseWriter, r *http.Request) {
	allowed := normalizeOrigin(s.runtime.ProxyDomain)
	if origin := r.Header.Get("Origin"); origin != "" {
		if normalizeOrigin(origin) != allowed {
			http.Error(w, "origin not allowed", http.StatusForbidden)
			return
		}
	}
	w.WriteHeader(http.StatusOK)
}
