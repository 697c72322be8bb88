package proxyfwd // want package:"analyzed"

// A gateway authenticates the API key, forwards the tenant it found and
// proxies the request to the upstream service, which decides what the
// tenant may do: unknown, not reported. A route behind the same
// middleware whose own handler does the work is reported.

import (
	"net/http"
	"net/http/httputil"
	"net/url"
)

type gateway struct {
	keys    map[string]string // key -> tenant
	rp      *httputil.ReverseProxy
	tenants map[string]bool
}

func newGateway(up *url.URL) *gateway {
	return &gateway{keys: map[string]string{}, rp: httputil.NewSingleHostReverseProxy(up), tenants: map[string]bool{}}
}

func (g *gateway) withTenant(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tenant, ok := g.keys[r.Header.Get("X-Api-Key")]
		if !ok {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		r.Header.Set("X-Tenant", tenant)
		next.ServeHTTP(w, r)
	})
}

func (g *gateway) deleteTenant(w http.ResponseWriter, r *http.Request) {
	delete(g.tenants, r.PathValue("id"))
}

func (g *gateway) routes(mux *http.ServeMux) {
	mux.Handle("/v1/", g.withTenant(g.rp))                                             // forwarded: the upstream decides
	mux.Handle("DELETE /tenants/{id}", g.withTenant(http.HandlerFunc(g.deleteTenant))) // want `route "DELETE /tenants/\{id\}" is registered under authenticating middleware`
}
