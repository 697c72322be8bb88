// Package proxy forwards API calls to the upstream with the gateway's token.
package proxy

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strings"

	"example.com/blind3/gateway/internal/upstream"
)

const headerAPIKey = "X-Api-Key"

// Keys maps a hashed API key to the tenant that owns it.
type Keys map[string]string

func hashKey(k string) string {
	sum := sha256.Sum256([]byte(k))
	return hex.EncodeToString(sum[:])
}

// Gateway is the HTTP front of the upstream API.
type Gateway struct {
	keys     Keys
	upstream *url.URL
	tokens   *upstream.Source
	log      *slog.Logger
	rp       *httputil.ReverseProxy
}

// New builds the gateway.
func New(keys Keys, up *url.URL, tokens *upstream.Source, log *slog.Logger) *Gateway {
	g := &Gateway{keys: keys, upstream: up, tokens: tokens, log: log}
	g.rp = &httputil.ReverseProxy{Rewrite: g.rewrite}
	return g
}

// Handler returns the routes.
func (g *Gateway) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /status", g.status)
	mux.HandleFunc("POST /v1/tokens/introspect", g.introspect)
	mux.Handle("/v1/", g.withTenant(g.rp))
	return g.accessLog(mux)
}

func (g *Gateway) accessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := r.Header.Clone()
		h.Del("Authorization")
		h.Del("Cookie")
		h.Del(headerAPIKey)
		g.log.Debug("request", "method", r.Method, "path", r.URL.Path, "headers", h) // NEAR tokenlog t18
		g.log.Debug("request headers (raw)", "headers", r.Header)                    // WANT tokenlog T13
		next.ServeHTTP(w, r)
	})
}

var errUnknownKey = errors.New("unknown api key")

func (g *Gateway) tenantFor(key string) (string, error) {
	tenant, ok := g.keys[hashKey(key)]
	if !ok {
		return "", fmt.Errorf("%w: %s", errUnknownKey, key) // WANT tokenlog T14
	}
	return tenant, nil
}

func (g *Gateway) withTenant(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := r.Header.Get(headerAPIKey)
		if key == "" {
			g.log.Info("missing api key header", "header", headerAPIKey, "path", r.URL.Path) // NEAR tokenlog t19
			http.Error(w, "missing "+headerAPIKey, http.StatusUnauthorized)
			return
		}
		tenant, err := g.tenantFor(key)
		if err != nil {
			g.log.Warn("rejected api key", "key_sha256", hashKey(key)[:16], "remote", r.RemoteAddr) // NEAR tokenlog t20
			g.log.Warn("rejected", "err", err)                                                      // ALT T14
			http.Error(w, "invalid api key", http.StatusUnauthorized)
			return
		}
		r.Header.Set("X-Tenant", tenant)
		next.ServeHTTP(w, r)
	})
}

func (g *Gateway) rewrite(pr *httputil.ProxyRequest) {
	pr.SetURL(g.upstream)
	pr.Out.Header.Del(headerAPIKey)
	tok, err := g.tokens.Token(pr.In.Context())
	if err != nil {
		g.log.Error("no upstream token", "err", err)
		return
	}
	tok.SetAuthHeader(pr.Out)
	g.log.Debug("forwarding", "url", pr.Out.URL.String(), "auth", pr.Out.Header.Get("Authorization")) // WANT tokenlog T15
}

func (g *Gateway) status(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintln(w, g.tokens.Describe()) // WANT tokenlog T16
}

type introspectResponse struct {
	Active bool   `json:"active"`
	Tenant string `json:"tenant,omitempty"`
}

// introspect tells a caller whether an API key is valid.
func (g *Gateway) introspect(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	key := r.PostForm.Get("token")
	tenant, err := g.tenantFor(key)
	resp := introspectResponse{Active: err == nil, Tenant: tenant}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(resp) // NEAR tokenlog t21
	scheme, _, _ := strings.Cut(r.Header.Get("Authorization"), " ")
	g.log.Info("introspection", "active", resp.Active, "caller_auth_scheme", scheme) // NEAR tokenlog t22
}
