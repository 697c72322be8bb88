package basic // want package:"analyzed"

// Package basic holds net/http handlers that authenticate themselves.

import (
	"crypto/subtle"
	"encoding/json"
	"net/http"
	"os"
	"strings"

	"github.com/casbin/casbin/v2"
	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/golang-jwt/jwt/v5"
	"github.com/open-policy-agent/opa/rego"
)

type Order struct{ ID, Owner string }

type Store interface {
	DeleteUser(id string) error
	Orders() []Order
	Order(id string) Order
	OrdersOf(owner string) []Order
	LookupKey(key string) (string, bool)
}

var store Store

var key = []byte("k")

func keyFunc(*jwt.Token) (interface{}, error) { return key, nil }

// bearer returns the bearer token of the request: a credential source
// for its callers.
func bearer(r *http.Request) string {
	return strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
}

type Claims struct {
	jwt.RegisteredClaims
	Scope string
	Roles []string
}

func (c *Claims) HasScope(s string) bool { // want HasScope:"authorizes"
	for _, x := range strings.Fields(c.Scope) {
		if x == s {
			return true
		}
	}
	return false
}

// parseClaims validates the bearer token.
func parseClaims(r *http.Request) (*Claims, error) {
	c := &Claims{}
	_, err := jwt.ParseWithClaims(bearer(r), c, keyFunc)
	return c, err
}

func deleteUser(w http.ResponseWriter, r *http.Request) { // want `handler deleteUser authenticates the caller \(jwt.Parse\) but never checks a scope, role or permission before it calls Store.DeleteUser`
	if _, err := jwt.Parse(bearer(r), keyFunc); err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	store.DeleteUser(r.PathValue("id"))
}

// deleteUserScoped is silent: an inline scope check.
func deleteUserScoped(w http.ResponseWriter, r *http.Request) {
	claims, err := parseClaims(r)
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	if !claims.HasScope("users:delete") {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	store.DeleteUser(r.PathValue("id"))
}

func listOrders(w http.ResponseWriter, r *http.Request) { // want `handler listOrders authenticates the caller \(jwt.ParseWithClaims in parseClaims\)`
	if _, err := parseClaims(r); err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	json.NewEncoder(w).Encode(store.Orders())
}

// listOrdersRoles is silent: a role is read in a condition.
func listOrdersRoles(w http.ResponseWriter, r *http.Request) {
	claims, err := parseClaims(r)
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	for _, role := range claims.Roles {
		if role == "auditor" {
			json.NewEncoder(w).Encode(store.Orders())
			return
		}
	}
	http.Error(w, "forbidden", http.StatusForbidden)
}

// myOrders is silent: the work is scoped to the caller (ownership).
func myOrders(w http.ResponseWriter, r *http.Request) {
	claims, err := parseClaims(r)
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	json.NewEncoder(w).Encode(store.OrdersOf(claims.Subject))
}

// getOrder is silent: it compares the resource owner with the token's
// subject.
func getOrder(w http.ResponseWriter, r *http.Request) {
	claims, err := parseClaims(r)
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	o := store.Order(r.PathValue("id"))
	if o.Owner != claims.Subject {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	json.NewEncoder(w).Encode(o)
}

// whoami is silent: it only answers with the caller's own claims.
func whoami(w http.ResponseWriter, r *http.Request) {
	claims, err := parseClaims(r)
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	json.NewEncoder(w).Encode(claims)
}

// health is silent: no authentication at all is not this rule's
// business.
func health(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(store.Orders())
}

var verifier *oidc.IDTokenVerifier

type API struct {
	apiKey string
	orders map[string]Order
}

// Export is silent: the key it checks is the API's own configured key,
// held by one principal, so the comparison is the access decision.
func (a *API) Export(w http.ResponseWriter, r *http.Request) { // want Export:"authenticates" Export:"authorizes\\(comparison with the configured key a.apiKey\\)" Export:"work\\(reads a.orders\\)"
	if subtle.ConstantTimeCompare([]byte(r.Header.Get("X-API-Key")), []byte(a.apiKey)) != 1 {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	json.NewEncoder(w).Encode(a.orders)
}

func (a *API) Purge(w http.ResponseWriter, r *http.Request) { // want `handler API.Purge authenticates the caller \(passes the X-API-Key header to Store.LookupKey\)` Purge:"authenticates" Purge:"work"
	if _, ok := store.LookupKey(r.Header.Get("X-API-Key")); !ok {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	for k := range a.orders {
		delete(a.orders, k)
	}
}

// ServeHTTP verifies an OIDC token and changes state.
type adminHandler struct{ users map[string]string }

func (h *adminHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want `handler adminHandler.ServeHTTP authenticates the caller \(oidc.IDTokenVerifier.Verify\) but never checks a scope, role or permission before it writes h.users` ServeHTTP:"authenticates" ServeHTTP:"work"
	tok, err := verifier.Verify(r.Context(), bearer(r))
	if err != nil || tok == nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	h.users[r.FormValue("name")] = r.FormValue("role")
}

// groupsHandler is silent: the ID token's groups decide.
type groupsHandler struct{ users map[string]string }

func (h *groupsHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want ServeHTTP:"authenticates" ServeHTTP:"authorizes\\(c.Groups\\)" ServeHTTP:"work" ServeHTTP:"asks the caller"
	tok, err := verifier.Verify(r.Context(), bearer(r))
	if err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	var c struct{ Groups []string }
	tok.Claims(&c)
	if len(c.Groups) == 0 {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	h.users[r.FormValue("name")] = r.FormValue("role")
}

// adminKeyOnly is silent: a single admin key is the access decision.
func adminKeyOnly(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-Admin-Token") != os.Getenv("ADMIN_TOKEN") {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	store.DeleteUser(r.FormValue("id"))
}

var enforcer *casbin.Enforcer

// casbinChecked is silent: Casbin decides.
func casbinChecked(w http.ResponseWriter, r *http.Request) {
	claims, err := parseClaims(r)
	if err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	if ok, _ := enforcer.Enforce(claims.ID, r.URL.Path, r.Method); !ok {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	store.DeleteUser(r.PathValue("id"))
}

var query rego.PreparedEvalQuery

// opaChecked is silent: OPA decides.
func opaChecked(w http.ResponseWriter, r *http.Request) {
	claims, err := parseClaims(r)
	if err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	rs, err := query.Eval(r.Context(), rego.EvalInput(claims))
	if err != nil || len(rs) == 0 {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	store.DeleteUser(r.PathValue("id"))
}

// checkPermission is an in-house authorization helper, recognised by
// its body (and its name).
func checkPermission(c *Claims, perm string) bool {
	for _, p := range c.Roles {
		if p == perm {
			return true
		}
	}
	return false
}

// helperChecked is silent: the helper authorizes.
func helperChecked(w http.ResponseWriter, r *http.Request) {
	claims, err := parseClaims(r)
	if err != nil || !checkPermission(claims, "admin") {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	store.DeleteUser(r.PathValue("id"))
}

// closures are handlers too.
func Register(mux *http.ServeMux) { // want Register:"routes\\(0:GET /health->health\\)"
	mux.HandleFunc("POST /purge", func(w http.ResponseWriter, r *http.Request) { // want `handler func literal authenticates the caller`
		if _, err := jwt.Parse(bearer(r), keyFunc); err != nil {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		store.DeleteUser("*")
	})
	// Silent: the handler is wrapped by an authorizing middleware.
	mux.Handle("DELETE /users/{id}", requireScope("users:delete", http.HandlerFunc(deleteUserBehindScope)))
	mux.HandleFunc("GET /health", health)
}

// deleteUserBehindScope authenticates itself but is registered behind
// requireScope: the key precision point, silent.
func deleteUserBehindScope(w http.ResponseWriter, r *http.Request) {
	if _, err := jwt.Parse(bearer(r), keyFunc); err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	store.DeleteUser(r.PathValue("id"))
}

func requireScope(scope string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		claims, err := parseClaims(r)
		if err != nil || !claims.HasScope(scope) {
			w.WriteHeader(http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// authenticate is a middleware: its closure authenticates and
// delegates, it is not an endpoint, silent here.
func authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := parseClaims(r); err != nil {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}
